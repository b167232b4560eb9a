"""What a model provider returns, whatever API it speaks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypedDict


class Message(TypedDict):
    role: str  # system | user | assistant
    content: str


@dataclass
class ModelReply:
    content: str | None  # the JSON text (message content, tool arguments or output text)
    model: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    refusal: str | None = None
    finish_reason: str | None = None
    notes: list[str] = field(default_factory=list)  # for the reader: what the answer could not do


# What rules, without a model, answer to the same request: the structured output and notes for the
# reader. Every caller passes one, so whichever provider runs, the caller's code is the same.
OfflineAnswer = Callable[[], tuple[dict[str, Any], list[str]]]


class ModelProvider(Protocol):
    """Answers a structured request: a model behind an API, or rules (``is_ai`` False: free, labelled)."""

    name: str
    model: str
    is_ai: bool

    async def complete(self, messages: list[Message], schema_name: str, schema: dict[str, Any],
                       offline: OfflineAnswer | None = None) -> ModelReply: ...

    async def aclose(self) -> None: ...
