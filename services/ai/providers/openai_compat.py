"""Any OpenAI-compatible endpoint through the official openai SDK: OpenAI, Azure OpenAI (its /openai/v1
endpoint), Ollama, vLLM, LM Studio — chosen by OUTBOUND_OPENAI_BASE_URL, API key and model.

Output is constrained three ways (OUTBOUND_OPENAI_OUTPUT_MODE): a strict JSON schema, a forced tool
call whose parameters are that schema, or plain JSON mode with the schema in the prompt (for servers
without structured outputs). Either the Chat Completions or the Responses API is spoken.
"""

from __future__ import annotations

import json
from typing import Any

import openai

from ..settings import AISettings
from .base import Message, ModelReply, OfflineAnswer


class OpenAICompatibleProvider:
    name = "openai"
    is_ai = True

    def __init__(self, settings: AISettings) -> None:
        self.settings = settings
        self.model = settings.openai_model
        self.client = openai.AsyncOpenAI(
            # Local servers (Ollama, vLLM, LM Studio) need no key, but the SDK wants one.
            api_key=settings.openai_api_key or "not-needed",
            base_url=settings.openai_base_url or None,
            timeout=settings.openai_timeout,
            max_retries=0,  # our own loop retries, honouring Retry-After (see retry.py)
        )

    async def aclose(self) -> None:
        await self.client.close()

    def _schema_note(self, schema: dict[str, Any]) -> str:
        return ("Reply with a JSON object that matches this JSON schema exactly:\n"
                + json.dumps(schema, separators=(",", ":")))

    async def complete(self, messages: list[Message], schema_name: str, schema: dict[str, Any],
                       offline: OfflineAnswer | None = None) -> ModelReply:
        if self.settings.openai_api == "responses":
            return await self._responses(messages, schema_name, schema)
        return await self._chat(messages, schema_name, schema)

    def _sampling(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.settings.openai_temperature is not None:
            extra["temperature"] = self.settings.openai_temperature
        return extra

    async def _chat(self, messages: list[Message], schema_name: str, schema: dict[str, Any]) -> ModelReply:
        mode = self.settings.openai_output_mode
        msgs: list[dict[str, Any]] = [dict(m) for m in messages]
        kwargs: dict[str, Any] = self._sampling()
        # api.openai.com wants max_completion_tokens; many compatible servers only know max_tokens.
        limit_key = "max_tokens" if self.settings.openai_base_url else "max_completion_tokens"
        kwargs[limit_key] = self.settings.ai_max_output_tokens
        if mode == "json_schema":
            kwargs["response_format"] = {"type": "json_schema",
                                         "json_schema": {"name": schema_name, "schema": schema, "strict": True}}
        elif mode == "tools":
            kwargs["tools"] = [{"type": "function", "function": {
                "name": schema_name, "description": f"Record the {schema_name.replace('_', ' ')}.",
                "parameters": schema, "strict": True}}]
            kwargs["tool_choice"] = {"type": "function", "function": {"name": schema_name}}
        else:
            kwargs["response_format"] = {"type": "json_object"}
            msgs[0] = {**msgs[0], "content": f"{msgs[0]['content']}\n\n{self._schema_note(schema)}"}
        completion = await self.client.chat.completions.create(
            model=self.model, messages=msgs, **kwargs)  # type: ignore[arg-type]
        usage = completion.usage
        reply = ModelReply(content=None, model=completion.model or self.model,
                           prompt_tokens=usage.prompt_tokens if usage else 0,
                           completion_tokens=usage.completion_tokens if usage else 0)
        if not completion.choices:
            return reply
        choice = completion.choices[0]
        message = choice.message
        reply.finish_reason = choice.finish_reason
        reply.refusal = getattr(message, "refusal", None)
        if mode == "tools" and message.tool_calls:
            call = message.tool_calls[0]
            function = getattr(call, "function", None)
            reply.content = function.arguments if function is not None else None
        else:
            reply.content = message.content
        return reply

    async def _responses(self, messages: list[Message], schema_name: str, schema: dict[str, Any]) -> ModelReply:
        mode = self.settings.openai_output_mode
        instructions = messages[0]["content"]
        kwargs: dict[str, Any] = self._sampling()
        if mode == "json_schema":
            kwargs["text"] = {"format": {"type": "json_schema", "name": schema_name, "schema": schema,
                                         "strict": True}}
        elif mode == "tools":
            kwargs["tools"] = [{"type": "function", "name": schema_name, "parameters": schema, "strict": True,
                                "description": f"Record the {schema_name.replace('_', ' ')}."}]
            kwargs["tool_choice"] = {"type": "function", "name": schema_name}
        else:
            kwargs["text"] = {"format": {"type": "json_object"}}
            instructions = f"{instructions}\n\n{self._schema_note(schema)}"
        response = await self.client.responses.create(
            model=self.model, instructions=instructions, max_output_tokens=self.settings.ai_max_output_tokens,
            input=[{"role": m["role"], "content": m["content"]} for m in messages[1:]],  # type: ignore[misc]
            **kwargs)
        usage = response.usage
        reply = ModelReply(content=None, model=response.model or self.model,
                           prompt_tokens=usage.input_tokens if usage else 0,
                           completion_tokens=usage.output_tokens if usage else 0,
                           finish_reason=response.status)
        texts: list[str] = []
        for item in response.output or []:
            if item.type == "function_call":
                reply.content = item.arguments
                return reply
            if item.type == "message":
                for part in item.content:
                    if part.type == "refusal":
                        reply.refusal = part.refusal
                    elif part.type == "output_text":
                        texts.append(part.text)
        reply.content = "".join(texts) or None
        return reply
