"""Time zones are IANA Area/Location names or UTC; everything else is a 422 that says why."""

from __future__ import annotations

import datetime as dt

import pytest

from services.calendar.availability import render_slots, visitor_window
from services.calendar.zones import is_valid_zone, parse_zone
from services.kit.errors import Invalid

ACCEPTED = ["Europe/Berlin", "America/New_York", "America/Argentina/Buenos_Aires", "UTC", "Asia/Kolkata",
            "Asia/Calcutta", "Pacific/Chatham", "Australia/Lord_Howe", "America/Port-au-Prince"]
REFUSED = {
    "CET": "not an IANA time zone name",
    "EST5EDT": "not an IANA time zone name",
    "EST": "not an IANA time zone name",
    "GMT": "not an IANA time zone name",
    "+02:00": "not an IANA time zone name",
    "UTC+2": "not an IANA time zone name",
    "Etc/GMT-2": "not a geographic",
    "US/Eastern": "not a geographic",
    "../../etc": "not an IANA time zone name",
    "Europe/../../etc/passwd": "not an IANA time zone name",
    "/etc/localtime": "not an IANA time zone name",
    "posix/Europe/Berlin": "not an IANA time zone name",
    "Europe/Nowhere": "not a known IANA time zone",
    "europe/berlin": "not an IANA time zone name",
    "Europe/Berlin\n": "not an IANA time zone name",
    "Europe/Berlin\x00": "not an IANA time zone name",
    "localtime": "not an IANA time zone name",
    "Factory": "not an IANA time zone name",
    "": "A time zone is required",
    "Europe/" + "A" * 80: "at most 64 characters",
}


@pytest.mark.parametrize("name", ACCEPTED)
def test_iana_names_are_accepted(name: str) -> None:
    assert is_valid_zone(name)
    assert str(parse_zone(name)) == name


@pytest.mark.parametrize(("name", "why"), REFUSED.items(), ids=[repr(k)[:30] for k in REFUSED])
def test_everything_else_is_invalid_with_a_reason(name: str, why: str) -> None:
    assert not is_valid_zone(name)
    with pytest.raises(Invalid) as caught:
        parse_zone(name, field="tz")
    assert caught.value.status == 422
    assert why in caught.value.detail
    assert caught.value.errors == [{"loc": ["tz"], "msg": caught.value.detail, "type": "timezone"}]
    assert "\n" not in caught.value.detail and "\x00" not in caught.value.detail


@pytest.mark.parametrize("tz", ["CET", "+02:00", "../../etc"])
def test_the_public_slot_helpers_refuse_bad_zones(tz: str) -> None:
    with pytest.raises(Invalid):
        visitor_window(dt.date(2025, 3, 17), dt.date(2025, 3, 18), tz)
    with pytest.raises(Invalid):
        render_slots([], tz)
