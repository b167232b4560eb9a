"""Bounded decompression and charset detection for fetched bodies."""

from __future__ import annotations

import codecs
import re
import zlib

from services.leads.crawler.errors import FetchError

HTML_TYPES = {"text/html", "application/xhtml+xml"}
# Servers that send no type, or a generic one, usually serve HTML to a browser UA anyway.
SNIFF_TYPES = {"", "text/plain", "application/octet-stream"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class BoundedDecoder:
    """Decode a Content-Encoding stream chunk by chunk, never producing more than ``limit`` bytes.

    zlib's ``max_length`` stops a small compressed chunk ("zip bomb") from expanding into gigabytes
    before the size check runs, which a plain ``decompress()`` per chunk would allow.
    """

    def __init__(self, encoding: str, limit: int, url: str) -> None:
        self._limit = limit
        self._url = url
        self.total = 0
        enc = encoding.strip().lower()
        self._raw_deflate_fallback = enc == "deflate"
        if enc in ("", "identity"):
            self._zlib: zlib._Decompress | None = None
        elif enc in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise FetchError("protocol", f"unsupported content encoding {encoding!r}", url)
        self._started = False

    def _account(self, data: bytes) -> bytes:
        self.total += len(data)
        if self.total > self._limit:
            raise FetchError("too_large", f"page larger than {self._limit} bytes (after decompression)", self._url)
        return data

    def feed(self, chunk: bytes) -> bytes:
        if self._zlib is None:
            return self._account(chunk)
        if not self._started and self._raw_deflate_fallback:
            self._started = True
            # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
            if chunk and (chunk[0] & 0x0F) != 8:
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        out = bytearray()
        data = chunk
        try:
            while data:
                room = self._limit - self.total - len(out) + 1
                out += self._zlib.decompress(data, max(room, 1))
                if self.total + len(out) > self._limit:
                    break
                data = self._zlib.unconsumed_tail
        except zlib.error as exc:
            raise FetchError("protocol", f"corrupt compressed body: {exc}", self._url) from exc
        return self._account(bytes(out))

    def flush(self) -> bytes:
        if self._zlib is None:
            return b""
        try:
            return self._account(self._zlib.flush())
        except zlib.error as exc:
            raise FetchError("protocol", f"corrupt compressed body: {exc}", self._url) from exc


def split_content_type(header: str | None) -> tuple[str, str | None]:
    """``text/html; charset=UTF-8`` -> ("text/html", "utf-8")."""
    if not header:
        return "", None
    mime, *params = header.split(";")
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return mime.strip().lower(), charset


def looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:].lstrip()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--", b"<meta", b"<div"))


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # WHATWG: labels for latin-1/ascii mean windows-1252, which is a superset browsers use.
    if info.name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return info.name


def decode_html(body: bytes, header_charset: str | None) -> tuple[str, str]:
    """Text and the charset used: BOM, then header, then ``<meta>``, then UTF-8 or windows-1252."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(name, errors="replace"), name
    declared = _codec(header_charset)
    if declared is None:
        match = _META_CHARSET.search(body[:4096])
        declared = _codec(match.group(1).decode("ascii", "ignore")) if match else None
    if declared is not None:
        return body.decode(declared, errors="replace"), declared
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Undeclared and not UTF-8: for the German/European sites we crawl this is nearly always
        # windows-1252 (what browsers assume too), and decoding it beats a page of U+FFFD.
        return body.decode("cp1252", errors="replace"), "cp1252"
