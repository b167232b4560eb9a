"""Users + leads + e-mail in-process with real tokens, and a real SMTP sink (aiosmtpd) to send to.

The e-mail app runs with ``workers=0``: tests drive the kit's job worker (``run_jobs``) and the sending
engine (``send_all``) by hand, so each step is visible. ``stack.now`` is the e-mail service's clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
from fastapi import FastAPI

from services.email.deps import EmailRuntime
from services.email.engine import SendingEngine
from services.email.feed import LocalService
from services.email.jobs import HANDLERS
from services.email.main import create_app as create_email
from services.email.models import CampaignContact, Message
from services.email.settings import EmailSettings
from services.kit.http import register_local_app
from services.kit.jobs import Worker
from services.leads.main import create_app as create_leads
from services.leads.settings import LeadsSettings
from services.users.main import create_app as create_users
from tests.conftest import running
from tests.fakes.smtp_server import SmtpSink, smtp_sink
from tests.gateway.support import serving
from tests.helpers import SERVICE_SECRET, bearer, create_user, login, users_settings

UTC = dt.UTC
PUBLIC_URL = "https://crm.example"
# A Tuesday, 10:00 in Berlin.
NOW = dt.datetime(2025, 6, 3, 8, 0, tzinfo=UTC)


@dataclass
class EmailStack:
    email: httpx.AsyncClient
    leads: httpx.AsyncClient
    users: httpx.AsyncClient
    admin: dict[str, str]
    sales: dict[str, str]
    demo: dict[str, str]
    calendar_service: dict[str, str]  # a token with email:send email:sequences
    app: FastAPI
    sink: SmtpSink
    now: dt.datetime = NOW
    worker: Worker = field(init=False)
    engine: SendingEngine = field(init=False)

    def __post_init__(self) -> None:
        self.worker = Worker(self.runtime.jobs, dict(HANDLERS), runtime=self.runtime, name="test-worker")
        self.runtime.deps.clock = lambda: self.now
        self.engine = SendingEngine(self.runtime, name="test-sender", poll_interval=0.05)

    @property
    def runtime(self) -> EmailRuntime:
        runtime: EmailRuntime = self.app.state.runtime
        return runtime

    async def run_jobs(self, limit: int = 1000, types: tuple[str, ...] | None = None) -> int:
        ran = 0
        while ran < limit and await self.worker.run_once():
            ran += 1
        return ran

    async def send_all(self, rounds: int = 200) -> int:
        """Run sending rounds until one handles nothing; how many messages were handled."""
        total = 0
        self.engine._last_housekeeping = 0.0  # housekeeping every call: the clock is the test's
        for _ in range(rounds):
            handled = await self.engine.run_once()
            total += handled
            if not handled:
                break
        return total

    async def messages(self) -> list[Message]:
        async with self.runtime.sessions() as s:
            return list((await s.execute(sa.select(Message).order_by(Message.id))).scalars())

    async def enrolments(self) -> list[CampaignContact]:
        async with self.runtime.sessions() as s:
            return list((await s.execute(sa.select(CampaignContact).order_by(CampaignContact.id))).scalars())

    # --- building blocks ----------------------------------------------------------------------------
    async def company(self, name: str = "Client GmbH", country: str | None = "GB", **extra: Any) -> dict[str, Any]:
        body = {"name": name, **({"country": country} if country else {}), **extra}
        resp = await self.leads.post("/leads/companies", json=body, headers=self.admin)
        assert resp.status_code == 201, resp.text
        company: dict[str, Any] = resp.json()
        return company

    async def contact(self, name: str = "Lena Lead", email: str | None = "lena@client.example",
                      company_id: int | None = None, **extra: Any) -> dict[str, Any]:
        if company_id is None:
            company_id = (await self.company())["id"]
        body = {"name": name, "company_id": company_id, **({"email": email} if email else {}), **extra}
        resp = await self.leads.post("/leads/contacts", headers=self.admin, json=body)
        assert resp.status_code == 201, resp.text
        contact: dict[str, Any] = resp.json()
        return contact

    async def mailbox(self, **extra: Any) -> dict[str, Any]:
        body = {"name": "Sales box", "from_email": "anna@seller.example", "from_name": "Anna Seller",
                "smtp_host": "127.0.0.1", "smtp_port": self.sink.port, "smtp_security": "none",
                "daily_limit": 0, "min_gap_seconds": 0, **extra}
        resp = await self.email.post("/email/mailboxes", json=body, headers=self.admin)
        assert resp.status_code == 201, resp.text
        mailbox: dict[str, Any] = resp.json()
        return mailbox

    async def template(self, subject: str = "Hello {{ contact.first_name }}",
                       body_html: str | None = "<p>{{ salutation }}</p><p>About {{ company.name }}.</p>",
                       **extra: Any) -> dict[str, Any]:
        resp = await self.email.post("/email/templates", headers=self.admin,
                                     json={"name": "Intro", "subject": subject, "body_html": body_html, **extra})
        assert resp.status_code == 201, resp.text
        template: dict[str, Any] = resp.json()
        return template

    async def campaign(self, contact_ids: list[int], *, mailbox_ids: list[int] | None = None,
                       steps: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
        if mailbox_ids is None:
            mailbox_ids = [(await self.mailbox())["id"]]
        if steps is None:
            steps = [{"template_id": (await self.template())["id"], "delay_days": 0}]
        resp = await self.email.post("/email/campaigns", headers=self.sales, json={
            "name": "Spring", "mailbox_ids": mailbox_ids, "contact_ids": contact_ids, "steps": steps, **extra})
        assert resp.status_code == 201, resp.text
        campaign: dict[str, Any] = resp.json()
        return campaign

    async def start(self, campaign_id: int) -> None:
        resp = await self.email.post(f"/email/campaigns/{campaign_id}/start", headers=self.admin)
        assert resp.status_code == 200, resp.text
        assert resp.json()["status"] == "running"

    async def progress(self, campaign_id: int) -> dict[str, int]:
        resp = await self.email.get(f"/email/campaigns/{campaign_id}", headers=self.admin)
        assert resp.status_code == 200, resp.text
        progress: dict[str, int] = resp.json()["progress"]
        return progress


async def service_token(users: httpx.AsyncClient, client_id: str, scope: str) -> dict[str, str]:
    resp = await users.post("/auth/token", data={"grant_type": "client_credentials", "client_id": client_id,
                                                 "client_secret": SERVICE_SECRET, "scope": scope})
    assert resp.status_code == 200, resp.text
    return bearer(resp.json()["access_token"])


def email_settings(database_url: str, tmp_path: Path, users_url: str, leads_url: str,
                   **overrides: Any) -> EmailSettings:
    values: dict[str, Any] = {
        "database_url": database_url, "environment": "test", "users_url": users_url, "leads_url": leads_url,
        "service_secret": SERVICE_SECRET, "data_dir": tmp_path, "public_url": PUBLIC_URL, "workers": 0,
        "http_timeout": 5.0, "smtp_timeout": 5.0, "smtp_catcher_port": 0, **overrides}
    return EmailSettings(_env_file=None, **values)  # type: ignore[call-arg]


def local_services(tmp_path: Path, users_origin: str, leads_origin: str) -> tuple[LocalService, ...]:
    """The users and leads apps of :func:`leads_and_users`, as ``(origin, create_app, settings)``: what the sending
    engine's feed process runs in process (services.email.feed)."""
    leads = LeadsSettings(_env_file=None, database_url=f"sqlite+aiosqlite:///{tmp_path / 'leads.db'}",  # type: ignore[call-arg]
                          environment="test", users_url=users_origin, service_secret=SERVICE_SECRET,
                          data_dir=tmp_path, workers=0)
    return ((users_origin, create_users, users_settings(f"sqlite+aiosqlite:///{tmp_path / 'users.db'}")),
            (leads_origin, create_leads, leads))


@contextlib.asynccontextmanager
async def leads_and_users(tmp_path: Path) -> AsyncIterator[tuple[str, str, httpx.AsyncClient, httpx.AsyncClient]]:
    key = uuid.uuid4().hex[:12]
    users_origin, leads_origin = f"http://users-{key}.local", f"http://leads-{key}.local"
    (_, _, users_config), (_, _, leads_config) = local_services(tmp_path, users_origin, leads_origin)
    users_app, leads_app = create_users(users_config), create_leads(leads_config)
    register_local_app(users_origin, users_app)
    register_local_app(leads_origin, leads_app)
    async with running(users_app) as users, running(leads_app) as leads:
        yield users_origin, leads_origin, users, leads


@contextlib.asynccontextmanager
async def _email_client(app: FastAPI, served: bool) -> AsyncIterator[httpx.AsyncClient]:
    if not served:
        async with running(app) as client:
            yield client
        return
    async with serving(app) as url, httpx.AsyncClient(base_url=url, timeout=30) as client:
        yield client


@contextlib.asynccontextmanager
async def email_stack(database_url: str, tmp_path: Path, *, sink_options: dict[str, Any] | None = None,
                      served: bool = False, **overrides: Any) -> AsyncIterator[EmailStack]:
    """``served``: the e-mail app runs under uvicorn on a loopback port (``stack.email.base_url``)."""
    async with leads_and_users(tmp_path) as (users_origin, leads_origin, users, leads), \
            smtp_sink(**(sink_options or {})) as sink:
        app = create_email(email_settings(database_url, tmp_path, users_origin, leads_origin, **overrides))
        async with _email_client(app, served) as email:
            admin = await login(users)
            await create_user(users, admin, "sales@example.com", "sales")
            await create_user(users, admin, "demo@example.com", "demo")
            sales = await login(users, "sales@example.com", "user password 123")
            demo = await login(users, "demo@example.com", "user password 123")
            stack = EmailStack(email, leads, users, bearer(admin), bearer(sales), bearer(demo),
                               await service_token(users, "calendar", "email:send email:sequences"), app, sink)
            try:
                yield stack
            finally:
                await stack.engine.stop()
