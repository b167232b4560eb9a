"""E-mail addresses: validation, normalisation, IDN domains, display names.

:func:`parse_address` accepts ``local@domain`` or ``Display Name <local@domain>`` (the name may be
quoted and may hold any Unicode letter) and gives an :class:`Address`:

* the domain is IDNA-checked and kept in both forms (``müller.de`` / ``xn--mller-kva.de``); the SMTP
  envelope and headers use the ASCII form, so no SMTPUTF8 server is needed for an IDN domain;
* the local part is kept as written (``+`` tags included: ``jane+crm@…`` is a different mailbox to a
  sender); a non-ASCII local part needs SMTPUTF8 and is refused unless ``allow_smtputf8``;
* :attr:`Address.key` is the lower-cased form used for suppression and de-duplication.

Bad input raises :class:`InvalidAddress` (a 422 ``Invalid``) saying what is wrong.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from services.kit.errors import Invalid

from .headers import encode_display_name, header_value

MAX_ADDRESS = 254


class InvalidAddress(Invalid):
    code = "invalid_address"


@dataclass(frozen=True, slots=True)
class Address:
    local: str
    domain: str  # Unicode form (NFC, lower case)
    ascii_domain: str  # IDNA A-label form
    display_name: str = ""

    @property
    def email(self) -> str:
        """``local@domain`` with the domain in Unicode (for people and the UI)."""
        return f"{self.local}@{self.domain}"

    @property
    def ascii_email(self) -> str:
        """``local@xn--…`` as the SMTP envelope and the header carry it."""
        return f"{self.local}@{self.ascii_domain}"

    @property
    def key(self) -> str:
        """Lower-cased ASCII form: the identity for suppression lists and de-duplication."""
        return self.ascii_email.lower()

    @property
    def needs_smtputf8(self) -> bool:
        return not self.local.isascii()

    def header(self) -> str:
        """The address as a header value: ``=?utf-8?b?…?= <jane@xn--…>`` or the bare address."""
        if not self.display_name:
            return self.ascii_email
        return f"{encode_display_name(self.display_name)} <{self.ascii_email}>"

    def with_name(self, display_name: str | None) -> Address:
        name = header_value(display_name or "", field="display_name", fold=True, max_chars=200)
        return Address(self.local, self.domain, self.ascii_domain, name)


def _split_display_name(value: str) -> tuple[str, str]:
    value = value.strip()
    if value.endswith(">") and "<" in value:
        cut = value.rindex("<")
        name, addr = value[:cut].strip(), value[cut + 1 : -1].strip()
        if len(name) >= 2 and name[0] == name[-1] == '"':
            name = name[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        return name, addr
    return "", value


def parse_address(value: str, *, display_name: str | None = None, allow_smtputf8: bool = False,
                  field: str = "email") -> Address:
    """Validate and normalise one address; ``display_name`` (if given) wins over one in ``value``."""
    # Line breaks are an injection attempt, not a typo: refuse before anything else looks at the value.
    header_value(value, field=field, max_chars=MAX_ADDRESS + 400)
    name, addr = _split_display_name(value)
    if display_name is not None:
        name = display_name
    name = header_value(name, field=f"{field}.display_name", max_chars=200)
    if not addr:
        raise InvalidAddress(f"{field}: an e-mail address is required", errors=[_err(field, "empty")])
    try:
        checked = validate_email(unicodedata.normalize("NFC", addr), check_deliverability=False,
                                 allow_smtputf8=True, allow_display_name=False, allow_quoted_local=False,
                                 allow_domain_literal=False)
    except EmailNotValidError as exc:
        raise InvalidAddress(f"{field}: {addr!r} is not a valid e-mail address: {exc}",
                             errors=[_err(field, str(exc))]) from exc
    local = checked.local_part
    if not allow_smtputf8:
        _ascii_local(local, addr, field)
    if checked.ascii_domain is None:
        raise InvalidAddress(f"{field}: the domain of {addr!r} cannot be written in ASCII",
                             errors=[_err(field, "domain")])
    if len(f"{local}@{checked.ascii_domain}") > MAX_ADDRESS:
        raise InvalidAddress(f"{field}: the address is longer than {MAX_ADDRESS} characters",
                             errors=[_err(field, "too long")])
    return Address(local, checked.domain.lower(), checked.ascii_domain.lower(), name)


def _ascii_local(local: str, addr: str, field: str) -> None:
    if not local.isascii():
        raise InvalidAddress(f"{field}: {addr!r} has a non-ASCII local part, which needs an SMTPUTF8 server",
                             errors=[_err(field, "non-ASCII local part")])


def parse_cached(value: str, *, allow_smtputf8: bool = False) -> Address:
    """:func:`parse_address` of a plain stored address, remembered: preparing a campaign and sending it look
    at each address several times (validation with IDNA is the costly part). One entry an address whichever
    ``allow_smtputf8`` asks (only the local part's check depends on it)."""
    address = _parsed(value)
    if not allow_smtputf8:
        _ascii_local(address.local, value, "email")
    return address


@functools.lru_cache(maxsize=65_536)
def _parsed(value: str) -> Address:
    return parse_address(value, allow_smtputf8=True)


def normalise_email(value: str) -> str:
    """The canonical stored form: local part as written (``+`` tags kept), domain in Unicode lower case."""
    return parse_address(value).email


def is_valid_email(value: str) -> bool:
    try:
        parse_address(value)
    except Invalid:
        return False
    return True


def _err(field: str, msg: str) -> dict[str, object]:
    return {"loc": [field], "msg": msg, "type": "invalid_address"}
