"""Addresses: IDN domains, + tags, display names, and refusing what is not an address."""

from __future__ import annotations

import pytest

from services.email.addresses import InvalidAddress, parse_address
from services.email.headers import HeaderInjection


def test_idn_domain_keeps_both_forms() -> None:
    a = parse_address("Jörg Müller <joerg@Müller-Bäckerei.DE>")
    assert a.domain == "müller-bäckerei.de"
    assert a.ascii_domain == "xn--mller-bckerei-dlb6w.de" or a.ascii_domain.startswith("xn--")
    assert a.ascii_email == f"joerg@{a.ascii_domain}"
    assert a.display_name == "Jörg Müller"
    header = a.header()
    assert header.isascii() and header.endswith(f"<joerg@{a.ascii_domain}>") and "=?utf-8?b?" in header


def test_punycode_input_normalises_to_the_same_address() -> None:
    assert parse_address("a@xn--mller-kva.de").email == parse_address("a@müller.de").email == "a@müller.de"


def test_plus_tags_are_kept_and_key_is_lower_case() -> None:
    a = parse_address("Jane.Doe+CRM@Example.com")
    assert a.local == "Jane.Doe+CRM" and a.email == "Jane.Doe+CRM@example.com"
    assert a.key == "jane.doe+crm@example.com"


def test_quoted_display_name_with_comma() -> None:
    a = parse_address('"Doe, John" <john@example.com>')
    assert a.display_name == "Doe, John"
    assert a.header() == '"Doe, John" <john@example.com>'


@pytest.mark.parametrize("bad", ["", "plainaddress", "a@b", "a@@example.com", "a b@example.com", "a@example..com",
                                 "@example.com", "a@-example.com", "a@exa_mple.com", "x" * 250 + "@example.com"])
def test_invalid_addresses_are_refused_with_a_reason(bad: str) -> None:
    with pytest.raises(InvalidAddress) as err:
        parse_address(bad)
    assert err.value.status == 422 and err.value.detail


def test_non_ascii_local_part_needs_smtputf8() -> None:
    with pytest.raises(InvalidAddress, match="SMTPUTF8"):
        parse_address("jörg@example.com")
    assert parse_address("jörg@example.com", allow_smtputf8=True).needs_smtputf8


@pytest.mark.parametrize("evil", ["a@example.com\r\nBcc: victim@example.org", "Evil\nBcc: x <a@example.com>",
                                  "a@example.com\x00", "Name\u2028Bcc: x <a@example.com>"])
def test_line_breaks_in_addresses_are_injection(evil: str) -> None:
    with pytest.raises(HeaderInjection):
        parse_address(evil)


def test_display_name_argument_is_checked_too() -> None:
    with pytest.raises(HeaderInjection):
        parse_address("a@example.com", display_name="Jane\r\nBcc: x@example.org")
    # with_name() folds instead (for names built from scraped data)
    assert parse_address("a@example.com").with_name("Jane\r\n  Doe").display_name == "Jane Doe"
