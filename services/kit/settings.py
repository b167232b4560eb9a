"""Settings shared by every service: env prefix ``OUTBOUND_``, ``.env`` supported.

Each service subclasses :class:`ServiceSettings` and sets ``service_name``; its database URL is
resolved in this order: ``OUTBOUND_<SERVICE>_DATABASE_URL``, ``OUTBOUND_DATABASE_URL``, then a
SQLite file ``<OUTBOUND_DATA_DIR>/<service>.db``.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .cron import validate_cron

PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "dev-secret-change-me"}
SERVICE_NAMES = ("users", "leads", "ai", "email", "calendar")
FLAG_ON = frozenset({"1", "true", "yes", "on", "y", "t"})
FLAG_OFF = frozenset({"0", "false", "no", "off", "n", "f"})


class ServiceSettings(BaseSettings):
    """Settings every service understands."""

    model_config = SettingsConfigDict(env_prefix="OUTBOUND_", env_file=".env", extra="ignore")

    service_name: ClassVar[str] = "kit"
    environment: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("data")
    database_url: str | None = None
    log_level: str = "INFO"
    log_json: bool = False
    # Token verification: where the users service publishes its keys, and what a token must say.
    jwt_issuer: str = "outbound-users"
    jwt_audience: str = "outbound"
    # Where each service answers in the distributed topology (OUTBOUND_<NAME>_URL).
    users_url: str = "http://127.0.0.1:8001"
    leads_url: str = "http://127.0.0.1:8002"
    ai_url: str = "http://127.0.0.1:8003"
    email_url: str = "http://127.0.0.1:8004"
    calendar_url: str = "http://127.0.0.1:8005"
    # Service-to-service calls: each built-in service signs in to the users service as the client
    # named after it, with this shared internal secret (client credentials grant).
    service_secret: str | None = None
    http_timeout: float = 10.0
    # Where people open the product (https://crm.example.com); a request's Origin may name it.
    public_url: str | None = None
    demo_mode: bool = False
    # Migrate the database when a service starts; off where a separate step migrates first (Kubernetes Job),
    # so replicas starting together do not race each other.
    auto_migrate: bool = True
    # Workers started inside the service process; 0 disables them (e.g. when a separate pool runs).
    workers: int = Field(default=1, ge=0, le=64)
    # The HTTP server (services/kit/server.py): caps and timeouts that keep one client from stalling it.
    server_max_head_bytes: int = Field(default=64 * 1024, ge=8 * 1024, le=1024 * 1024)
    server_header_timeout: float = Field(default=10.0, gt=0, le=300)
    server_body_idle_timeout: float = Field(default=30.0, gt=0, le=3600)
    server_max_connections: int = Field(default=2048, ge=16)
    server_max_connections_per_client: int = Field(default=256, ge=1)
    # Peers exempt from the per-address cap (addresses or CIDR): a load balancer, or the gateway in front
    # of a service, which carry many people's connections.
    server_uncapped_clients: list[str] = []
    # When the demo's data is reset (cron, UTC): the reset container runs on it, the demo banner counts down to it.
    demo_reset_cron: str = "0 * * * *"

    @field_validator("demo_mode", mode="before")
    @classmethod
    def _demo_mode_fails_closed(cls, value: object) -> object:
        """``true``, `` 1``, ``TRUE``, ``yes``, ``true\\n`` all mean on; a value that is neither on nor off
        refuses to start rather than leave a public demo open by a typo."""
        if isinstance(value, str):
            flag = value.strip().lower()
            if flag in FLAG_ON:
                return True
            if flag in FLAG_OFF:
                return False
            raise ValueError(f"OUTBOUND_DEMO_MODE={value!r} is neither on (true, 1, yes, on) nor off "
                             "(false, 0, no, off)")
        return value

    @field_validator("server_uncapped_clients")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        for entry in value:
            ipaddress.ip_network(entry, strict=False)  # a ValueError names the bad entry
        return value

    @model_validator(mode="after")
    def _resolve_database_url(self) -> ServiceSettings:
        if self.database_url is None or self.database_url == os.environ.get("OUTBOUND_DATABASE_URL"):
            own = os.environ.get(f"OUTBOUND_{self.service_name.upper()}_DATABASE_URL")
            if own:
                self.database_url = own
        if not self.database_url:
            self.database_url = f"sqlite+aiosqlite:///{self.data_dir / (self.service_name + '.db')}"
        self.database_url = normalise_database_url(self.database_url)
        return self

    @field_validator("demo_reset_cron")
    @classmethod
    def _cron_schedule(cls, value: str) -> str:
        try:
            return validate_cron(value)
        except ValueError as exc:
            raise ValueError(f"OUTBOUND_DEMO_RESET_CRON: {exc}") from None

    @property
    def is_sqlite(self) -> bool:
        return str(self.database_url).startswith("sqlite")

    def require_secret(self, name: str, value: str | None) -> None:
        """Refuse to run outside development with a placeholder secret."""
        if self.environment != "development" and (value is None or value.strip().lower() in PLACEHOLDER_SECRETS):
            raise ValueError(f"OUTBOUND_{name.upper()} must be set to a real secret outside development")


def normalise_database_url(url: str) -> str:
    """Accept the plain URLs people paste and pick the async drivers we ship."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+asyncpg://" + url[len("postgresql://") :]
    if url.startswith("sqlite:///"):
        url = "sqlite+aiosqlite:///" + url[len("sqlite:///") :]
    return url
