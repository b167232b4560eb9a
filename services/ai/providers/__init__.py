"""Model providers, each an adapter chosen by settings: any OpenAI-compatible endpoint, or the offline
rules (``heuristic``), which answer the same requests without a model."""

from __future__ import annotations

from ..settings import AISettings
from .base import Message, ModelProvider, ModelReply, OfflineAnswer
from .openai_compat import OpenAICompatibleProvider
from .rules import RulesProvider

__all__ = ["Message", "ModelProvider", "ModelReply", "OfflineAnswer", "OpenAICompatibleProvider", "RulesProvider",
           "build_provider"]


def build_provider(settings: AISettings) -> ModelProvider:
    """The configured provider (OUTBOUND_AI_PROVIDER)."""
    if settings.provider == "openai":
        return OpenAICompatibleProvider(settings)
    return RulesProvider()
