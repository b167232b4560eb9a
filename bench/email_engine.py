"""E-mail sending, engine half: single-step campaigns through the sending ledger (caps off, gap 0, one
mailbox) to the loopback sink, against raw aiosmtplib sending the same pre-rendered messages in the same run.

Users, leads and e-mail run in this process on SQLite (or ``--database-url`` for the e-mail service),
contacts seeded straight into leads' tables. A run's messages are cut into ``--chunks`` campaigns (default 4);
each is prepared, then sent raw and by the engine in turns, which of the two goes first alternating (ABBA):
these machines change speed by tens of per cent within a minute, and turns of a few seconds let a drift weigh
on both halves alike. Printed:

* ``prepare_messages_per_s`` — the ``email.prepare`` jobs: eligibility (contacts and companies from leads,
  suppression) and rendering every personalised message into the ledger (goal: 10,000 in < 10 s);
* ``engine_per_s`` / ``raw_per_s`` / ``engine_ratio`` — sending the prepared ledger (claim, checks with
  leads, guarded move to ``sending``, SMTP, outcome and event) over the mailbox's ``max_connections``
  (``--connections``, default 16) vs plain aiosmtplib: raw is measured over as many connections as the engine
  uses and over 4, both on every campaign; the faster over the whole run is the baseline (goal ≥ 0.8). Each
  campaign's ratio (against its faster raw turn) is printed too;
* ``cpu_ms_per_message`` — the process's CPU time a message while the engine sends (event loop, ledger thread,
  leads answering in process) and while raw sends: steadier than rates on a busy machine;
* ``engine_rss_growth_mib`` — the resident memory growth of the process and its children over the engine's turns
  (goal < 50);
* ``feed_process`` — with ``--feed-process``, the engine's feed process (services.email.feed): its resident memory
  once started, and its CPU time a message beside the engine's own.

``--runs`` (default 3) whole runs are made, the median one (by engine ratio) printed with every run's ratio. The
engine and raw aiosmtplib share one event loop: uvloop by default, as the e-mail service and its workers run under
uvicorn (services/kit/server.py); ``--loop asyncio`` for Python's own.

Run through ``bench/email_send.py --engine`` (or alone: ``.venv/bin/python bench/email_engine.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import aiosmtplib
import httpx
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import cpu_seconds, rss_kib
from services.email import repository as repo
from services.email import wire
from services.email.addresses import parse_address
from services.email.engine import SendingEngine
from services.email.jobs import HANDLERS
from services.email.main import create_app as create_email
from services.email.models import Message
from services.email.settings import EmailSettings
from services.kit.http import register_local_app
from services.kit.jobs import Worker
from services.leads.main import create_app as create_leads
from services.leads.models import Company, Contact
from services.leads.settings import LeadsSettings
from services.users.main import create_app as create_users
from services.users.settings import UsersSettings

ADMIN, PASSWORD = "bench@example.com", "bench password 123"
RAW_CONNECTIONS = 4  # as the raw half of bench/email_send.py
# Campaigns a run is cut into: raw and engine take turns on each (see run).
CHUNKS = 4
SECRET = "bench-service-secret-0123456789"
HTML = ("<p>{{ salutation }}</p><p>{{ ai.opening_line|default('wir haben Ihre Website gesehen.') }}</p>"
        "<p>Wir helfen Firmen wie {{ company.name }} in {{ company.city }}, mehr Termine zu bekommen. "
        "Passt ein kurzes Gespräch nächste Woche?</p><p>Viele Grüße<br>{{ sender.name }}</p>"
        "<p style='font-size:11px'>Keine weiteren E-Mails? <a href='{{ unsubscribe_url }}'>Abmelden</a></p>")


async def _seed_leads(leads_app: Any, n: int) -> list[int]:
    runtime = leads_app.state.runtime
    companies = max(1, n // 20)
    async with runtime.sessions() as s, s.begin():
        await s.execute(sa.insert(Company), [
            {"id": i + 1, "name": f"Bäckerei Nummer {i} GmbH", "city": "München", "country": "GB",
             "domain": f"kunde{i}.example", "emails": [], "phones": [], "social": {}, "evidence": {},
             "status": "new", "source": "manual", "search_text": ""} for i in range(companies)])
        await s.execute(sa.insert(Contact), [
            {"id": i + 1, "company_id": i % companies + 1, "name": f"Jana Muster{i}", "form_of_address": "frau",
             "email": f"jana{i}@kunde{i % companies}.example", "status": "new", "source": "manual", "evidence": {},
             "legal_basis": "none", "search_text": ""} for i in range(n)])
    return list(range(1, n + 1))


async def _token(users: httpx.AsyncClient) -> dict[str, str]:
    resp = await users.post("/auth/login", json={"email": ADMIN, "password": PASSWORD})
    resp.raise_for_status()
    return {"authorization": f"Bearer {resp.json()['access_token']}"}


async def _raw(port: int, items: list[tuple[str, str, bytes]], connections: int) -> float:
    async def lane(chunk: list[tuple[str, str, bytes]]) -> None:
        async with aiosmtplib.SMTP(hostname="127.0.0.1", port=port, timeout=30, start_tls=False) as smtp:
            for sender, recipient, raw in chunk:
                await smtp.sendmail(sender, [recipient], raw)

    start = time.perf_counter()
    await asyncio.gather(*(lane(items[k::connections]) for k in range(connections)))
    return len(items) / (time.perf_counter() - start)


async def run(n: int, sink_port: int, database_url: str | None, connections: int = 16,
              chunks: int = CHUNKS, feed_process: bool = False) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-email-"))
    users_settings = UsersSettings(_env_file=None, database_url=f"sqlite+aiosqlite:///{tmp / 'users.db'}",  # type: ignore[call-arg]
                                           environment="test", admin_email=ADMIN, admin_password=PASSWORD,
                                           service_secret=SECRET, data_dir=tmp)
    users_app = create_users(users_settings)
    register_local_app("http://users.bench", users_app)
    leads_settings = LeadsSettings(_env_file=None, database_url=f"sqlite+aiosqlite:///{tmp / 'leads.db'}",  # type: ignore[call-arg]
                                           environment="test", users_url="http://users.bench", service_secret=SECRET,
                                           data_dir=tmp, workers=0)
    leads_app = create_leads(leads_settings)
    register_local_app("http://leads.bench", leads_app)
    email_app = create_email(EmailSettings(
        _env_file=None, database_url=database_url or f"sqlite+aiosqlite:///{tmp / 'email.db'}",  # type: ignore[call-arg]
        environment="test", users_url="http://users.bench", leads_url="http://leads.bench", service_secret=SECRET,
        data_dir=tmp, workers=0, smtp_catcher_port=0, public_url="https://crm.example"))
    out: dict[str, Any] = {"connections": connections}
    prepare_s = raw_s = raw4_s = engine_s = 0.0
    raw_cpu = engine_cpu = 0.0
    pairs: list[float] = []
    async with users_app.router.lifespan_context(users_app), leads_app.router.lifespan_context(leads_app), \
            email_app.router.lifespan_context(email_app), \
            httpx.AsyncClient(transport=httpx.ASGITransport(app=users_app), base_url="http://users.bench") as users, \
            httpx.AsyncClient(transport=httpx.ASGITransport(app=email_app), base_url="http://email.bench") as email:
        admin = await _token(users)
        ids = await _seed_leads(leads_app, n)
        box = (await email.post("/email/mailboxes", headers=admin, json={
            "name": "Bench", "from_email": "joerg@outbound.example", "from_name": "Jörg Müller",
            "smtp_host": "127.0.0.1", "smtp_port": sink_port, "smtp_security": "none", "daily_limit": 0,
            "min_gap_seconds": 0, "max_connections": connections})).json()
        template = (await email.post("/email/templates", headers=admin, json={
            "name": "Bench", "subject": "{{ contact.first_name }}, kurze Frage zu {{ company.name }}",
            "body_html": HTML})).json()
        runtime = email_app.state.runtime
        worker = Worker(runtime.jobs, {"email.prepare": HANDLERS["email.prepare"]}, runtime=runtime, name="bench")
        # ``feed_process`` (OUTBOUND_EMAIL_FEED_PROCESS): the feed in a process of its own, which then runs users and
        # leads in process as this one does.
        engine = SendingEngine(runtime, name="bench-sender", poll_interval=0.01, feed_process=feed_process,
                               local=(("http://users.bench", create_users, users_settings),
                                      ("http://leads.bench", create_leads, leads_settings)))
        async with runtime.sessions() as s:
            mailbox = await repo.get_mailbox(s, box["id"])
        assert mailbox is not None
        envelope_from = parse_address(mailbox.from_email).ascii_email
        rss_growth = 0  # KiB, over the engine's turns
        # A worker starts its feed process when it starts, before it sends: so here, outside the turns measured.
        feed_pid = engine.feed_pid if await engine.start_feed() else None
        out["feed_rss_mib"] = rss_kib(feed_pid) / 1024 if feed_pid else 0.0
        feed_cpu = 0.0
        size = -(-n // chunks)
        for k in range(chunks):
            part = ids[k * size:(k + 1) * size]
            campaign = (await email.post("/email/campaigns", headers=admin, json={
                "name": f"Bench {k}", "mailbox_ids": [box["id"]], "contact_ids": part,
                "steps": [{"template_id": template["id"], "delay_days": 0}]})).json()
            started = await email.post(f"/email/campaigns/{campaign['id']}/start", headers=admin)
            assert started.status_code == 200, started.text
            start = time.perf_counter()
            assert await worker.run_once()
            prepare_s += time.perf_counter() - start
            async with runtime.sessions() as s:
                rows = list((await s.execute(sa.select(Message).where(Message.campaign_id == campaign["id"])
                                             .order_by(Message.id))).scalars())
            assert len(rows) == len(part), len(rows)
            # The same pre-rendered messages, raw, to the same sink (as the engine would build them).
            now = runtime.deps.clock()
            items = [(envelope_from, r.to_email, wire.build(runtime, r, mailbox, date=now)) for r in rows]
            del rows

            async def raw(items: list[tuple[str, str, bytes]] = items, over: int = connections
                          ) -> tuple[float, float]:
                cpu, start = time.process_time(), time.perf_counter()
                await _raw(sink_port, items, over)
                return time.perf_counter() - start, time.process_time() - cpu

            async def sent() -> tuple[float, float]:
                nonlocal rss_growth, feed_cpu
                engine._last_housekeeping = asyncio.get_running_loop().time()  # housekeeping once, below
                rss, cpu, start = rss_kib(os.getpid()), time.process_time(), time.perf_counter()
                fed = cpu_seconds(feed_pid) if feed_pid else 0.0
                while await engine.run_once():
                    pass
                # Housekeeping drops the sent messages' wire forms (repository.drop_spent_wires), work the sender's
                # commits once did themselves: it is counted, once a campaign, as it would run during a long one.
                await engine.housekeeping()
                took = time.perf_counter() - start, time.process_time() - cpu
                feed_cpu += (cpu_seconds(feed_pid) - fed) if feed_pid else 0.0
                rss_growth += rss_kib(os.getpid()) - rss
                return took

            # Raw (over both connection counts) and engine take turns, and which goes first alternates (ABBA), so
            # a drift of the machine's speed within the run weighs on all alike. Raw over 4 connections is measured
            # on every campaign too: measured on the first alone it was the run's earliest turn, up to a third
            # faster than the same raw over the whole run, and as the baseline it flattered raw.
            if k % 2 == 0:
                (r_s, r_cpu), (r4_s, _), (e_s, e_cpu) = await raw(), await raw(over=RAW_CONNECTIONS), await sent()
            else:
                (e_s, e_cpu), (r4_s, _), (r_s, r_cpu) = await sent(), await raw(over=RAW_CONNECTIONS), await raw()
            raw4_s += r4_s
            del items
            raw_s, raw_cpu, engine_s, engine_cpu = raw_s + r_s, raw_cpu + r_cpu, engine_s + e_s, engine_cpu + e_cpu
            pairs.append(min(r_s, r4_s) / e_s)
            async with runtime.sessions() as s:
                done = (await s.execute(sa.select(sa.func.count()).select_from(Message)
                                        .where(Message.campaign_id == campaign["id"])
                                        .where(Message.status == "sent"))).scalar_one()
            assert done == len(part), done
        await engine.stop()
    out["prepare_seconds"] = prepare_s
    out["prepare_messages_per_s"] = n / prepare_s
    out["raw_4_per_s"] = n / raw4_s
    out["raw_n_per_s"] = n / raw_s
    out["raw_per_s"] = max(out["raw_4_per_s"], out["raw_n_per_s"])
    out["engine_per_s"] = n / engine_s
    out["engine_ratio"] = out["engine_per_s"] / out["raw_per_s"]
    out["pair_ratios"] = pairs
    out["raw_cpu_ms"] = raw_cpu * 1000 / n
    out["engine_cpu_ms"] = engine_cpu * 1000 / n
    out["engine_rss_growth_mib"] = rss_growth / 1024
    out["feed_cpu_ms"] = feed_cpu * 1000 / n
    return out


def run_on(loop: str, coro: Coroutine[Any, Any, dict[str, Any]]) -> dict[str, Any]:
    """``coro`` on a fresh event loop: ``uvloop``, as the services and their workers run (services/kit/server.py),
    or Python's own ``asyncio`` loop. Raw aiosmtplib runs on the same loop as the engine."""
    factory = None
    if loop == "uvloop":
        import uvloop

        factory = uvloop.new_event_loop
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(coro)


def median_run(runs: list[dict[str, float]]) -> dict[str, Any]:
    """The run whose engine ratio is the median one (its figures belong together), with every run's ratio."""
    ordered = sorted(runs, key=lambda r: r["engine_ratio"])
    return {**ordered[len(ordered) // 2], "ratios": [r["engine_ratio"] for r in runs],
            "cpu_ratios": [r["raw_cpu_ms"] / r["engine_cpu_ms"] for r in runs]}


def report(results: dict[str, Any], n: int, loop: str = "uvloop") -> None:
    print(f"event_loop: {loop} (the engine and raw aiosmtplib alike; the sink runs on asyncio in its own process)")
    if len(results.get("ratios", [])) > 1:
        print(f"runs: {len(results['ratios'])}, engine_ratio each: "
              + ", ".join(f"{x:.2f}" for x in results["ratios"]) + " (the median run below); raw's CPU a message over "
              "the engine's, each: " + ", ".join(f"{x:.2f}" for x in results["cpu_ratios"]))
    print(f"prepare_messages_per_s: {results['prepare_messages_per_s']:.0f}  ({n} messages in "
          f"{results['prepare_seconds']:.2f} s, goal < 10 s)")
    n_conn = int(results["connections"])
    print(f"raw_per_s: {results['raw_per_s']:.0f}  (the faster of {RAW_CONNECTIONS} connections: "
          f"{results['raw_4_per_s']:.0f}/s and {n_conn}: {results['raw_n_per_s']:.0f}/s)")
    print(f"engine_per_s: {results['engine_per_s']:.0f}  ({n_conn} connections, the mailbox's max_connections)")
    print(f"engine_ratio: {results['engine_ratio']:.2f}  (goal >= 0.80 of raw; raw over {RAW_CONNECTIONS} and "
          f"{n_conn} connections and engine taking turns on each campaign, each campaign's ratio against its faster "
          "raw: "
          + ", ".join(f"{x:.2f}" for x in results["pair_ratios"]) + ")")
    print(f"cpu_ms_per_message: engine {results['engine_cpu_ms']:.3f} (its whole process: loop, ledger thread, leads "
          f"in process; its feed process's apart below), raw {results['raw_cpu_ms']:.3f} over {n_conn} connections")
    print(f"engine_rss_growth_mib: {results['engine_rss_growth_mib']:.1f}  (goal < 50; the process and its feed "
          "process over the engine's turns)")
    if results["feed_rss_mib"]:
        print(f"feed_process: {results['feed_rss_mib']:.0f} MiB resident when started (users, leads and e-mail in "
              f"process), {results['feed_cpu_ms']:.3f} ms CPU a message beside the engine's own")


def main() -> None:
    from bench.email_send import start_sink, stop_sink

    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--connections", type=int, default=16, help="the mailbox's max_connections (1-20)")
    parser.add_argument("--runs", type=int, default=3,
                        help="whole runs (prepare, raw, engine), the median one reported: these machines' speed "
                             "drifts by tens of per cent within a minute, raw and engine are measured back to back")
    parser.add_argument("--pipelining", action="store_true",
                        help="the sink offers PIPELINING (RFC 2920), as Postfix, Exim, Gmail and Outlook do; the "
                             "engine then sends MAIL, RCPT and DATA in one write (raw aiosmtplib never pipelines)")
    parser.add_argument("--chunks", type=int, default=CHUNKS,
                        help="campaigns a run is cut into; raw and engine take turns on each, which goes first "
                             "alternating")
    parser.add_argument("--loop", choices=("uvloop", "asyncio"), default="uvloop",
                        help="the event loop of the engine and of raw aiosmtplib: uvloop, as the e-mail service and "
                             "its workers run under uvicorn, or Python's own")
    parser.add_argument("--feed-process", action="store_true",
                        help="the engine checks and builds its messages in its feed process "
                             "(OUTBOUND_EMAIL_FEED_PROCESS=true) instead of on its own event loop (the default)")
    args = parser.parse_args()
    proc, port = start_sink(args.pipelining)
    try:
        runs = [run_on(args.loop, run(args.messages, port, args.database_url, args.connections, args.chunks,
                                      args.feed_process))
                for _ in range(max(1, args.runs))]
        report(median_run(runs), args.messages, args.loop)
    finally:
        counts = stop_sink(proc)
    print(f"sink_delivered: {counts.get('delivered')} ({counts.get('distinct')} distinct Message-IDs)")


if __name__ == "__main__":
    main()
