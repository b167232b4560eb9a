"""LLM-free extraction of a company's facts from the pages of its website.

Usage::

    from services.leads.extraction import PageContent, extract_company
    facts = extract_company([PageContent(url, html, kind="impressum"), ...], site_url="https://example.de/")
"""

from .extractor import extract_company
from .facts import CompanyFacts, Evidence, PageContent, Person

__all__ = ["CompanyFacts", "Evidence", "PageContent", "Person", "extract_company"]
