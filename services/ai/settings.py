"""Settings of the ai service: the model provider, its limits and prices, and the budgets.

The ai service never crawls: it reads websites through the leads service, which owns the crawl.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from services.kit.settings import ServiceSettings


class ModelPrice(BaseModel):
    """US dollars per million tokens."""

    input_per_1m: float = Field(ge=0)
    output_per_1m: float = Field(ge=0)


# List prices (USD per 1M tokens) of a few common models; OUTBOUND_AI_PRICES replaces the table.
DEFAULT_PRICES: dict[str, ModelPrice] = {
    "gpt-4o-mini": ModelPrice(input_per_1m=0.15, output_per_1m=0.60),
    "gpt-4o": ModelPrice(input_per_1m=2.50, output_per_1m=10.00),
    "gpt-4.1-nano": ModelPrice(input_per_1m=0.10, output_per_1m=0.40),
    "gpt-4.1-mini": ModelPrice(input_per_1m=0.40, output_per_1m=1.60),
    "gpt-4.1": ModelPrice(input_per_1m=2.00, output_per_1m=8.00),
    "gpt-5-mini": ModelPrice(input_per_1m=0.25, output_per_1m=2.00),
    "gpt-5": ModelPrice(input_per_1m=1.25, output_per_1m=10.00),
}


class AISettings(ServiceSettings):
    service_name: ClassVar[str] = "ai"

    # "openai": any OpenAI-compatible endpoint; "heuristic": rules on the extractor's facts (not AI).
    # Unset: openai when an API key is configured, else heuristic.
    ai_provider: Literal["openai", "heuristic"] | None = None
    openai_base_url: str | None = None  # None: api.openai.com; Azure, Ollama, vLLM, LM Studio: their /v1 URL
    openai_api_key: str | None = Field(default=None, repr=False)
    openai_model: str = "gpt-4o-mini"
    # "chat": /v1/chat/completions (every compatible server); "responses": /v1/responses (OpenAI, Azure).
    openai_api: Literal["chat", "responses"] = "chat"
    # How the output is constrained: strict JSON schema, a forced tool call, or plain JSON mode
    # (for servers without json_schema support, e.g. older Ollama).
    openai_output_mode: Literal["json_schema", "tools", "json_object"] = "json_schema"
    openai_timeout: float = Field(default=60.0, gt=0)
    openai_max_retries: int = Field(default=3, ge=0, le=10)
    openai_temperature: float | None = Field(default=0.2, ge=0, le=2)
    # Backoff between retries: capped exponential with jitter, unless the server says Retry-After.
    ai_retry_base_delay: float = Field(default=1.0, ge=0)
    ai_retry_max_delay: float = Field(default=30.0, ge=0)
    # A Retry-After longer than this is not waited for: the call fails with 429 at once.
    ai_retry_max_wait: float = Field(default=60.0, ge=0)
    ai_concurrency: int = Field(default=4, ge=1, le=256)
    # Per signed-in user and UTC day; 0 turns the limit off.
    ai_daily_budget_usd: float = Field(default=2.0, ge=0)
    ai_daily_token_budget: int = Field(default=0, ge=0)
    ai_prices: dict[str, ModelPrice] = Field(default_factory=lambda: dict(DEFAULT_PRICES))
    # Website text sent to the model is cut to about this many tokens (chars / 4).
    ai_max_input_tokens: int = Field(default=6000, ge=200, le=200_000)
    ai_max_output_tokens: int = Field(default=1200, ge=64, le=32_000)
    # Companies one batch job may enrich.
    ai_batch_max: int = Field(default=500, ge=1, le=5000)
    # Enrichment reads the website as the leads service last crawled it when that crawl is younger than
    # this, else asks it to crawl again (0: always crawl again).
    ai_site_max_age_days: int = Field(default=30, ge=0, le=3650)
    # How long to wait for the leads service to crawl a site on demand (its own site timeout plus margin).
    ai_crawl_timeout: float = Field(default=90.0, gt=0, le=600)

    @field_validator("openai_temperature", mode="before")
    @classmethod
    def _unset_temperature(cls, value: object) -> object:
        # Some models (reasoning ones) accept only their default: OUTBOUND_OPENAI_TEMPERATURE=none leaves it out.
        return None if isinstance(value, str) and value.strip().lower() in ("", "none", "default") else value

    @model_validator(mode="after")
    def _default_provider(self) -> AISettings:
        if self.ai_provider is None:
            self.ai_provider = "openai" if self.openai_api_key else "heuristic"
        return self

    @property
    def provider(self) -> str:
        return self.ai_provider or "heuristic"

    @property
    def model_name(self) -> str:
        """The model recorded with every call: the configured one, or "rules" for the heuristic provider."""
        return self.openai_model if self.provider == "openai" else "rules"
