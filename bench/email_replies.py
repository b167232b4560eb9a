"""The reply poller against a real Dovecot: reading a box of N messages, against raw IMAP fetching in the same run.

* ``raw_imap_fetch_per_s`` — ``services.email.imap.poll_mailbox`` batch after batch with nothing else: the
  baseline (what the IMAP server and imaplib cost);
* ``poller_per_s`` — ``services.email.replies.poll_one_mailbox`` over the same box: fetch, parse (DSN,
  auto-reply, reply), match against the ledger, classify, record events, suppress, stop or postpone
  sequences, enqueue timeline jobs, advance the cursor (SQLite, one transaction per batch); ratio printed.

The box holds ``--matched`` replies to ledger messages (a third interested, a sixth out of office, a sixth
bounces, the rest other), the rest newsletters nobody sent us. Needs root and dovecot-imapd (apt).

    .venv/bin/python bench/email_replies.py [--messages 5000] [--matched 500] [--batch 200]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.email.imap import ImapConfig, ImapCursor, poll_mailbox
from services.email.replies import poll_one_mailbox
from tests.email.inbound_support import email_stack
from tests.email.mail_samples import crlf
from tests.fakes.dovecot import Dovecot, available

BODIES = ("Klingt interessant, rufen Sie mich gerne an.", "Thanks, not interested at the moment.",
          "Please remove me from your list.", "Danke für die Nachricht.")


def reply(to_mid: str, body: str, i: int, extra: str = "") -> bytes:
    return crlf(f"""From: P{i} <p{i}@client.example>
To: sales@outbound.example
Subject: Re: Kurze Frage
Message-ID: <bench-r{i}@client.example>
In-Reply-To: {to_mid}
References: {to_mid}
{extra}Content-Type: text/plain; charset=utf-8

{body}

Am 2. März schrieb Sales:
> Kurze Frage""")


def bounce(i: int, original: str) -> bytes:
    return crlf(f"""From: MAILER-DAEMON@mx.client.example
To: sales@outbound.example
Subject: Undelivered Mail Returned to Sender
Message-ID: <bench-dsn{i}@mx.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.client.example

Final-Recipient: rfc822; p{i}@client.example
Action: failed
Status: 5.1.1

--B
Content-Type: text/rfc822-headers

Message-ID: {original}

--B--""")


def noise(i: int) -> bytes:
    return crlf(f"""From: News <news@news{i % 50}.example>
To: sales@outbound.example
Subject: Newsletter {i}
Message-ID: <bench-n{i}@news.example>
Content-Type: text/plain; charset=utf-8

Issue {i}: nothing to see here. """ + "lorem ipsum " * 40)


async def main(messages: int, matched: int, batch: int) -> None:
    if not available():
        raise SystemExit("dovecot-imapd is not installed (apt-get install dovecot-imapd) or not running as root")
    server = Dovecot(users={"raw": "pw-raw-bench", "engine": "pw-engine-bench"}).start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp)
            async with email_stack(f"sqlite+aiosqlite:///{path / 'email.db'}", path, imap_batch_size=batch) as stack:
                box = await stack.mailbox(imap=(server.host, server.port, "engine", "pw-engine-bench"))
                people = [{"id": i + 1, "company_id": None, "email": f"p{i}@client.example"} for i in range(matched)]
                camp = await stack.campaign(box, people)
                await poll_one_mailbox(stack.runtime, box)  # the box is connected: the cursor starts here
                mail: list[bytes] = []
                for i, person in enumerate(people):
                    mid = camp["messages"][person["id"]][1]
                    kind = i % 6
                    if kind == 0:
                        mail.append(bounce(i, mid))
                    elif kind == 1:
                        mail.append(reply(mid, "Ich bin bis zum 20.03. nicht im Büro.", i,
                                          "Auto-Submitted: auto-replied\n"))
                    else:
                        mail.append(reply(mid, BODIES[i % len(BODIES)], i))
                mail += [noise(i) for i in range(messages - matched)]
                for user in ("raw", "engine"):
                    server.drop_into_maildir(user, mail)

                config = ImapConfig(server.host, server.port, "none", "raw", "pw-raw-bench", timeout=30)
                start = time.perf_counter()
                result = await poll_mailbox(config, ImapCursor(), batch_size=batch, on_new_box="from_start")
                read = len(result.messages)
                while result.more:
                    result = await poll_mailbox(config, result.cursor, batch_size=batch)
                    read += len(result.messages)
                raw_s = time.perf_counter() - start

                start = time.perf_counter()
                done = await poll_one_mailbox(stack.runtime, box)
                engine_s = time.perf_counter() - start
    finally:
        server.stop()
    print(f"messages: {messages}")
    print(f"matched_to_ledger: {matched}")
    print(f"batch_size: {batch}")
    print(f"raw_imap_fetch_per_s: {read / raw_s:.0f}")
    print(f"poller_per_s: {messages / engine_s:.0f}")
    print(f"poller_vs_raw: {raw_s / engine_s:.2f}x")
    print(f"recorded: replies={done.replies} auto_replies={done.auto_replies} bounces={done.bounces} "
          f"unsubscribes={done.unsubscribes} postponed={done.postponed} unmatched={done.unmatched}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--matched", type=int, default=500)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    asyncio.run(main(args.messages, args.matched, args.batch))
