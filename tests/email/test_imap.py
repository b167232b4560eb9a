"""Polling a real Dovecot: cursor, batches, resync, no flag changes, 5,000 messages, wrong password."""

from __future__ import annotations

import pytest

from services.email import imap
from services.email.imap import ImapConfig, ImapCursor, ImapError, poll_mailbox
from services.email.inbound import Kind, inspect_message
from tests.email.mail_samples import DSN, ORIGINAL_ID, reply
from tests.fakes.dovecot import Dovecot


def config(dovecot: Dovecot, user: tuple[str, str], **overrides: object) -> ImapConfig:
    values: dict[str, object] = {"host": dovecot.host, "port": dovecot.port, "security": "none",
                                 "username": user[0], "password": user[1], "timeout": 10}
    values.update(overrides)
    return ImapConfig(**values)  # type: ignore[arg-type]


def numbered(i: int) -> bytes:
    return reply(f"Antwort {i}", mid=f"<r{i}@client.example>")


async def test_poll_reads_new_mail_once_and_leaves_flags_alone(dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    cfg = config(dovecot, imap_user)
    dovecot.append(imap_user[0], numbered(1), DSN)
    first = await poll_mailbox(cfg, ImapCursor(), on_new_box="from_start")
    assert first.resynced and not first.more and [m.uid for m in first.messages] == [1, 2]
    kinds = [inspect_message(m.raw).kind for m in first.messages]
    assert kinds == [Kind.REPLY, Kind.BOUNCE]
    assert inspect_message(first.messages[0].raw).references[0] == ORIGINAL_ID
    again = await poll_mailbox(cfg, first.cursor)
    assert again.messages == [] and again.cursor == first.cursor and not again.resynced  # "N:*" quirk handled
    dovecot.append(imap_user[0], numbered(3))
    third = await poll_mailbox(cfg, first.cursor)
    assert [m.uid for m in third.messages] == [3] and third.cursor.last_uid == 3
    assert all(b"\\Seen" not in flags for flags in dovecot.flags(imap_user[0]).values())


async def test_a_new_box_starts_from_now_unless_asked(dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    cfg = config(dovecot, imap_user)
    dovecot.append(imap_user[0], numbered(1), numbered(2))
    fresh = await poll_mailbox(cfg, ImapCursor())
    assert fresh.messages == [] and fresh.cursor.last_uid == 2 and fresh.resynced
    dovecot.append(imap_user[0], numbered(3))
    assert [m.uid for m in (await poll_mailbox(cfg, fresh.cursor)).messages] == [3]


async def test_changed_uidvalidity_resyncs(dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    cfg = config(dovecot, imap_user)
    dovecot.append(imap_user[0], numbered(1))
    first = await poll_mailbox(cfg, ImapCursor(), on_new_box="from_start")
    stale = ImapCursor(uidvalidity=(first.cursor.uidvalidity or 0) + 1, last_uid=999)
    again = await poll_mailbox(cfg, stale, on_new_box="from_start")
    assert again.resynced and [m.uid for m in again.messages] == [1]
    assert again.cursor.uidvalidity == first.cursor.uidvalidity


async def test_five_thousand_messages_come_in_bounded_batches(dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    user = imap_user[0]
    assert dovecot.drop_into_maildir(user, (numbered(i) for i in range(5000))) == 5000
    cfg = config(dovecot, imap_user)
    cursor, seen, polls = ImapCursor(), [], 0
    result = await poll_mailbox(cfg, cursor, batch_size=700, on_new_box="from_start")
    while True:
        polls += 1
        assert len(result.messages) <= 700
        seen.extend(m.uid for m in result.messages)
        if not result.more:
            break
        result = await poll_mailbox(cfg, result.cursor, batch_size=700)
    assert polls == 8 and len(seen) == 5000 and len(set(seen)) == 5000 and seen == sorted(seen)
    bodies = {inspect_message(m.raw).message_id for m in result.messages}
    assert "<r4999@client.example>" in bodies
    assert all(b"\\Seen" not in flags for flags in dovecot.flags(user).values())


async def test_wrong_password_is_an_auth_problem(dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    with pytest.raises(ImapError) as err:
        await poll_mailbox(config(dovecot, (imap_user[0], "wrong")), ImapCursor())
    assert err.value.problem == "auth"
    check = await imap.test_imap_connection(config(dovecot, (imap_user[0], "wrong")))
    assert not check.ok and "login refused" in check.detail


async def test_connection_check_and_unknown_folder(dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    check = await imap.test_imap_connection(config(dovecot, imap_user))
    assert check.ok and check.greeting.startswith("* OK") and check.detail == "INBOX: 0 messages"
    with pytest.raises(ImapError) as err:
        await poll_mailbox(config(dovecot, imap_user, folder="Nope"), ImapCursor())
    assert err.value.problem == "protocol"


async def test_nobody_listening_is_a_connect_problem(imap_user: tuple[str, str]) -> None:
    from tests.conftest import free_port

    with pytest.raises(ImapError) as err:
        await poll_mailbox(ImapConfig("127.0.0.1", free_port(), "none", "x", "y", timeout=2), ImapCursor())
    assert err.value.problem == "connect"
