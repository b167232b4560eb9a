"""Model providers: any OpenAI-compatible endpoint, or none (the rule-based ``heuristic`` provider,
which lives in :mod:`services.ai.heuristic` because it needs no model at all)."""

from __future__ import annotations

from ..settings import AISettings
from .base import Message, ModelProvider, ModelReply
from .openai_compat import OpenAICompatibleProvider

__all__ = ["Message", "ModelProvider", "ModelReply", "OpenAICompatibleProvider", "build_provider"]


def build_provider(settings: AISettings) -> ModelProvider | None:
    """The configured model provider; None for the heuristic provider."""
    if settings.provider == "openai":
        return OpenAICompatibleProvider(settings)
    return None
