"""Schemathesis over a served app: every operation of an OpenAPI document, positive and negative input.

The app runs under uvicorn in the test's event loop; Hypothesis runs in a worker thread and sends
each generated case over real HTTP with schemathesis' own serialisation, so no transport is faked.
"""

from __future__ import annotations

from typing import Any

import hypothesis
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import strategies as st
from schemathesis import GenerationMode


def fuzz(doc: dict[str, Any], base_url: str, *, headers: dict[str, str] | None = None, max_examples: int = 30,
         skip: set[tuple[str, str]] = frozenset(), last: set[tuple[str, str]] = frozenset()) -> int:
    """Run every operation; fail on the first 5xx. ``last`` operations run after the others.

    Returns the number of operations exercised.
    """
    schema = schemathesis.openapi.from_dict(doc)
    operations = []
    for result in schema.get_all_operations():
        operation = result.ok()
        key = (operation.method.upper(), operation.path)
        if key not in skip:
            operations.append((key in last, key, operation))
    operations.sort(key=lambda item: (item[0], item[1]))
    session = requests.Session()
    try:
        for _last, key, operation in operations:
            _fuzz_one(operation, key, base_url, dict(headers or {}), session, max_examples)
    finally:
        session.close()
    return len(operations)


def _fuzz_one(operation: Any, key: tuple[str, str], base_url: str, headers: dict[str, str],
              session: requests.Session, max_examples: int) -> None:
    strategy = st.one_of(operation.as_strategy(GenerationMode.POSITIVE),
                         operation.as_strategy(GenerationMode.NEGATIVE))

    @hypothesis.settings(max_examples=max_examples, derandomize=True, deadline=None, database=None,
                         suppress_health_check=list(HealthCheck),
                         phases=[Phase.explicit, Phase.generate, Phase.shrink])
    @given(case=strategy)
    def check(case: Any) -> None:
        response = case.call(base_url=base_url, headers=headers, session=session, timeout=30)
        assert response.status_code < 500, (
            f"{key[0]} {key[1]} -> {response.status_code}: {response.text[:400]}\n"
            f"{case.as_curl_command(base_url=base_url)}")

    check()
