"""The 58 California counties: court, filing places, prosecutors, automatic-review evidence.

Pure Python (no Flask). The data is webapp/data/counties.json, built by scripts/build_counties.py
from the project research; it is read once, on first use. Every fact keeps its source and date so
that anything printed in a packet can be traced back to the research.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlencode

DATA_FILE = Path(__file__).resolve().parent / "data" / "counties.json"
# The research's descriptions (what a clerk's office handles) are in English, as its sources
# are: a page in another language marks them so, for screen readers (WCAG 3.1.2).
FACTS_LANGUAGE = "en"


class InLanguage(str):
    """Text in a language other than the page's may be: the county data's own words."""

    lang = FACTS_LANGUAGE

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

    @property
    def slug(self) -> str:
        return _key(self.city)


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
class Sourced:
    """One researched fact (data/research/county-contacts*.csv) with everything needed to trace it."""

    value: str
    source_url: str
    excerpt: str
    kind: str  # "official" | "third_party"
    confidence: str  # "high" | "medium" | "low"
    source_date: str | None
    note: str | None
    check_first: bool  # third-party, not high confidence, or old: print "check this first"
    urls: tuple[str, ...] = ()
    address: str | None = None  # prosecutor_address facts: the street address cut from value

    @property
    def lines(self) -> tuple[str, ...]:
        """The value's parts ("Name | address | phone | url") to print one per line, blanks dropped."""
        out = []
        for part in self.value.split("|"):
            part = part.strip()
            if part and not re.search(r"\bnot (?:found|given|in source|shown|stated)\b", part, re.I):
                out.append(part)
        return tuple(out)

    @property
    def links(self) -> tuple[str, ...]:
        """The https links the fact itself gives (plain http ones are not printed as links)."""
        return tuple(u for u in self.urls if u.startswith("https://"))


@dataclass(frozen=True)
class ClerkOffice:
    """One criminal clerk's office of the court, as the person would choose it."""

    id: str
    name: str
    handles: InLanguage | None  # the research's English description
    address: Sourced | None
    phone: Sourced | None

    @property
    def check_first(self) -> bool:
        return any(f.check_first for f in (self.address, self.phone) if f)


@dataclass(frozen=True)
class Contacts:
    prosecutor_address: tuple[Sourced, ...]
    prosecutor_phone: tuple[Sourced, ...]
    prop64_contact: tuple[Sourced, ...]
    court_phone: tuple[Sourced, ...]
    public_defender: tuple[Sourced, ...]
    record_clearance: tuple[Sourced, ...]
    legal_aid: tuple[Sourced, ...]
    self_help: tuple[Sourced, ...]
    city_prosecutor_notes: tuple[Sourced, ...]
    clerk_offices: tuple[ClerkOffice, ...]

    @property
    def free_help(self) -> tuple[Sourced, ...]:
        """Who helps for free, best first within each kind: public defender, self-help, legal aid."""
        return self.record_clearance + self.public_defender + self.self_help + self.legal_aid

    @property
    def first_help(self) -> tuple[Sourced, ...]:
        """Where to start, for a page with room for one line a county (the clinic summary): the
        public defender's record clearance and the court's self-help center, else legal aid."""
        first = (self.record_clearance + self.public_defender)[:1] + self.self_help[:1]
        return first or self.legal_aid[:1]


@dataclass(frozen=True)
class ServiceTarget:
    """Whom the CR-401 names as served, and what we know of where to reach them.

    ``office`` is None when we cannot tell which prosecutor handled the case (a misdemeanor in a
    county with city prosecutors and no city given): items 2a and 2b are then left for the person.
    """

    office: str | None
    address: str | None = None
    address_fact: Sourced | None = None
    phone: str | None = None
    url: str | None = None
    kind: str = "da"  # "da" | "city" | "undetermined"

    @property
    def check_first(self) -> bool:
        return bool(self.address and (self.address_fact is None or self.address_fact.check_first))


# The values the two contract-extension fields accept besides an office id or city slug.
UNKNOWN = "unknown"
OTHER = "other"
MISDEMEANOR_LEVELS = ("misdemeanor", "infraction")


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
    contacts: Contacts

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

    def report_link(self, field: str) -> str | None:
        return report_link(self, field)

    # -- where to file ---------------------------------------------------------------------

    @property
    def clerk_offices(self) -> tuple[ClerkOffice, ...]:
        return self.contacts.clerk_offices

    @property
    def needs_courthouse_question(self) -> bool:
        """Ask "which courthouse?" only where the case may belong in one of several clerk offices."""
        return self.several_courthouses and len(self.clerk_offices) > 1

    def courthouse_choices(self) -> tuple[str, ...]:
        """The values the ``courthouse`` field accepts in this county."""
        return (*(o.id for o in self.clerk_offices), UNKNOWN)

    def clerk_office(self, office_id: str | None) -> ClerkOffice | None:
        return next((o for o in self.clerk_offices if o.id == office_id), None)

    def filing_address(self, office_id: str | None = None) -> Address | None:
        """The court address for a form's court box: the chosen clerk office's, else form_address."""
        office = self.clerk_office(office_id)
        if office and office.address:
            return split_address(office.address.value) or loose_address(office.address.value)
        return self.form_address

    @property
    def court_phones(self) -> tuple[str, ...]:
        """Phone numbers for the court clerk, best source first (the court's main line last)."""
        out = [f.value for f in self.contacts.court_phone]
        if self.phone:
            out.append(self.phone.value)
        # The research files a clerk's email under court_phone too; only numbers are printed as "Phone".
        return tuple(dict.fromkeys(v for v in out if re.search(r"\d{3}\D{0,2}\d{4}", v)))

    # -- whom to serve ---------------------------------------------------------------------

    @property
    def prosecutor_cities(self) -> tuple[CityProsecutor, ...]:
        """The cities to offer in "which city?": every city office the research names."""
        return self.city_prosecutors

    def prosecutor_city_choices(self) -> tuple[str, ...]:
        return (*(c.slug for c in self.city_prosecutors), OTHER, UNKNOWN)

    @property
    def needs_city_question(self) -> bool:
        """Ask "which city?" for a misdemeanor only where a city office may have prosecuted it."""
        return bool(self.misdemeanor_city_prosecutors)

    @property
    def da_service(self) -> ServiceTarget:
        """The District Attorney, with the best sourced address and phone we have."""
        best = next((f for f in self.contacts.prosecutor_address if f.address), None)
        phone = self.contacts.prosecutor_phone[0].value if self.contacts.prosecutor_phone else self.da.phone
        if best:
            return ServiceTarget(self.da.name, best.address, best, phone, self.da.url, "da")
        return ServiceTarget(self.da.name, self.da.address, None, phone, self.da.url, "da")

    def prosecutor_for(self, level: str | None, city: str | None) -> ServiceTarget:
        """Who prosecuted a conviction of this level in this city (a slug, "other" or "unknown").

        A felony is always the District Attorney's. A misdemeanor or infraction is the city
        office's where the research says that office prosecutes state misdemeanors; where we
        cannot tell (no city given, the level unknown, or the office's role unverified) the
        target is undetermined, so no form names an office that the checklist would then say
        to cross out.
        """
        if level == "felony" or not self.misdemeanor_city_prosecutors:
            return self.da_service
        office = next((c for c in self.city_prosecutors if c.slug == city), None)
        if city == OTHER or (office is not None and office.prosecutes_misdemeanors == "no"):
            return self.da_service  # no city office there: the DA prosecutes every level
        if office is None or level not in MISDEMEANOR_LEVELS or office.prosecutes_misdemeanors != "yes":
            return _UNDETERMINED
        return ServiceTarget(office.office_name, office.address, None, None, office.url, "city")


_UNDETERMINED = ServiceTarget(None, kind="undetermined")

# Contract extensions on a conviction: which clerk's office (an id of County.clerk_offices, or
# "unknown") and which city (a slug of County.city_prosecutors, "other" or "unknown").
FILING_FIELDS = ("courthouse", "prosecutor_city")


def filing_choice_problem(county: County | None, field: str, value: object) -> str | None:
    """Why a courthouse/prosecutor_city value is not accepted, or None when it is (or is absent)."""
    if value is None:
        return None
    choices = (UNKNOWN,) if county is None else (
        county.courthouse_choices() if field == "courthouse" else county.prosecutor_city_choices()
    )
    if not isinstance(value, str) or value.strip().lower() not in choices:
        return "must be one of " + ", ".join(choices)
    return None


def split_address(text: str) -> Address | None:
    match = _ADDRESS.match(text.strip())
    if not match:
        return None
    return Address(match["street"], f"{match['city']}, CA {match['zip']}", match["extra"])


def loose_address(text: str) -> Address | None:
    """"1100 Union Street, San Diego" -> street and place as the source gives them (no ZIP made up)."""
    street, sep, place = text.strip().rpartition(",")
    if not sep or not street.strip() or not place.strip():
        return None
    return Address(street.strip(), place.strip())


def _sourced(raw: dict | None) -> Sourced | None:
    if not raw:
        return None
    return Sourced(**{**raw, "urls": tuple(raw.get("urls", ()))})


def _contacts(raw: dict) -> Contacts:
    lists = {k: tuple(_sourced(f) for f in v) for k, v in raw.items() if k != "clerk_offices"}
    offices = tuple(
        ClerkOffice(o["id"], o["name"], o["handles"] and InLanguage(o["handles"]), _sourced(o["address"]),
                    _sourced(o["phone"]))
        for o in raw["clerk_offices"]
    )
    return Contacts(**lists, clerk_offices=offices)


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
        contacts=_contacts(raw["contacts"]),
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


# Where "this fact is wrong" goes. Set by the deployment (an address the project reads); without
# it no report link is shown, rather than one that goes nowhere.
FACT_REPORT_ENV = "CRR_FACT_REPORT_EMAIL"


def fact_report_address() -> str:
    """Where a wrong fact can be reported (FACT_REPORT_ENV); empty when none is set."""
    return os.environ.get(FACT_REPORT_ENV, "").strip()


def report_link(county: County, field: str) -> str | None:
    """A mailto: link naming the county and the field; no personal data goes in it."""
    address = fact_report_address()
    if not address:
        return None
    subject = f"Wrong fact: {county.name} County, {field}"
    body = f"County: {county.name}\nFact: {field}\nWhat is wrong, and where the right value is published:\n"
    return f"mailto:{address}?" + urlencode({"subject": subject, "body": body}, quote_via=quote)
