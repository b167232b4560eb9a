"""Pydantic shapes every service uses."""

from __future__ import annotations

from datetime import datetime
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` plus what a pager needs."""

    items: list[T]
    total: int
    limit: int
    offset: int


class ORMModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class JobRead(ORMModel):
    id: int
    type: str
    status: str
    attempts: int
    max_attempts: int
    progress_done: int
    progress_total: int | None
    error: str | None
    result: dict[str, object] | None
    cancel_requested: bool
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


class ProblemFieldError(BaseModel):
    loc: list[str | int]
    msg: str
    type: str | None = None


class Problem(BaseModel):
    """RFC 9457 problem details: every error response has this shape."""

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[ProblemFieldError] | None = None


PROBLEM_RESPONSES: dict[int | str, dict[str, object]] = {
    422: {"model": Problem, "description": "The request is not valid"},
    "4XX": {"model": Problem, "description": "Refused; see detail"},
}
