"""Fixtures of the e-mail tests: one Dovecot for the session (each test gets its own user)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from tests.fakes.dovecot import Dovecot, available


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    if not available():
        if os.environ.get("CI"):
            pytest.fail("dovecot-imapd is not installed (.ci/run installs it)")
        pytest.skip("dovecot-imapd is not installed (apt-get install dovecot-imapd) or not running as root")
    server = Dovecot(users={"alice": "secret"}).start()
    yield server
    server.stop()


@pytest.fixture
def imap_user(dovecot: Dovecot) -> tuple[str, str]:
    """A fresh, empty mailbox on the session's Dovecot."""
    name, password = f"u{uuid.uuid4().hex[:10]}", "pw-" + uuid.uuid4().hex[:8]
    dovecot.add_user(name, password)
    return name, password
