"""A reply to an outreach e-mail labelled: by the model when one is configured, else by the shared rules.

The reply reaches the model in an ``UNTRUSTED_REPLY`` block (a stranger wrote it). The rules' answer is
the offline one, so the heuristic provider answers exactly as the e-mail service's own fallback would.
"""

from __future__ import annotations

from typing import Any

from .deps import AIRuntime
from .engine import Caller
from .reply_rules import classify_reply_by_rules
from .schemas import ClassifyReplyRequest, ReplyClassification, ReplyLabelDraft
from .sources import untrusted_block
from .writer_rules import guess_language


async def classify_reply(runtime: AIRuntime, caller: Caller, req: ClassifyReplyRequest) -> ReplyClassification:
    def offline() -> tuple[dict[str, Any], list[str]]:
        verdict = classify_reply_by_rules(req.text, req.subject)
        return {"label": verdict.label, "confidence": verdict.confidence, "reason": verdict.reason}, []

    engine = runtime.deps.engine
    prompt = await engine.prompt("classify_reply")
    values = {"language": req.language or guess_language(f"{req.subject}\n{req.text}"),
              "reply": untrusted_block("REPLY", f"Subject: {req.subject}\n\n{req.text}")}
    generated = await engine.generate(caller, "classify_reply", prompt, values, offline)
    draft = ReplyLabelDraft.model_validate(generated.data)
    provider = generated.meta.provider if generated.meta.generated_by == "model" else "rules"
    return ReplyClassification(label=draft.label, confidence=draft.confidence, reason=draft.reason,
                               provider=provider, ai=generated.meta)
