"""Signed click links, the HTML rewriter and which opens/clicks count (pure parts of tracking.py)."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from services.email.tracking import PIXEL_GIF, HitJudge, TrackingError, TrackingLinks, trackable
from services.kit.db import utcnow

LINKS = TrackingLinks(key=b"k" * 32, public_url="https://crm.example.com")
MID = "<c7.s1.abc@mail.example.com>"


def _parts(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    ref, sig = parts.path.split("/")[-2:]
    return ref, sig, unquote(parse_qs(parts.query)["u"][0])


def test_click_link_round_trip() -> None:
    url = "https://example.org/pricing?a=1&b=ä#top"
    link = LINKS.click_url(MID, url)
    assert link.startswith("https://crm.example.com/api/email/t/c/")
    ref, sig, target = _parts(link)
    assert target == url
    assert LINKS.verify("click", ref, sig, target) == MID


@pytest.mark.parametrize("target", [
    "https://evil.example/", "https://example.org/pricing?a=1&b=2", "//evil.example", "javascript:alert(1)"])
def test_a_signed_link_redirects_nowhere_else(target: str) -> None:
    ref, sig, _ = _parts(LINKS.click_url(MID, "https://example.org/pricing?a=1"))
    with pytest.raises(TrackingError):
        LINKS.verify("click", ref, sig, target)


def test_signature_is_bound_to_the_message_and_the_key() -> None:
    ref, sig, url = _parts(LINKS.click_url(MID, "https://example.org/"))
    other_ref = TrackingLinks.reference("<other@mail.example.com>")
    with pytest.raises(TrackingError):
        LINKS.verify("click", other_ref, sig, url)
    with pytest.raises(TrackingError):
        TrackingLinks(b"x" * 32, "https://crm.example.com").verify("click", ref, sig, url)
    with pytest.raises(TrackingError):
        LINKS.verify("open", ref, sig)  # a click signature is no open signature
    with pytest.raises(TrackingError):
        LINKS.verify("click", "%%%not-base64", sig, url)


def test_open_link_round_trip() -> None:
    ref, sig = LINKS.open_url(MID).rsplit("/", 2)[-2:]
    assert LINKS.verify("open", ref, sig) == MID
    assert PIXEL_GIF.startswith(b"GIF89a\x01\x00\x01\x00") and PIXEL_GIF.endswith(b";")


@pytest.mark.parametrize("url,ok", [
    ("https://a.example/x", True), ("http://a.example", True), ("mailto:a@b.example", False),
    ("tel:+49301234", False), ("#top", False), ("/relative", False), ("javascript:alert(1)", False),
    ("https://a.example/\r\nX: y", False), ("https:///nohost", False), ("data:text/html,hi", False),
    ("https://a.example/" + "x" * 3000, False)])
def test_only_absolute_http_links_are_trackable(url: str, ok: bool) -> None:
    assert trackable(url) is ok


def test_rewrite_html_keeps_other_links_and_escapes() -> None:
    body = ('<html><body><p>Hi <a href="https://example.org/a?x=1&amp;y=2">pricing</a>, '
            "<a class='b' href='mailto:me@example.org'>mail</a>, <a href=https://example.org/b>b</a>, "
            '<a href="https://crm.example.com/api/email/unsubscribe/tok">unsubscribe</a>, '
            '<a data-no-track href="https://example.org/keep">keep</a>, '
            '<A HREF="HTTPS://EXAMPLE.ORG/UP">up</A></p></body></html>')
    out = LINKS.rewrite_html(body, MID, skip=lambda u: "/api/email/unsubscribe/" in u, pixel=True)
    hrefs = re.findall(r'href="([^"]*)"', out, re.I)
    tracked = [h for h in hrefs if "/api/email/t/c/" in h]
    assert len(tracked) == 3
    # The &amp; of the HTML is the & of the URL: what is signed is what the reader clicked.
    ref, sig, target = _parts(tracked[0].replace("&amp;", "&"))
    assert target == "https://example.org/a?x=1&y=2"
    assert LINKS.verify("click", ref, sig, target) == MID
    assert "mailto:me@example.org" in out and "https://example.org/keep" in out
    assert 'href="https://crm.example.com/api/email/unsubscribe/tok"' in out
    assert out.index("/api/email/t/o/") < out.index("</body>")
    assert out.count("<img") == 1


def test_rewrite_without_body_tag_appends_pixel() -> None:
    out = LINKS.rewrite_html("<p>no links</p>", MID, pixel=True)
    assert out.startswith("<p>no links</p><img")
    assert LINKS.rewrite_html("<p>x</p>", MID) == "<p>x</p>"


JUDGE = HitJudge.of(10, ["203.0.113.0/24"])
HUMAN = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"


@pytest.mark.parametrize("after,agent,ip,counted", [
    (60, HUMAN, "198.51.100.7", True),
    (2, HUMAN, "198.51.100.7", False),  # a gateway fetching at delivery
    (60, "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
     "66.249.84.1", True),  # Gmail fetches when the reader opens
    (60, "python-requests/2.31", "198.51.100.7", False),
    (60, "Mozilla/5.0 (compatible; Barracuda Sentinel)", "198.51.100.7", False),
    (60, HUMAN, "40.107.22.10", False),  # Microsoft Defender / EOP
    (60, HUMAN, "17.58.1.1", False),  # Apple Mail Privacy Protection
    (60, HUMAN, "203.0.113.9", False),  # a network from the setting
    (60, "", "198.51.100.7", False),
    (60, HUMAN, "not-an-ip", True),
    (60, HUMAN, "2001:db8::1", True),
])
def test_which_hits_count(after: int, agent: str, ip: str, counted: bool) -> None:
    sent = utcnow()
    verdict = JUDGE.judge(sent_at=sent, hit_at=sent + timedelta(seconds=after), user_agent=agent, ip=ip)
    assert verdict.counted is counted, verdict.reason
