"""What the two record formats share (spec records-import §1): dates, code sections, courts.

Pure Python, no Flask: the RAP-sheet reader, the DOJ bulk runner and their tests use it alone.
Nothing is repaired beyond what the spec lists: a field we cannot read is reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

CANNABIS_SECTIONS = frozenset({"11357", "11358", "11359", "11360"})

# Court agency types (the first four letters of a DOJ agency name). Others (CAPD police, CASO
# sheriff, CASD corrections...) are not courts, so a conviction there has no county we can trust.
COURT_TYPES = {"CASC": "adult", "CAMC": "adult", "CAJC": "adult", "CAJV": "juvenile"}


def read_date(text: str) -> str | None:
    """``YYYYMMDD`` -> ``YYYY-MM-DD``; None unless 8 digits, a real date and a year from 1900."""
    if len(text) != 8 or not text.isdigit():
        return None
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    if year < 1900:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


class Charge(NamedTuple):
    """A code section as printed: ``section`` is the number for a cannabis count, else the text."""

    section: str
    subdivision: str | None
    cannabis: bool  # exactly 11357-11360 HS, no attempt
    listed: bool  # a cannabis number, even under another code or as an attempt: the engine decides


# Separators OCR and copy-paste leave around a section: spaces and stray marks, and a dot that is
# not a decimal point ("11357.5" stays a number).
_GAP = r"(?:[\s\u2022'*:]|\.(?!\d))*"
_CHARGE = re.compile(
    r"^" + _GAP
    + r"(?P<attempt>\d{2,4}" + _GAP + r"/" + _GAP + r")?"
    + r"(?P<number>\d{1,6}(?:[.,]\d{1,3})?)" + _GAP
    + r"(?P<sub>(?:\(\s*[A-Z0-9]{1,3}\s*\)\s*)+|[A-Z]\d{0,2}(?![A-Z]))?" + _GAP
    + r"(?P<code>H&S|HSC|HS|PC|VC|BP|WI|WIC|FG|GC|CC|MC|US|ED|RT|PR|CCR|HN)(?![A-Z])"
)
_BRACKET = re.compile(r"\(\s*([A-Z0-9]{1,3})\s*\)")


def _subdivision(raw: str | None) -> str | None:
    if not raw:
        return None
    text = raw.strip()
    if text.startswith("("):
        parts = _BRACKET.findall(text)
        if not parts:
            return None
        return (parts[0] + "".join(f"({p})" for p in parts[1:])).lower()
    # "B2" = (b)(2)
    return (text[0] + (f"({text[1:]})" if len(text) > 1 else "")).lower()


@lru_cache(maxsize=4096)
def read_charge(text: str) -> Charge | None:
    """The section at the start of a charge (``11360(A)(2) HS-SELL...``); None if there is none."""
    match = _CHARGE.match(text.upper())
    if match is None:
        return None
    number = match["number"].replace(",", ".")
    code = match["code"]
    subdivision = _subdivision(match["sub"])
    if number in CANNABIS_SECTIONS:
        if code == "HS" and not match["attempt"]:
            return Charge(number, subdivision, True, True)
        printed = re.sub(r"\s+", " ", match.group(0).strip(" \t\u2022'*:.")).strip()
        return Charge(printed, None, False, True)
    printed = re.sub(r"\s+", " ", match.group(0).strip(" \t\u2022'*:.")).strip()
    return Charge(printed, subdivision, False, False)


# --- courts and counties ---------------------------------------------------------------------

# Places that are not county names, by county slug (spec §1; extend as records show more).
PLACES = {
    "alameda": ("BERKELEY", "HAYWARD", "OAKLAND"),
    "contra-costa": ("CONCORD", "RICHMOND"),
    "los-angeles": ("COMPTON", "EAST LOS ANGELES", "LONG BEACH", "POMONA", "SANTA MONICA", "VAN NUYS"),
    "orange": ("SANTA ANA",),
    "riverside": ("INDIO",),
    "san-diego": ("VISTA",),
    "san-francisco": ("SF",),
    "san-joaquin": ("STOCKTON",),
    "san-mateo": ("REDWOOD CITY", "SOUTH SAN FRANCISCO"),
    "santa-clara": ("SAN JOSE",),
    "sutter": ("YUBA CITY",),
}
_WORD_FIXES = {"SN": "SAN", "SNTA": "SANTA"}


@lru_cache(maxsize=1)
def _names() -> tuple[tuple[str, str], ...]:
    """(NAME, slug) for every county and place, longest name first."""
    from ..counties import all_counties  # the county list is pure data (no Flask)

    pairs = [(county.name.upper(), county.slug) for county in all_counties()]
    pairs += [(place, slug) for slug, places in PLACES.items() for place in places]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def court_name(name: str) -> str:
    """A court's name as the county lookup reads it: ``SN DIEGO CO.`` -> ``SAN DIEGO``."""
    words = [_WORD_FIXES.get(word, word) for word in name.upper().replace(".", "").split()]
    if words and words[0] == "MC":
        words = words[1:]
    if words and words[-1] in ("CO", "COUNTY"):
        words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=4096)
def county_of(name: str) -> str | None:
    """The county slug of a court or place name (the longest name that is it or starts it)."""
    cleaned = court_name(name)
    for known, slug in _names():
        if cleaned == known or cleaned.startswith(known + " "):
            return slug
    return None


class Agency(NamedTuple):
    kind: str  # "CASC"
    name: str  # "SAN DIEGO"

    @property
    def court(self) -> str | None:
        """``adult`` | ``juvenile`` for a court, None for a police, sheriff or other agency."""
        return COURT_TYPES.get(self.kind)

    def __str__(self) -> str:
        return f"{self.kind} {self.name}".strip()


def read_agency(text: str) -> Agency | None:
    """``CASCSAN FRANCISCO`` or ``CASC SAN FRANCISCO`` -> Agency("CASC", "SAN FRANCISCO")."""
    compact = " ".join(text.upper().split())
    if len(compact) < 4 or not compact[:4].isalpha():
        return None
    return Agency(compact[:4], court_name(compact[4:]))
