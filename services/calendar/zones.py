"""IANA time zone names, and nothing else.

A zone is accepted when it is ``UTC`` or an ``Area/Location`` name in one of the geographic areas of
the tz database (``Europe/Berlin``, ``America/Argentina/Buenos_Aires``) that this machine's zoneinfo
knows. Refused, with a 422 that says why:

- abbreviations and POSIX-style rules (``CET``, ``EST``, ``EST5EDT``): they hide or misstate daylight
  saving time, so slots computed with them would be an hour off for half the year;
- offsets (``+02:00``, ``Etc/GMT-2``): an offset is not a place and does not follow its DST rules
  (and ``Etc/GMT-2`` means UTC+2, which nobody expects);
- legacy aliases outside the geographic areas (``US/Eastern``, ``Canada/Pacific``);
- anything that is not a plain name: paths (``../../etc``), empty, overlong, other characters.

Backward-compatible links inside the geographic areas (``Asia/Calcutta``, ``Europe/Kiev``) are
accepted on purpose: browsers still report some of them as the visitor's zone.
"""

from __future__ import annotations

import functools
import re
import zoneinfo
from zoneinfo import ZoneInfo

from services.kit.errors import Invalid

MAX_ZONE_LENGTH = 64
UTC_NAME = "UTC"
GEOGRAPHIC_AREAS = frozenset(
    {"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
)
# Area/Location or Area/Region/Location, each part a tz database name component.
_SHAPE = re.compile(r"[A-Z][A-Za-z]+(?:/[A-Za-z0-9][A-Za-z0-9_+\-]*){1,2}")


@functools.cache
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def zone_problem(name: str) -> str | None:
    """Why ``name`` is not an accepted IANA zone, or None when it is."""
    if not name:
        return "A time zone is required, as an IANA name such as Europe/Berlin."
    if len(name) > MAX_ZONE_LENGTH:
        return f"A time zone name is at most {MAX_ZONE_LENGTH} characters long."
    if name == UTC_NAME:
        return None
    if not _SHAPE.fullmatch(name) or ".." in name:
        return f"{_shown(name)} is not an IANA time zone name; use Area/Location such as Europe/Berlin."
    if name.split("/", 1)[0] not in GEOGRAPHIC_AREAS:
        return f"{_shown(name)} is not a geographic IANA time zone; use Area/Location such as America/New_York."
    if name not in _known_zones():
        return f"{_shown(name)} is not a known IANA time zone."
    return None


def is_valid_zone(name: str) -> bool:
    return zone_problem(name) is None


def parse_zone(name: str, *, field: str = "timezone") -> ZoneInfo:
    """The ZoneInfo for an accepted name; :class:`Invalid` (422) naming ``field`` otherwise."""
    problem = zone_problem(name)
    if problem is not None:
        raise Invalid(problem, errors=[{"loc": [field], "msg": problem, "type": "timezone"}])
    return ZoneInfo(name)


def _shown(name: str) -> str:
    # Echo user input only as a short, printable repr: it ends up in logs and problem documents.
    return repr(name[:40] + ("…" if len(name) > 40 else ""))
