"""Users + leads (+ ai) + email in-process with real tokens, for what comes back: replies, bounces, tracking,
AI lines, suppressions. The ledger rows a reply answers are written straight into the e-mail database (the
sending engine is tested on its own); everything after that goes through the service's own code."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from services.ai.main import create_app as create_ai
from services.ai.settings import AISettings
from services.email import ai_lines, replies
from services.email.deps import EmailRuntime
from services.email.main import create_app as create_email
from services.email.models import (
    ACTIVE,
    RUNNING,
    SENT,
    Campaign,
    CampaignContact,
    CampaignStep,
    Job,
    Mailbox,
    Message,
    MessageEvent,
    Template,
)
from services.email.settings import EmailSettings
from services.kit.db import utcnow
from services.kit.http import register_local_app
from services.kit.jobs import Worker
from services.leads.main import create_app as create_leads
from services.leads.settings import LeadsSettings
from services.users.main import create_app as create_users
from tests.conftest import running
from tests.gateway.support import serving
from tests.helpers import SERVICE_SECRET, bearer, create_user, login, users_settings

PUBLIC_URL = "https://crm.example"


@dataclass
class EmailStack:
    email: httpx.AsyncClient
    leads: httpx.AsyncClient
    users: httpx.AsyncClient
    admin: dict[str, str]
    sales: dict[str, str]
    demo: dict[str, str]
    app: Any
    leads_app: Any
    ai_app: Any = None
    ai: httpx.AsyncClient | None = None
    now: dt.datetime = field(default_factory=utcnow)
    worker: Worker = field(init=False)

    def __post_init__(self) -> None:
        handlers = {**replies.HANDLERS, **ai_lines.HANDLERS}
        self.worker = Worker(self.runtime.jobs, handlers, runtime=self.runtime, name="test-worker")
        self.runtime.deps.clock = lambda: self.now

    @property
    def runtime(self) -> EmailRuntime:
        runtime: EmailRuntime = self.app.state.runtime
        return runtime

    async def run_jobs(self, limit: int = 1000, types: tuple[str, ...] | None = None) -> int:
        """Run the due jobs one at a time (all types unless given); how many ran."""
        ran = 0
        while ran < limit and await self.worker.run_once():
            ran += 1
        return ran

    async def jobs(self, type_: str | None = None) -> list[Job]:
        async with self.runtime.sessions() as s:
            stmt = sa.select(Job).order_by(Job.id)
            if type_:
                stmt = stmt.where(Job.type == type_)
            return list((await s.execute(stmt)).scalars())

    async def events(self, kind: str | None = None) -> list[MessageEvent]:
        async with self.runtime.sessions() as s:
            stmt = sa.select(MessageEvent).order_by(MessageEvent.id)
            if kind:
                stmt = stmt.where(MessageEvent.kind == kind)
            return list((await s.execute(stmt)).scalars())

    async def message(self, message_id: int) -> Message:
        async with self.runtime.sessions() as s:
            row = await s.get(Message, message_id)
            assert row is not None
            return row

    async def enrolment(self, enrolment_id: int) -> CampaignContact:
        async with self.runtime.sessions() as s:
            row = await s.get(CampaignContact, enrolment_id)
            assert row is not None
            return row

    async def contact(self, name: str = "Bob Lead", email: str = "bob@client.example",
                      country: str | None = None) -> dict[str, Any]:
        company = await self.leads.post("/leads/companies", json={"name": f"{name} GmbH"}, headers=self.admin)
        assert company.status_code == 201, company.text
        body: dict[str, Any] = {"name": name, "email": email, "company_id": company.json()["id"],
                                "status": "contacted"}
        if country:
            body["country"] = country
        resp = await self.leads.post("/leads/contacts", headers=self.admin, json=body)
        assert resp.status_code == 201, resp.text
        contact: dict[str, Any] = resp.json()
        return contact

    async def mailbox(self, *, imap: tuple[str, int, str, str] | None = None) -> int:
        """A mailbox (IMAP host, port, user, password when given), written as the mailbox API would."""
        async with self.runtime.sessions() as s:
            box = Mailbox(name="Sales", from_email="sales@outbound.example", smtp_host="127.0.0.1", smtp_port=25,
                          smtp_security="none")
            if imap is not None:
                box.imap_host, box.imap_port, box.imap_security, box.imap_username = imap[0], imap[1], "none", imap[2]
            s.add(box)
            await s.flush()
            if imap is not None:
                box.imap_password_sealed = self.runtime.deps.box.seal(imap[3], context=f"mailbox:{box.id}:imap")
            await s.commit()
            return int(box.id)

    async def campaign(self, mailbox_id: int, contacts: list[dict[str, Any]], *, steps: int = 2,
                       status: str = RUNNING, ai_line_steps: tuple[int, ...] = (),
                       sent: bool = True) -> dict[str, Any]:
        """A campaign whose step 1 went out to every contact (ledger rows with deterministic Message-IDs)."""
        async with self.runtime.sessions() as s:
            template = Template(name="T", subject="Kurze Frage", body_text="Hallo {{ contact.name }}")
            campaign = Campaign(name="Spring", status=status)
            s.add_all([template, campaign])
            await s.flush()
            for position in range(1, steps + 1):
                s.add(CampaignStep(campaign_id=campaign.id, position=position, template_id=template.id,
                                   delay_days=3, ai_line=position in ai_line_steps))
            out: dict[str, Any] = {"id": campaign.id, "enrolments": {}, "messages": {}}
            for c in contacts:
                enrolment = CampaignContact(campaign_id=campaign.id, contact_id=c["id"], company_id=c["company_id"],
                                            email=c["email"], status=ACTIVE, next_step=2,
                                            next_due_at=self.now + dt.timedelta(days=3), mailbox_id=mailbox_id)
                s.add(enrolment)
                await s.flush()
                out["enrolments"][c["id"]] = enrolment.id
                if sent:
                    message = Message(campaign_id=campaign.id, enrolment_id=enrolment.id, contact_id=c["id"],
                                      company_id=c["company_id"], step=1, mailbox_id=mailbox_id, to_email=c["email"],
                                      subject="Kurze Frage", body_text="Hallo", status=SENT,
                                      message_id=f"<c{campaign.id}.{c['id']}.1@outbound.example>",
                                      sent_at=self.now - dt.timedelta(hours=1))
                    s.add(message)
                    await s.flush()
                    out["messages"][c["id"]] = (message.id, message.message_id)
            await s.commit()
            return out


@contextlib.asynccontextmanager
async def email_stack(database_url: str, tmp_path: Path, *, with_ai: bool = False, served: bool = False,
                      leads_overrides: dict[str, Any] | None = None, ai_overrides: dict[str, Any] | None = None,
                      **overrides: Any) -> AsyncIterator[EmailStack]:
    users_app = create_users(users_settings(f"sqlite+aiosqlite:///{tmp_path / 'users.db'}"))
    users_origin = f"http://users-{id(users_app)}.local"
    register_local_app(users_origin, users_app)
    leads_app = create_leads(LeadsSettings(_env_file=None, database_url=f"sqlite+aiosqlite:///{tmp_path / 'leads.db'}",  # type: ignore[call-arg]
                                           environment="test", users_url=users_origin, service_secret=SERVICE_SECRET,
                                           data_dir=tmp_path, workers=0, **(leads_overrides or {})))
    leads_origin = f"http://leads-{id(leads_app)}.local"
    register_local_app(leads_origin, leads_app)
    ai_app = None
    ai_origin = "http://127.0.0.1:9"
    if with_ai:
        ai_app = create_ai(AISettings(_env_file=None, database_url=f"sqlite+aiosqlite:///{tmp_path / 'ai.db'}",  # type: ignore[call-arg]
                                      environment="test", users_url=users_origin, leads_url=leads_origin,
                                      service_secret=SERVICE_SECRET, data_dir=tmp_path, **(ai_overrides or {})))
        ai_origin = f"http://ai-{id(ai_app)}.local"
        register_local_app(ai_origin, ai_app)
    values: dict[str, Any] = {
        "database_url": database_url, "environment": "test", "users_url": users_origin, "leads_url": leads_origin,
        "ai_url": ai_origin, "service_secret": SERVICE_SECRET, "data_dir": tmp_path, "public_url": PUBLIC_URL,
        "workers": 0, "http_timeout": 5.0, "smtp_catcher_port": 0, **overrides}
    email_app = create_email(EmailSettings(_env_file=None, **values))  # type: ignore[call-arg]
    async with contextlib.AsyncExitStack() as stack:
        users = await stack.enter_async_context(running(users_app))
        leads = await stack.enter_async_context(running(leads_app))
        ai = await stack.enter_async_context(running(ai_app)) if ai_app is not None else None
        if served:  # under uvicorn on a loopback port (schemathesis sends real HTTP)
            url = await stack.enter_async_context(serving(email_app))
            email = await stack.enter_async_context(httpx.AsyncClient(base_url=url, timeout=30))
        else:
            email = await stack.enter_async_context(running(email_app))
        admin = await login(users)
        await create_user(users, admin, "sales@example.com", "sales")
        await create_user(users, admin, "demo@example.com", "demo")
        sales = await login(users, "sales@example.com", "user password 123")
        demo = await login(users, "demo@example.com", "user password 123")
        yield EmailStack(email, leads, users, bearer(admin), bearer(sales), bearer(demo), email_app, leads_app,
                         ai_app, ai)
