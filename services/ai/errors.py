"""Errors of the ai service, on top of the kit's tree (each renders as problem+json with its own type).

    Upstream (502)
    ├── ModelRefused            the model declined to answer
    ├── ModelOutputInvalid      invalid output twice (the repair retry failed as well)
    ├── ProviderFailed          the provider kept failing (5xx, connection) or rejected the request
    └── UpstreamTimeout (504)
        └── ModelTimeout        no answer within OUTBOUND_OPENAI_TIMEOUT, retries included
    RateLimited (429)
    ├── BudgetExceeded          the user's daily budget is spent; Retry-After until midnight UTC
    └── ProviderRateLimited     the provider kept answering 429
"""

from __future__ import annotations

from services.kit.errors import RateLimited, Upstream, UpstreamTimeout


class ModelRefused(Upstream):
    code = "model-refused"


class ModelOutputInvalid(Upstream):
    code = "model-output-invalid"


class ProviderFailed(Upstream):
    code = "provider-failed"


class ModelTimeout(UpstreamTimeout):
    code = "model-timeout"


class BudgetExceeded(RateLimited):
    code = "budget-exceeded"


class ProviderRateLimited(RateLimited):
    code = "provider-rate-limited"
