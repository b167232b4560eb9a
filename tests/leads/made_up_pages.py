"""Made-up pages for the extraction rules' unit tests (rounds 17 and later): one site's pages as the crawler hands
them over, every name and number invented."""

from __future__ import annotations

from services.leads.extraction import CompanyFacts, PageContent, extract_company

SITE = "https://www.quendel-beispiel.de/"


def page(body: str, *, site: str, kind: str, title: str = "t", body_class: str = "") -> PageContent:
    """One page of ``site`` at ``<kind>.html``; ``body_class``: the classes a theme puts on ``<body>``."""
    attrs = f' class="{body_class}"' if body_class else ""
    html = f'<!doctype html><html lang="de"><head><title>{title}</title></head><body{attrs}>{body}</body></html>'
    return PageContent(url=f"{site}{kind}.html", html=html, kind=kind)


def imprint(body: str, *, site: str = SITE, home: str = "<h1>Willkommen</h1>") -> CompanyFacts:
    """The facts of a two-page site: a home page and the Impressum ``body``."""
    return extract_company([page(home, site=site, kind="home"), page(body, site=site, kind="impressum")],
                           site_url=site)


def site_facts(pages: dict[str, str], *, site: str) -> CompanyFacts:
    """The facts of a site of one page per kind (kind → body)."""
    return extract_company([page(body, site=site, kind=kind) for kind, body in pages.items()], site_url=site)
