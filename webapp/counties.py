"""The 58 California counties: court, filing places, prosecutors, automatic-review evidence.

Pure Python (no Flask). The data is webapp/data/counties.json, built by scripts/build_counties.py
from the project research; it is read once, on first use. Every fact keeps its source and date so
that anything printed in a packet can be traced back to the research.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "counties.json"

# "1225 Fallon Street, Oakland, CA 94612" -> street part, "Oakland, CA 94612". A trailing
# parenthetical ("(mailing 825 5th Street, ...)") is kept aside rather than thrown away.
_ADDRESS = re.compile(
    r"^(?P<street>.+?),\s*(?P<city>[^,]+),\s*CA\s+(?P<zip>\d{5}(?:-\d{4})?)\s*(?P<extra>\(.*\))?$"
)


@dataclass(frozen=True)
class Fact:
    value: str
    source: str
    verified: str | None = None  # date the source says it was checked against the official page
    compiled: str | None = None  # otherwise: date the research was compiled

    @property
    def date(self) -> str:
        return self.verified or self.compiled or ""


@dataclass(frozen=True)
class AutomaticReview:
    value: str  # "likely" | "unknown"
    evidence: str | None
    source: str
    compiled: str


@dataclass(frozen=True)
class FilingPlace:
    courthouse: str | None
    address: str | None
    source: str
    verified: str | None = None
    compiled: str | None = None


@dataclass(frozen=True)
class Prosecutor:
    """A county District Attorney's office."""

    name: str
    address: str | None
    phone: str | None
    url: str | None
    notes: str | None
    source: str
    compiled: str


@dataclass(frozen=True)
class CityProsecutor:
    city: str
    office_name: str
    address: str | None
    url: str | None
    prosecutes_misdemeanors: str  # "yes" | "probably" | "unverified" | "no" (the county DA does it)
    notes: str | None
    source: str
    compiled: str


@dataclass(frozen=True)
class Address:
    street: str
    city_zip: str  # "Oakland, CA 94612"
    extra: str | None = None  # e.g. "(mailing 825 5th Street, Eureka, CA 95501)"

    @property
    def mailing(self) -> str | None:
        """The separate mailing address the source names in the parenthetical, if any."""
        match = re.search(r"mailing(?: address)? ([^()]+?)\)?$", self.extra or "")
        return match[1].strip() if match else None


@dataclass(frozen=True)
class County:
    slug: str
    name: str
    court_name: Fact
    website: Fact | None
    court_address: Fact | None
    phone: Fact | None
    automatic_review_evidence: AutomaticReview
    several_courthouses: bool
    filing: tuple[FilingPlace, ...]
    da: Prosecutor
    city_prosecutors: tuple[CityProsecutor, ...]

    @property
    def automatic_review(self) -> str:
        return self.automatic_review_evidence.value

    @property
    def form_address(self) -> Address | None:
        """The court address to print in a form's court box, or None to leave it blank.

        Only when the county has one place to file: in a county with several criminal
        courthouses the person files where the case was heard, which we cannot know.
        """
        if self.several_courthouses:
            return None
        for place in self.filing:
            if place.address:
                return split_address(place.address)
        return split_address(self.court_address.value) if self.court_address else None

    @property
    def misdemeanor_city_prosecutors(self) -> tuple[CityProsecutor, ...]:
        """City offices that (probably or possibly) prosecute state misdemeanours instead of the DA."""
        return tuple(c for c in self.city_prosecutors if c.prosecutes_misdemeanors != "no")


def split_address(text: str) -> Address | None:
    match = _ADDRESS.match(text.strip())
    if not match:
        return None
    return Address(match["street"], f"{match['city']}, CA {match['zip']}", match["extra"])


def _fact(raw: dict | None) -> Fact | None:
    return Fact(**raw) if raw else None


def _county(raw: dict) -> County:
    return County(
        slug=raw["slug"],
        name=raw["name"],
        court_name=_fact(raw["court_name"]),
        website=_fact(raw["website"]),
        court_address=_fact(raw["court_address"]),
        phone=_fact(raw["phone"]),
        automatic_review_evidence=AutomaticReview(**raw["automatic_review"]),
        several_courthouses=raw["several_courthouses"]["value"],
        filing=tuple(FilingPlace(**f) for f in raw["filing"]),
        da=Prosecutor(**raw["da"]),
        city_prosecutors=tuple(CityProsecutor(**c) for c in raw["city_prosecutors"]),
    )


@cache
def _load() -> tuple[tuple[County, ...], dict[str, County]]:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    counties = tuple(sorted((_county(c) for c in raw["counties"]), key=lambda c: c.name))
    index: dict[str, County] = {}
    for county in counties:
        index[county.slug] = county
        index[_key(county.name)] = county
    return counties, index


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")


def all_counties() -> tuple[County, ...]:
    """All 58 counties, alphabetical by name."""
    return _load()[0]


def find(name_or_slug: str) -> County | None:
    """The county named "Los Angeles", "los angeles", "LOS-ANGELES" or "los-angeles"; None if unknown.

    A trailing " County" is accepted ("Fresno County").
    """
    if not isinstance(name_or_slug, str):
        return None
    key = _key(name_or_slug)
    index = _load()[1]
    return index.get(key) or (index.get(key.removesuffix("-county")) if key.endswith("-county") else None)
