"""E-mail sending, raw half: building messages, and sending pre-rendered ones to a loopback SMTP sink.

Measured in one run, against baselines from the same run:

* ``build_emailmessage_per_s`` — the stdlib ``email.message.EmailMessage`` + ``as_bytes()`` (baseline);
* ``build_mime_per_s`` — ``services.email.mime.build_message`` for the same messages (ratio printed);
* ``render_and_build_per_s`` — template render (sandboxed Jinja, HTML → text) + build per contact, i.e. the
  preparation cost of a personalised campaign without the database;
* ``raw_aiosmtplib_per_s`` — plain aiosmtplib ``sendmail`` of the pre-rendered messages over C persistent
  connections to a sink in a separate process (the baseline the issue names);
* ``smtp_sender_per_s`` — the same messages through ``services.email.smtp.SmtpSender`` (MAIL/RCPT/DATA
  walked separately to classify outcomes), C senders; ratio against raw;
* ``client_cpu_ms_per_message`` — the sending process's CPU a message for both (the sink has its own process).

With ``--engine`` the engine half follows (``bench/email_engine.py``): a 10,000-contact single-step campaign
prepared into the sending ledger and sent through it, against raw aiosmtplib in the same run.

    .venv/bin/python bench/email_send.py [--messages 10000] [--connections 4] [--rounds 2] [--engine]

The engine half runs three times (each run a few campaigns, each sent raw and by the engine in turns) and reports
the median run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import aiosmtplib

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import ROOT, free_port
from services.email.addresses import parse_address
from services.email.headers import message_id
from services.email.mime import OutgoingMessage, build_message
from services.email.smtp import SendStatus, SmtpConfig, SmtpSender
from services.email.templates import TemplateEngine, TemplateSource

SECRET = b"b" * 32
TEMPLATE = TemplateSource(
    subject="{{ contact.first_name|default('Hallo') }}, kurze Frage zu {{ company.name }}",
    html=("<p>Hallo {{ contact.first_name|default('zusammen') }},</p>"
          "<p>{{ ai.opening_line|default('wir haben Ihre Website gesehen.') }}</p>"
          "<p>Wir helfen Firmen wie {{ company.name }} in {{ company.city }}, mehr Termine zu bekommen. "
          "Passt ein kurzes Gespräch nächste Woche?</p>"
          "<p><a href='{{ booking_url }}'>Termin wählen</a></p><p>Viele Grüße<br>{{ sender.name }}</p>"
          "<p style='font-size:11px'>Keine weiteren E-Mails? <a href='{{ unsubscribe_url }}'>Abmelden</a></p>"),
)


def contexts(n: int) -> list[dict[str, object]]:
    return [{
        "contact": {"first_name": f"Jana{i}", "email": f"jana{i}@kunde{i % 97}.example"},
        "company": {"name": f"Bäckerei Nummer {i} GmbH", "city": "München"},
        "ai": {"opening_line": f"Ihr Sauerteigbrot Nr. {i} hat mich neugierig gemacht."},
        "sender": {"name": "Jörg Müller"},
        "booking_url": f"https://crm.example.com/book/joerg?c={i}",
        "unsubscribe_url": f"https://crm.example.com/api/email/unsubscribe/{i:08d}",
    } for i in range(n)]


SENDER = parse_address("Jörg Müller <joerg@outbound.example>")  # a mailbox's address is parsed once


def outgoing(i: int, subject: str, text: str, html: str | None) -> OutgoingMessage:
    return OutgoingMessage(
        sender=SENDER,
        to=parse_address(f"jana{i}@kunde{i % 97}.example"), subject=subject, text=text, html=html,
        message_id=message_id(SECRET, "outbound.example", "campaign", 1, "step", 1, "contact", i),
        date=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        list_unsubscribe_url=f"https://crm.example.com/api/email/unsubscribe/{i:08d}",
    )


def with_emailmessage(m: OutgoingMessage) -> bytes:
    msg = EmailMessage()
    msg["From"] = m.sender.header()
    msg["To"] = m.to.header()
    msg["Subject"] = m.subject
    msg["Date"] = format_datetime(m.date or datetime.now(UTC))
    msg["Message-ID"] = m.message_id
    msg["List-Unsubscribe"] = f"<{m.list_unsubscribe_url}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg.set_content(m.text)
    if m.html is not None:
        msg.add_alternative(m.html, subtype="html")
    return msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def bench_build(messages: list[OutgoingMessage], rounds: int) -> tuple[float, float]:
    for m in messages[:200]:  # warm up both (first-use imports, regex compilation)
        with_emailmessage(m)
        build_message(m)
    baselines, leans = [], []
    for _ in range(rounds):  # alternate so load changes hit both alike
        start = time.perf_counter()
        for m in messages:
            with_emailmessage(m)
        baselines.append(rate(len(messages), time.perf_counter() - start))
        start = time.perf_counter()
        for m in messages:
            build_message(m)
        leans.append(rate(len(messages), time.perf_counter() - start))
    return statistics.median(baselines), statistics.median(leans)


def bench_render(n: int) -> tuple[float, list[bytes]]:
    engine = TemplateEngine()
    compiled = engine.compile(TEMPLATE)
    start = time.perf_counter()
    raws = []
    for i, ctx in enumerate(contexts(n)):
        rendered = compiled.render(ctx)
        raws.append(build_message(outgoing(i, rendered.subject, rendered.text, rendered.html)))
    return rate(n, time.perf_counter() - start), raws


async def send_raw(port: int, raws: list[bytes], connections: int) -> tuple[float, float]:
    async def worker(chunk: list[tuple[int, bytes]]) -> None:
        async with aiosmtplib.SMTP(hostname="127.0.0.1", port=port, timeout=30, start_tls=False) as smtp:
            for i, raw in chunk:
                await smtp.sendmail("joerg@outbound.example", [f"jana{i}@kunde{i % 97}.example"], raw)

    return await timed(worker, raws, connections)


async def send_wrapped(port: int, raws: list[bytes], connections: int) -> tuple[float, float]:
    config = SmtpConfig("127.0.0.1", port, "none", timeout=30)

    async def worker(chunk: list[tuple[int, bytes]]) -> None:
        async with SmtpSender(config) as sender:
            for i, raw in chunk:
                outcome = await sender.send("joerg@outbound.example", [f"jana{i}@kunde{i % 97}.example"], raw)
                if outcome.status is not SendStatus.SENT:
                    raise RuntimeError(outcome)

    return await timed(worker, raws, connections)


async def timed(worker: Callable[[list[tuple[int, bytes]]], Awaitable[None]], raws: list[bytes],
                connections: int) -> tuple[float, float]:
    """Messages a second, and the client's CPU milliseconds a message (the sink runs in its own process)."""
    items = list(enumerate(raws))
    start, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker(items[k::connections]) for k in range(connections)))
    return rate(len(raws), time.perf_counter() - start), (time.process_time() - cpu) * 1000 / len(raws)


def start_sink(pipelining: bool = False) -> tuple[subprocess.Popen[str], int]:
    """The counting sink in a process of its own; ``pipelining``: it offers PIPELINING (RFC 2920)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tests.fakes.smtp_server", "--port", str(port),
                             *(["--pipelining"] if pipelining else [])], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc, port


def stop_sink(proc: subprocess.Popen[str]) -> dict[str, int]:
    proc.terminate()
    out, _ = proc.communicate(timeout=30)
    return {k.strip(): int(v) for k, v in (line.split(":") for line in out.splitlines() if ":" in line)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--engine", action="store_true", help="also the engine half (bench/email_engine.py)")
    parser.add_argument("--engine-only", action="store_true", help="only the engine half")
    parser.add_argument("--pipelining", action="store_true",
                        help="the sink offers PIPELINING (RFC 2920): SmtpSender uses it, aiosmtplib never does")
    args = parser.parse_args()
    if args.engine_only:
        engine_half(args.messages)
        return
    n = args.messages

    sample = [outgoing(i, f"Frage {i} an Bäckerei Müller", "Hallo,\n\nkurze Frage." * 20, "<p>Hallo</p>" * 40)
              for i in range(min(n, 2000))]
    baseline, lean = bench_build(sample, args.rounds)
    print(f"build_emailmessage_per_s: {baseline:.0f}")
    print(f"build_mime_per_s: {lean:.0f}")
    print(f"build_ratio: {lean / baseline:.1f}x")
    render_rate, raws = bench_render(n)
    print(f"render_and_build_per_s: {render_rate:.0f}  ({n} personalised messages in {n / render_rate:.2f} s)")
    print(f"message_bytes_avg: {sum(map(len, raws)) / len(raws):.0f}")

    raw_rates, wrapped_rates = [], []
    proc, port = start_sink(args.pipelining)
    try:
        for _ in range(args.rounds):  # alternate so drift on a noisy machine hits both alike
            raw_rates.append(asyncio.run(send_raw(port, raws, args.connections)))
            wrapped_rates.append(asyncio.run(send_wrapped(port, raws, args.connections)))
    finally:
        counts = stop_sink(proc)
    raw, wrapped = statistics.median(r for r, _ in raw_rates), statistics.median(r for r, _ in wrapped_rates)
    raw_cpu, wrapped_cpu = statistics.median(c for _, c in raw_rates), statistics.median(c for _, c in wrapped_rates)
    print(f"raw_aiosmtplib_per_s: {raw:.0f}  ({args.connections} connections, median of {args.rounds})")
    print(f"smtp_sender_per_s: {wrapped:.0f}")
    print(f"smtp_sender_ratio: {wrapped / raw:.2f}  (the sink's process sets the pace of both)")
    print(f"client_cpu_ms_per_message: raw aiosmtplib {raw_cpu:.3f}, SmtpSender {wrapped_cpu:.3f} "
          f"({wrapped_cpu / raw_cpu:.2f}x)")
    copies = 2 * args.rounds  # every message is sent once per round by each side, on purpose
    print(f"sink_delivered: {counts.get('delivered')} of {copies * n} ({counts.get('distinct')} distinct Message-IDs, "
          f"{copies} copies each)")
    if args.engine:
        engine_half(n)


def engine_half(n: int) -> None:
    from bench.email_engine import median_run, report, run, run_on

    proc, port = start_sink()
    try:
        report(median_run([run_on("uvloop", run(n, port, None)) for _ in range(3)]), n)
    finally:
        counts = stop_sink(proc)
    print(f"engine_sink_delivered: {counts.get('delivered')} (raw and engine; {counts.get('distinct')} distinct "
          "Message-IDs)")

if __name__ == "__main__":
    main()
