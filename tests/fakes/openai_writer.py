"""The fake model's e-mail writing: plausible answers to the writing prompts (version 2: register,
greeting, website facts with their pages, sender, sign-off), and a deliberately sloppy one.

Written apart from the service's own writer on purpose: it reads only the rendered prompt, as a model
would. A good answer follows the prompt's rules; the sloppy answer (``fake.queue("sloppy")``) breaks them
the way models do — the familiar greeting in the formal register, the instruction pasted into the body,
a year the website never mentions cited as if it did, an invented link, no sign-off — so the service's
grounding and the benchmark's checks have something real to catch.
"""

from __future__ import annotations

import re
from typing import Any

SLOPPY_YEAR = "1850"
SLOPPY_URL = "https://made-up-offer.example/deal"
_RECORD_RE = re.compile(r"<<<UNTRUSTED_(\w+)[^\n]*\n(.*?)\nUNTRUSTED_\1>>>", re.S)
_FACT_RE = re.compile(r"^- (.+) \(source: (\S+)\)$", re.M)


def _field(text: str, label: str) -> str:
    match = re.search(rf"^{re.escape(label)}\s*(.*)$", text, re.M)
    return match.group(1).strip() if match else ""


def _block_after(text: str, label: str) -> str:
    """The lines after ``label`` up to the next blank line."""
    match = re.search(rf"^{re.escape(label)}\n(.*?)(?:\n\n|\Z)", text, re.M | re.S)
    return match.group(1).strip() if match else ""


def _json_value(block: str, key: str) -> str:
    match = re.search(rf'"{key}":\s*"((?:[^"\\]|\\.)*)"', block)
    return match.group(1) if match else ""


class Prompt:
    """What the fake model reads from a rendered writing prompt."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.records = dict(_RECORD_RE.findall(text))
        settings = _field(text, "Language:")
        self.german = settings.startswith("de")
        self.informal = "Register: informal" in text
        self.facts = _FACT_RE.findall(self.records.get("SITE_FACTS", ""))
        sender = self.records.get("SENDER", "")
        self.offer = _json_value(sender, "offer")
        self.calendar = _json_value(sender, "calendar_link")
        self.sender_name = _json_value(sender, "name")
        self.sender_company = _json_value(sender, "company")
        length = re.search(r"Length of the body: (\d+)-(\d+) words", text)
        self.min_words = int(length.group(1)) if length else 0
        self.instruction = _field(text, "Instruction from the salesperson (what to do, not text to copy):")
        match = re.search(r"Action: (.+?)\.\n", text)
        self.action = match.group(1) if match else ""

    @property
    def greeting(self) -> str:
        for label in ("Greeting line (first line of the body, verbatim):", "Greeting line to keep:",
                      "Greeting line (verbatim, where the template greets):"):
            if value := _field(self.text, label):
                return value
        return ""

    @property
    def sign_off(self) -> str:
        return (_block_after(self.text, "Sign-off (last lines of the body, verbatim):")
                or _block_after(self.text, "Sign-off to keep:") or _field(self.text, "Sign-off (verbatim, where the "
                                                                                     "template signs):"))

    def cite(self, clause: str, url: str) -> str:
        if self.german:
            where = "eurer" if self.informal else "Ihrer"
            return f"Auf {where} Website habe ich gesehen, dass {clause} ({url})."
        return f"I saw on your website that {clause} ({url})."

    def call(self) -> str:
        if self.german:
            ask = ("Hast du nächste Woche 15 Minuten für ein kurzes Gespräch?" if self.informal
                   else "Hätten Sie nächste Woche 15 Minuten für ein kurzes Gespräch?")
            book = (" Hier kannst du direkt einen Termin wählen: " if self.informal
                    else " Hier können Sie direkt einen Termin wählen: ")
        else:
            ask = "Would you have 15 minutes for a short call next week?"
            book = " You can book a time here: "
        return ask + (book + self.calendar if self.calendar else "")


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def write(prompt: Prompt) -> dict[str, Any]:
    paragraphs = [prompt.greeting]
    template = prompt.records.get("TEMPLATE", "")
    if template:  # start from the template: its text, under the greeting, above the sign-off
        subject_line, _, body = template.partition("\n")
        lines = [line for line in body.strip().split("\n") if line.strip()]
        if lines and re.match(r"^(hallo|hi|hello|dear|guten tag|sehr geehrte)", lines[0], re.I):
            lines = lines[1:]
        ask = "" if "?" in body else prompt.call()
        paragraphs += ["\n".join(lines), ask, prompt.sign_off]
        return {"subject": subject_line.removeprefix("Subject:").strip() or "-",
                "body": "\n\n".join(p for p in paragraphs if p)}
    if prompt.facts:
        opening = prompt.cite(*prompt.facts[0])
        paragraphs.append(_lower(opening) if prompt.german else opening)
    elif prompt.german:
        paragraphs.append("ich melde mich kurz bei " + ("dir." if prompt.informal else "Ihnen."))
    else:
        paragraphs.append("I am reaching out briefly.")
    if prompt.offer:
        paragraphs.append(prompt.offer)
    extra = _more_sentences(prompt)
    while extra and len(" ".join([*paragraphs, prompt.call(), prompt.sign_off]).split()) < prompt.min_words:
        paragraphs.append(extra.pop(0))
    paragraphs += [prompt.call(), prompt.sign_off]
    subject = "Kurze Frage" if prompt.german else "A quick question"
    return {"subject": subject, "body": "\n\n".join(p for p in paragraphs if p)}


def _more_sentences(prompt: Prompt) -> list[str]:
    """What a model adds when the draft must be longer: who writes, a second fact, an offer of material."""
    out = []
    if prompt.sender_name:
        of = (" von " if prompt.german else " from ") + prompt.sender_company if prompt.sender_company else ""
        who = prompt.sender_name + of
        out.append(f"Mein Name ist {who}." if prompt.german else f"My name is {who}.")
    if len(prompt.facts) > 1:
        out.append(prompt.cite(*prompt.facts[1]))
    if prompt.german:
        out.append("Gern schicke ich " + ("dir" if prompt.informal else "Ihnen") + " vorab ein paar Unterlagen, damit "
                   + ("du" if prompt.informal else "Sie") + " in Ruhe einschätzen " + ("kannst" if prompt.informal
                                                                                     else "können") + ", ob es passt.")
        out.append("Ich halte mich kurz und freue mich auf " + ("deine" if prompt.informal else "Ihre") + " Antwort.")
    else:
        out.append("I am happy to send some material first so you can judge in your own time whether it fits.")
        out.append("I will keep it short and look forward to hearing from you.")
    return out


def sloppy(prompt: Prompt) -> dict[str, Any]:
    """The deliberately bad answer: familiar greeting, pasted instruction, invented fact and link, unsigned."""
    first = re.search(r'"name":\s*"(?:(?:Herr|Frau|Dr\.|Prof\.)\s+)*([^" ]+)', prompt.records.get("CONTACT", ""))
    hello = f"Hallo {first.group(1) if first else ''},".replace(" ,", ",")
    website = re.findall(r"\(source: (\S+)\)", prompt.records.get("SITE_FACTS", ""))
    where = website[0] if website else "https://example.com/"
    invented = (f"Auf Ihrer Website habe ich gesehen, dass Sie seit {SLOPPY_YEAR} am Markt sind ({where})."
                if prompt.german else f"I saw on your website that you have been around since {SLOPPY_YEAR} ({where}).")
    body = "\n\n".join([hello, invented, prompt.instruction or "We have a great offer.",
                        f"Click here: {SLOPPY_URL}"])
    return {"subject": "Hi!!", "body": body}


def improve(prompt: Prompt) -> dict[str, Any]:
    draft = prompt.records.get("DRAFT", "")
    subject_line, _, body = draft.partition("\n")
    subject = subject_line.removeprefix("Subject:").strip() or "-"
    paragraphs = [p for p in body.strip().split("\n\n") if p.strip()]
    if prompt.action.startswith("make it about half as long") and len(paragraphs) > 3:
        keep = [paragraphs[0], paragraphs[1].split(". ")[0].rstrip(".") + ".", paragraphs[-2], paragraphs[-1]]
        paragraphs = keep
    elif prompt.action.startswith("add one sentence") and prompt.facts and len(paragraphs) >= 2:
        clause, url = next(((c, u) for c, u in prompt.facts if u not in body or c not in body), prompt.facts[0])
        line = prompt.cite(clause, url).replace("Auf Ihrer Website habe ich gesehen",
                                                "Außerdem habe ich auf Ihrer Website gesehen")
        paragraphs.insert(2, line)
    return {"subject": subject, "body": "\n\n".join(paragraphs)}


def personalise(prompt: Prompt) -> dict[str, Any]:
    template = prompt.records.get("TEMPLATE", "")
    subject_line, _, body = template.partition("\n")
    lines = body.strip().split("\n")
    if prompt.facts and len(lines) > 1:
        lines.insert(1, prompt.cite(*prompt.facts[0]))
    return {"subject": subject_line.removeprefix("Subject:").strip() or "-", "body": "\n".join(lines)}


def answer(text: str, *, bad: bool = False) -> dict[str, Any] | None:
    """The answer to a version-2 writing prompt, or None for other prompts (the caller's old brain)."""
    prompt = Prompt(text)
    if not prompt.greeting and "Sign-off" not in text:
        return None
    if bad:
        return sloppy(prompt)
    if "The step's template:" in text:
        return personalise(prompt)
    if prompt.action:
        return improve(prompt)
    return write(prompt)
