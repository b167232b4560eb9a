"""Request and response shapes of the users service (other services may import this module)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, EmailStr, Field, StringConstraints, field_validator

from services.kit.schemas import ORMModel


class Role(StrEnum):
    admin = "admin"
    sales = "sales"
    demo = "demo"


class LoginRequest(BaseModel):
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=1024)


class DemoInfo(BaseModel):
    """Whether this is the public demo and when its data is reset next (the SPA's banner counts down)."""

    enabled: bool
    reset_cron: str | None = None
    next_reset_at: datetime | None = None


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int


class Me(ORMModel):
    id: int
    email: str
    name: str
    role: Role


class UserRead(ORMModel):
    id: int
    email: str
    name: str
    role: Role
    is_active: bool
    created_at: datetime
    last_login_at: datetime | None


class _Password(BaseModel):
    @field_validator("password", check_fields=False)
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be blank")
        return v


class UserCreate(_Password):
    email: EmailStr
    name: str = Field(min_length=1, max_length=200)
    role: Role = Role.sales
    password: str = Field(min_length=10, max_length=256)


class UserUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    role: Role | None = None
    is_active: bool | None = None


class PasswordReset(_Password):
    password: str = Field(min_length=10, max_length=256)


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=10, max_length=256)


class AuditEventRead(ORMModel):
    id: int
    at: datetime
    event: str
    user_id: int | None
    email: str | None
    ip: str | None
    detail: dict[str, Any]


class ServiceClientCreate(BaseModel):
    client_id: str = Field(min_length=2, max_length=64, pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    name: str = Field(min_length=1, max_length=200)
    scopes: list[str] = Field(default_factory=list, max_length=50)


class ServiceClientRead(ORMModel):
    id: int
    client_id: str
    name: str
    scopes: list[str]
    is_active: bool
    created_at: datetime

    @field_validator("scopes", mode="before")
    @classmethod
    def _split(cls, v: Any) -> Any:
        return v.split() if isinstance(v, str) else v


class ServiceClientCreated(ServiceClientRead):
    client_secret: str = Field(description="Shown once; store it now.")


class Jwks(BaseModel):
    keys: list[dict[str, Any]]


OneLine = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^\r\n]*$")]


class SenderProfile(BaseModel):
    """Who a draft is from: what the writer signs with and offers (Settings, per user)."""

    user_id: int
    name: str  # the account's name when no sender name is set
    role: str | None = None
    company: str | None = None
    offer: str | None = None  # one line: what the sender offers, in the sender's words
    calendar_url: str | None = None  # a booking link the call to action may use
    signature: str | None = None  # lines after the sign-off (phone, address); plain text


class SenderProfileUpdate(BaseModel):
    """The whole profile (PUT): fields left out or blank are cleared."""

    name: Annotated[OneLine, StringConstraints(max_length=120)] | None = None
    role: Annotated[OneLine, StringConstraints(max_length=120)] | None = None
    company: Annotated[OneLine, StringConstraints(max_length=200)] | None = None
    offer: Annotated[OneLine, StringConstraints(max_length=300)] | None = Field(
        default=None, description="One sentence, e.g. 'Wir rüsten CNC-Maschinen mit Sensoren nach, die Ausfälle "
                                  "Tage vorher melden.'")
    calendar_url: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None
    signature: Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)] | None = None

    @field_validator("calendar_url")
    @classmethod
    def _web_link(cls, v: str | None) -> str | None:
        if not v:
            return None
        parts = urlsplit(v)
        if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in v):
            raise ValueError("must be an http(s) link, e.g. https://cal.example.com/anna")
        return v

    @field_validator("signature")
    @classmethod
    def _few_lines(cls, v: str | None) -> str | None:
        if v and v.count("\n") >= 10:
            raise ValueError("at most 10 lines")
        return v or None
