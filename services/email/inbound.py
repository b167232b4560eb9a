"""What an inbound message is: a bounce (DSN), an auto-reply, or a person's reply, and what it says.

:func:`parse_inbound` never raises on a message, however broken: a malformed MIME part or a
DSN without the original headers yields what can be read. :func:`inspect_message` gives an
:class:`InboundMessage` with

* ``kind``: ``bounce`` (RFC 3464 ``multipart/report; report-type=delivery-status``, or a classic
  MAILER-DAEMON text bounce), ``auto_reply`` (RFC 3834 ``Auto-Submitted``, ``X-Autoreply``,
  ``X-Autorespond``, ``Precedence: auto_reply|bulk|junk|list``, vendor headers such as
  ``X-MS-Exchange-Inbox-Rules-Loop``/``X-Auto-Response-Suppress``, out-of-office subjects in German
  and English) or ``reply``;
* ``bounces``: one :class:`Bounce` per failed recipient (status, diagnostic, hard or not, and the
  original Message-ID when the DSN carries it);
* ``references``: the Message-IDs to match against our ledger, best first (In-Reply-To, then
  References newest first, then any found in a DSN);
* ``reply_text``: the new text of a reply with quoted history and signatures-after-quote removed.

Replies are sorted by a :class:`ReplyClassifier`. :class:`RuleClassifier` is the offline one
(German and English rules); an AI-backed classifier implements the same protocol.
"""

from __future__ import annotations

import email
import email.header
import email.policy
import re
from dataclasses import dataclass, field
from email.message import Message
from enum import StrEnum
from typing import Protocol

from services.ai.schemas import ReplyLabel, classify_reply_by_rules

from .html_text import html_to_text

# The labels are the ai service's (its /ai/classify-reply answers with the same ones).
ReplyCategory = ReplyLabel
_MSGID = re.compile(r"<[^<>\s]+@[^<>\s]+>")
_STATUS = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")
_BOUNCE_SENDERS = re.compile(r"mailer-daemon|postmaster|mail delivery (subsystem|system)", re.I)
_BOUNCE_SUBJECTS = re.compile(r"undeliver|delivery status notification|returned mail|delivery failure|"
                              r"failure notice|unzustellbar|nicht zugestellt|unzustellbare", re.I)
_OOO_SUBJECTS = re.compile(r"out of (the )?office|automatic reply|auto(matic)?[- ]?reply|autoreply|on vacation|"
                           r"away from (the )?office|abwesenheit|automatische antwort|nicht im (büro|hause)|"
                           r"außer haus|ausser haus|urlaub|abwesend", re.I)


class Kind(StrEnum):
    BOUNCE = "bounce"
    AUTO_REPLY = "auto_reply"
    REPLY = "reply"


@dataclass(frozen=True, slots=True)
class Bounce:
    recipient: str | None
    status: str | None  # "5.1.1"
    action: str | None  # "failed", "delayed"
    diagnostic: str | None
    original_message_id: str | None

    @property
    def hard(self) -> bool:
        """A permanent failure for the address itself (5.1.x): suppress it."""
        return bool(self.status and self.status.startswith("5.1.")) and (self.action or "failed") == "failed"

    @property
    def permanent(self) -> bool:
        return bool(self.status and self.status.startswith("5.")) and (self.action or "failed") == "failed"


@dataclass(frozen=True, slots=True)
class InboundMessage:
    kind: Kind
    message_id: str | None
    from_address: str | None
    subject: str
    references: list[str]  # ours to match, best first
    reply_text: str
    auto_reply_reason: str | None = None
    out_of_office: bool = False
    bounces: list[Bounce] = field(default_factory=list)
    # The References of an answer to this message (RFC 5322 §3.6.4): its own References (or its one
    # In-Reply-To when it has none), then its Message-ID; oldest first.
    thread: list[str] = field(default_factory=list)


def parse_inbound(raw: bytes) -> Message:
    """The message object; the compat32 parser never raises, it records defects instead."""
    return email.message_from_bytes(raw, policy=email.policy.compat32)


def _header(msg: Message, name: str) -> str:
    value = msg.get(name)
    if value is None:
        return ""
    try:
        decoded = email.header.make_header(email.header.decode_header(str(value)))
        return re.sub(r"\s+", " ", str(decoded)).strip()
    except (LookupError, ValueError, UnicodeError):
        return re.sub(r"\s+", " ", str(value)).strip()


def _payload_text(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, LookupError, AssertionError):
        payload = None
    if isinstance(payload, bytes):
        charset = part.get_content_charset() or "utf-8"
        try:
            return payload.decode(charset, errors="replace")
        except LookupError:
            return payload.decode("utf-8", errors="replace")
    raw = part.get_payload()
    return raw if isinstance(raw, str) else ""


def _fields(block: str) -> dict[str, str]:
    """RFC 822-style "Name: value" fields (with continuation lines) of one DSN block, lower-case keys."""
    out: dict[str, str] = {}
    key = None
    for line in block.splitlines():
        if line[:1] in (" ", "\t") and key:
            out[key] += " " + line.strip()
        elif ":" in line:
            key, _, value = line.partition(":")
            key = key.strip().lower()
            out[key] = value.strip()
    return out


def _dsn_blocks(part: Message) -> list[dict[str, str]]:
    payload = part.get_payload()
    if isinstance(payload, list):  # the parser split the blocks into header-only messages
        return [{k.lower(): re.sub(r"\s+", " ", str(v)).strip() for k, v in block.items()}
                for block in payload if isinstance(block, Message)]
    text = _payload_text(part).replace("\r\n", "\n")
    return [_fields(block) for block in re.split(r"\n\s*\n", text) if block.strip()]


def _address_of(field_value: str | None) -> str | None:
    if not field_value:
        return None
    value = field_value.split(";", 1)[1] if ";" in field_value else field_value
    return value.strip().strip("<>").strip() or None


def parse_dsn(msg: Message) -> list[Bounce] | None:
    """Bounces from an RFC 3464 report; None when the message is no delivery report."""
    if msg.get_content_type() != "multipart/report" or (msg.get_param("report-type") or "") != "delivery-status":
        return None
    blocks: list[dict[str, str]] = []
    original: str | None = None
    text_parts: list[str] = []
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype in ("message/delivery-status", "message/global-delivery-status"):
            blocks.extend(_dsn_blocks(part))
        elif ctype in ("text/rfc822-headers", "message/global-headers"):
            found = _MSGID.search(_header_block_message_id(_payload_text(part)))
            original = original or (found.group() if found else None)
        elif ctype in ("message/rfc822", "message/global"):
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                found = _MSGID.search(str(inner[0].get("Message-ID", "")))
                original = original or (found.group() if found else None)
        elif ctype == "text/plain":
            text_parts.append(_payload_text(part))
    if original is None:
        # A DSN without the original headers: some MTAs still quote the Message-ID in the text.
        for text in text_parts:
            found = re.search(r"Message-ID:\s*(<[^<>\s]+>)", text, re.I)
            if found:
                original = found.group(1)
                break
    per_recipient = [b for b in blocks if "final-recipient" in b or "original-recipient" in b]
    bounces = [Bounce(recipient=_address_of(b.get("final-recipient") or b.get("original-recipient")),
                      status=_status_of(b.get("status", "")),
                      action=(b.get("action") or "").lower() or None,
                      diagnostic=b.get("diagnostic-code"),
                      original_message_id=original)
               for b in per_recipient]
    if not bounces:
        bounces = [Bounce(None, _status_of(" ".join(text_parts)), "failed", None, original)]
    return bounces


def _status_of(text: str) -> str | None:
    found = _STATUS.search(text)
    return found.group(1) if found else None


def _header_block_message_id(text: str) -> str:
    fields = _fields(text)
    return fields.get("message-id", "")


def _text_bounce(msg: Message, body: str) -> list[Bounce] | None:
    """A bounce in plain text (qmail, old Exchange): from MAILER-DAEMON with a bounce subject."""
    sender = _header(msg, "From")
    if not (_BOUNCE_SENDERS.search(sender) and _BOUNCE_SUBJECTS.search(_header(msg, "Subject"))):
        return None
    status = _STATUS.search(body)
    code = status.group(1) if status else ("5.0.0" if re.search(r"\b5\d\d\b", body) else None)
    recipient = re.search(r"<?([\w.+'-]+@[\w.-]+\.[a-z]{2,})>?", body, re.I)
    original = re.search(r"Message-ID:\s*(<[^<>\s]+>)", body, re.I)
    return [Bounce(recipient.group(1) if recipient else None, code, "failed", None,
                   original.group(1) if original else None)]


def auto_reply_reason(msg: Message) -> str | None:
    """Why this looks automatic (the header or subject that says so), or None for a person."""
    auto = _header(msg, "Auto-Submitted").lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-AutoReply-From", "X-Mail-Autoreply",
                 "X-Autogenerated", "X-FC-MachineGenerated", "X-Auto-Response-Suppress"):
        value = _header(msg, name)
        if value and (name != "X-Auto-Response-Suppress" or value.lower() in ("all", "oof", "autoreply")):
            if name == "X-Auto-Response-Suppress" and not _OOO_SUBJECTS.search(_header(msg, "Subject")):
                continue
            return f"{name}: {value}"
    precedence = _header(msg, "Precedence").lower()
    if precedence in ("auto_reply", "bulk", "junk", "list"):
        return f"Precedence: {precedence}"
    if _header(msg, "X-MS-Exchange-Inbox-Rules-Loop") or _header(msg, "X-Ms-Exchange-Generated-Message-Source"):
        return "Exchange auto-reply"
    if _OOO_SUBJECTS.search(_header(msg, "Subject")):
        return "out-of-office subject"
    return None


def references_of(msg: Message) -> list[str]:
    """Message-IDs this message answers: In-Reply-To first, then References from the newest."""
    found: list[str] = []
    for mid in _MSGID.findall(_header(msg, "In-Reply-To")):
        if mid not in found:
            found.append(mid)
    for mid in reversed(_MSGID.findall(_header(msg, "References"))):
        if mid not in found:
            found.append(mid)
    return found


# An answer's References keeps the thread's first message and the latest ones (RFC 5322 allows trimming;
# mail clients trim the middle of long threads the same way).
MAX_THREAD = 20


def thread_of(msg: Message, message_id: str | None) -> list[str]:
    """The References an answer to ``msg`` carries (RFC 5322 §3.6.4), oldest first, at most MAX_THREAD."""
    chain = list(dict.fromkeys(_MSGID.findall(_header(msg, "References"))))
    if not chain:
        parent = _MSGID.findall(_header(msg, "In-Reply-To"))
        chain = parent if len(parent) == 1 else []  # several In-Reply-To ids: the RFC says none is used
    if message_id:
        chain = [mid for mid in chain if mid != message_id] + [message_id]
    if len(chain) > MAX_THREAD:
        chain = [chain[0], *chain[-(MAX_THREAD - 1):]]
    return chain


def body_text(msg: Message) -> str:
    """The readable text: the first text/plain part, else the first text/html part as text."""
    html: str | None = None
    for part in msg.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        if (part.get("Content-Disposition") or "").lower().startswith("attachment"):
            continue
        if part.get_content_type() == "text/plain":
            return _payload_text(part)
        if part.get_content_type() == "text/html" and html is None:
            html = _payload_text(part)
    return html_to_text(html) if html else ""


_QUOTE_HEADERS = re.compile(
    r"^(on .{0,200}wrote:|am .{0,200}schrieb .{0,200}:|-{2,} ?(original message|ursprüngliche nachricht) ?-{2,}|"
    r"von: .+|from: .+|gesendet: .+|sent: .+|-----original message-----)\s*$", re.I)


def strip_quoted(text: str) -> str:
    """The new part of a reply: stops at the quote header ("On … wrote:", "Am … schrieb …:",
    "-----Original Message-----", an Outlook From:/Von: block) and drops '>' lines."""
    out: list[str] = []
    lines = text.replace("\r\n", "\n").split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if _QUOTE_HEADERS.match(stripped):
            # "From:" alone is also a normal sentence start: treat it as a quote header only with a block.
            if stripped.lower().startswith(("from:", "von:")):
                following = " ".join(lines[index + 1:index + 4]).lower()
                if not re.search(r"(sent|gesendet|to|an|date|datum|subject|betreff):", following):
                    out.append(line)
                    continue
            break
        if stripped.startswith(">"):
            continue
        out.append(line)
    return "\n".join(out).strip()


def inspect_message(raw: bytes) -> InboundMessage:
    """Parse and sort one inbound message (see the module docstring); never raises."""
    msg = parse_inbound(raw)
    subject = _header(msg, "Subject")
    mid_match = _MSGID.search(_header(msg, "Message-ID"))
    sender = _header(msg, "From") or None
    refs = references_of(msg)
    try:
        text = body_text(msg)
    except (ValueError, LookupError, TypeError, AssertionError):
        text = ""
    bounces = parse_dsn(msg) or _text_bounce(msg, text)
    if bounces:
        for b in bounces:
            if b.original_message_id and b.original_message_id not in refs:
                refs.append(b.original_message_id)
        return InboundMessage(Kind.BOUNCE, mid_match.group() if mid_match else None, sender, subject, refs, "",
                              bounces=bounces)
    reason = auto_reply_reason(msg)
    reply = strip_quoted(text)
    ooo = bool(_OOO_SUBJECTS.search(subject)) or bool(reason and _looks_out_of_office(reply))
    mid = mid_match.group() if mid_match else None
    return InboundMessage(Kind.AUTO_REPLY if reason else Kind.REPLY, mid, sender, subject, refs, reply,
                          auto_reply_reason=reason, out_of_office=ooo, thread=thread_of(msg, mid))


# -- reply classification -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Classification:
    category: ReplyCategory
    confidence: float  # 0..1
    reason: str  # the rule or the model's explanation
    classifier: str  # "rules" or the provider's name


class ReplyClassifier(Protocol):
    """Sorts a person's reply; an AI-provider-backed classifier implements the same method."""

    async def classify(self, text: str, *, subject: str = "", language: str | None = None) -> Classification: ...


class RuleClassifier:
    """Offline rules in German and English (shared with the ai service's offline answer)."""

    name = "rules"

    def classify_sync(self, text: str, *, subject: str = "") -> Classification:
        verdict = classify_reply_by_rules(strip_quoted(text), subject)
        return Classification(verdict.label, verdict.confidence, verdict.reason, self.name)

    async def classify(self, text: str, *, subject: str = "", language: str | None = None) -> Classification:
        return self.classify_sync(text, subject=subject)


def _looks_out_of_office(text: str) -> bool:
    return RuleClassifier().classify_sync(text).category == "out_of_office"
