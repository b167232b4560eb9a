"""Tracking routes: the click redirect goes only where the message pointed, opens and clicks are counted once
and only for people, scanners and the first seconds are recorded but not counted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from services.email.inbound_service import tracking_links
from services.email.replies import TIMELINE_JOB
from tests.email.inbound_support import EmailStack, email_stack

HUMAN = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path.removeprefix("/api") + (f"?{parts.query}" if parts.query else "")


async def _setup(stack: EmailStack) -> tuple[int, str]:
    box = await stack.mailbox()
    contact = await stack.contact()
    camp = await stack.campaign(box, [contact])
    message_id, mid = camp["messages"][contact["id"]]
    return message_id, mid


async def test_click_redirects_only_to_the_signed_url(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        message_id, mid = await _setup(stack)
        links = tracking_links(stack.runtime)
        body = '<p><a href="https://example.org/pricing?a=1&amp;b=2">Pricing</a></p>'
        rewritten = links.rewrite_html(body, mid, pixel=True)
        href = rewritten.split('href="')[1].split('"')[0].replace("&amp;", "&")
        assert href.startswith("https://crm.example/api/email/t/c/")
        # A scanner right at delivery: redirected, recorded, not counted.
        scan = await stack.email.get(_path(href), headers={"user-agent": "Mimecast Scanner"})
        assert scan.status_code == 302 and scan.headers["location"] == "https://example.org/pricing?a=1&b=2"
        assert scan.headers["cache-control"].startswith("no-store")
        assert (await stack.message(message_id)).clicked_at is None
        person = await stack.email.get(_path(href), headers={"user-agent": HUMAN})
        assert person.status_code == 302
        clicked = await stack.message(message_id)
        assert clicked.clicked_at is not None and clicked.opened_at is not None  # a click proves the open
        again = await stack.email.get(_path(href), headers={"user-agent": HUMAN})
        assert again.status_code == 302
        events = await stack.events("click")
        assert [e.detail["counted"] for e in events] == [False, True]
        # Somewhere else with the same signature, another message's signature, a forged one: 404, no redirect.
        ref, sig = urlsplit(href).path.split("/")[-2:]
        for bad in (f"/email/t/c/{ref}/{sig}?u=https%3A%2F%2Fevil.example%2F",
                    f"/email/t/c/{ref}/{'A' * 22}?u=https%3A%2F%2Fexample.org%2Fpricing%3Fa%3D1%26b%3D2",
                    f"/email/t/c/{ref}/{sig}?u=javascript%3Aalert(1)",
                    f"/email/t/c/%25%25/{sig}?u=https%3A%2F%2Fexample.org%2F"):
            resp = await stack.email.get(bad, headers={"user-agent": HUMAN})
            assert resp.status_code in (404, 422) and "location" not in resp.headers, bad
            assert resp.headers["content-type"].startswith("application/problem+json")
        # HEAD (link checkers) redirects without counting.
        head = await stack.email.head(_path(href))
        assert head.status_code == 302
        assert len(await stack.events("click")) == 2
        # One timeline entry for the first counted click.
        jobs = [j for j in await stack.jobs(TIMELINE_JOB) if j.payload["activity"]["type"] == "email.clicked"]
        assert len(jobs) == 1
        # The campaign's funnel counts the person's click (and the open it proves) once, not the scanner's.
        camp = (await stack.message(message_id)).campaign_id
        stats = await stack.email.get(f"/email/campaigns/{camp}/stats", headers=stack.sales)
        assert stats.status_code == 200, stats.text
        funnel = stats.json()["funnel"]
        assert (funnel["opened"], funnel["clicked"], funnel["replied"], funnel["interested"]) == (1, 1, 0, 0)
        assert sum(day.get("clicked", 0) for day in stats.json()["series"]) == 1
        assert (await stack.email.get("/email/campaigns/999999/stats", headers=stack.sales)).status_code == 404


async def test_open_pixel_counts_people_after_the_first_seconds(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        message_id, mid = await _setup(stack)
        pixel = _path(tracking_links(stack.runtime).open_url(mid))
        sent_at = (await stack.message(message_id)).sent_at
        assert sent_at is not None
        stack.now = sent_at.replace(tzinfo=dt.UTC) + dt.timedelta(seconds=2)  # the gateway fetching at delivery
        first = await stack.email.get(pixel, headers={"user-agent": HUMAN})
        assert first.status_code == 200 and first.headers["content-type"] == "image/gif"
        assert first.content.startswith(b"GIF89a")
        assert (await stack.message(message_id)).opened_at is None
        stack.now += dt.timedelta(minutes=5)
        await stack.email.get(pixel, headers={"user-agent": HUMAN, "x-forwarded-for": "40.107.22.10"})
        assert (await stack.message(message_id)).opened_at is None  # Microsoft's scanners, via the gateway
        await stack.email.get(pixel, headers={"user-agent": HUMAN})
        await stack.email.get(pixel, headers={"user-agent": HUMAN})
        assert (await stack.message(message_id)).opened_at is not None
        assert [e.detail["counted"] for e in await stack.events("open")] == [False, True]
        forged = await stack.email.get(pixel[:-3] + "AAA")
        assert forged.status_code == 404
