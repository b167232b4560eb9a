"""Routes of the calendar service."""

from __future__ import annotations

from services.kit.jobs_api import jobs_router

jobs = jobs_router("calendar")
