"""robots.txt per RFC 9309: groups by product token, longest match wins, ``*`` and ``$``."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from services.leads.crawler.errors import FetchError

if TYPE_CHECKING:
    from services.leads.crawler.fetch import Fetcher
    from services.leads.crawler.net import Target

MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309 asks parsers to read at least 500 KiB
_UNRESERVED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_TOKEN = re.compile(r"[A-Za-z_-]+")


def _normalise(path: str) -> str:
    """One spelling for comparison: unreserved %XX decoded, other escapes upper-case, UTF-8 encoded."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    encoded = "".join(
        ch if ord(ch) < 128 and ch not in ' "<>' else "".join(f"%{b:02X}" for b in ch.encode("utf-8")) for ch in path
    )
    return _PERCENT.sub(fix, encoded)


@dataclass(frozen=True)
class Rule:
    allow: bool
    pattern: str
    regex: re.Pattern[str]

    @classmethod
    def make(cls, allow: bool, raw: str) -> Rule:
        pattern = _normalise(raw)
        anchored = pattern.endswith("$")
        body = pattern[:-1] if anchored else pattern
        regex = ".*".join(re.escape(part) for part in body.split("*")) + ("$" if anchored else "")
        return cls(allow, pattern, re.compile(regex, re.DOTALL))


@dataclass
class _Group:
    agents: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


@dataclass
class Robots:
    """Parsed robots.txt; ``Robots()`` allows everything, ``Robots(disallow_all=True)`` nothing."""

    groups: list[_Group] = field(default_factory=list)
    disallow_all: bool = False
    reason: str = ""

    @classmethod
    def parse(cls, text: str) -> Robots:
        groups: list[_Group] = []
        current: _Group | None = None
        for raw_line in text[:MAX_ROBOTS_BYTES].splitlines():
            line = raw_line.split("#", 1)[0].strip()
            key, sep, value = line.partition(":")
            if not sep:
                continue
            key, value = key.strip().lower(), value.strip()
            if key == "user-agent":
                # Consecutive user-agent lines share one group; a user-agent after rules starts anew.
                if current is None or current.rules:
                    current = _Group()
                    groups.append(current)
                current.agents.append(value.lower())
            elif key in ("allow", "disallow") and current is not None and (value or key == "allow"):
                # An empty Disallow allows everything, i.e. it is no rule at all.
                current.rules.append(Rule.make(key == "allow", value))
        return cls(groups)

    def rules_for(self, token: str) -> list[Rule]:
        token = token.lower()
        mine: list[Rule] = []
        star: list[Rule] = []
        matched = False
        for group in self.groups:
            for agent in group.agents:
                name = _TOKEN.match(agent)
                if name is not None and name.group(0) == token:
                    mine.extend(group.rules)
                    matched = True
                    break
                if agent == "*":
                    star.extend(group.rules)
                    break
        return mine if matched else star

    def allowed(self, token: str, path: str) -> bool:
        if self.disallow_all:
            return False
        if path.split("?", 1)[0] == "/robots.txt":
            return True
        target = _normalise(path)
        best: Rule | None = None
        for rule in self.rules_for(token):
            if rule.pattern == "":
                continue
            if rule.regex.match(target) and (
                best is None
                or len(rule.pattern) > len(best.pattern)
                or (len(rule.pattern) == len(best.pattern) and rule.allow and not best.allow)
            ):
                best = rule
        return True if best is None else best.allow


class RobotsCache:
    """robots.txt per origin, fetched once (concurrent callers wait for the same fetch)."""

    def __init__(self, fetcher: Fetcher, token: str) -> None:
        self._fetcher = fetcher
        self._token = token
        self._cache: dict[str, asyncio.Future[Robots]] = {}

    async def get(self, origin: str) -> Robots:
        future = self._cache.get(origin)
        if future is None:
            if len(self._cache) > 20_000:
                self._cache.clear()
            future = asyncio.get_running_loop().create_future()
            self._cache[origin] = future
            try:
                future.set_result(await self._load(origin))
            except BaseException as exc:
                # Guard errors (blocked, invalid) are the site's error, not a robots verdict.
                del self._cache[origin]
                future.set_exception(exc)
                future.exception()  # mark retrieved: the caller re-raises it
                raise
        return await asyncio.shield(future)

    async def _load(self, origin: str) -> Robots:
        try:
            page = await self._fetcher.fetch_page(f"{origin}/robots.txt", text_ok=True, max_bytes=MAX_ROBOTS_BYTES)
        except FetchError as exc:
            if exc.code in ("blocked", "invalid_url", "dns", "connect", "tls"):
                # The guard's verdict, or a host that cannot be reached at all: nothing will be
                # fetched either way (RFC 9309: unreachable means disallow), and the site's error
                # should name the real cause, not robots.txt.
                raise
            if exc.code == "http_status" and exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                return Robots(reason=f"robots.txt HTTP {exc.status}: allow all")
            if exc.code in ("not_html", "too_large", "encoding"):
                return Robots(reason=f"robots.txt unusable ({exc.code}): allow all")
            # 5xx, 429 and unreachable: RFC 9309 says assume complete disallow.
            return Robots(disallow_all=True, reason=f"robots.txt unavailable ({exc}): assume disallow")
        return Robots.parse(page.text)

    async def check(self, target: Target) -> None:
        """Hop check for :meth:`Fetcher.fetch_page`: raise unless robots.txt allows ``target``."""
        robots = await self.get(target.origin)
        if not robots.allowed(self._token, target.path_qs):
            why = robots.reason or "disallowed by robots.txt"
            raise FetchError("robots", why, target.url)
