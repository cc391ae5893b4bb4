"""What goes in a packet: the engine's answers grouped into courts, cases and counts.

One CR-400 holds one case number (law.md section 4.2), so convictions sharing a county and a
case number become the counts of one case. Cases are grouped by county, because a person files
and serves in each county separately: every county gets its own bundle of instructions and forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from webapp import counties
from webapp.counties import County
from webapp.eligibility import vocabulary
from webapp.eligibility.errors import InputError
from webapp.packet import validate

RELIEF_TO_ASK = tuple(r for r in vocabulary.RELIEFS if r in vocabulary.ASKS_FOR_RELIEF)
NEEDS_REVIEW = vocabulary.NEEDS_REVIEW
NOTHING_TO_FILE = "no conviction has relief to ask for under section 11361.8; nothing to file"

# CR-400 item 1: the five Health and Safety Code sections it lists, by the box's letter.
ITEM_1 = {"11357": "a", "11358": "b", "11359": "c", "11360": "d", "11362.1": "e"}

_SECTION = re.compile(
    r"^\s*(?:(?:H\s*&\s*S|HSC|HS)\s*(?:CODE)?\s*)?(?:§\s*)?"
    r"(?P<number>\d+(?:\.\d+)?)\s*(?P<rest>(?:\([^)]*\))*)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    position: int  # index in screening.convictions
    id: str
    section: str  # "11359", or the text as given when it is not a plain section number
    subdivision: str | None
    level: str
    offense_date: str | None
    relief: str
    track: str
    presumed: bool
    # Contract extensions (webapp/counties.py FILING_FIELDS), read by webapp/packet/fields.py.
    courthouse: str | None = None
    prosecutor_city: str | None = None

    @property
    def item_1_box(self) -> str | None:
        return ITEM_1.get(self.section)

    @property
    def cite(self) -> str:
        # An unknown section is never printed as "unknown" on a court paper: a line to fill in
        # from the record (issue 10 item 9).
        if not self.section or self.section.strip().lower() == "unknown":
            return FILL_IN
        return f"{self.section}({self.subdivision})" if self.subdivision else self.section


@dataclass(frozen=True)
class Case:
    county: County
    case_number: str
    counts: tuple[Count, ...]

    @property
    def tracks(self) -> frozenset[str]:
        return frozenset(c.track for c in self.counts)

    @property
    def petition(self) -> bool:
        return "petition" in self.tracks

    @property
    def application(self) -> bool:
        return "application" in self.tracks

    @property
    def track_unknown(self) -> bool:
        return not (self.petition or self.application)

    @property
    def needs_review(self) -> tuple[Count, ...]:
        return tuple(c for c in self.counts if c.relief == NEEDS_REVIEW)

    @property
    def item_1_boxes(self) -> frozenset[str]:
        return frozenset(c.item_1_box for c in self.counts if c.item_1_box)


@dataclass(frozen=True)
class Bundle:
    """Everything for one county's court: adult cases (CR-400 sets) and juvenile cases."""

    county: County
    cases: tuple[Case, ...]
    juvenile: tuple[Case, ...]
    automatic_review: str  # "likely" | "unlikely" | "unknown": the most hopeful of its counts

    @property
    def misdemeanor_possible(self) -> bool:
        """A city prosecutor may have handled it: any count not known to be a felony."""
        return any(c.level != "felony" for case in self.cases for c in case.counts)

    @property
    def all_cases(self) -> tuple[Case, ...]:
        return self.cases + self.juvenile


@dataclass(frozen=True)
class Packet:
    petitioner: validate.Petitioner
    bundles: tuple[Bundle, ...]
    lang: str

    @property
    def case_count(self) -> int:
        return sum(len(b.cases) for b in self.bundles)


def parse_section(text: str) -> tuple[str, str | None]:
    """"HS 11357(a)" -> ("11357", "a"); "11360(a)(2)" -> ("11360", "a(2)"); other text unchanged."""
    match = _SECTION.match(text or "")
    if not match:
        return (text or "").strip(), None
    rest = match["rest"]
    subdivision = None
    if rest:
        first = re.match(r"\(([^)]*)\)(.*)", rest)
        subdivision = (first[1] + first[2]).strip() or None
    return match["number"], subdivision


def _count(position: int, conviction: dict, result: dict) -> Count:
    # The engine echoes the section it parsed (a contract extension): use it, and read the text
    # again only when the engine could not (an unclear section sent for review).
    section, subdivision = result.get("section"), result.get("subdivision")
    if not section:
        section, subdivision = parse_section(str(conviction.get("section", "")))
    subdivision = conviction.get("subdivision") or subdivision
    offense_date = conviction.get("offense_date")
    return Count(
        position=position,
        id=str(result.get("id", position + 1)),
        section=section,
        subdivision=str(subdivision) if subdivision else None,
        level=conviction.get("level") or "unknown",
        offense_date=str(offense_date) if offense_date else None,
        relief=result["relief"],
        track=result.get("track") or "unknown",
        presumed=bool(result.get("presumed")),
        courthouse=(conviction.get("courthouse") or "").strip().lower() or None,
        prosecutor_city=(conviction.get("prosecutor_city") or "").strip().lower() or None,
    )




_HOPE = {"likely": 0, "unknown": 1, "unlikely": 2}


def _case_key(case_number: str) -> str:
    # "ab 123" and "AB123" are one case as far as the clerk is concerned.
    return re.sub(r"\s+", "", case_number).upper()


def build(screening: dict, result: dict, petitioner: validate.Petitioner, lang: str) -> Packet:
    convictions = screening["convictions"]
    results = result["results"]
    if len(results) != len(convictions):
        raise ValueError("the engine returned a different number of results than convictions")
    # (juvenile?, county slug) -> case key -> (case number as first written, counts); insertion
    # order is the order of first appearance, which is the order the person told us about them.
    groups: dict[tuple[bool, str], dict[str, tuple[str, list[Count]]]] = {}
    review: dict[str, list[str]] = {}
    for position, (conviction, answer) in enumerate(zip(convictions, results, strict=True)):
        route = vocabulary.result_filing(answer)
        if route is None:
            continue
        path = f"screening.convictions[{position}]"
        county_text, case_number = validate.filing_fields(conviction, path)
        county = counties.find(county_text)
        if county is None:
            raise InputError(f"{path}.county", "is not a California county")
        cases = groups.setdefault((route == vocabulary.JV_744, county.slug), {})
        cases.setdefault(_case_key(case_number), (case_number, []))[1].append(
            _count(position, conviction, answer)
        )
        review.setdefault(county.slug, []).append(answer.get("automatic_review") or county.automatic_review)
    if not groups:
        raise InputError(
            "screening.convictions", NOTHING_TO_FILE
        )
    bundles = []
    for slug in dict.fromkeys(slug for _, slug in groups):
        county = counties.find(slug)
        bundles.append(
            Bundle(
                county=county,
                cases=_cases(county, groups.get((False, slug), {})),
                juvenile=_cases(county, groups.get((True, slug), {})),
                automatic_review=min(review[slug], key=lambda h: _HOPE.get(h, 1)),
            )
        )
    return Packet(petitioner=petitioner, bundles=tuple(bundles), lang=lang)


def _cases(county: County, cases: dict[str, tuple[str, list[Count]]]) -> tuple[Case, ...]:
    return tuple(Case(county, number, tuple(counts)) for number, counts in cases.values())


# The attachment is filed with the court, so it is English whatever the person's language.
# (A no-break space keeps "§" with its number.)
_B, _F, _BF = "(§\u00a011361.8(b))", "(§\u00a011361.8(f))", "(§\u00a011361.8(b), (f))"
_RELIEF_WORDS = {
    ("dismiss", "petition"): f"Recall of sentence and dismissal as legally invalid {_B}",
    ("dismiss", "application"): f"Dismissal and sealing as legally invalid {_F}",
    ("dismiss", "unknown"): f"Dismissal as legally invalid, with sealing if the sentence is completed {_BF}",
    ("reduce_to_misdemeanor", "petition"): f"Recall of sentence and resentencing as a misdemeanor {_B}",
    ("reduce_to_misdemeanor", "application"): f"Redesignation as a misdemeanor {_F}",
    ("reduce_to_misdemeanor", "unknown"): f"Resentencing or redesignation as a misdemeanor {_BF}",
    ("reduce_to_infraction", "petition"): f"Recall of sentence and resentencing as an infraction {_B}",
    ("reduce_to_infraction", "application"): f"Redesignation as an infraction {_F}",
    ("reduce_to_infraction", "unknown"): f"Resentencing or redesignation as an infraction {_BF}",
}
_REVIEW_WORDS = "Relief under Health and Safety Code section 11361.8 as the law allows"
# What is not known is left as a line to fill in from the court record, never "Unknown" (issue 10
# item 9): a court paper should state the record, not our uncertainty.
FILL_IN = "\u00a0" * 2 + "_" * 14
LEVEL_WORDS = {
    "felony": "Felony",
    "misdemeanor": "Misdemeanor",
    "infraction": "Infraction",
    "unknown": FILL_IN,
}


def relief_requested(count: Count) -> str:
    track = count.track if count.track in ("petition", "application") else "unknown"
    return _RELIEF_WORDS.get((count.relief, track), _REVIEW_WORDS)
