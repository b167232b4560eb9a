"""schema.org JSON-LD: Organization / LocalBusiness (and subtypes) as strong evidence."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from .textutil import words

_NON_ORG_TYPES = words(
    "WebSite WebPage BreadcrumbList ListItem SearchAction ImageObject PostalAddress Person Offer "
    "AggregateOffer AggregateRating Rating Review SoftwareApplication WebApplication MobileApplication "
    "Product Article BlogPosting NewsArticle FAQPage Question Answer VideoObject Event ItemList "
    "SiteNavigationElement ContactPoint Place GeoCoordinates OpeningHoursSpecification QuantitativeValue "
    "Country City Brand CreativeWork HowTo Recipe Service Thing Action EntryPoint ReadAction "
    "CollectionPage AboutPage ContactPage"
)
_ORG_HINT_RE = re.compile(
    r"Organization|Organisation|Business|Corporation|Service$|Store|Shop|Agent|Agency|Restaurant|Cafe|Bakery|"
    r"Attorney|LegalService|Notary|Dentist|Physician|Clinic|Hospital|Pharmacy|Hotel|Lodging|Contractor|Plumber|"
    r"Electrician|RoofingContractor|Locksmith|Dealer|AutoRepair|Accounting|Financial|Insurance|Bank|School|"
    r"NGO|Club|Association|Company|Brewery|Winery|BarOrPub|HealthAndBeauty|BeautySalon|DaySpa|HairSalon"
)


@dataclass
class JsonLdOrg:
    name: str | None = None
    legal_name: str | None = None
    telephones: list[str] = field(default_factory=list)
    fax: str | None = None
    emails: list[str] = field(default_factory=list)
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None
    employees: str | None = None
    people: list[tuple[str, str | None]] = field(default_factory=list)  # (name, role)
    same_as: list[str] = field(default_factory=list)
    vat_id: str | None = None
    raw_json: str = ""


def _loads(raw: str) -> Any:
    raw = raw.strip()
    raw = re.sub(r"^\s*<!--|-->\s*$", "", raw)
    try:
        return json.loads(raw)
    except ValueError:
        pass
    try:  # common hand-written mistakes: trailing commas, raw newlines in strings
        return json.loads(re.sub(r",\s*([}\]])", r"\1", raw.replace("\n", " ")))
    except ValueError:
        return None


def _types(node: dict[str, Any]) -> list[str]:
    t = node.get("@type")
    if isinstance(t, str):
        return [t.rsplit("/", 1)[-1]]
    if isinstance(t, list):
        return [str(x).rsplit("/", 1)[-1] for x in t]
    return []


def _is_org(node: dict[str, Any]) -> bool:
    types = _types(node)
    if not types or all(t in _NON_ORG_TYPES for t in types):
        return False
    if any(_ORG_HINT_RE.search(t) for t in types):
        return True
    return any(k in node for k in ("address", "telephone", "legalName", "email", "vatID"))


def _walk(node: Any, out: list[dict[str, Any]]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, out)
    elif isinstance(node, dict):
        if _is_org(node):
            out.append(node)
        for key in ("@graph", "mainEntity", "publisher", "provider", "author", "brand", "parentOrganization",
                    "seller", "organizer", "about"):
            if key in node:
                _walk(node[key], out)


def _str(v: Any) -> str | None:
    if isinstance(v, str):
        return v.strip() or None
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, dict):
        return _str(v.get("name") or v.get("@value"))
    if isinstance(v, list) and v:
        return _str(v[0])
    return None


def _strs(v: Any) -> list[str]:
    if isinstance(v, list):
        return [s for s in (_str(x) for x in v) if s]
    s = _str(v)
    return [s] if s else []


def _employees(v: Any) -> str | None:
    if isinstance(v, dict):
        val = v.get("value")
        lo, hi = v.get("minValue"), v.get("maxValue")
        if val is not None:
            return _str(val)
        if lo is not None and hi is not None:
            return f"{lo}-{hi}"
        if lo is not None:
            return f"{lo}+"
        return None
    s = _str(v)
    return s


def _org_from(node: dict[str, Any]) -> JsonLdOrg:
    org = JsonLdOrg(name=_str(node.get("name")), legal_name=_str(node.get("legalName")))
    org.telephones = _strs(node.get("telephone"))
    org.fax = _str(node.get("faxNumber"))
    org.emails = [e.removeprefix("mailto:") for e in _strs(node.get("email"))]
    addr = node.get("address")
    if isinstance(addr, list) and addr:
        addr = addr[0]
    if isinstance(addr, dict):
        org.street = _str(addr.get("streetAddress"))
        org.postal_code = _str(addr.get("postalCode"))
        org.city = _str(addr.get("addressLocality"))
        org.country = _str(addr.get("addressCountry"))
    for cp in node.get("contactPoint", []) if isinstance(node.get("contactPoint"), list) else []:
        if isinstance(cp, dict):
            org.telephones.extend(_strs(cp.get("telephone")))
            org.emails.extend(e.removeprefix("mailto:") for e in _strs(cp.get("email")))
    org.employees = _employees(node.get("numberOfEmployees"))
    for key, role in (("founder", "Founder"), ("founders", "Founder"), ("employee", None), ("employees", None)):
        val = node.get(key)
        for p in val if isinstance(val, list) else [val] if val else []:
            if isinstance(p, dict):
                pname = _str(p.get("name"))
                if pname:
                    org.people.append((pname, _str(p.get("jobTitle")) or role))
    org.same_as = _strs(node.get("sameAs"))
    org.vat_id = _str(node.get("vatID"))
    return org


def parse_jsonld(scripts: list[str]) -> list[JsonLdOrg]:
    orgs: list[JsonLdOrg] = []
    for raw in scripts:
        data = _loads(raw)
        if data is None:
            continue
        nodes: list[dict[str, Any]] = []
        _walk(data, nodes)
        for node in nodes:
            org = _org_from(node)
            org.raw_json = raw
            orgs.append(org)
    return orgs
