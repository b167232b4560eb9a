"""Slots from availability rules: weekly hours, DST on both sides, buffers, limits, overrides, notice."""

from __future__ import annotations

import datetime as dt

import pytest

from services.calendar.availability import (
    Refusal,
    compute_slots,
    days_with_slots,
    held_interval,
    is_bookable,
    render_slots,
    visitor_window,
)
from services.calendar.rules import parse_rules
from services.kit.errors import Invalid

from .helpers import BERLIN, at, day_window, interval, rules, starts, utc

NOW = utc(2025, 1, 1, 0, 0)
MONDAY = dt.date(2025, 1, 6)


def test_weekly_hours_give_slots_in_utc_with_several_ranges_a_day() -> None:
    slots = compute_slots(rules(), [], *day_window(MONDAY), NOW)
    assert len(slots) == 6 + 8
    assert slots[0].start == utc(2025, 1, 6, 8, 0) and slots[0].end == utc(2025, 1, 6, 8, 30)
    assert starts(slots)[5:7] == ["11:30+0100", "13:00+0100"]  # nothing in the lunch break
    assert slots[-1].end == at(BERLIN, 2025, 1, 6, 17, 0)
    assert all(s.start.tzinfo == dt.UTC for s in slots)
    assert compute_slots(rules(), [], *day_window(dt.date(2025, 1, 11)), NOW) == []  # Saturday: closed


def test_a_meeting_longer_than_the_step_still_fits_inside_its_range() -> None:
    slots = compute_slots(rules(), [], *day_window(MONDAY), NOW, duration=dt.timedelta(minutes=60))
    assert starts(slots) == ["09:00+0100", "09:30+0100", "10:00+0100", "10:30+0100", "11:00+0100",
                             "13:00+0100", "13:30+0100", "14:00+0100", "14:30+0100", "15:00+0100",
                             "15:30+0100", "16:00+0100"]
    assert all(s.end - s.start == dt.timedelta(hours=1) for s in slots)


# --- DST: the Berlin host -------------------------------------------------------------------------

def test_berlin_spring_forward_sunday_has_one_hour_less_and_the_right_offsets() -> None:
    r = rules(weekly={"sat": [["09:00", "10:00"]], "sun": [["01:00", "04:00"], ["09:00", "10:00"]]})
    sunday = dt.date(2025, 3, 30)
    slots = compute_slots(r, [], *day_window(sunday), NOW)
    # 01:00-04:00 holds two real hours: 02:00-03:00 does not exist that night.
    assert starts(slots) == ["01:00+0100", "01:30+0100", "03:00+0200", "03:30+0200", "09:00+0200", "09:30+0200"]
    assert [s.start for s in slots[:4]] == [utc(2025, 3, 30, 0, 0), utc(2025, 3, 30, 0, 30),
                                            utc(2025, 3, 30, 1, 0), utc(2025, 3, 30, 1, 30)]
    assert slots[4].start == utc(2025, 3, 30, 7, 0)  # 09:00 CEST
    saturday = compute_slots(r, [], *day_window(dt.date(2025, 3, 29)), NOW)
    assert saturday[0].start == utc(2025, 3, 29, 8, 0)  # 09:00 CET, the day before


def test_a_boundary_inside_the_spring_gap_moves_forward_by_the_gap() -> None:
    # RFC 5545 §3.3.5: 02:30 does not exist and is read with the offset before the gap, i.e. 03:30 CEST.
    r = rules(weekly={"sun": [["01:00", "02:30"], ["02:30", "05:00"]]})
    slots = compute_slots(r, [], *day_window(dt.date(2025, 3, 30)), NOW)
    got = starts(slots)
    assert got == sorted(set(got), key=got.index)  # no slot twice although the ranges now overlap
    assert got[:3] == ["01:00+0100", "01:30+0100", "03:00+0200"]
    assert slots[-1].end == utc(2025, 3, 30, 3, 0)  # 05:00 CEST
    assert [s.start for s in slots] == sorted(s.start for s in slots)


def test_berlin_fall_back_sunday_has_the_repeated_hour_twice() -> None:
    r = rules(weekly={"sun": [["01:00", "04:00"]]})
    slots = compute_slots(r, [], *day_window(dt.date(2025, 10, 26)), NOW)
    assert starts(slots) == ["01:00+0200", "01:30+0200", "02:00+0200", "02:30+0200",
                             "02:00+0100", "02:30+0100", "03:00+0100", "03:30+0100"]
    assert slots[0].start == utc(2025, 10, 25, 23, 0) and slots[-1].end == utc(2025, 10, 26, 3, 0)
    rendered = render_slots(slots, "Europe/Berlin")
    assert rendered[2]["start"] == "2025-10-26T02:00:00+02:00" and rendered[4]["start"] == "2025-10-26T02:00:00+01:00"


def test_an_ambiguous_boundary_is_its_first_occurrence() -> None:
    r = rules(weekly={"sun": [["02:30", "03:30"]]})
    slots = compute_slots(r, [], *day_window(dt.date(2025, 10, 26)), NOW)
    # 02:30 CEST (00:30Z) to 03:30 CET (02:30Z): two real hours.
    assert slots[0].start == utc(2025, 10, 26, 0, 30) and slots[-1].end == utc(2025, 10, 26, 2, 30)
    assert len(slots) == 4


def test_weekly_hours_keep_their_wall_time_across_the_switch() -> None:
    r = rules()
    before = compute_slots(r, [], *day_window(dt.date(2025, 3, 28)), NOW)  # Friday, CET
    after = compute_slots(r, [], *day_window(dt.date(2025, 3, 31)), NOW)  # Monday, CEST
    assert before[0].start == utc(2025, 3, 28, 8, 0) and after[0].start == utc(2025, 3, 31, 7, 0)
    assert [s.replace("+0100", "+0200") for s in starts(before)] == starts(after)


# --- DST: the New York visitor ----------------------------------------------------------------------

@pytest.mark.parametrize(("day", "expected"), [
    (dt.date(2025, 3, 3), "2025-03-03T03:00:00-05:00"),   # both on winter time: 6 hours apart
    (dt.date(2025, 3, 17), "2025-03-17T04:00:00-04:00"),  # New York switched on 9 March, Berlin not yet
    (dt.date(2025, 3, 31), "2025-03-31T03:00:00-04:00"),  # both on summer time
    (dt.date(2025, 10, 27), "2025-10-27T04:00:00-04:00"),  # Berlin back on 26 Oct, New York on 2 Nov
    (dt.date(2025, 11, 3), "2025-11-03T03:00:00-05:00"),  # both on winter time again
])
def test_a_new_york_visitor_sees_berlin_nine_oclock_at_the_right_local_time(day: dt.date, expected: str) -> None:
    window = visitor_window(day, day, "America/New_York")
    shown = render_slots(compute_slots(rules(), [], *window, NOW), "America/New_York")
    assert shown[0]["start"] == expected
    assert shown[0]["end"] == expected[:14] + "30" + expected[16:]  # half an hour later, same offset


def test_a_visitor_day_collects_slots_from_two_host_days() -> None:
    tokyo = rules(timezone="Asia/Tokyo", weekly={d: [["09:00", "17:00"]] for d in ("mon", "tue")})
    window = visitor_window(dt.date(2025, 3, 17), dt.date(2025, 3, 17), "America/New_York")
    assert window == (utc(2025, 3, 17, 4, 0), utc(2025, 3, 18, 4, 0))
    shown = render_slots(compute_slots(tokyo, [], *window, NOW), "America/New_York")
    # Tokyo Monday 13:00-17:00 is New York Monday 00:00-04:00; Tokyo Tuesday 09:00-13:00 is 20:00-24:00.
    assert shown[0]["start"] == "2025-03-17T00:00:00-04:00"
    assert shown[-1]["start"] == "2025-03-17T23:30:00-04:00"
    assert len(shown) == 16
    assert days_with_slots(compute_slots(tokyo, [], *window, NOW), "America/New_York") == [dt.date(2025, 3, 17)]
    assert days_with_slots(compute_slots(tokyo, [], *window, NOW), "Asia/Tokyo") == [dt.date(2025, 3, 17),
                                                                                     dt.date(2025, 3, 18)]


# --- busy blocks and buffers -------------------------------------------------------------------------

def test_busy_blocks_are_widened_by_the_buffers() -> None:
    r = rules(buffer_before_minutes=15, buffer_after_minutes=10)
    busy = [interval(at(BERLIN, 2025, 1, 6, 10, 0), 60)]
    got = starts(compute_slots(r, busy, *day_window(MONDAY), NOW))
    assert "09:00+0100" in got  # ends 09:30, its 10 min after-buffer ends 09:40
    assert "09:30+0100" not in got  # its after-buffer would run into 10:00
    assert "11:00+0100" not in got  # its 15 min before-buffer starts 10:45, inside the busy hour
    assert "11:30+0100" in got
    no_buffers = starts(compute_slots(rules(), busy, *day_window(MONDAY), NOW))
    assert "09:30+0100" in no_buffers and "11:00+0100" in no_buffers  # half-open: touching is fine


def test_our_bookings_count_with_their_buffers_on_both_meetings() -> None:
    r = rules(buffer_before_minutes=10, buffer_after_minutes=20)
    booked = at(BERLIN, 2025, 1, 6, 10, 0)
    held = held_interval(r, booked)
    assert held.start == booked - dt.timedelta(minutes=10) and held.end == booked + dt.timedelta(minutes=50)
    got = starts(compute_slots(r, [held], *day_window(MONDAY), NOW, booked_starts=[booked]))
    # Next free start: 10:30 + 20 after + 10 before = 11:00 at the earliest, and on the grid.
    assert "11:00+0100" in got and "10:30+0100" not in got
    # Before: a meeting at 09:00 ends 09:30, +20 = 09:50 = the booking's held start: touching, fine.
    assert "09:00+0100" in got and "09:30+0100" not in got


def test_a_slot_that_touches_busy_time_only_through_a_buffer_is_refused() -> None:
    r = rules(buffer_after_minutes=5)
    busy = [interval(at(BERLIN, 2025, 1, 6, 9, 32), 10)]  # free 09:00-09:32, but the buffer needs 09:35
    start = at(BERLIN, 2025, 1, 6, 9, 0)
    verdict = is_bookable(r, busy, start, NOW)
    assert not verdict.ok and verdict.reason == Refusal.BUSY and verdict.is_conflict
    assert is_bookable(rules(), busy, start, NOW).ok


def test_many_unsorted_overlapping_busy_blocks() -> None:
    base = at(BERLIN, 2025, 1, 6, 9, 0)
    busy = [interval(base + dt.timedelta(minutes=m), 20) for m in (170, 5, 0, 15, 200, 190)]
    got = starts(compute_slots(rules(), busy, *day_window(MONDAY), NOW))
    assert got[:2] == ["10:00+0100", "10:30+0100"]  # 09:00-09:35 is busy in three overlapping pieces
    assert "11:00+0100" in got and "11:30+0100" not in got  # 11:50-12:40 busy in three pieces
    assert "13:00+0100" in got


# --- limits ---------------------------------------------------------------------------------------------

def test_a_day_with_max_per_day_bookings_offers_nothing_more() -> None:
    r = rules(max_per_day=2)
    booked = [at(BERLIN, 2025, 1, 6, 9, 0), at(BERLIN, 2025, 1, 6, 23, 30)]  # the late one counts for Monday
    assert compute_slots(r, [], *day_window(MONDAY), NOW, booked_starts=booked) == []
    assert compute_slots(r, [], *day_window(MONDAY), NOW, booked_starts=booked[:1]) != []
    tuesday = compute_slots(r, [], *day_window(dt.date(2025, 1, 7)), NOW, booked_starts=booked)
    assert len(tuesday) == 14
    verdict = is_bookable(r, [], at(BERLIN, 2025, 1, 6, 14, 0), NOW, booked_starts=booked)
    assert verdict.reason == Refusal.DAY_LIMIT and verdict.is_conflict


def test_a_week_with_max_per_week_bookings_offers_nothing_more_until_monday() -> None:
    r = rules(max_per_week=3)
    # Sunday 23:30 in Berlin is still the same ISO week there (22:30 UTC).
    booked = [at(BERLIN, 2025, 1, 6, 9, 0), at(BERLIN, 2025, 1, 8, 9, 0), at(BERLIN, 2025, 1, 12, 23, 30)]
    week = compute_slots(r, [], day_window(MONDAY)[0], day_window(dt.date(2025, 1, 12))[1], NOW,
                         booked_starts=booked)
    assert week == []
    assert len(compute_slots(r, [], *day_window(dt.date(2025, 1, 13)), NOW, booked_starts=booked)) == 14
    verdict = is_bookable(r, [], at(BERLIN, 2025, 1, 10, 9, 0), NOW, booked_starts=booked)
    assert verdict.reason == Refusal.WEEK_LIMIT


# --- overrides ------------------------------------------------------------------------------------------

def test_a_holiday_closes_and_extra_hours_open_a_day() -> None:
    r = rules(overrides=[{"date": "2025-01-06", "hours": []},
                         {"date": "2025-01-11", "hours": [["10:00", "11:00"]]},
                         {"date": "2025-01-07", "hours": [["07:00", "08:00"]]}])
    assert compute_slots(r, [], *day_window(MONDAY), NOW) == []
    assert starts(compute_slots(r, [], *day_window(dt.date(2025, 1, 11)), NOW)) == ["10:00+0100", "10:30+0100"]
    assert starts(compute_slots(r, [], *day_window(dt.date(2025, 1, 7)), NOW)) == ["07:00+0100", "07:30+0100"]
    assert len(compute_slots(r, [], *day_window(dt.date(2025, 1, 8)), NOW)) == 14
    verdict = is_bookable(r, [], at(BERLIN, 2025, 1, 6, 9, 0), NOW)
    assert verdict.reason == Refusal.NOT_A_SLOT and not verdict.is_conflict


# --- notice and horizon ---------------------------------------------------------------------------------

def test_minimum_notice_and_the_past() -> None:
    r = rules(min_notice_minutes=60)
    now = at(BERLIN, 2025, 1, 6, 10, 5)
    got = starts(compute_slots(r, [], *day_window(MONDAY), now))
    assert got[0] == "11:30+0100"  # 11:05 is the earliest instant, 11:30 the next start on the grid
    assert is_bookable(r, [], at(BERLIN, 2025, 1, 6, 9, 0), now).reason == Refusal.PAST
    too_soon = is_bookable(r, [], at(BERLIN, 2025, 1, 6, 11, 0), now)
    assert too_soon.reason == Refusal.MIN_NOTICE and "1 hour ahead" in too_soon.message
    assert is_bookable(r, [], at(BERLIN, 2025, 1, 6, 11, 30), now).ok


def test_the_horizon_counts_whole_days_of_the_host() -> None:
    r = rules(horizon_days=2)
    now = at(BERLIN, 2025, 1, 6, 23, 50)  # Monday night: Tuesday and Wednesday are bookable, Thursday not
    window = (day_window(MONDAY)[0], day_window(dt.date(2025, 1, 10))[1])
    days = days_with_slots(compute_slots(r, [], *window, now), "Europe/Berlin")
    assert days == [dt.date(2025, 1, 7), dt.date(2025, 1, 8)]
    far = is_bookable(r, [], at(BERLIN, 2025, 1, 9, 9, 0), now)
    assert far.reason == Refusal.BEYOND_HORIZON and "2 days" in far.message


def test_a_huge_window_costs_no_more_than_the_horizon() -> None:
    r = rules(horizon_days=14)
    slots = compute_slots(r, [], utc(1900, 1, 1), utc(2200, 1, 1), NOW)
    # Today (Wednesday 1 January 2025) and 14 more days: eleven workdays of 14 slots.
    assert len(slots) == 11 * 14
    assert slots[-1].start.astimezone(BERLIN).date() == dt.date(2025, 1, 15)
    assert compute_slots(r, [], utc(2025, 2, 1), utc(2025, 1, 1), NOW) == []


def test_is_bookable_explains_a_time_off_the_grid() -> None:
    verdict = is_bookable(rules(), [], at(BERLIN, 2025, 1, 6, 9, 10), NOW)
    assert verdict.reason == Refusal.NOT_A_SLOT and verdict.message
    assert is_bookable(rules(), [], at(BERLIN, 2025, 1, 6, 9, 30), NOW).ok
    assert is_bookable(rules(), [], at(BERLIN, 2025, 1, 6, 11, 30), NOW).ok
    assert is_bookable(rules(), [], at(BERLIN, 2025, 1, 6, 11, 30), NOW,
                       duration=dt.timedelta(minutes=60)).reason == Refusal.NOT_A_SLOT  # would run into lunch


def test_a_refusal_becomes_409_when_taken_and_422_when_wrong() -> None:
    from services.kit.errors import Conflict

    busy = [interval(at(BERLIN, 2025, 1, 6, 9, 0), 30)]
    taken = is_bookable(rules(), busy, at(BERLIN, 2025, 1, 6, 9, 0), NOW)
    with pytest.raises(Conflict) as conflict:
        taken.raise_if_refused()
    assert conflict.value.detail == "This time is no longer free." and conflict.value.errors[0]["type"] == "busy"
    with pytest.raises(Invalid) as invalid:
        is_bookable(rules(), [], at(BERLIN, 2024, 12, 30, 9, 0), NOW).raise_if_refused()
    assert invalid.value.detail == "This time is in the past."
    is_bookable(rules(), [], at(BERLIN, 2025, 1, 6, 9, 0), NOW).raise_if_refused()


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        compute_slots(rules(), [], dt.datetime(2025, 1, 6), dt.datetime(2025, 1, 7), NOW)


# --- the rules themselves -------------------------------------------------------------------------------

def test_rules_round_trip_through_json() -> None:
    r = rules(buffer_before_minutes=5, max_per_day=3, max_per_week=10,
              weekly={"mon": [["13:00", "24:00"], ["00:00", "08:00"]]},
              overrides=[{"date": "2025-12-24", "hours": []}])
    assert r.weekly[0][0].start == 0  # ranges are kept in order
    assert parse_rules(r.to_json()) == r
    assert r.to_json()["weekly"] == {"mon": [["00:00", "08:00"], ["13:00", "24:00"]]}


@pytest.mark.parametrize(("change", "loc", "message"), [
    ({"timezone": "CET"}, ["timezone"], "not an IANA time zone name"),
    ({"timezone": None}, ["timezone"], "A time zone is required"),
    ({"weekly": {"mon": [["09:00", "12:00"], ["11:00", "13:00"]]}}, ["weekly", "mon"], "overlap"),
    ({"weekly": {"mon": [["17:00", "09:00"]]}}, ["weekly", "mon", 0], "ends before it starts"),
    ({"weekly": {"mon": [["25:00", "26:00"]]}}, ["weekly", "mon", 0], "HH:MM"),
    ({"weekly": {"mon": ["09:00-17:00"]}}, ["weekly", "mon", 0], "HH:MM"),
    ({"weekly": {"monday": []}}, ["weekly", "monday"], "Weekdays"),
    ({"weekly": []}, ["weekly"], "weekly must map"),
    ({"slot_minutes": 0}, ["slot_minutes"], "from 5 to 1440"),
    ({"buffer_before_minutes": -5}, ["buffer_before_minutes"], "from 0"),
    ({"horizon_days": 10_000}, ["horizon_days"], "from 1 to 730"),
    ({"max_per_day": 0}, ["max_per_day"], "from 1"),
    ({"slot_minutes": "30"}, ["slot_minutes"], "whole number"),
    ({"slot_minutes": True}, ["slot_minutes"], "whole number"),
    ({"overrides": [{"date": "2025-02-30"}]}, ["overrides", 0, "date"], "YYYY-MM-DD"),
    ({"overrides": [{"date": "2025-02-03"}, {"date": "2025-02-03"}]}, ["overrides", 1, "date"], "twice"),
    ({"overrides": "2025-02-03"}, ["overrides"], "must be a list"),
])
def test_bad_rules_are_invalid_with_the_place_of_each_problem(change: dict, loc: list, message: str) -> None:
    with pytest.raises(Invalid) as caught:
        rules(**change)
    assert caught.value.status == 422
    assert any(e["loc"] == loc and message in e["msg"] for e in caught.value.errors or []), caught.value.errors
