"""Sending over real SMTP (aiosmtpd sink with faults): every outcome, TLS, auth, connection reuse — each
transaction test once command by command and once pipelined (RFC 2920), as the server offers."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from services.email import smtp
from services.email.smtp import SendStatus, SmtpConfig, SmtpSender, classify_reply
from tests.conftest import free_port
from tests.fakes.smtp_server import Fault, smtp_sink

MESSAGE = b"From: a@outbound.example\r\nTo: b@client.example\r\nMessage-ID: <m1@outbound.example>\r\n" \
          b"Subject: hi\r\n\r\nhello\r\n.leading dot\r\n"


def config(port: int, **overrides: object) -> SmtpConfig:
    values: dict[str, object] = {"host": "127.0.0.1", "port": port, "security": "none", "timeout": 2.0}
    values.update(overrides)
    return SmtpConfig(**values)  # type: ignore[arg-type]


@pytest.fixture(params=[False, True], ids=["sequential", "pipelined"])
def pipelining(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


async def send(sender: SmtpSender, rcpt: str, message: bytes = MESSAGE):
    return await sender.send("a@outbound.example", [rcpt], message)


@pytest.mark.parametrize("stage,reply,status", [
    ("rcpt", "421 4.7.0 Try again later, closing connection", SendStatus.TEMPORARY),
    ("rcpt", "451 4.3.0 Temporary failure", SendStatus.TEMPORARY),
    ("rcpt", "452 4.2.2 Mailbox full, try later", SendStatus.TEMPORARY),
    ("rcpt", "550 5.1.1 <x@client.example>: User unknown", SendStatus.HARD_BOUNCE),
    ("rcpt", "550 No such user here", SendStatus.HARD_BOUNCE),
    ("rcpt", "552 5.2.2 Mailbox full", SendStatus.REJECTED),
    ("rcpt", "554 5.7.1 Relay access denied", SendStatus.MAILBOX_PROBLEM),
    ("rcpt", "550 5.4.5 Daily sending quota exceeded", SendStatus.MAILBOX_PROBLEM),
    ("mail", "553 5.1.8 Sender address rejected", SendStatus.MAILBOX_PROBLEM),
    ("data", "451 4.7.1 Greylisted", SendStatus.TEMPORARY),
    ("data", "552 5.3.4 Message too big", SendStatus.REJECTED),
    ("data", "554 5.7.1 Message rejected as spam", SendStatus.MAILBOX_PROBLEM),
])
async def test_each_server_answer_becomes_its_outcome(stage: str, reply: str, status: SendStatus,
                                                      pipelining: bool) -> None:
    async with smtp_sink(pipelining=pipelining, faults=[Fault("victim@", stage=stage, reply=reply)]) as sink:  # type: ignore[arg-type]
        async with SmtpSender(config(sink.port)) as sender:
            rcpt = "victim@client.example"
            # a "mail" fault matches the sender: make the sender the victim
            outcome = (await sender.send("victim@outbound.example", [rcpt], MESSAGE) if stage == "mail"
                       else await send(sender, rcpt))
            assert outcome.status is status, outcome
            assert outcome.reply == reply and outcome.code == int(reply[:3]) and outcome.stage == stage
            # the connection is usable (or replaced) afterwards: the next message goes out
            assert (await send(sender, "fine@client.example")).status is SendStatus.SENT
        assert [d.rcpt_tos for d in sink.deliveries] == [("fine@client.example",)]


async def test_sent_outcome_carries_the_server_reply_and_dot_lines_survive(pipelining: bool) -> None:
    async with smtp_sink(pipelining=pipelining) as sink, SmtpSender(config(sink.port)) as sender:
        outcome = await send(sender, "b@client.example")
        assert outcome.status is SendStatus.SENT and outcome.reply == "250 2.0.0 Ok: queued as 1"
        assert sink.deliveries[0].data.endswith(b"hello\r\n.leading dot\r\n")


async def test_drop_after_data_is_unknown_and_never_resent(pipelining: bool) -> None:
    async with smtp_sink(pipelining=pipelining, faults=[Fault("drop@", stage="data", drop=True)]) as sink:
        async with SmtpSender(config(sink.port)) as sender:
            outcome = await send(sender, "drop@client.example")
            assert outcome.status is SendStatus.UNKNOWN and outcome.stage == "data"
            assert "may have been delivered" in outcome.reply
            assert sink.count == 1  # the server did store it: resending would duplicate
            assert (await send(sender, "next@client.example")).status is SendStatus.SENT
        assert sink.count == 2 and sink.rcpt_attempts["drop@client.example"] == 1


async def test_slow_acceptance_within_the_timeout_is_sent(pipelining: bool) -> None:
    async with smtp_sink(pipelining=pipelining, faults=[Fault("slow@", stage="data", delay=0.5)]) as sink, \
            SmtpSender(config(sink.port, timeout=3.0)) as sender:
        assert (await send(sender, "slow@client.example")).status is SendStatus.SENT


async def test_the_timeout_is_per_reply_however_long_the_connection_lives(pipelining: bool) -> None:
    """One watchdog a connection: each wait moves its deadline, so slow answers that add up past the
    timeout on one connection are each within it."""
    async with smtp_sink(pipelining=pipelining, faults=[Fault("slow@", stage="data", delay=0.3)]) as sink, \
            SmtpSender(config(sink.port, timeout=0.5)) as sender:
        for _ in range(3):
            assert (await send(sender, "slow@client.example")).status is SendStatus.SENT
        assert sink.count == 3


async def test_no_answer_after_data_within_the_timeout_is_unknown(pipelining: bool) -> None:
    async with smtp_sink(pipelining=pipelining, faults=[Fault("slow@", stage="data", delay=1.5)]) as sink, \
            SmtpSender(config(sink.port, timeout=0.5)) as sender:
        outcome = await send(sender, "slow@client.example")
        assert outcome.status is SendStatus.UNKNOWN
        assert "TimeoutError" in outcome.reply or "Timeout" in outcome.reply


async def test_slow_rcpt_is_temporary_because_nothing_was_sent(pipelining: bool) -> None:
    async with smtp_sink(pipelining=pipelining, faults=[Fault("slow@", stage="rcpt", delay=1.5)]) as sink, \
            SmtpSender(config(sink.port, timeout=0.5)) as sender:
        outcome = await send(sender, "slow@client.example")
        assert outcome.status is SendStatus.TEMPORARY and outcome.stage == "rcpt"
    assert sink.count == 0


async def test_wrong_password_pauses_the_mailbox() -> None:
    async with smtp_sink(users={"sales": "right"}) as sink:
        async with SmtpSender(config(sink.port, username="sales", password="wrong")) as sender:
            outcome = await send(sender, "b@client.example")
        assert outcome.status is SendStatus.MAILBOX_PROBLEM and outcome.pause_mailbox
        assert outcome.stage == "auth" and outcome.code == 535
        async with SmtpSender(config(sink.port, username="sales", password="right")) as sender:
            assert (await send(sender, "b@client.example")).status is SendStatus.SENT
        assert sink.deliveries[0].auth_user == "sales"


async def test_starttls_with_the_servers_certificate(tmp_path: Path) -> None:
    async with smtp_sink(tls="starttls", users={"u": "p"}, cert_dir=tmp_path) as sink:
        good = config(sink.port, security="starttls", username="u", password="p", ca_file=str(sink.cert_file))
        async with SmtpSender(good) as sender:
            assert (await send(sender, "b@client.example")).status is SendStatus.SENT
        assert sink.deliveries[0].tls
        # the system CAs do not know the self-signed certificate: a settings problem, not a retry
        async with SmtpSender(config(sink.port, security="starttls", username="u", password="p")) as sender:
            outcome = await send(sender, "b@client.example")
        assert outcome.status is SendStatus.MAILBOX_PROBLEM and outcome.stage == "tls"
        assert "certificate" in outcome.reply.lower()


async def test_implicit_tls(tmp_path: Path) -> None:
    async with smtp_sink(tls="implicit", cert_dir=tmp_path) as sink:
        async with SmtpSender(config(sink.port, security="tls", ca_file=str(sink.cert_file))) as sender:
            assert (await send(sender, "b@client.example")).status is SendStatus.SENT
        assert sink.deliveries[0].tls


async def test_starttls_required_but_not_offered() -> None:
    async with smtp_sink() as sink, SmtpSender(config(sink.port, security="starttls")) as sender:
        outcome = await send(sender, "b@client.example")
        assert outcome.status is SendStatus.MAILBOX_PROBLEM and "STARTTLS" in outcome.reply


async def test_nobody_listening_is_temporary() -> None:
    async with SmtpSender(config(free_port())) as sender:
        outcome = await send(sender, "b@client.example")
    assert outcome.status is SendStatus.TEMPORARY and outcome.stage == "connect"


async def test_one_connection_is_reused_and_replaced_when_the_server_drops_it(pipelining: bool) -> None:
    async with smtp_sink(pipelining=pipelining) as sink, SmtpSender(config(sink.port)) as sender:
        for i in range(20):
            assert (await send(sender, f"r{i}@client.example")).status is SendStatus.SENT
        assert sink.connections == 1
        sink.disconnect_all()  # the server closed our idle connection
        assert (await send(sender, "after@client.example")).status is SendStatus.SENT
        assert sink.connections == 2 and sink.count == 21


async def test_pipelining_is_used_when_offered_and_a_partial_refusal_still_delivers(pipelining: bool) -> None:
    async with smtp_sink(pipelining=pipelining, faults=[Fault("gone@", stage="rcpt", reply="550 5.1.1 User unknown")]) \
            as sink, SmtpSender(config(sink.port)) as sender:
        outcome = await sender.send("a@outbound.example", ["gone@client.example", "here@client.example"], MESSAGE)
        assert outcome.status is SendStatus.SENT and sender._pipelining is pipelining
        assert sink.deliveries[0].rcpt_tos == ("here@client.example",)
        refused = await sender.send("a@outbound.example", ["gone@client.example"], MESSAGE)
        assert refused.status is SendStatus.HARD_BOUNCE and sink.count == 1
        assert (await send(sender, "next@client.example")).status is SendStatus.SENT and sink.connections == 1


async def test_a_421_said_to_an_idle_connection_is_not_taken_for_the_next_answer(pipelining: bool) -> None:
    async with smtp_sink(pipelining=pipelining) as sink, SmtpSender(config(sink.port)) as sender:
        assert (await send(sender, "a@client.example")).status is SendStatus.SENT
        for protocol in sink._protocols:  # the server announces it is closing, but has not closed yet
            assert protocol.transport is not None
            protocol.transport.write(b"421 4.4.2 sink.test Error: timeout exceeded\r\n")
        await asyncio.sleep(0.05)
        assert (await send(sender, "b@client.example")).status is SendStatus.SENT
        assert sink.connections == 2 and sink.count == 2


async def test_envelope_addresses_with_line_breaks_never_reach_the_wire() -> None:
    async with smtp_sink() as sink, SmtpSender(config(sink.port)) as sender:
        outcome = await sender.send("a@outbound.example", ["b@client.example\r\nRCPT TO:<x@evil.example>"], MESSAGE)
        assert outcome.status is SendStatus.REJECTED and sink.rcpt_attempts == {}


async def test_smtputf8_recipient(pipelining: bool) -> None:
    async with smtp_sink(pipelining=pipelining) as sink, SmtpSender(config(sink.port)) as sender:
        outcome = await sender.send("a@outbound.example", ["jörg@client.example"], MESSAGE)
        assert outcome.status is SendStatus.SENT
        assert sink.deliveries[0].rcpt_tos == ("jörg@client.example",)


async def test_test_connection_reports_the_servers_replies(tmp_path: Path) -> None:
    async with smtp_sink(tls="starttls", users={"u": "p"}, cert_dir=tmp_path) as sink:
        report = await smtp.test_connection(config(sink.port, security="starttls", username="u", password="p",
                                              ca_file=str(sink.cert_file)))
        assert report.ok, report
        assert [s.name for s in report.steps] == ["connect", "ehlo", "starttls", "ehlo", "auth", "quit"]
        assert report.steps[0].reply.startswith("220 sink.test")
        assert "STARTTLS" in report.steps[1].reply and "AUTH" in report.steps[3].reply
        assert report.steps[4].reply.startswith("235")
        bad = await smtp.test_connection(config(sink.port, security="starttls", username="u", password="nope",
                                           ca_file=str(sink.cert_file)))
        assert not bad.ok and bad.steps[-1].name == "auth" and bad.steps[-1].reply.startswith("535")
    nobody = await smtp.test_connection(config(free_port()))
    assert not nobody.ok and nobody.steps[0].name == "connect" and "connect" in (nobody.error or "")


@pytest.mark.parametrize("code,message,stage,status", [
    (250, "2.0.0 Ok", "data", SendStatus.SENT),
    (421, "4.7.0 closing", "mail", SendStatus.TEMPORARY),
    (535, "5.7.8 Authentication credentials invalid", "auth", SendStatus.MAILBOX_PROBLEM),
    (550, "5.1.2 Bad destination system address", "rcpt", SendStatus.HARD_BOUNCE),
    (550, "5.1.10 Recipient address has null MX", "rcpt", SendStatus.HARD_BOUNCE),
    (550, "5.7.26 Unauthenticated email from domain is not accepted (DMARC)", "data", SendStatus.MAILBOX_PROBLEM),
    (554, "Transaction failed", "rcpt", SendStatus.REJECTED),
    (550, "Mailbox unavailable", "mail", SendStatus.MAILBOX_PROBLEM),
])
def test_classification_table(code: int, message: str, stage: str, status: SendStatus) -> None:
    assert classify_reply(code, message, stage).status is status  # type: ignore[arg-type]
