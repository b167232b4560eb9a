"""The offline provider: no model, rules only (services.ai.heuristic), free and labelled "rules (not AI)".

It answers the same structured requests as a model provider, from the rule-based answer every caller
passes along (``offline``), so no caller needs to know which provider runs. It is the default when no
API key is configured, so the product works with no account anywhere.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import ModelRefused
from .base import Message, ModelReply, OfflineAnswer


class RulesProvider:
    name = "heuristic"
    model = "rules"
    is_ai = False

    async def complete(self, messages: list[Message], schema_name: str, schema: dict[str, Any],
                       offline: OfflineAnswer | None = None) -> ModelReply:
        if offline is None:
            raise ModelRefused(f"Rules cannot answer a '{schema_name}' request; it needs a model "
                               "(set OUTBOUND_OPENAI_API_KEY).")
        data, notes = offline()
        return ModelReply(content=json.dumps(data, ensure_ascii=False), model=self.model, notes=notes,
                          finish_reason="stop")

    async def aclose(self) -> None:
        return None
