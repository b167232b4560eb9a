"""Settings of the gateway."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic import Field

from services.kit.settings import ServiceSettings


class GatewaySettings(ServiceSettings):
    service_name: ClassVar[str] = "gateway"
    port: int = Field(default=8000, ge=1, le=65535)
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    upstream_timeout: float = Field(default=30.0, gt=0)
    upstream_connect_timeout: float = Field(default=5.0, gt=0)
    # Requests per minute; 0 turns a limit off (benchmarks do).
    rate_limit_ip: int = Field(default=1200, ge=0)
    rate_limit_user: int = Field(default=2400, ge=0)
    # A load balancer in front of the gateway whose X-Forwarded-For it may believe (addresses or CIDR).
    edge_trusted_proxies: list[str] = []
    static_dir: Path = Path(__file__).resolve().parent.parent / "frontend" / "dist"
    csp: str = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'"
    )
