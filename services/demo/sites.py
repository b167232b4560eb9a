"""The demo companies' websites: home, Impressum and contact pages written from the world, so the real
extractor reads their facts (each with its evidence) and the AI profile cites real page text."""

from __future__ import annotations

import html

from services.leads.extraction import PageContent

from .world import Company

_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="description" content="{description}"></head><body>
<header><nav><a href="/">Start</a> <a href="/leistungen">Leistungen</a> <a href="/kontakt">Kontakt</a>
<a href="/impressum">Impressum</a></nav></header><main>{body}</main>
<footer><p>&copy; {year} {name}</p><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>
</body></html>"""
_AUTHORITY = {"DE": ("Angaben gemäß § 5 DDG", "Handelsregister", "Registergericht"),
              "AT": ("Offenlegung gemäß § 25 MedienG / Angaben nach § 5 ECG", "Firmenbuch", "Firmenbuchgericht"),
              "CH": ("Impressum", "Handelsregister", "Handelsregisteramt")}
_COUNTRY = {"DE": "Deutschland", "AT": "Österreich", "CH": "Schweiz"}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _national(c: Company) -> str:
    """+49891234567 as a German, Austrian or Swiss page prints it: (089) 1234567, 044 123 45 67."""
    area = c.phone_prefix[3:]
    local = c.phone.removeprefix(c.phone_prefix)
    if c.country == "CH":
        return f"0{area} {local[:3]} {local[3:5]} {local[5:]}".strip()
    return f"(0{area}) {local}"


def _register(c: Company) -> tuple[str, str] | None:
    if not c.legal_form or c.legal_form in ("e.K.",):
        return None
    if c.country == "AT":
        return f"FN {300000 + c.id * 37}{'abcdefghik'[c.id % 10]}", f"Landesgericht {c.city}"
    if c.country == "CH":
        return f"CHE-{100 + c.id:03d}.{200 + c.id * 3:03d}.{300 + c.id * 7:03d}", f"Handelsregisteramt {c.city}"
    kind = "PR" if "PartG" in c.legal_form else ("HRA" if "KG" in c.legal_form else "HRB")
    return f"{kind} {10000 + c.id * 211}", f"Amtsgericht {c.city}"


def _vat(c: Company) -> str:
    if c.country == "AT":
        return f"ATU{40000000 + c.id * 1117}"
    if c.country == "CH":
        return f"CHE-{100 + c.id:03d}.{200 + c.id * 3:03d}.{300 + c.id * 7:03d} MWST"
    return f"DE{100000000 + c.id * 7919}"


def pages(c: Company) -> list[PageContent]:
    """Home, services, contact and Impressum of one demo company."""
    owner = c.people[0]
    reps = ", ".join(p.name for p in c.people if "Geschäftsführ" in p.role or p is owner)
    phone = _national(c)
    common = {"lang": "de", "name": _e(c.name), "year": c.created_at.year}
    home = _PAGE.format(title=_e(c.name), description=_e(c.summary), body=(
        f"<h1>{_e(c.name)}</h1><p>{_e(c.summary)}</p>"
        f"<h2>Unsere Leistungen</h2><ul>{''.join(f'<li>{_e(o)}</li>' for o in c.offers)}</ul>"
        f"<p>Rufen Sie uns an: <a href=\"tel:{c.phone}\">{phone}</a></p>"), **common)
    services = _PAGE.format(title=f"Leistungen | {_e(c.name)}", description=_e(c.summary), body=(
        "<h1>Leistungen</h1>" + "".join(f"<h2>{_e(o)}</h2><p>{_e(o)} aus {_e(c.city)}: persönlich betreut "
                                         f"von unserem Team.</p>" for o in c.offers)), **common)
    team = "".join(f"<li>{_e(p.name)}, {_e(p.role)}, <a href=\"mailto:{p.email}\">{p.email}</a></li>"
                   for p in c.people)
    contact = _PAGE.format(title=f"Kontakt | {_e(c.name)}", description=_e(c.summary), body=(
        f"<h1>Kontakt</h1><p>{_e(c.name)}<br>{_e(c.street)}<br>{c.postal_code} {_e(c.city)}</p>"
        f"<p>Telefon: {phone}<br>E-Mail: <a href=\"mailto:{c.email}\">{c.email}</a></p>"
        f"<h2>Ihre Ansprechpartner</h2><ul>{team}</ul>"), **common)
    heading, register_word, court_word = _AUTHORITY[c.country]
    register = _register(c)
    lines = [f"<h1>Impressum</h1><h2>{_e(heading)}</h2>",
             f"<p>{_e(c.name)}<br>{_e(c.street)}<br>{c.postal_code} {_e(c.city)}<br>{_COUNTRY[c.country]}</p>",
             f"<p>{'Vertreten durch' if c.legal_form else 'Inhaber'}: {_e(reps if c.legal_form else owner.name)}</p>",
             f"<p>Telefon: {phone}<br>E-Mail: {c.email}</p>"]
    if register:
        lines.append(f"<p>{register_word}: {register[0]}<br>{court_word}: {_e(register[1])}</p>")
    lines.append(f"<p>Umsatzsteuer-Identifikationsnummer: {_vat(c)}</p>")
    lines.append("<h2>Konzeption und Gestaltung</h2><p>Pixelwerk Webdesign GmbH, Am Hafen 3, 20457 Hamburg</p>")
    impressum = _PAGE.format(title=f"Impressum | {_e(c.name)}", description="Impressum", body="".join(lines),
                             **common)
    return [PageContent(c.page(""), home, "home"), PageContent(c.page("leistungen"), services, "other"),
            PageContent(c.page("kontakt"), contact, "contact"), PageContent(c.page("impressum"), impressum,
                                                                            "impressum")]
