"""What discovery returns, how it is configured, and the error for a setup that cannot search."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from services.kit.errors import Invalid

from .excluded import DEFAULT_EXCLUDED_DOMAINS

SearchProvider = Literal["osm", "searxng", "google", "brave", "serper"]
SEARCH_PROVIDERS: tuple[SearchProvider, ...] = ("osm", "searxng", "google", "brave", "serper")
# "auto" takes the first configured provider in this order: one an admin set up on purpose (an
# instance, a key) beats the keyless OpenStreetMap default.
AUTO_ORDER: tuple[SearchProvider, ...] = ("searxng", "brave", "serper", "google", "osm")
Source = Literal["osm", "searxng", "google", "brave", "serper", "list", "csv"]


class Candidate(BaseModel):
    """One company website found by a search or read from a list."""

    url: str  # origin of the first URL seen for the domain, e.g. "https://www.mueller-stb.de/"
    domain: str  # registrable domain (punycode), e.g. "mueller-stb.de"; the IP itself for IP literals
    title: str | None = None
    snippet: str | None = None
    source: Source
    rank: int  # 1-based position in the provider's results (or entry/row number of a list/CSV)
    # Facts a directory-like source (OpenStreetMap) states next to the website.
    name: str | None = None
    phone: str | None = None
    address: str | None = None
    category: str | None = None
    # Given without a scheme ("mueller.de", OSM's "www.mueller.de"): https is a guess, so the crawl
    # falls back to http like the CLI does.
    scheme_assumed: bool = False


class Listing(BaseModel):
    """One result as `outbound leads discover` prints it; facts a provider does not know are null."""

    name: str | None
    url: str | None
    domain: str | None
    provider: str
    phone: str | None
    address: str | None
    category: str | None


class Place(BaseModel):
    """A business a directory-like source knows but without a website (nothing to crawl)."""

    name: str | None = None
    phone: str | None = None
    address: str | None = None
    category: str | None = None
    rank: int


class DiscoveryResult(BaseModel):
    candidates: list[Candidate] = Field(default_factory=list)
    # {"url": as given, "reason": "directory" | "social" | "hosting" | "freemail" | "excluded" | "duplicate" |
    #  "invalid" | "blocked-tld", "detail": optional explanation}
    skipped: list[dict[str, str]] = Field(default_factory=list)
    provider: str
    pages_fetched: int = 0
    errors: list[str] = Field(default_factory=list)  # partial results are still returned
    without_website: list[Place] = Field(default_factory=list)
    attribution: str | None = None  # the credit the data's licence asks for (OpenStreetMap: ODbL)

    def listings(self) -> list[Listing]:
        """Candidates and website-less places, in the provider's order."""
        rows: list[tuple[int, Listing]] = [
            (c.rank, Listing(name=c.name or c.title, url=c.url, domain=c.domain, provider=self.provider,
                             phone=c.phone, address=c.address, category=c.category)) for c in self.candidates]
        rows += [(p.rank, Listing(name=p.name, url=None, domain=None, provider=self.provider, phone=p.phone,
                                  address=p.address, category=p.category)) for p in self.without_website]
        return [listing for _, listing in sorted(rows, key=lambda row: row[0])]


def _split_list(value: Any) -> Any:
    """Env values may be a JSON list or a plain comma/space separated list (friendlier in .env)."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            return json.loads(text)
        return [part for part in re.split(r"[,\s]+", text) if part]
    return value


def _clean_domain(entry: str) -> str:
    """Lower case, punycode, without scheme, path, ``*.`` or dots at either end."""
    text = entry.strip().lower()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text).split("/", 1)[0].removeprefix("*.").strip(".")
    if not text:
        return ""
    if not text.isascii():
        import idna  # only needed for the rare IDN entry

        text = idna.encode(text, uts46=True).decode("ascii")
    if not re.fullmatch(r"[a-z0-9_-]+(\.[a-z0-9_-]+)*", text):
        raise ValueError(f"not a domain name: {entry!r}")
    return text


class DiscoverySettings(BaseSettings):
    """How companies are found; meant to be folded into ``LeadsSettings`` (same ``OUTBOUND_`` prefix)."""

    model_config = SettingsConfigDict(env_prefix="OUTBOUND_", env_file=".env", extra="ignore")

    # The provider a query uses when the request names none: "auto" (the first configured one of
    # AUTO_ORDER), a provider's name, or "list" (no search by query: lists and CSV files only).
    search_provider: Literal["auto", "list", "osm", "searxng", "google", "brave", "serper"] = "auto"
    # OpenStreetMap via the Overpass API needs no key, so it is on unless turned off here.
    osm_enabled: bool = True
    overpass_url: str | None = "https://overpass-api.de/api/interpreter"
    overpass_timeout: int = Field(default=25, ge=5, le=180)  # seconds the Overpass server may work on a query
    # repr=False: settings objects end up in logs and tracebacks; the keys must not.
    google_api_key: str | None = Field(default=None, repr=False)
    google_cx: str | None = None
    google_endpoint: str = "https://www.googleapis.com/customsearch/v1"
    searxng_url: str | None = None  # base URL of a self-hosted instance; basic auth as https://user:pw@host/
    brave_api_key: str | None = Field(default=None, repr=False)
    brave_endpoint: str = "https://api.search.brave.com/res/v1/web/search"
    serper_api_key: str | None = Field(default=None, repr=False)
    serper_endpoint: str = "https://google.serper.dev/search"
    # Raw results fetched per query, before filtering. Google serves at most 100 (start ≤ 91, num ≤ 10).
    search_max_results: int = Field(default=50, ge=1, le=1000)
    search_language: str | None = "de"  # hl / lr=lang_xx (google), language (searxng)
    search_country: str | None = "de"  # gl (google); with the language, a region such as de-DE (searxng)
    # Replaces the default list when set; use excluded_domains_extra to add to it instead.
    excluded_domains: Annotated[list[str], NoDecode] = Field(default_factory=lambda: list(DEFAULT_EXCLUDED_DOMAINS))
    excluded_domains_extra: Annotated[list[str], NoDecode] = Field(default_factory=list)
    http_timeout: float = Field(default=10.0, gt=0)

    @field_validator("excluded_domains", "excluded_domains_extra", mode="before")
    @classmethod
    def _parse_list(cls, value: Any) -> Any:
        return _split_list(value)

    @field_validator("excluded_domains", "excluded_domains_extra", mode="after")
    @classmethod
    def _normalise_domains(cls, value: list[str]) -> list[str]:
        return [d for d in dict.fromkeys(_clean_domain(e) for e in value) if d]

    @field_validator("search_language", "search_country", "google_api_key", "google_cx", "searxng_url",
                     "brave_api_key", "serper_api_key", "overpass_url")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        # OUTBOUND_GOOGLE_CX= in a .env file means "not set", not "the empty string".
        return (value.strip() or None) if value is not None else None


class DiscoveryConfigError(Invalid):
    """Discovery cannot run with these settings (no provider, missing key …); the message says what to set."""

    code = "discovery-not-configured"
