"""Users + leads + ai in-process with real tokens: the leads app is registered as a local transport so
the AI service's LeadsClient reaches it with its own service token."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from services.ai.main import create_app as create_ai
from services.ai.settings import AISettings
from services.kit.http import register_local_app
from services.leads.main import create_app as create_leads
from services.leads.settings import LeadsSettings
from services.users.main import create_app as create_users
from tests.conftest import running
from tests.fakes.openai_server import FakeOpenAI
from tests.gateway.support import serving
from tests.helpers import SERVICE_SECRET, bearer, create_user, login, users_settings


@dataclass
class AIStack:
    ai: httpx.AsyncClient
    leads: httpx.AsyncClient
    admin: dict[str, str]
    sales: dict[str, str]
    demo: dict[str, str]
    email_service: dict[str, str]  # scope ai:write, as the e-mail service has it
    calendar_service: dict[str, str]  # no ai:write
    ai_app: Any
    sales_id: int
    leads_app: Any
    users: httpx.AsyncClient


async def _service_token(users: httpx.AsyncClient, client_id: str, scope: str) -> dict[str, str]:
    resp = await users.post("/auth/token", data={"grant_type": "client_credentials", "client_id": client_id,
                                                 "client_secret": SERVICE_SECRET, "scope": scope})
    assert resp.status_code == 200, resp.text
    return bearer(resp.json()["access_token"])


@contextlib.asynccontextmanager
async def _ai_client(app: Any, served: bool) -> AsyncIterator[httpx.AsyncClient]:
    if not served:
        async with running(app) as client:
            yield client
        return
    async with serving(app) as url, httpx.AsyncClient(base_url=url, timeout=30) as client:
        yield client


@contextlib.asynccontextmanager
async def ai_stack(database_url: str, tmp_path: Path, fake: FakeOpenAI | None = None, *, served: bool = False,
                   **ai_overrides: Any) -> AsyncIterator[AIStack]:
    """``served``: the ai app runs under uvicorn on a loopback port (``stack.ai.base_url``).

    Overrides go to the service whose settings have them: crawler settings to leads, the rest to ai.
    """
    crawl = {"per_host_delay": 0.0, "render_mode": "never", "fetch_timeout": 5.0,
             **{k: v for k, v in ai_overrides.items() if k not in AISettings.model_fields}}
    ai_overrides = {k: v for k, v in ai_overrides.items() if k in AISettings.model_fields}
    users_app = create_users(users_settings(f"sqlite+aiosqlite:///{tmp_path / 'users.db'}"))
    users_origin = f"http://users-{id(users_app)}.local"
    register_local_app(users_origin, users_app)
    leads_app = create_leads(LeadsSettings(_env_file=None, database_url=f"sqlite+aiosqlite:///{tmp_path / 'leads.db'}",  # type: ignore[call-arg]
                                           environment="test", users_url=users_origin, service_secret=SERVICE_SECRET,
                                           data_dir=tmp_path, workers=0, **crawl))
    leads_origin = f"http://leads-{id(leads_app)}.local"
    register_local_app(leads_origin, leads_app)
    values: dict[str, Any] = {"database_url": database_url, "environment": "test", "users_url": users_origin,
                              "leads_url": leads_origin, "service_secret": SERVICE_SECRET, "data_dir": tmp_path}
    if fake is not None:
        values.update(openai_api_key="sk-test", openai_base_url=fake.base_url, ai_retry_base_delay=0.01,
                      ai_retry_max_delay=0.05, openai_timeout=5.0)
    ai_app = create_ai(AISettings(_env_file=None, **{**values, **ai_overrides}))  # type: ignore[call-arg]
    async with running(users_app) as users, running(leads_app) as leads, _ai_client(ai_app, served) as ai:
        admin = await login(users)
        sales_user = await create_user(users, admin, "sales@example.com", "sales")
        await create_user(users, admin, "demo@example.com", "demo")
        sales = await login(users, "sales@example.com", "user password 123")
        demo = await login(users, "demo@example.com", "user password 123")
        yield AIStack(ai, leads, bearer(admin), bearer(sales), bearer(demo),
                      await _service_token(users, "email", "ai:write"),
                      await _service_token(users, "calendar", "leads:read"), ai_app, int(sales_user["id"]), leads_app,
                      users)
