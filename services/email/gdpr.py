"""The Art. 14 GDPR notice a first message carries: where the recipient's data came from, who is responsible,
why it is used, and how to object. Templates print it with ``{{ gdpr_notice }}`` (empty on later steps).

The data source is the most specific one known: the page the contact's address was found on (its
evidence URL from the crawl), else the company's website, else how the record came in (an imported
list, the team's own records).
"""

from __future__ import annotations

from typing import Any

from services.leads.schemas import CompanyRead, ContactRead

_TEXT = {
    "de": ("Datenschutzhinweis (Art. 14 DSGVO): Ihre geschäftlichen Kontaktdaten stammen aus {source}. "
           "Verantwortlich ist {controller}. Wir nutzen sie, um Sie zu unserem Angebot anzusprechen "
           "(berechtigtes Interesse, Art. 6 Abs. 1 lit. f DSGVO). Sie können dem jederzeit widersprechen"),
    "en": ("Privacy notice (Art. 14 GDPR): we took your business contact details from {source}. "
           "The controller is {controller}. We use them to tell you about our offer "
           "(legitimate interest, Art. 6(1)(f) GDPR). You can object at any time"),
}
_OBJECT = {"de": ": {url}", "en": ": {url}"}
_SOURCES = {
    "de": {"page": "der Website {url}", "import": "einer importierten Kontaktliste",
           "manual": "unseren eigenen Unterlagen"},
    "en": {"page": "the website {url}", "import": "an imported contact list", "manual": "our own records"},
}


def data_source_url(contact: ContactRead, company: CompanyRead | None) -> str | None:
    """The page the contact's address (or name) was found on, else the company's website."""
    evidence: dict[str, Any] = contact.evidence or {}
    for field in ("email", "name", "role"):
        item = evidence.get(field)
        url = item.get("url") if isinstance(item, dict) else None
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            return url
    if company is not None and company.website:
        return company.website
    return None


def gdpr_notice(contact: ContactRead, company: CompanyRead | None, *, language: str, controller: str | None,
                unsubscribe_url: str | None) -> str:
    """The notice in German or English (other languages get the English one)."""
    lang = "de" if language == "de" else "en"
    url = data_source_url(contact, company)
    if url:
        source = _SOURCES[lang]["page"].format(url=url)
    else:
        source = _SOURCES[lang]["import" if contact.source == "import" else "manual"]
    text = _TEXT[lang].format(source=source, controller=controller or ("dem Absender" if lang == "de" else
                                                                       "the sender"))
    return text + (_OBJECT[lang].format(url=unsubscribe_url) if unsubscribe_url else ".")
