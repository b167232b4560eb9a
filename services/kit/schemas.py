"""Pydantic shapes every service uses."""

from __future__ import annotations

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
