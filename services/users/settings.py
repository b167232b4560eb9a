"""Settings of the users service."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from services.kit.settings import ServiceSettings


class UsersSettings(ServiceSettings):
    service_name: ClassVar[str] = "users"
    access_token_ttl: int = Field(default=900, ge=60, le=900, description="seconds; at most 15 minutes")
    service_token_ttl: int = Field(default=900, ge=60, le=3600)
    refresh_token_ttl_days: int = Field(default=14, ge=1, le=90)
    refresh_cookie_name: str = "outbound_refresh"
    # A rotated refresh token presented again this soon gets the same successor instead of ending the
    # session: parallel requests of one browser (tabs, retries) carry the same cookie. 0 turns it off.
    refresh_reuse_grace_seconds: int = Field(default=10, ge=0, le=60)
    cookie_secure: bool | None = None  # None: secure everywhere but development
    jwt_private_key: str | None = None  # PEM (Ed25519); without it keys are generated and kept in the database
    admin_email: str | None = None
    admin_password: str | None = None
    admin_name: str = "Admin"
    # Throttling: failures in a window before a temporary block; blocks grow but never become permanent.
    login_window_seconds: int = 900
    login_max_failures_account: int = 5
    login_max_failures_ip: int = 30
    login_max_block_seconds: int = 900
    trusted_proxies: list[str] = ["127.0.0.1", "::1"]
    min_password_length: int = 10
    # The public demo (OUTBOUND_DEMO_MODE): "Enter the demo" signs visitors in as this demo-role account,
    # at most this many new demo sessions per client address in the sign-in window.
    demo_account_email: str = "visitor@demo.outbound.invalid"
    demo_sessions_per_ip: int = Field(default=20, ge=1, le=10_000)
    # argon2id cost (pwdlib's recommended values); lower only on very small machines or in tests.
    password_hash_time_cost: int = Field(default=3, ge=1, le=20)
    password_hash_memory_kib: int = Field(default=65536, ge=1024, le=2**21)
    password_hash_parallelism: int = Field(default=4, ge=1, le=16)

    @property
    def secure_cookies(self) -> bool:
        return self.environment != "development" if self.cookie_secure is None else self.cookie_secure
