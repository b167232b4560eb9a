"""Races on one slot, through the API and below it: no double booking on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from services.calendar.models import CANCELLED, CONFIRMED, Booking
from tests.calendar.support import booking, calendar_stack


def assert_no_overlap(rows: list[Booking]) -> None:
    held = [(r.held_from, r.held_to) for r in rows if r.status == CONFIRMED]
    for (a_from, a_to), (b_from, b_to) in itertools.combinations(held, 2):
        assert not (a_from < b_to and b_from < a_to), f"double booking: {a_from}-{a_to} and {b_from}-{b_to}"


async def test_fifty_parallel_bookings_of_one_slot_give_one_booking(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page(buffer_after_minutes=10)
        url = f"/calendar/public/{page['token']}/bookings"
        answers = await asyncio.gather(*(
            stack.calendar.post(url, json=booking("2025-06-03T10:00:00+02:00", email=f"v{i}@visitor.example"))
            for i in range(50)))
        counts = Counter(r.status_code for r in answers)
        assert counts == {201: 1, 409: 49}, counts
        assert {r.json()["detail"] for r in answers if r.status_code == 409} == {"This time is no longer free."}
        rows = await stack.bookings()
        assert len(rows) == 1
        winner = next(r.json() for r in answers if r.status_code == 201)
        assert rows[0].id == winner["id"]


async def test_parallel_bookings_of_overlapping_times_never_double_book(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        # 15-minute steps, 45-minute meetings with buffers: neighbouring starts all collide.
        page = await stack.host_page(duration=45, slot_minutes=15, buffer_before_minutes=5, buffer_after_minutes=10)
        url = f"/calendar/public/{page['token']}/bookings"
        starts = [f"2025-06-03T{h:02d}:{m:02d}:00+02:00" for h in (9, 10, 11) for m in (0, 15, 30, 45)]
        answers = await asyncio.gather(*(
            stack.calendar.post(url, json=booking(start, email=f"v{i}-{n}@visitor.example"))
            for n, start in enumerate(starts) for i in range(3)))
        assert {r.status_code for r in answers} <= {201, 409}
        rows = await stack.bookings()
        assert len(rows) == sum(r.status_code == 201 for r in answers) >= 2
        assert_no_overlap(rows)


async def test_a_reschedule_racing_a_new_booking_for_its_target(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        url = f"/calendar/public/{page['token']}/bookings"
        outcomes: Counter[str] = Counter()
        for round_ in range(6):
            day = 3 + round_ // 2  # two rounds a day, at different hours
            first = f"2025-06-{day:02d}T{9 + 3 * (round_ % 2):02d}:00:00+02:00"
            target = f"2025-06-{day:02d}T{10 + 3 * (round_ % 2):02d}:00:00+02:00"
            made = await stack.calendar.post(url, json=booking(first, email=f"mover{round_}@visitor.example"))
            assert made.status_code == 201, made.text
            reschedule_token = made.json()["reschedule_url"].split("reschedule=")[1]
            move = stack.calendar.post(f"/calendar/public/manage/{reschedule_token}/reschedule",
                                       json={"start": target})
            new = stack.calendar.post(url, json=booking(target, email=f"rival{round_}@visitor.example"))
            if round_ % 2:  # both orders of arrival
                moved, rival = await asyncio.gather(move, new)
            else:
                rival, moved = await asyncio.gather(new, move)
            assert sorted([moved.status_code, rival.status_code]) in ([200, 409], [201, 409]), (moved.text, rival.text)
            outcomes["moved" if moved.status_code == 200 else "rival"] += 1
            rows = await stack.bookings()
            assert_no_overlap(rows)
            holder = [r for r in rows if r.status == CONFIRMED
                      and r.start_at == dt.datetime.fromisoformat(target).astimezone(dt.UTC)]
            assert len(holder) == 1
            if moved.status_code == 409:
                # The move failed cleanly: the booking is where it was, and its links still work.
                mover = next(r for r in rows if r.visitor_email == f"mover{round_}@visitor.example")
                assert mover.start_at == dt.datetime.fromisoformat(first).astimezone(dt.UTC) and mover.sequence == 0
        assert sum(outcomes.values()) == 6


async def test_the_exclusion_constraint_refuses_overlap_below_the_service(backend: str, database_url: str,
                                                                          tmp_path: Path) -> None:
    """PostgreSQL's constraint holds even for writers that skip every check (two raw transactions)."""
    if backend != "postgres":
        pytest.skip("SQLite has no exclusion constraints: its guard is the re-check in the write transaction")
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        made = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                         json=booking("2025-06-03T10:00:00+02:00"))
        assert made.status_code == 201
        [row] = await stack.bookings()
        columns = {c.name: getattr(row, c.name) for c in Booking.__table__.columns if c.name != "id"}

        async def insert(offset_minutes: int, status: str = CONFIRMED) -> str:
            values = {**columns, "status": status, "idempotency_key": None,
                      "held_from": row.held_from + dt.timedelta(minutes=offset_minutes),
                      "held_to": row.held_to + dt.timedelta(minutes=offset_minutes)}
            try:
                async with stack.runtime.engine.begin() as conn:
                    await conn.execute(sa.insert(Booking).values(**values))
            except sa.exc.IntegrityError as exc:
                return str(getattr(exc.orig, "sqlstate", ""))
            return "inserted"

        assert await insert(15) == "23P01"  # exclusion_violation
        assert await insert(30) == "inserted"  # touching ranges ('[)') do not overlap
        assert await insert(0, CANCELLED) == "inserted"  # cancelled bookings hold nothing
        # Two writers at once on a free range: exactly one wins.
        both = await asyncio.gather(insert(120), insert(125))
        assert sorted(both) == ["23P01", "inserted"]
