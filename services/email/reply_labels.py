"""Who labels a person's reply: the ai service's model when it has one, else the shared offline rules.

The poller asks the ai service once per poll which provider it runs (``GET /ai/provider``). With a
model, each new reply goes to ``POST /ai/classify-reply``; any failure there (ai away, budget spent,
the model's answer unusable) falls back to the rules for that reply, so a reply is never lost or held
back by the ai service. Without a model the rules answer here, with no call at all.
"""

from __future__ import annotations

import logging

from services.ai.client import AIClient
from services.ai.schemas import ClassifyReplyRequest
from services.kit.errors import AppError

from .inbound import Classification, ReplyClassifier, RuleClassifier

log = logging.getLogger("outbound.email.replies")


class AIReplyClassifier:
    """Labels by the ai service's model; the rules answer whenever the ai service does not."""

    name = "ai"

    def __init__(self, ai: AIClient, fallback: RuleClassifier | None = None) -> None:
        self.ai = ai
        self.fallback = fallback or RuleClassifier()

    async def classify(self, text: str, *, subject: str = "", language: str | None = None) -> Classification:
        request = ClassifyReplyRequest(subject=subject[:300], text=text[:20_000], language=language)
        try:
            result = await self.ai.classify_reply(request)
        except (AppError, ValueError) as exc:  # ValueError: an answer that is not a ReplyClassification
            log.warning("reply classification by the ai service failed, rules used: %s", exc)
            verdict = self.fallback.classify_sync(text, subject=subject)
            reason = f"{verdict.reason} (the ai service failed: {type(exc).__name__})"
            return Classification(verdict.category, verdict.confidence, reason[:500], verdict.classifier)
        return Classification(result.label, result.confidence, result.reason[:500], result.provider)


async def reply_classifier(ai: AIClient) -> ReplyClassifier:
    """The model-backed classifier when the ai service reports a model, else the rules."""
    try:
        provider = await ai.provider()
    except (AppError, ValueError) as exc:
        log.warning("the ai service did not say its provider, replies are labelled by rules: %s", exc)
        return RuleClassifier()
    return AIReplyClassifier(ai) if provider.is_ai else RuleClassifier()
