"""`outbound demo seed|reset` write the same data every time: the seed's rows, in every service's
database, with stable ids; a reset puts back what a visitor changed and empties the job queues."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from services.cli import app as cli
from services.demo.seed import build_seed, demo_now, run
from services.kit.db import create_null_pool_engine
from services.leads.models import Company, Job, Note
from services.users.models import User

from .support import database_urls, dump, env_for, expected, like, settings_for

NOW = datetime(2026, 6, 3, 14, 7, tzinfo=UTC)  # any moment: the data is dated relative to it


async def test_seed_twice_gives_the_same_data_and_reset_restores_it(database_url: str, tmp_path: Path) -> None:
    urls = database_urls(database_url, tmp_path)
    settings = settings_for(urls, tmp_path)
    seed = build_seed(NOW, settings)
    assert expected(seed) == expected(build_seed(NOW, settings))
    outcomes = await run("seed", now=NOW, settings=settings)
    assert [o.action for o in outcomes] == ["seeded"] * 5
    first = await dump(seed, urls)
    want = expected(seed)
    assert like(first, want) == want
    assert len(first["companies"]) == 45 and len(first["ai_company_profiles"]) >= 30
    assert len(first["calendar_bookings"]) >= 5 and len(first["users"]) == 4
    # The story the data tells: a finished and a paused campaign, with every kind of history.
    assert {c["status"] for c in first["email_campaigns"]} == {"finished", "paused", "draft"}
    assert {"sent", "replied", "bounced"} <= {m["status"] for m in first["email_messages"]}
    assert {"sent", "open", "reply", "bounce", "unsubscribe"} <= {e["kind"] for e in first["email_message_events"]}
    assert {s["reason"] for s in first["email_suppressions"]} == {"bounced", "unsubscribed"}
    by_company: dict[int, set[str]] = {}
    for a in first["activities"]:
        by_company.setdefault(a["company_id"], set()).add(a["type"])
    told = [types for types in by_company.values()
            if {"crawl.imported", "ai.enriched", "email.sent", "email.replied", "meeting.confirmed"} <= types]
    assert len(told) >= 5, "crawl → AI profile → mail → reply → booking on some companies' timelines"
    # No advertising mail to a German contact without a legal basis (UWG §7).
    basis = {c["id"]: (c["legal_basis"], c["country"]) for c in first["contacts"]}
    assert all(basis[m["contact_id"]] != ("none", "DE") for m in first["email_messages"])

    # Seeding again leaves data alone; a visitor's changes and queued work are undone by a reset.
    again = await run("seed", now=NOW, settings=settings)
    assert {o.service: o.action for o in again}["leads"] == "skipped"
    engine = create_null_pool_engine(urls["leads"])
    async with engine.begin() as conn:
        await conn.execute(sa.update(Company).where(Company.id == 3).values(name="Changed by a visitor"))
        await conn.execute(sa.delete(Note).where(Note.id == 1))
        await conn.execute(sa.insert(Company).values(domain="visitor.example", name="A visitor's company",
                                                     emails=[], phones=[], social={}, evidence={}, status="new",
                                                     source="manual", search_text="x"))
        await conn.execute(sa.insert(Job).values(type="leads.crawl", payload={}, status="queued"))
    await engine.dispose()
    await run("reset", now=NOW, settings=settings)
    assert await dump(seed, urls) == first

    # Ids are stable: after a reset the next company is number 46 again, however many came before.
    engine = create_null_pool_engine(urls["leads"])
    async with engine.begin() as conn:
        new_id = (await conn.execute(sa.insert(Company).values(
            domain="after.example", name="After the reset", emails=[], phones=[], social={}, evidence={},
            status="new", source="manual", search_text="x").returning(Company.id))).scalar_one()
    await engine.dispose()
    assert new_id == 46


async def test_reset_keeps_the_operators_admin_and_the_demo_accounts_sessions(database_url: str,
                                                                                tmp_path: Path) -> None:
    urls = database_urls(database_url, tmp_path)
    settings = settings_for(urls, tmp_path)
    await run("seed", now=NOW, settings=settings)
    engine = create_null_pool_engine(urls["users"])
    async with engine.begin() as conn:
        await conn.execute(sa.insert(User).values(email="ops@example.com", name="Ops", role="admin",
                                                  password_hash="x", is_active=True))
        await conn.execute(sa.insert(User).values(email="guest@example.com", name="Guest", role="sales",
                                                  password_hash="x", is_active=True))
        await conn.execute(sa.update(User).where(User.id == 1).values(name="Renamed"))
    await run("reset", now=NOW, settings=settings)
    async with engine.connect() as conn:
        users = {r.email: r for r in await conn.execute(sa.select(User))}
    await engine.dispose()
    assert "ops@example.com" in users and "guest@example.com" not in users
    assert users[settings["users"].demo_account_email].name == "Lena Vogel (Demo)"  # type: ignore[attr-defined]


def test_the_command_prints_what_it_did_per_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    urls = database_urls("sqlite", tmp_path)
    for key, value in env_for(urls, tmp_path).items():
        if key.startswith("OUTBOUND_"):
            monkeypatch.setenv(key, value)
    runner = CliRunner()
    seeded = runner.invoke(cli, ["demo", "seed"])
    assert seeded.exit_code == 0, seeded.output
    assert [line.split(":")[0] for line in seeded.stdout.splitlines()] == ["users", "leads", "ai", "calendar", "email"]
    assert "45 companies" in seeded.stdout and "calendar_bookings" in seeded.stdout
    reset = runner.invoke(cli, ["demo", "reset"])
    assert reset.exit_code == 0, reset.output
    assert "leads: reset — 45 companies" in reset.stdout


def test_dates_are_relative_to_now(tmp_path: Path) -> None:
    later = demo_now(NOW + timedelta(days=10, seconds=13))
    assert later == NOW + timedelta(days=10)
    settings = settings_for(database_urls("sqlite", tmp_path), tmp_path)
    a, b = build_seed(NOW, settings), build_seed(later, settings)
    (_, companies_a), (_, companies_b) = a.rows["leads"][1], b.rows["leads"][1]
    assert [c["created_at"] + timedelta(days=10) for c in companies_a] == [c["created_at"] for c in companies_b]
