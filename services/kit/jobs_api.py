"""The jobs endpoints every service with background work exposes under its own prefix."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from .auth import ReaderPrincipal, WriterPrincipal
from .deps import Limit, Offset, RuntimeDep, SessionDep
from .errors import NotFound
from .jobs import JobQueue
from .schemas import JobRead, Page

JobId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _queue(runtime: RuntimeDep) -> JobQueue:
    if runtime.queue is None:
        raise NotFound("This service runs no jobs.")
    return runtime.queue


def jobs_router(prefix: str) -> APIRouter:
    router = APIRouter(prefix=f"/{prefix}/jobs", tags=[f"{prefix}-jobs"])

    @router.get("")
    async def list_jobs(runtime: RuntimeDep, session: SessionDep, _: ReaderPrincipal, limit: Limit = 50,
                        offset: Offset = 0, type: Annotated[str | None, Query(max_length=64)] = None,
                        status: Annotated[str | None, Query(max_length=16)] = None) -> Page[JobRead]:
        """Background jobs, newest first, with progress."""
        rows, total = await _queue(runtime).list_jobs(session, type_=type, status=status, limit=limit, offset=offset)
        return Page[JobRead](items=[JobRead.model_validate(r) for r in rows], total=total, limit=limit,
                             offset=offset)

    @router.get("/{job_id}", responses={404: {}})
    async def get_job(job_id: JobId, runtime: RuntimeDep, session: SessionDep, _: ReaderPrincipal) -> JobRead:
        """One job with its progress (done/total) and last error."""
        return JobRead.model_validate(await _queue(runtime).get(session, job_id))

    @router.post("/{job_id}/cancel", responses={404: {}, 409: {}})
    async def cancel_job(job_id: JobId, runtime: RuntimeDep, session: SessionDep, _: WriterPrincipal) -> JobRead:
        """Cancel a queued job, or ask a running one to stop."""
        return JobRead.model_validate(await _queue(runtime).cancel(session, job_id))

    @router.post("/{job_id}/retry", responses={404: {}, 409: {}})
    async def retry_job(job_id: JobId, runtime: RuntimeDep, session: SessionDep, _: WriterPrincipal) -> JobRead:
        """Queue a failed or cancelled job again."""
        job = await _queue(runtime).retry(session, job_id)
        if runtime.worker is not None:
            runtime.worker.wake()
        return JobRead.model_validate(job)

    return router
