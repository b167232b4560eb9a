"""Public data models of the fact extractor (the interface other services code against)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field


@dataclass(frozen=True)
class PageContent:
    """One fetched page of a company website."""

    url: str  # final URL of the page
    html: str  # HTML (already rendered by a browser when needed)
    kind: str = "other"  # "home" | "impressum" | "contact" | "about" | "team" | "other" (crawler's guess)


class Evidence(BaseModel):
    url: str
    snippet: str  # <= 200 chars around the match


class Person(BaseModel):
    name: str  # as printed, without "Herr"/"Frau"
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    source_url: str | None = None
    # "Herr"/"Frau" only when the page prints it before the name ("Inhaber: Herr Max Beispiel"); never guessed
    # from a given name. evidence["form_of_address"] holds where it was read.
    form_of_address: Literal["Herr", "Frau"] | None = None
    evidence: dict[str, Evidence] = Field(default_factory=dict)


class CompanyFacts(BaseModel):
    company_name: str | None = None
    legal_form: str | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)  # E.164, not fax
    fax: str | None = None
    # Names as printed minus "Herr/Frau/Mr/Ms"; academic titles (Dr., Prof., Dipl.-Ing., Mag.) are kept,
    # post-nominal professions ("…, Steuerberater") are dropped.
    representatives: list[str] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    register_court: str | None = None
    register_number: str | None = None
    vat_id: str | None = None
    industry: str | None = None
    employees: str | None = None
    language: str | None = None
    social: dict[str, str] = Field(default_factory=dict)
    evidence: dict[str, Evidence] = Field(default_factory=dict)
