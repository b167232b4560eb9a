"""Raw inbound messages (CRLF bytes) as servers and people send them."""

from __future__ import annotations

ORIGINAL_ID = "<orig-42@outbound.example>"


def crlf(text: str) -> bytes:
    return text.strip("\n").replace("\n", "\r\n").encode() + b"\r\n"


def reply(body: str, *, subject: str = "Re: Kurze Frage", extra: str = "", mid: str = "<r1@client.example>") -> bytes:
    return crlf(f"""From: Bob <bob@client.example>
To: sales@outbound.example
Subject: {subject}
Message-ID: {mid}
In-Reply-To: {ORIGINAL_ID}
References: <older@outbound.example> {ORIGINAL_ID}
{extra}Content-Type: text/plain; charset=utf-8

{body}""")


DSN = crlf(f"""From: Mail Delivery System <MAILER-DAEMON@mx.client.example>
To: sales@outbound.example
Subject: Undelivered Mail Returned to Sender
Message-ID: <dsn1@mx.client.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B42"

--B42
Content-Type: text/plain

The mail system could not deliver your message.

--B42
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.client.example
Arrival-Date: Mon, 2 Mar 2026 10:00:00 +0100

Final-Recipient: rfc822; nobody@client.example
Original-Recipient: rfc822;nobody@client.example
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <nobody@client.example>:
    Recipient address rejected: User unknown

--B42
Content-Type: text/rfc822-headers

From: sales@outbound.example
To: nobody@client.example
Subject: Kurze Frage
Message-ID: {ORIGINAL_ID}

--B42--
""")

DSN_WITHOUT_ORIGINAL = crlf("""From: postmaster@mx.client.example
To: sales@outbound.example
Subject: Delivery Status Notification (Failure)
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="X"

--X
Content-Type: text/plain

Delivery to the following recipients failed: gone@client.example

--X
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.client.example

Final-Recipient: rfc822; gone@client.example
Action: failed
Status: 5.1.10
Diagnostic-Code: smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound

Final-Recipient: rfc822; full@client.example
Action: delayed
Status: 4.2.2

--X--
""")

TEXT_BOUNCE = crlf("""From: MAILER-DAEMON@old.client.example
To: sales@outbound.example
Subject: failure notice

Hi. This is the qmail-send program at old.client.example.
I'm afraid I wasn't able to deliver your message to the following addresses.

<olduser@client.example>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.
Message-ID: <orig-7@outbound.example>
""")

MALFORMED = crlf("""From: Bob <bob@client.example>
To: sales@outbound.example
Subject: =?utf-8?q?broken=ZZ?= Re: Angebot
In-Reply-To: <orig-9@outbound.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="never-closed"

--never-closed
Content-Type: text/plain; charset=no-such-charset
Content-Transfer-Encoding: base64

%%% this is not base64 %%%
--never-closed
Content-Type: application/octet-stream; name=
Content-Transfer-Encoding: quoted-printable

=ZZ=
""")

OUTLOOK_HTML_REPLY = crlf("""From: Bob <bob@client.example>
To: sales@outbound.example
Subject: AW: Kurze Frage
In-Reply-To: <orig-5@outbound.example>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<div>Klingt interessant, rufen Sie mich gerne an.</div><div><br></div>
<div>Von: Sales &lt;sales@outbound.example&gt;</div><div>Gesendet: Montag, 2. März 2026 10:00</div>
<div>An: Bob</div><div>Betreff: Kurze Frage</div><p>Wir haben ein Angebot für Sie, sind Sie interessiert?</p>
""")
