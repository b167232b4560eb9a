"""Users + leads + calendar in-process with real tokens, optionally Google through the loopback stand-in.

The e-mail service is not part of the stack: ``OUTBOUND_EMAIL_URL`` points at a loopback port where nothing
listens, so the calendar's confirmation and sequence-stop jobs meet a service that is down (its endpoints
are being built elsewhere). Jobs are run by hand (``run_jobs``) so a test sees each attempt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
from fastapi import FastAPI

from services.calendar.deps import CalendarRuntime
from services.calendar.jobs import HANDLERS
from services.calendar.main import create_app as create_calendar
from services.calendar.models import Booking, Job
from services.calendar.settings import CalendarSettings
from services.kit.http import register_local_app
from services.kit.jobs import Worker
from services.leads.main import create_app as create_leads
from services.leads.settings import LeadsSettings
from services.users.main import create_app as create_users
from tests.conftest import free_port, running
from tests.fakes.google_calendar import FakeGoogle
from tests.gateway.support import serving
from tests.helpers import SERVICE_SECRET, bearer, create_user, login, users_settings

UTC = dt.UTC
PUBLIC_URL = "https://crm.example"
# A Monday morning in Berlin (10:00 CEST), the stack's "now" unless a test moves it.
NOW = dt.datetime(2025, 6, 2, 8, 0, tzinfo=UTC)
WEEKDAYS_9_TO_5 = {d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
NO_LIMITS = {"calendar_reads_per_minute_ip": 0, "calendar_writes_per_hour_ip": 0,
             "calendar_bookings_per_hour_email": 0, "calendar_bad_links_per_hour_ip": 0}


@dataclass
class CalendarStack:
    calendar: httpx.AsyncClient
    leads: httpx.AsyncClient
    users: httpx.AsyncClient
    admin: dict[str, str]
    sales: dict[str, str]
    demo: dict[str, str]
    email_service: dict[str, str]  # the e-mail service's token: calendar:links calendar:slots
    sales_id: int
    app: FastAPI
    leads_app: FastAPI
    google: FakeGoogle | None = None
    now: dt.datetime = NOW
    worker: Worker = field(init=False)

    def __post_init__(self) -> None:
        self.worker = Worker(self.runtime.jobs, dict(HANDLERS), runtime=self.runtime, name="test-worker")
        self.runtime.deps.clock = lambda: self.now

    @property
    def runtime(self) -> CalendarRuntime:
        runtime: CalendarRuntime = self.app.state.runtime
        return runtime

    async def run_jobs(self, limit: int = 100) -> int:
        """Run the jobs that are due now, one at a time; how many ran."""
        ran = 0
        while ran < limit and await self.worker.run_once():
            ran += 1
        return ran

    async def jobs(self) -> list[Job]:
        async with self.runtime.sessions() as s:
            return list((await s.execute(sa.select(Job).order_by(Job.id))).scalars())

    async def bookings(self) -> list[Booking]:
        async with self.runtime.sessions() as s:
            return list((await s.execute(sa.select(Booking).order_by(Booking.id))).scalars())

    async def host_page(self, headers: dict[str, str] | None = None, *, duration: int = 30,
                        **availability: Any) -> dict[str, Any]:
        """Availability for the host (Berlin, weekdays 9-17 unless changed) and a page; the page's answer."""
        body = {"timezone": "Europe/Berlin", "weekly": WEEKDAYS_9_TO_5, "slot_minutes": 30,
                "horizon_days": 365, **availability}
        resp = await self.calendar.put("/calendar/availability", json=body, headers=headers or self.sales)
        assert resp.status_code == 200, resp.text
        resp = await self.calendar.post("/calendar/pages", json={"title": "Intro call", "duration_minutes": duration},
                                        headers=headers or self.sales)
        assert resp.status_code == 201, resp.text
        page: dict[str, Any] = resp.json()
        return page

    async def contact(self, name: str = "Lena Lead", email: str = "lena@client.example") -> dict[str, Any]:
        company = await self.leads.post("/leads/companies", json={"name": "Client GmbH"}, headers=self.admin)
        assert company.status_code == 201, company.text
        resp = await self.leads.post("/leads/contacts", headers=self.admin, json={
            "name": name, "email": email, "company_id": company.json()["id"], "status": "contacted"})
        assert resp.status_code == 201, resp.text
        contact: dict[str, Any] = resp.json()
        return contact

    async def personal_link(self, page_id: int, contact_id: int, **extra: Any) -> dict[str, Any]:
        resp = await self.calendar.post("/calendar/links", json={"page_id": page_id, "contact_id": contact_id, **extra},
                                        headers=self.email_service)
        assert resp.status_code == 201, resp.text
        link: dict[str, Any] = resp.json()
        return link


def booking(start: str, name: str = "Bob Visitor", email: str = "bob@visitor.example", **extra: Any) -> dict[str, Any]:
    return {"start": start, "name": name, "email": email, **extra}


async def _service_token(users: httpx.AsyncClient, client_id: str, scope: str) -> dict[str, str]:
    resp = await users.post("/auth/token", data={"grant_type": "client_credentials", "client_id": client_id,
                                                 "client_secret": SERVICE_SECRET, "scope": scope})
    assert resp.status_code == 200, resp.text
    return bearer(resp.json()["access_token"])


# The provider's timeout against the loopback stand-in, and how long a "slow" fault makes it wait. 0.5 s failed
# on a loaded CI machine, where a plain token exchange once took longer; the slow fault stays well beyond it.
GOOGLE_TIMEOUT = 3.0
GOOGLE_SLOW = 5.0


def google_settings(fake: FakeGoogle) -> dict[str, Any]:
    return {"calendar_provider": "google", "google_timeout": GOOGLE_TIMEOUT, "google_max_retries": 2,
            "google_retry_base_delay": 0.01, **fake.endpoints}


@contextlib.asynccontextmanager
async def _calendar_client(app: FastAPI, served: bool) -> AsyncIterator[httpx.AsyncClient]:
    if not served:
        async with running(app) as client:
            yield client
        return
    async with serving(app) as url, httpx.AsyncClient(base_url=url, timeout=30) as client:
        yield client


@contextlib.asynccontextmanager
async def calendar_stack(database_url: str, tmp_path: Path, *, google: FakeGoogle | None = None,
                         served: bool = False, **overrides: Any) -> AsyncIterator[CalendarStack]:
    """``served``: the calendar app runs under uvicorn on a loopback port (``stack.calendar.base_url``)."""
    users_app = create_users(users_settings(f"sqlite+aiosqlite:///{tmp_path / 'users.db'}"))
    users_origin = f"http://users-{id(users_app)}.local"
    register_local_app(users_origin, users_app)
    leads_app = create_leads(LeadsSettings(_env_file=None, database_url=f"sqlite+aiosqlite:///{tmp_path / 'leads.db'}",  # type: ignore[call-arg]
                                           environment="test", users_url=users_origin, service_secret=SERVICE_SECRET,
                                           data_dir=tmp_path, workers=0))
    leads_origin = f"http://leads-{id(leads_app)}.local"
    register_local_app(leads_origin, leads_app)
    values: dict[str, Any] = {
        "database_url": database_url, "environment": "test", "users_url": users_origin, "leads_url": leads_origin,
        "email_url": f"http://127.0.0.1:{free_port()}", "service_secret": SERVICE_SECRET, "data_dir": tmp_path,
        "public_url": PUBLIC_URL, "workers": 0, "http_timeout": 2.0, **NO_LIMITS,
        **(google_settings(google) if google is not None else {}), **overrides}
    calendar_app = create_calendar(CalendarSettings(_env_file=None, **values))  # type: ignore[call-arg]
    async with running(users_app) as users, running(leads_app) as leads, \
            _calendar_client(calendar_app, served) as calendar:
        admin = await login(users)
        sales_user = await create_user(users, admin, "sales@example.com", "sales")
        await create_user(users, admin, "demo@example.com", "demo")
        sales = await login(users, "sales@example.com", "user password 123")
        demo = await login(users, "demo@example.com", "user password 123")
        yield CalendarStack(calendar, leads, users, bearer(admin), bearer(sales), bearer(demo),
                            await _service_token(users, "email", "calendar:links calendar:slots"),
                            int(sales_user["id"]), calendar_app, leads_app, google)
