"""What a model provider returns, whatever API it speaks."""

from __future__ import annotations

from dataclasses import dataclass
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


class ModelProvider(Protocol):
    name: str
    model: str

    async def complete(self, messages: list[Message], schema_name: str, schema: dict[str, Any]) -> ModelReply: ...

    async def aclose(self) -> None: ...
