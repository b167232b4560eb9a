"""The email service's demo rows: mailboxes, templates, a finished campaign and a paused one (and a draft),
each contact's enrolment, the sending ledger with its history — sent, opened, replied, bounced,
unsubscribed — the replies, the suppressions they caused, and the timeline entries they left.

Messages are rendered from the seeded templates with Jinja, as the service renders them (greeting by the
leads service's salutation rules, the AI profile's hook, the contact's personal booking link). Nothing
here was ever sent: the demo's only mailbox that works is the local catcher.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from jinja2 import Environment, StrictUndefined

from services.email.models import (
    AiLine,
    Campaign,
    CampaignContact,
    CampaignMailbox,
    CampaignStep,
    Job,
    Mailbox,
    Message,
    MessageEvent,
    Suppression,
    Template,
)
from services.email.service import CATCHER_FROM, CATCHER_NAME
from services.leads.salutation import salutation

from .calendar import demo_token
from .story import FINISHED_CAMPAIGN, PAUSED_CAMPAIGN, Story
from .users import SELLER, SELLER_DOMAIN
from .world import World

SENDER = {"name": "Lena Vogel", "email": f"lena.vogel@{SELLER_DOMAIN}"}
TEMPLATES = (
    (1, "Erstkontakt Terminbuchung", "{{ company.name }}: Termine online, ohne Telefon-Pingpong",
     "{{ salutation }}\n\n{% if ai.hook %}{{ ai.hook }}\n\nViele{% else %}viele{% endif %} Betriebe in "
     "{{ company.city }} verlieren jede Woche Stunden mit Rückrufen, nur um einen Termin zu "
     "finden. Mit {{ sender.company }} buchen Ihre Kunden selbst, in Ihren Zeiten, mit Erinnerung per E-Mail.\n\n"
     "Hätten Sie 30 Minuten für ein kurzes Gespräch? Hier können Sie direkt einen Termin wählen:\n"
     "{{ booking_url }}\n\nViele Grüße\n{{ sender.name }}"),
    (2, "Nachfassen nach 4 Tagen", "Re: {{ company.name }}: Termine online",
     "{{ salutation }}\n\nich wollte kurz nachhaken, ob meine Nachricht von letzter Woche angekommen ist. "
     "Falls das Thema gerade nicht passt, genügt eine kurze Antwort, dann melde ich mich nicht mehr.\n\n"
     "{{ booking_url }}\n\nViele Grüße\n{{ sender.name }}"),
    (3, "Einladung Produktdemo", "Auftragsverwaltung für {{ company.name }}: 45 Minuten Live-Demo",
     "{{ salutation }}\n\nSie bieten {{ company.offer }} an; genau dafür haben wir Vorlagen vom Angebot bis zur "
     "Rechnung. Darf ich sie Ihnen in einer Live-Demo zeigen?\n\n{{ booking_url }}\n\nViele Grüße\n{{ sender.name }}"),
)
CAMPAIGNS = (
    # id, name, status, steps [(template, delay days)], template language
    (FINISHED_CAMPAIGN, "Erstkontakt Handwerk & Mittelstand", "finished", [(1, 0.0), (2, 4.0)]),
    (PAUSED_CAMPAIGN, "Produktdemo Praxen & Kanzleien", "paused", [(3, 0.0), (2, 3.0)]),
    (3, "Nachfassen Bestandskunden (Entwurf)", "draft", [(2, 0.0)]),
)
REPLIES = {
    "meeting": "Guten Tag, danke für Ihre Nachricht, das Thema beschäftigt uns tatsächlich. Ich habe mir über "
               "Ihren Link einen Termin gebucht. Viele Grüße",
    "won": "Hallo, klingt gut. Ich habe einen Termin gebucht; bitte bringen Sie ein Beispiel für unsere Branche "
           "mit. Viele Grüße",
    "replied": "Vielen Dank, aktuell haben wir keinen Bedarf. Melden Sie sich gern im neuen Jahr noch einmal.",
    "lost": "Danke für die Info, wir haben uns bereits für eine andere Lösung entschieden.",
}


@dataclass
class EmailSeed:
    rows: list[tuple[type[Any], list[dict[str, Any]]]]
    timeline: list[dict[str, Any]]


def _outcome(story: Story) -> str:
    """What became of a finished campaign's first mail to a company that did not reply."""
    if story.replied_at is not None:
        return "replied"
    if story.company.id % 9 == 4:
        return "bounced" if story.company.id % 2 == 0 else "unsubscribed"
    return "sent"


def email_rows(world: World, stories: list[Story], hooks: dict[int, str | None], public_url: str,
               catcher_host: str, catcher_port: int) -> EmailSeed:
    """``hooks``: each company's AI profile hook (the first line of a personal mail)."""
    env = Environment(undefined=StrictUndefined, autoescape=False)  # noqa: S701 (plain-text mail)
    start = world.now - timedelta(days=70)
    mailboxes = [
        {"id": 1, "name": CATCHER_NAME, "from_email": CATCHER_FROM, "from_name": "Outbound CRM",
         "smtp_host": catcher_host, "smtp_port": catcher_port, "smtp_security": "none", "daily_limit": 0,
         "min_gap_seconds": 0.0, "kind": "catcher", "is_default": False, "created_at": start, "updated_at": start},
        {"id": 2, "name": "Lena Vogel", "from_email": SENDER["email"], "from_name": f"Lena Vogel · {SELLER}",
         "reply_to": SENDER["email"], "smtp_host": f"smtp.{SELLER_DOMAIN}", "smtp_port": 587,
         "smtp_security": "starttls", "smtp_username": SENDER["email"], "imap_host": f"imap.{SELLER_DOMAIN}",
         "imap_port": 993, "imap_security": "tls", "imap_username": SENDER["email"], "daily_limit": 80,
         "min_gap_seconds": 90.0, "send_window": {"weekdays": [0, 1, 2, 3, 4], "start": "08:00", "end": "17:00"},
         "kind": "smtp", "is_default": True, "created_by": "user:1", "created_at": start, "updated_at": start},
    ]
    templates: list[dict[str, Any]] = [
        {"id": tid, "name": name, "subject": subject, "body_html": None, "body_text": body, "created_by": "user:1",
         "created_at": start + timedelta(days=tid), "updated_at": start + timedelta(days=tid)}
        for tid, name, subject, body in TEMPLATES]
    by_id = {t["id"]: t for t in templates}
    mine = {cid: [s for s in stories if s.campaign_id == cid and s.sent_at] for cid, *_ in CAMPAIGNS}
    campaigns: list[dict[str, Any]] = []
    campaign_mailboxes: list[dict[str, Any]] = []
    steps: list[dict[str, Any]] = []
    for cid, name, state, plan in CAMPAIGNS:
        first = min((s.sent_at for s in mine[cid] if s.sent_at), default=world.now - timedelta(days=1))
        created = first - timedelta(days=2)
        last = max((s.sent_at for s in mine[cid] if s.sent_at), default=created) + timedelta(days=plan[-1][1] + 1)
        campaigns.append({
            "id": cid, "name": name, "status": state,
            "send_window": {"weekdays": [0, 1, 2, 3, 4], "start": "08:00", "end": "17:00"}, "track_opens": True,
            "track_clicks": False, "audience": {"statuses": ["enriched"], "tags": []}, "created_by": "user:1",
            "started_by": None if state == "draft" else "user:1", "created_at": created, "updated_at": created,
            "started_at": None if state == "draft" else first - timedelta(minutes=5),
            "paused_at": world.now - timedelta(days=2) if state == "paused" else None, "stopped_at": None,
            "finished_at": last if state == "finished" else None,
            "prepared_at": None if state == "draft" else first - timedelta(minutes=4)})
        campaign_mailboxes.append({"campaign_id": cid, "mailbox_id": 2, "position": 0})
        for position, (template_id, delay) in enumerate(plan, start=1):
            steps.append({"id": len(steps) + 1, "campaign_id": cid, "position": position, "template_id": template_id,
                          "delay_days": delay, "business_days": True, "ai_line": False})
    enrolments: list[dict[str, Any]] = []
    messages: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    suppressions: list[dict[str, Any]] = []
    timeline: list[dict[str, Any]] = []

    def event(message: dict[str, Any], kind: str, at: Any, detail: dict[str, Any] | None = None) -> None:
        events.append({"id": len(events) + 1, "message_id": message["id"], "campaign_id": message["campaign_id"],
                       "contact_id": message["contact_id"], "kind": kind, "at": at, "detail": detail or {},
                       "external_key": f"demo:{message['id']}:{kind}"})

    def note(message: dict[str, Any], kind: str, title: str, at: Any) -> None:
        timeline.append({"company_id": message["company_id"], "contact_id": message["contact_id"],
                         "type": f"email.{kind}", "title": f"{title}: {message['subject']}"[:300],
                         "detail": {"message_id": message["id"], "rfc822_message_id": message["message_id"],
                                    "campaign_id": message["campaign_id"], "step": message["step"], "mailbox_id": 2,
                                    "to": message["to_email"], "status": message["status"]},
                         "actor": None, "source": "email", "external_id": f"email:message:{message['id']}:{kind}",
                         "occurred_at": at})

    for cid, _name, state, plan in CAMPAIGNS:
        for story in mine[cid]:
            c = story.company
            person = next(p for p in c.people if p.id == story.contact_id)
            assert story.sent_at is not None
            outcome = _outcome(story) if cid == FINISHED_CAMPAIGN else "sent"
            context = {
                "salutation": salutation(person.name, person.form_of_address, "de"),
                "company": {"name": c.name, "city": c.city, "offer": c.offers[0]},
                "ai": {"hook": hooks.get(c.id)}, "sender": {"name": SENDER["name"], "company": SELLER},
                "booking_url": f"{public_url.rstrip('/')}/book/{demo_token('link', person.id)}"}
            sends = [(1, story.sent_at)]
            if outcome == "sent" and len(plan) > 1 and state == "finished":
                sends.append((2, story.sent_at + timedelta(days=plan[1][1] + 2)))
            enrolment_id = len(enrolments) + 1
            stopped = outcome in ("replied", "bounced", "unsubscribed")
            last_sent = sends[-1][1]
            enrolments.append({
                "id": enrolment_id, "campaign_id": cid, "contact_id": person.id, "company_id": c.id,
                "email": person.email,
                "status": "stopped" if stopped else ("finished" if state == "finished" else "active"),
                "stop_reason": outcome if stopped else None,
                "stopped_at": (story.replied_at or story.sent_at + timedelta(hours=3)) if stopped else None,
                "excluded_reason": None, "next_step": len(sends) + 1,
                "next_due_at": None if stopped or state == "finished" else last_sent + timedelta(days=plan[1][1]),
                "timezone": "Europe/Berlin", "mailbox_id": 2, "last_sent_at": last_sent,
                "created_at": story.sent_at - timedelta(minutes=4), "updated_at": last_sent})
            for step, sent_at in sends:
                template = by_id[plan[step - 1][0]]
                message = {
                    "id": len(messages) + 1, "campaign_id": cid, "enrolment_id": enrolment_id, "contact_id": person.id,
                    "company_id": c.id, "step": step, "key": None, "mailbox_id": 2, "to_email": person.email,
                    "to_name": person.name, "reply_to": SENDER["email"],
                    "subject": env.from_string(template["subject"]).render(context),
                    "body_html": None, "body_text": env.from_string(template["body_text"]).render(context),
                    "attachments": None, "timeline": None, "status": "sent",
                    "message_id": f"<demo.{cid}.{person.id}.{step}@{SELLER_DOMAIN}>", "in_reply_to": None,
                    "attempts": 1, "next_attempt_at": None, "locked_by": None, "lease_until": None, "smtp_code": 250,
                    "smtp_reply": "250 2.0.0 Ok: queued", "error": None, "resolution": None, "sent_at": sent_at,
                    "replied_at": None, "bounced_at": None, "opened_at": None, "clicked_at": None,
                    "unsubscribed_at": None, "created_at": sent_at - timedelta(minutes=3), "updated_at": sent_at}
                messages.append(message)
                event(message, "sent", sent_at)
                note(message, "sent", "E-mail sent", sent_at)
                if step != 1:
                    continue
                if story.opened_at is not None or (cid == PAUSED_CAMPAIGN and c.id % 4 == 2):
                    opened = story.opened_at or sent_at + timedelta(hours=5)
                    message.update(opened_at=opened, updated_at=opened)
                    event(message, "open", opened)
                if outcome == "replied" and story.replied_at is not None:
                    text = REPLIES[c.status if c.status in REPLIES else "replied"]
                    message.update(status="replied", replied_at=story.replied_at, updated_at=story.replied_at)
                    event(message, "reply", story.replied_at, {
                        "from": person.email, "subject": f"Re: {message['subject']}", "text": text,
                        "in_reply_to": message["message_id"]})
                    timeline.append({
                        "company_id": c.id, "contact_id": person.id, "type": "email.replied",
                        "title": f"Reply from {person.name}: Re: {message['subject']}"[:300],
                        "detail": {"message_id": message["id"], "campaign_id": cid, "text": text},
                        "actor": None, "source": "email", "external_id": f"email:message:{message['id']}:reply",
                        "occurred_at": story.replied_at})
                elif outcome == "bounced":
                    at = sent_at + timedelta(minutes=2)
                    message.update(status="bounced", bounced_at=at, smtp_code=550, updated_at=at,
                                   smtp_reply="550 5.1.1 <" + person.email + ">: Recipient address rejected")
                    event(message, "bounce", at, {"status": "5.1.1", "diagnostic": "Recipient address rejected"})
                    note(message, "bounced", "E-mail bounced", at)
                    suppressions.append({"id": len(suppressions) + 1, "kind": "address", "value": person.email,
                                         "reason": "bounced", "source": f"message:{message['id']}",
                                         "contact_id": person.id, "campaign_id": cid, "created_by": None,
                                         "created_at": at})
                elif outcome == "unsubscribed":
                    at = sent_at + timedelta(hours=6)
                    message.update(unsubscribed_at=at, updated_at=at)
                    event(message, "unsubscribe", at, {"one_click": True})
                    timeline.append({"company_id": c.id, "contact_id": person.id, "type": "email.unsubscribed",
                                     "title": f"Unsubscribed: {message['subject']}"[:300],
                                     "detail": {"message_id": message["id"], "campaign_id": cid}, "actor": None,
                                     "source": "email", "external_id": f"email:message:{message['id']}:unsubscribe",
                                     "occurred_at": at})
                    suppressions.append({"id": len(suppressions) + 1, "kind": "address", "value": person.email,
                                         "reason": "unsubscribed", "source": f"message:{message['id']}",
                                         "contact_id": person.id, "campaign_id": cid, "created_by": None,
                                         "created_at": at})
    rows: list[tuple[type[Any], list[dict[str, Any]]]] = [
        (Job, []), (Mailbox, mailboxes), (Template, templates), (Suppression, suppressions), (Campaign, campaigns),
        (CampaignMailbox, campaign_mailboxes), (CampaignStep, steps), (CampaignContact, enrolments),
        (Message, messages), (MessageEvent, events), (AiLine, [])]
    return EmailSeed(rows=rows, timeline=timeline)
