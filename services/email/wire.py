"""A ledger message as it goes over SMTP DATA.

Campaign messages are built when they are rendered (prepare.py) and kept in their ledger row (``wire``) without
a Date header, which the sender puts in front when the message goes. Building is the largest CPU cost of a
message after the SMTP exchange itself (~0.13 ms), and the sender's event loop also carries every connection's
replies: a batch built there delays all of them. The sender builds a message at sending time only when its row
has no stored form (transactional mail, rows from before) or when something the stored form was built from has
changed since (:func:`sender_key`: the mailbox's From, whether it has an IMAP box for the mailto unsubscribe,
the public URL and the link key of the unsubscribe links). DKIM is signed at sending time, over the Date too.
The stored form is cleared when the message has been sent.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from email.utils import format_datetime
from typing import Any

from .addresses import Address, parse_address, parse_cached
from .deps import EmailRuntime
from .dkim import sign_message
from .links import UnsubscribeTarget, unsubscribe_mailto, unsubscribe_token, unsubscribe_url
from .mime import OutgoingMessage, Part, build_message
from .models import Mailbox


def sender_key(runtime: EmailRuntime, mailbox: Mailbox) -> str:
    """What a stored wire form depends on besides its own row: when this changes, the sender builds anew."""
    digest = hashlib.sha256(runtime.deps.link_key)
    for part in (str(mailbox.id), mailbox.from_email, mailbox.from_name or "", "imap" if mailbox.imap_host else "",
                 runtime.settings.public_url):
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()[:32]


def build(runtime: EmailRuntime, message: Any, mailbox: Mailbox, *, date: datetime | None) -> bytes:
    """The message's wire form, unsigned; ``date`` None: without a Date header (stored at rendering).
    ``message`` is a ledger row (or anything with its columns as attributes)."""
    sender = parse_cached(mailbox.from_email).with_name(mailbox.from_name)
    to = parse_cached(message.to_email, allow_smtputf8=True).with_name(message.to_name)
    reply_to: Address | None = parse_address(message.reply_to) if message.reply_to else None
    url = mailto = None
    if message.campaign_id is not None:
        token = unsubscribe_token(runtime.deps.link_key,
                                  UnsubscribeTarget(to.email, message.contact_id, message.campaign_id))
        url = unsubscribe_url(runtime.settings.public_url, token)
        if mailbox.imap_host:
            mailto = unsubscribe_mailto(sender.ascii_email, token)
    parts = [Part(content=base64.b64decode(a["content_base64"]), content_type=a["content_type"].split(";")[0],
                  params=_params(a["content_type"]), filename=a["filename"],
                  placement="alternative" if a["content_type"].startswith("text/calendar") else "attachment")
             for a in (getattr(message, "attachments", None) or [])]
    in_reply_to = message.in_reply_to
    references = getattr(message, "references", None) or ([in_reply_to] if in_reply_to else ())
    return build_message(OutgoingMessage(
        sender=sender, to=to, subject=message.subject, text=message.body_text or "", html=message.body_html,
        message_id=message.message_id or "", reply_to=reply_to, in_reply_to=in_reply_to, references=references,
        list_unsubscribe_url=url, list_unsubscribe_mailto=mailto, parts=parts, date=date, dated=date is not None))


def date_line(now: datetime) -> bytes:
    return f"Date: {format_datetime(now)}\r\n".encode()


def for_sending(runtime: EmailRuntime, message: Any, mailbox: Mailbox, *, key: str, now: datetime,
                dated: bytes) -> bytes:
    """The bytes to send: the stored form behind ``dated`` (:func:`date_line` of ``now``) while ``key`` (the
    mailbox's :func:`sender_key`) still matches, else built now; DKIM-signed when a key for the From domain is
    configured. Raises :class:`~services.kit.errors.Invalid` when the message cannot be built."""
    stored = getattr(message, "wire", None)
    if stored is not None and getattr(message, "wire_key", None) == key:
        wire = dated + bytes(stored)
    else:
        wire = build(runtime, message, mailbox, date=now)
    dkim = runtime.deps.dkim
    if dkim is not None and parse_cached(mailbox.from_email).ascii_domain == dkim.domain:
        wire = sign_message(wire, dkim)
    return wire


def _params(content_type: str) -> list[tuple[str, str]]:
    out = []
    for piece in content_type.split(";")[1:]:
        if "=" in piece:
            name, value = piece.split("=", 1)
            out.append((name.strip(), value.strip()))
    return out
