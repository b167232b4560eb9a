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
    # Users are made up front: Dovecot notices a changed passwd-file by its mtime in whole seconds.
    server = Dovecot(users={f"user{i}": "pw-" + uuid.uuid4().hex[:8] for i in range(USERS)}).start()
    yield server
    server.stop()


USERS = 40
_handed_out: set[str] = set()


@pytest.fixture
def imap_user(dovecot: Dovecot) -> tuple[str, str]:
    """A fresh, empty mailbox on the session's Dovecot."""
    name = next(n for n in dovecot.users if n not in _handed_out)
    _handed_out.add(name)
    return name, dovecot.users[name]
