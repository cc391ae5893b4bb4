"""Checks on the packet's own input: the petitioner, the language, and what a filing needs.

Every field that reaches the PDF has a length bound, so a request can neither blow up the page
count nor push text over the form's printed labels. The limits match the petitioner-details page
(webapp/petition.py) so that anything the page accepts, the packet accepts too.

Extensions to the contract's ``petitioner`` (all optional): ``waive_original_judge`` and
``waive_appearance`` (booleans, default false: CR-400 items 3 and 4), and, inside ``attorney``,
the attorney's own ``street``, ``city``, ``state``, ``zip``, ``phone``, ``email`` and ``fax``
for the caption (the client's address is never printed as the attorney's).

Extension beside ``screening`` and ``petitioner`` (optional): ``options``, an object whose only
key today is ``proposed_order`` (boolean, default false: add a CR-403 after each CR-401).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from webapp import languages
from webapp.eligibility.errors import InputError

LANGS = languages.CODES

LIMITS = {"name": 100, "street": 100, "city": 50, "phone": 20, "email": 100, "fax": 20, "firm": 100}
STATE = re.compile(r"^[A-Za-z]{2}$")
ZIP = re.compile(r"^[0-9]{5}(-?[0-9]{4})?$")  # ASCII digits: \d matches any script's digits
PHONE = re.compile(r"^[0-9 ()+.\-]{7,20}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
BAR_NUMBER = re.compile(r"^[0-9]{1,7}$")
CASE_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-/.]{0,39}$")
# Line breaks, tabs and other control characters would break a one-line form field.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# A lone surrogate cannot be written into the PDF (it is not a character); refused, not a 500.
SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Contact:
    street: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""


@dataclass(frozen=True)
class Attorney:
    name: str
    bar_number: str
    firm: str
    contact: Contact


@dataclass(frozen=True)
class Petitioner:
    name: str
    contact: Contact
    attorney: Attorney | None = None
    waive_original_judge: bool = False
    waive_appearance: bool = False


def lang(value) -> str:
    if value not in languages.CODES:
        raise InputError("lang", f"must be one of {', '.join(languages.CODES)}")
    return value


def _text(data: dict, key: str, path: str, *, required: bool = False) -> str:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputError(f"{path}.{key}", "is required")
        return ""
    if not isinstance(value, str):
        raise InputError(f"{path}.{key}", "must be a string")
    value = value.strip()
    if CONTROL.search(value):
        raise InputError(f"{path}.{key}", "must be a single line of text")
    if SURROGATE.search(value):
        raise InputError(f"{path}.{key}", "must not contain a lone surrogate (\\ud800 to \\udfff)")
    limit = LIMITS.get(key)
    if limit and len(value) > limit:
        raise InputError(f"{path}.{key}", f"must be at most {limit} characters")
    return value


def _matching(data: dict, key: str, path: str, pattern: re.Pattern, message: str) -> str:
    value = _text(data, key, path)
    if value and not pattern.match(value):
        raise InputError(f"{path}.{key}", message)
    return value


def _contact(data: dict, path: str) -> Contact:
    return Contact(
        street=_text(data, "street", path),
        city=_text(data, "city", path),
        state=_matching(data, "state", path, STATE, "must be two letters, for example CA").upper(),
        zip=_matching(data, "zip", path, ZIP, "must be 5 or 9 digits, for example 94612 or 94612-1234"),
        phone=_matching(data, "phone", path, PHONE, "must be 7 to 20 digits, spaces, ( ) + . or -"),
        fax=_matching(data, "fax", path, PHONE, "must be 7 to 20 digits, spaces, ( ) + . or -"),
        email=_matching(data, "email", path, EMAIL, "must be an email address like name@example.com"),
    )


def _flag(data: dict, key: str, path: str) -> bool:
    value = data.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise InputError(f"{path}.{key}", "must be true or false")
    return value


def _attorney(data, path: str) -> Attorney | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise InputError(path, "must be an object with name, bar_number and firm")
    return Attorney(
        name=_text(data, "name", path, required=True),
        bar_number=_matching(data, "bar_number", path, BAR_NUMBER, "must be 1 to 7 digits"),
        firm=_text(data, "firm", path),
        contact=_contact(data, path),
    )


def petitioner(data, path: str = "petitioner") -> Petitioner:
    if not isinstance(data, dict):
        raise InputError(path, "must be an object")
    return Petitioner(
        name=_text(data, "name", path, required=True),
        contact=_contact(data, path),
        attorney=_attorney(data.get("attorney"), f"{path}.attorney"),
        waive_original_judge=_flag(data, "waive_original_judge", path),
        waive_appearance=_flag(data, "waive_appearance", path),
    )


OPTIONS = ("proposed_order",)


def options(data, path: str = "options") -> dict[str, bool]:
    """The packet options as keyword arguments for webapp.packet.render (absent: all off)."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(path, "must be an object")
    for key in data:
        if key not in OPTIONS:
            # A misspelt option would otherwise be ignored and the packet silently lack a form.
            raise InputError(f"{path}.{key}", f"is not a packet option (known: {', '.join(OPTIONS)})")
    return {key: _flag(data, key, path) for key in OPTIONS}


def filing_fields(conviction: dict, path: str) -> tuple[str, str]:
    """County and case number of a conviction that needs a filing: both are required then."""
    county = conviction.get("county")
    if not isinstance(county, str) or not county.strip():
        raise InputError(f"{path}.county", "is required for a conviction that needs a court filing")
    case_number = conviction.get("case_number")
    if not isinstance(case_number, str) or not case_number.strip():
        raise InputError(f"{path}.case_number", "is required for a conviction that needs a court filing")
    case_number = case_number.strip()
    if not CASE_NUMBER.match(case_number):
        raise InputError(
            f"{path}.case_number", "must be letters, digits, spaces, - / or . only, at most 40 characters"
        )
    return county.strip(), case_number
