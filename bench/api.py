"""A list page through the whole stack vs a minimal FastAPI endpoint running the same two SQL statements.

Side A, ``GET /api/leads/companies?limit=25`` on `outbound up` (the embedded topology: gateway,
token check, the leads service, its session, tags and contact counts, the page model). Side B, a bare
FastAPI app in its own process on the same database and the same driver (aiosqlite or asyncpg),
running the page query and the count and returning the rows as JSON: what the stack could do if
nothing but the database cost anything. Both are served by uvicorn with uvloop and httptools.

2,000 companies (with a contact and tags each) are imported through the API first. Runs alternate
A/B so drift on a noisy machine hits both alike; each round's pair gives a ratio, and the median of
those ratios is the figure (medians of each side are printed too). Goal: the list page >= 0.6x the
minimal endpoint, on SQLite and on PostgreSQL.

    .venv/bin/python bench/api.py [--backends sqlite,postgresql] [--rounds 3] [--seconds 5]
                                  [--connections 16] [--companies 2000]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import ROOT, free_port, outbound, wait_http
from bench.gateway import run_load

ADMIN = ("bench@example.com", "bench password 123")
PG_ADMIN_DSN = os.environ.get("OUTBOUND_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
PAGE = "/leads/companies?limit=25"
# The statements the list page runs for its rows and its total, spelled out once for the minimal endpoint.
PAGE_SQL = "SELECT * FROM companies ORDER BY created_at DESC, id DESC LIMIT 25 OFFSET 0"
COUNT_SQL = "SELECT count(*) FROM companies"


def minimal_app(database_url: str):  # type: ignore[no-untyped-def]
    """The baseline: one route, the two statements, rows as JSON; no auth, no models, no middleware."""
    import contextlib as ctx

    from fastapi import FastAPI
    from sqlalchemy import text

    from services.kit.db import create_engine

    engine = create_engine(database_url)

    @ctx.asynccontextmanager
    async def lifespan(_app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        await engine.dispose()

    app = FastAPI(lifespan=lifespan)

    @app.get("/companies")
    async def companies() -> dict[str, object]:
        async with engine.connect() as conn:
            rows = (await conn.execute(text(PAGE_SQL))).mappings().all()
            total = (await conn.execute(text(COUNT_SQL))).scalar_one()
        return {"items": [dict(r) for r in rows], "total": total, "limit": 25, "offset": 0}

    return app


def serve_minimal(database_url: str, port: int) -> None:
    import uvicorn

    uvicorn.run(minimal_app(database_url), host="127.0.0.1", port=port, loop="uvloop", http="httptools",
                access_log=False, log_level="warning")


def _post(url: str, body: bytes, headers: dict[str, str]) -> dict[str, object]:
    req = urllib.request.Request(url, method="POST", data=body, headers=headers)
    with urllib.request.urlopen(req, timeout=300) as resp:
        doc: dict[str, object] = json.load(resp)
        return doc


def login(base: str) -> str:
    doc = _post(f"{base}/api/auth/login", json.dumps({"email": ADMIN[0], "password": ADMIN[1]}).encode(),
                {"content-type": "application/json"})
    return str(doc["access_token"])


def companies_csv(first: int, count: int) -> bytes:
    rows = ["name;website;street;postal_code;city;country;email;phone;industry;tags;contact_name;contact_email;"
            "contact_role"]
    cities = ["Berlin", "Hamburg", "München", "Köln", "Leipzig", "Dresden", "Bremen", "Mainz"]
    for i in range(first, first + count):
        rows.append(f"Bench Firma {i} GmbH;https://bench-{i}.example;Hauptstraße {i % 200 + 1};{10000 + i};"
                    f"{cities[i % len(cities)]};DE;info@bench-{i}.example;+49 30 {1000000 + i};"
                    f"{'Software' if i % 3 else 'Maschinenbau'};bench, tier-{i % 4};Person {i};"
                    f"person{i}@bench-{i}.example;Geschäftsführung")
    return "\n".join(rows).encode()


def seed(base: str, token: str, count: int) -> None:
    """Import ``count`` companies through the API (an import job) and wait for it to finish."""
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
            f"Content-Type: text/csv\r\n\r\n").encode() + companies_csv(0, count) + f"\r\n--{boundary}--\r\n".encode()
    started = _post(f"{base}/api/leads/companies/import", body, {
        "content-type": f"multipart/form-data; boundary={boundary}", "authorization": f"Bearer {token}"})
    job_id = started["job"]["id"]  # type: ignore[index]
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        req = urllib.request.Request(f"{base}/api/leads/jobs/{job_id}", headers={"authorization": f"Bearer {token}"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            job = json.load(resp)
        if job["status"] in ("succeeded", "failed", "cancelled"):
            if job["status"] != "succeeded" or job["result"]["created"] != count:
                raise RuntimeError(f"seeding: {job}")
            return
        time.sleep(0.5)
    raise RuntimeError("seeding did not finish in 10 minutes")


@contextlib.contextmanager
def database(backend: str, data_dir: str) -> Iterator[str]:
    """A throwaway database for one run: a SQLite file in ``data_dir`` or a fresh PostgreSQL database."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{data_dir}/leads.db"
        return
    name = f"bench_api_{uuid.uuid4().hex[:10]}"
    _psql(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://") + f"/{name}"
    finally:
        _psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _psql(statement: str) -> None:
    import asyncio

    import asyncpg

    async def run() -> None:
        conn = await asyncpg.connect(PG_ADMIN_DSN)
        try:
            await conn.execute(statement)
        finally:
            await conn.close()

    asyncio.run(run())


def measure(backend: str, args: argparse.Namespace) -> dict[str, list[tuple[float, float]]]:
    with tempfile.TemporaryDirectory() as data, database(backend, data) as url:
        port, minimal_port = free_port(), free_port()
        env = {"OUTBOUND_DATA_DIR": data, "OUTBOUND_ADMIN_EMAIL": ADMIN[0], "OUTBOUND_ADMIN_PASSWORD": ADMIN[1],
               "OUTBOUND_RATE_LIMIT_IP": "0", "OUTBOUND_RATE_LIMIT_USER": "0", "OUTBOUND_LOG_LEVEL": "WARNING"}
        if backend != "sqlite":
            env["OUTBOUND_DATABASE_URL"] = url
        with outbound(["up", "--port", str(port)], env):
            base = f"http://127.0.0.1:{port}"
            wait_http(f"{base}/healthz", timeout=60)
            token = login(base)
            seed(base, token, args.companies)
            minimal = subprocess.Popen([sys.executable, __file__, "--serve-minimal", url, str(minimal_port)],
                                       cwd=ROOT, stdout=subprocess.DEVNULL)
            try:
                wait_http(f"http://127.0.0.1:{minimal_port}/companies")
                sides = {"list_page": f"{base}/api{PAGE}", "minimal": f"http://127.0.0.1:{minimal_port}/companies"}
                for target in sides.values():  # warm both (token cache, pools, statement caches)
                    run_load(target, token, 2, args.connections)
                results: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
                for _ in range(args.rounds):
                    for name, target in sides.items():
                        results[name].append(run_load(target, token, args.seconds, args.connections))
            finally:
                minimal.terminate()
                minimal.wait(10)
    return results


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--serve-minimal":
        serve_minimal(sys.argv[2], int(sys.argv[3]))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=4)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--companies", type=int, default=2000)
    args = ap.parse_args()
    print(f"list page: GET /api{PAGE} over {args.companies} companies; {args.connections} connections, "
          f"{args.rounds}x{args.seconds}s alternating")
    for backend in args.backends.split(","):
        results = measure(backend, args)
        page, minimal = results["list_page"], results["minimal"]
        ratios = [p[0] / m[0] for p, m in zip(page, minimal, strict=True)]
        print(f"{backend}_list_page_rps: {statistics.median(r for r, _ in page):.0f}")
        print(f"{backend}_minimal_rps: {statistics.median(r for r, _ in minimal):.0f}")
        print(f"{backend}_list_page_p99_ms: {statistics.median(p for _, p in page):.1f}")
        print(f"{backend}_minimal_p99_ms: {statistics.median(p for _, p in minimal):.1f}")
        print(f"{backend}_round_ratios: {' '.join(f'{r:.2f}' for r in ratios)}")
        print(f"{backend}_throughput_ratio: {statistics.median(ratios):.2f}  (goal >= 0.60)")


if __name__ == "__main__":
    main()
