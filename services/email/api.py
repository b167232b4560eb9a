"""Routes of the email service."""

from __future__ import annotations

from services.kit.jobs_api import jobs_router

jobs = jobs_router("email")
