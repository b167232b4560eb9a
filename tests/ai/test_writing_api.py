"""Writing through the API: the sender profile signs every draft, the register and the contact decide the
greeting (a typed "Herr Dr. …" counts), service callers write on a user's behalf, a missing users service
leaves a warning, not an error."""

from __future__ import annotations

from pathlib import Path

from services.users.client import UsersClient
from tests.ai.support import AIStack, ai_stack
from tests.ai.writing_briefs import SENDERS

ISSUE = "introduce our predictive-maintenance sensors for CNC machines and ask for a 15-minute call"


async def _profile(stack: AIStack, headers: dict[str, str], **fields: str) -> None:
    saved = await stack.users.put("/auth/me/sender-profile", headers=headers, json=fields)
    assert saved.status_code == 200, saved.text


async def test_the_sender_profile_signs_and_the_register_decides(database_url: str, tmp_path: Path) -> None:
    async with ai_stack(database_url, tmp_path) as stack:
        await _profile(stack, stack.sales, **SENDERS["de"])
        typed = {"instruction": ISSUE, "language": "de", "contact": {"name": "Herr Dr. Klaus Bergmann",
                                                                     "company": "Brandt Aufzüge GmbH & Co. KG"}}
        resp = await stack.ai.post("/ai/write/email", headers=stack.sales, json=typed)
        assert resp.status_code == 200, resp.text
        mail = resp.json()
        assert mail["body"].startswith("Sehr geehrter Herr Dr. Bergmann,\n\n")
        assert SENDERS["de"]["offer"] in mail["body"] and SENDERS["de"]["calendar_url"] in mail["body"]
        assert "Viele Grüße\nMax Vogel\nVertriebsleiter\nSensorik Nord GmbH · Hamburg" in mail["body"]
        assert "predictive-maintenance" not in mail["body"] and mail["stripped_links"] == 0
        informal = (await stack.ai.post("/ai/write/email", headers=stack.sales,
                                        json={**typed, "register": "informal"})).json()
        assert informal["body"].startswith("Hallo Klaus,\n\n") and "Hast du" in informal["body"]
        english = (await stack.ai.post("/ai/write/email", headers=stack.sales,
                                       json={**typed, "language": "en", "sender_name": "M. Vogel"})).json()
        assert english["body"].startswith("Dear Dr. Bergmann,\n\n") and "\nM. Vogel\n" in english["body"]
        assert any("not in English" in w for w in english["warnings"])  # the German offer stays out
        french = (await stack.ai.post("/ai/write/email", headers=stack.sales, json={**typed, "language": "fr"})).json()
        assert french["body"].startswith("Dear Dr. Bergmann,") and any("German and English only" in w
                                                                       for w in french["warnings"])
        bad = await stack.ai.post("/ai/write/email", headers=stack.sales, json={**typed, "register": "casual"})
        assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"
        # The e-mail service writes on a user's behalf: that user's profile signs; without one, no name.
        on_behalf = (await stack.ai.post("/ai/write/email", headers=stack.email_service,
                                         json={**typed, "on_behalf_of": stack.sales_id})).json()
        assert "\nMax Vogel\n" in on_behalf["body"]
        unsigned = (await stack.ai.post("/ai/write/email", headers=stack.email_service, json=typed)).json()
        assert "Max Vogel" not in unsigned["body"] and any("no name" in w for w in unsigned["warnings"])
        # A sales user's profile is theirs: the admin's drafts are signed with the admin's account name.
        admin = (await stack.ai.post("/ai/write/email", headers=stack.admin, json=typed)).json()
        assert "Max Vogel" not in admin["body"]


async def test_a_users_service_that_cannot_answer_leaves_a_warning(database_url: str, tmp_path: Path) -> None:
    async with ai_stack(database_url, tmp_path) as stack:
        deps = stack.ai_app.state.runtime.deps
        await deps.users.aclose()
        deps.users = UsersClient("http://127.0.0.1:9", timeout=1.0, retries=0)  # nothing listens there
        resp = await stack.ai.post("/ai/write/email", headers=stack.sales, json={
            "instruction": "introduce us", "language": "de", "contact": {"name": "Frau Anna Weber"}})
        assert resp.status_code == 200, resp.text
        mail = resp.json()
        assert mail["body"].startswith("Sehr geehrte Frau Weber,")
        assert any("sender profile could not be read" in w for w in mail["warnings"])


async def test_edits_through_the_api_keep_greeting_call_to_action_and_sign_off(database_url: str,
                                                                               tmp_path: Path) -> None:
    # The user's own sentence about the website is theirs: grounding only judges what the writer adds.
    draft = ("Sehr geehrte Frau Weber,\n\nich melde mich, weil wir Sensoren nachrüsten. Das spart Zeit. Und Geld. "
             "Auf Ihrer Website steht, dass Sie 200 Standorte haben."
             "\n\nNoch ein Absatz. Mit zwei Sätzen.\n\nHätten Sie nächste Woche Zeit für ein Telefonat?\n\n"
             "Mit freundlichen Grüßen\nMax Vogel")
    async with ai_stack(database_url, tmp_path) as stack:
        short = (await stack.ai.post("/ai/write/improve", headers=stack.sales, json={
            "subject": "Idee", "body": draft, "action": "shorter"})).json()
        assert short["body"].startswith("Sehr geehrte Frau Weber,\n\n") and "Telefonat?" in short["body"]
        assert short["body"].endswith("Mit freundlichen Grüßen\nMax Vogel")
        assert len(short["body"].split()) < len(draft.split())
        grammar = (await stack.ai.post("/ai/write/improve", headers=stack.sales, json={
            "subject": "Idee", "body": draft, "action": "fix_grammar"})).json()
        assert grammar["body"] == draft
        personal = (await stack.ai.post("/ai/write/improve", headers=stack.sales, json={
            "subject": "Idee", "body": draft, "action": "more_personal"})).json()
        assert personal["body"] == draft and "nothing citable" in personal["warnings"][0]
