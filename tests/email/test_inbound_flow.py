"""A tracked campaign end to end: links and pixel rewritten at preparation (not the unsubscribe link), the
Art. 14 notice on the first message only, the reviewed AI line rendered, and the click counted after sending."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa

from services.email.models import AiLine
from tests.email.support import email_stack

HUMAN = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


async def test_tracked_campaign_with_notice_and_ai_line(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        company = await stack.company("Bergmann Maschinenbau", country="GB", website="https://bergmann.example")
        lena = await stack.contact("Lena Bergmann", "lena@client.example", company["id"])
        first = await stack.template(
            subject="Hi {{ contact.first_name }}",
            body_html='<p>{{ ai_line }}</p><p><a href="https://seller.example/offer?x=1&y=2">Our offer</a></p>'
                      '<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p><p>{{ gdpr_notice }}</p>')
        second = await stack.template(subject="Again", body_html="<p>Still there?</p><p>{{ gdpr_notice }}</p>")
        campaign = await stack.campaign([lena["id"]], steps=[
            {"template_id": first["id"], "delay_days": 0, "ai_line": True},
            {"template_id": second["id"], "delay_days": 1}], track_clicks=True, track_opens=True)
        read = (await stack.email.get(f"/email/campaigns/{campaign['id']}", headers=stack.sales)).json()
        assert [st["ai_line"] for st in read["steps"]] == [True, False]
        # The reviewed line (made by the ai service in test_ai_lines; here as the review left it).
        async with stack.runtime.sessions() as s:
            s.add(AiLine(campaign_id=campaign["id"], contact_id=lena["id"], step=1, status="edited",
                         line="Your new plant in Leeds caught my eye.", source_url="https://bergmann.example/news"))
            await s.commit()
        await stack.start(campaign["id"])
        await stack.run_jobs()
        assert await stack.send_all() == 1
        msg = email.message_from_bytes(stack.sink.deliveries[0].data, policy=email.policy.default)
        html_part = msg.get_body(("html",))
        assert html_part is not None
        html = html_part.get_content()
        assert "Your new plant in Leeds caught my eye." in html
        assert "Privacy notice (Art. 14 GDPR)" in html and "https://bergmann.example" in html
        hrefs = re.findall(r'href="([^"]+)"', html)
        tracked = [h for h in hrefs if "/api/email/t/c/" in h]
        assert len(tracked) == 1 and any("/api/email/unsubscribe/" in h for h in hrefs)
        assert "/api/email/t/o/" in html
        assert "seller.example/offer" not in html.replace("%2F", "/").split("/api/email/t/c/")[0]

        # A person clicks a minute later: redirected to the offer, counted on the ledger row.
        stack.now += dt.timedelta(minutes=1)
        link = tracked[0].replace("&amp;", "&")
        parts = urlsplit(link)
        resp = await stack.email.get(parts.path.removeprefix("/api") + "?" + parts.query, headers={"user-agent": HUMAN})
        assert resp.status_code == 302 and resp.headers["location"] == "https://seller.example/offer?x=1&y=2"
        listed = (await stack.email.get("/email/messages", params={"contact_id": lena["id"]},
                                        headers=stack.sales)).json()
        thread = (await stack.email.get(f"/email/contacts/{lena['id']}/thread", headers=stack.sales)).json()
        assert thread["items"][0]["message"]["clicked_at"] is not None
        assert thread["items"][0]["message"]["id"] == listed["items"][0]["id"]

        # Step 2: no notice on a later message.
        stack.now += dt.timedelta(days=1, minutes=1)
        assert await stack.send_all() == 1
        later = email.message_from_bytes(stack.sink.deliveries[1].data, policy=email.policy.default)
        later_html = later.get_body(("html",))
        assert later_html is not None and "Art. 14" not in later_html.get_content()
        async with stack.runtime.sessions() as s:
            assert (await s.execute(sa.select(sa.func.count()).select_from(AiLine))).scalar_one() == 1
