"""Settings of the email service: public links, the secret key, the local catcher, SMTP/IMAP, pacing, templates.

Everything here has an offline default: with no setting at all the service seals mailbox passwords
with a key generated into ``<OUTBOUND_DATA_DIR>/email-secret.key`` and sends through the local SMTP
catcher on a free loopback port.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from pydantic import Field, field_validator

from services.kit.settings import ServiceSettings

DkimAlgorithm = Literal["ed25519-sha256", "rsa-sha256"]


class EmailSettings(ServiceSettings):
    service_name: ClassVar[str] = "email"

    # Base of every link in a mail (unsubscribe, tracking, booking); the gateway's public address.
    public_url: str = "http://127.0.0.1:8000"
    # Seals mailbox passwords at rest. None: a random key generated into <data_dir>/email-secret.key (0600).
    email_secret_key: str | None = Field(default=None, repr=False)
    # The local SMTP catcher of the offline default: "auto" = a free loopback port chosen at start,
    # a number pins the port, 0 switches the catcher off.
    smtp_catcher_port: int | Literal["auto"] = "auto"
    smtp_catcher_host: str = "127.0.0.1"
    # Caught mail kept at most (oldest removed first); 0 keeps everything.
    smtp_catcher_max_messages: int = Field(default=5000, ge=0)
    # Seconds one SMTP command may take (connect, each command, the answer after DATA).
    smtp_timeout: float = Field(default=30.0, gt=0, le=600)
    # Check the server's TLS certificate (off only for self-signed test servers).
    smtp_tls_verify: bool = True
    # An idle pooled SMTP connection is closed after this many seconds.
    smtp_idle_seconds: float = Field(default=60.0, ge=0)
    imap_timeout: float = Field(default=30.0, gt=0, le=600)
    imap_tls_verify: bool = True
    # New messages fetched per IMAP poll at most; the rest come with the next poll.
    imap_batch_size: int = Field(default=200, ge=1, le=5000)
    imap_poll_seconds: float = Field(default=60.0, ge=5)
    # Domain of generated Message-IDs; None: the sending mailbox's domain.
    message_id_domain: str | None = None
    # Optional DKIM signing for every mailbox whose From domain is email_dkim_domain.
    email_dkim_domain: str | None = None
    email_dkim_selector: str | None = None
    # PEM (RSA or Ed25519) or the base64 Ed25519 seed dkimpy uses; the algorithm follows from the key.
    email_dkim_private_key: str | None = Field(default=None, repr=False)
    # Pacing defaults for a new mailbox (each mailbox may override them).
    email_default_daily_limit: int = Field(default=50, ge=0)
    email_default_min_gap_seconds: float = Field(default=120.0, ge=0)
    # Up to this fraction of the gap is added at random, so sends do not tick like a clock.
    email_gap_jitter: float = Field(default=0.3, ge=0, le=2)
    # Time zone of a contact whose country is unknown.
    email_default_timezone: str = "Europe/Berlin"
    # Country (ISO 3166 alpha-2) → IANA zone entries that replace or extend the built-in table.
    email_country_timezones: dict[str, str] = Field(default_factory=dict)
    # Template limits: largest rendered part, items a template may loop over, largest number argument.
    template_max_output_chars: int = Field(default=200_000, ge=1000)
    template_max_iterations: int = Field(default=10_000, ge=100)
    # An out-of-office reply that names no return date postpones the contact's next step this many days.
    email_ooo_postpone_days: int = Field(default=7, ge=1, le=90)
    # The sending engine claims, checks and builds its messages in a process of its own, so its event loop only
    # talks SMTP and commits the ledger (services.email.feed). It costs a process (~175 MiB where every service runs
    # in one) and more CPU in all; it pays only with a core to spare (on 2 cores: no faster, docs/benchmarks.md).
    email_feed_process: bool = False
    # Who may set X-Forwarded-For (the gateway): the tracking routes judge hits by the client's address.
    trusted_proxies: list[str] = ["127.0.0.1", "::1"]
    # Tracking: an open or click within this many seconds of sending is a mail gateway's scan, not a person.
    tracking_ignore_seconds: float = Field(default=10.0, ge=0, le=3600)
    # CIDR networks whose hits never count, added to the built-in scanner list (Microsoft EOP, Apple MPP, …).
    tracking_scanner_networks: list[str] = Field(default_factory=list)

    @field_validator("smtp_catcher_port", mode="before")
    @classmethod
    def _catcher_port(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip().lower()
            if text in ("", "auto"):
                return "auto"
            if text in ("off", "none", "false"):
                return 0
            if not text.isdigit():
                raise ValueError("OUTBOUND_SMTP_CATCHER_PORT must be 'auto', 0 (off) or a port number")
            return int(text)
        return value

    @field_validator("smtp_catcher_port")
    @classmethod
    def _port_range(cls, value: int | str) -> int | str:
        if isinstance(value, int) and not 0 <= value <= 65535:
            raise ValueError("OUTBOUND_SMTP_CATCHER_PORT must be between 0 and 65535")
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("OUTBOUND_PUBLIC_URL must start with http:// or https://")
        return value.rstrip("/")

    @property
    def catcher_dir(self) -> Path:
        return self.data_dir / "catcher"

    @property
    def secret_key_file(self) -> Path:
        return self.data_dir / "email-secret.key"
