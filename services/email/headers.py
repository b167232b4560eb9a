"""Header-safe values, RFC 2047 encoding and folding, and deterministic Message-IDs.

Every value that ends up in a header goes through :func:`header_value` (the MIME builder calls it
again on whatever it is given), so no CR, LF, NUL or other control character from a name, a
subject or a template variable can ever start a header of its own.

Two policies, chosen by the caller:

* ``strict`` (the default, for what a person typed: a mailbox name, a subject line in the editor):
  a control character is refused with :class:`HeaderInjection` (a 422 ``Invalid``).
* ``fold=True`` (for rendered values: a subject built from scraped data): every run of whitespace,
  CR and LF included, becomes one space, and other control characters are dropped.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Iterable

from services.kit.errors import Invalid

# C0 controls except TAB, DEL, C1 controls, and the Unicode line/paragraph separators
# (some clients treat them as line breaks when they decode an encoded-word).
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_WHITESPACE_RUN = re.compile(r"[\s\u2028\u2029]+")
_HEADER_NAME = re.compile(r"[!-9;-~]+")  # printable ASCII except ':' (RFC 5322 ftext)
MAX_LINE = 78
MAX_VALUE_CHARS = 2000


class HeaderInjection(Invalid):
    """A header value would carry a line break or another control character."""

    code = "header_injection"


def header_value(value: str, *, field: str, fold: bool = False, max_chars: int = MAX_VALUE_CHARS) -> str:
    """``value`` made safe for a header, or :class:`HeaderInjection` naming ``field``."""
    if fold:
        value = _CONTROL.sub("", _WHITESPACE_RUN.sub(" ", value)).strip()
    else:
        bad = _CONTROL.search(value)
        if bad:
            raise HeaderInjection(
                f"{field} must not contain control characters such as line breaks "
                f"(found U+{ord(bad.group()):04X} at position {bad.start()})",
                errors=[{"loc": [field], "msg": "control character", "type": "header_injection"}])
        value = value.replace("\t", " ").strip()
    if len(value) > max_chars:
        raise HeaderInjection(f"{field} is longer than {max_chars} characters",
                              errors=[{"loc": [field], "msg": "too long", "type": "header_too_long"}])
    return value


def header_name(name: str) -> str:
    """A header field name as RFC 5322 allows it (printable ASCII, no colon)."""
    if not _HEADER_NAME.fullmatch(name):
        raise HeaderInjection(f"{name!r} is not a valid header name")
    return name


def encoded_words(text: str) -> str:
    """RFC 2047 ``=?utf-8?b?…?=`` words for non-ASCII ``text``, folded with CRLF SP; no character is split."""
    data = text.encode()
    # 42 bytes of UTF-8 → 56 base64 chars + 12 for the wrapper = 68: with "Subject: " the line stays under 78.
    words: list[str] = []
    start = 0
    while start < len(data):
        cut = min(start + 42, len(data))
        while cut < len(data) and 0x80 <= data[cut] < 0xC0:  # never cut inside a UTF-8 sequence
            cut -= 1
        words.append(_b_word(data[start:cut]))
        start = cut
    return "\r\n ".join(words)


def _b_word(data: bytes) -> str:
    return "=?utf-8?b?" + base64.b64encode(data).decode() + "?="


def fold_ascii(text: str, *, first_line_used: int) -> str:
    """Fold a long ASCII value at spaces so lines stay near 78 characters (never splitting a word)."""
    if first_line_used + len(text) <= MAX_LINE:
        return text
    lines: list[str] = []
    current = ""
    budget = MAX_LINE - first_line_used
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > budget:
            lines.append(current)
            current, budget = word, MAX_LINE - 1
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return "\r\n ".join(lines)


def encode_unstructured(name: str, value: str) -> str:
    """``Name: value`` for an unstructured header (Subject), encoded and folded, without the CRLF."""
    if value.isascii() and "=?" not in value:
        return f"{name}: {fold_ascii(value, first_line_used=len(name) + 2)}"
    return f"{name}: {encoded_words(value)}"


def encode_display_name(display_name: str) -> str:
    """A display name as a phrase: an atom, a quoted string, or encoded words (never raw UTF-8)."""
    if not display_name:
        return ""
    if not display_name.isascii() or "=?" in display_name:
        return encoded_words(display_name)
    if re.fullmatch(r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+", display_name):
        return display_name
    return '"' + display_name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def message_id(secret: bytes, domain: str, *parts: str | int) -> str:
    """A Message-ID that follows from what the message means, e.g. ``(campaign, step, contact)``.

    The same parts and secret always give the same id, so the id can be recorded before DATA and a
    retry of the same message reuses it; the HMAC keeps ids unguessable to outsiders.
    """
    if not parts:
        raise ValueError("a Message-ID needs at least one part")
    domain = header_value(domain, field="message_id_domain").lower()
    if not re.fullmatch(r"[a-z0-9.-]+", domain):
        domain = domain.encode("idna").decode()
    material = "\x1f".join(str(part) for part in parts).encode()
    digest = hmac.new(secret, material, hashlib.sha256).digest()[:20]
    return f"<{base64.b32encode(digest).decode().lower()}@{domain}>"


def message_id_list(ids: Iterable[str]) -> str:
    """Message-IDs for In-Reply-To / References, each checked to be one ``<…>`` token."""
    out: list[str] = []
    for mid in ids:
        mid = header_value(mid, field="references").strip()
        if not re.fullmatch(r"<[^<>\s]+>", mid):
            raise HeaderInjection(f"{mid!r} is not a Message-ID (<id@domain>)")
        out.append(mid)
    return " ".join(out)
