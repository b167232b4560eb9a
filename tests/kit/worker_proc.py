"""A worker in its own process for the kill test: claims one job and hangs until killed."""

from __future__ import annotations

import asyncio
import sys

from services.kit.db import create_engine, session_factory
from services.kit.jobs import JobContext, JobQueue, Worker
from services.leads.models import Job


async def main(url: str) -> None:
    engine = create_engine(url)
    queue = JobQueue(Job, session_factory(engine))

    async def hang(ctx: JobContext) -> None:
        print(f"claimed {ctx.job_id}", flush=True)
        await asyncio.sleep(3600)

    worker = Worker(queue, {"crawl": hang}, lease_seconds=1.5, poll_interval=0.05, name="doomed")
    while not await worker.run_once():
        await asyncio.sleep(0.05)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
