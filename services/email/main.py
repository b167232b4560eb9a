"""The email service: Mailboxes, templates, campaigns and sequences, sending, tracking, replies, suppression."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.kit.app import create_service_app, no_dependencies

from .api import jobs
from .models import Job
from .settings import EmailSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: EmailSettings | None = None) -> FastAPI:
    settings = settings or EmailSettings()
    return create_service_app(
        name="email", settings=settings, prefixes=["email"], routers=[jobs], migrations=MIGRATIONS,
        build_deps=no_dependencies, job_model=Job, job_handlers={},
        description=__doc__ or "",
    )
