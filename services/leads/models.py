"""Tables of the leads service."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from services.kit.db import TYPE_ANNOTATION_MAP, service_metadata
from services.kit.jobs import JobMixin


class Base(DeclarativeBase):
    metadata = service_metadata()
    type_annotation_map = TYPE_ANNOTATION_MAP


class Job(JobMixin, Base):
    __tablename__ = "leads_jobs"  # one shared database must not see two 'jobs' tables
