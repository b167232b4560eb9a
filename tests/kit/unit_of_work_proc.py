"""A unit of work in its own process for the kill test: writes rows (each in a savepoint, as an import
does), says so, and hangs inside the still-open transaction until it is killed."""

from __future__ import annotations

import asyncio
import sys

import sqlalchemy as sa

from services.kit.db import create_engine, session_factory, session_scope


async def main(url: str, rows: int) -> None:
    engine = create_engine(url)
    async with session_scope(session_factory(engine)) as s:
        for i in range(rows):
            async with s.begin_nested():
                await s.execute(sa.text("INSERT INTO uow_rows (n) VALUES (:n)"), {"n": i})
        print("written", flush=True)
        await asyncio.sleep(3600)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
