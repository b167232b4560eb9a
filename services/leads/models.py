"""Tables of the leads service."""

from __future__ import annotations

from services.kit.db import make_base
from services.kit.jobs import JobMixin

Base = make_base()


class Job(JobMixin, Base):
    __tablename__ = "jobs"
