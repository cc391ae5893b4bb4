"""Put the gates and the rows together for each conviction, and shape the contract's result.

For one conviction, in order:
1. G2/X1 the section, then G1 the offense date: these decide alone when they apply.
2. The age bands the person may have been in (gates.age_bands). The section's row is applied for
   each possible band and G4 turns each finding into a relief. If the bands disagree, the answer
   turns on the person's age, which the presumption cannot supply: needs_review. If they agree,
   the age did not matter and the answer stands.
3. G3 the track and the form; the county's automatic review (automatic_review.py); the other
   remedies that fit (remedies.py).
"""

from __future__ import annotations

import datetime as dt

from . import old_law, remedies
from . import reasons as r
from .automatic_review import Review, review
from .gates import (
    ALL_BANDS,
    ASKS_FOR_RELIEF,
    NEEDS_REVIEW,
    PETITION,
    Decision,
    age_bands,
    date_presumed,
    form,
    level_gate,
    offense_date_gate,
    section_gate,
    track,
)
from .parameters import LAW
from .rules import RULES
from .screening import JUVENILE, UNKNOWN, Conviction, Person, Screening, validate

RULES_VERSION = LAW.rules_version.isoformat()
# Plain dict copies of the read-only tables: a dict lookup is quicker than one through a
# MappingProxyType, and each result looks up every one of its reasons and remedies.
_CITATIONS = dict(LAW.citations)
_REMEDY_CITATIONS = dict(LAW.remedy_citations)


def _unique(codes: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))


def decide(c: Conviction, person: Person) -> Decision:
    """The relief and its chain of reasons for one conviction (before the track is added)."""
    relief, codes = _decide(c, person)
    if c.court == UNKNOWN and (relief in ASKS_FOR_RELIEF or relief == NEEDS_REVIEW):
        # Adult court (CR-400) and juvenile court (JV-744) are different filings in different
        # courts (11361.8(a), (e), (m)); guessing adult could send the papers to the wrong place.
        return Decision(NEEDS_REVIEW, _unique([r.COURT_UNKNOWN, *_drop_presumptions(list(codes))]))
    return Decision(relief, codes)


def _decide(c: Conviction, person: Person) -> Decision:
    gate = section_gate(c) or offense_date_gate(c)
    if gate is not None:
        return gate
    bands = age_bands(c, person)
    if not bands:
        return Decision(NEEDS_REVIEW, (r.JUVENILE_COURT_AGE_CONFLICT,))
    row = RULES[c.section.number]
    level = old_law.level(c)
    decisions = [level_gate(row(c, person, band), level) for band in ALL_BANDS if band in bands]
    relief = decisions[0].relief
    if len(decisions) > 1 and any(d.relief != relief for d in decisions):
        # The presumption covers facts about the offense, not who the person is: 11361.8 gives
        # no presumption of age, and CR-403 lists age as its own ground for denial.
        review = [code for d in decisions if d.relief == NEEDS_REVIEW for code in d.reasons]
        return Decision(NEEDS_REVIEW, _unique([r.AGE_UNKNOWN_CHANGES_OUTCOME, *review]))
    codes = [code for d in decisions for code in d.reasons]
    if relief in ASKS_FOR_RELIEF and date_presumed(c):
        codes.insert(0, r.OFFENSE_DATE_UNKNOWN_PRESUMED_BEFORE_PROP_64)
    return Decision(relief, _unique(codes))


def _drop_presumptions(codes: list[str]) -> list[str]:
    return [code for code in codes if code not in r.PRESUMPTIONS]


def automatic_review(c: Conviction, relief: str) -> Review:
    """Whether the county's automatic review (HSC 11361.9, AB 1793) probably already gave this
    relief, and on what evidence (automatic_review.py)."""
    return review(c.county, relief=relief, juvenile=c.court == JUVENILE)


def _result(c: Conviction, person: Person) -> dict:
    relief, codes = decide(c, person)
    track_name = track(c)
    auto = automatic_review(c, relief)
    if track_name == PETITION and relief in ASKS_FOR_RELIEF:
        # Only for people still serving: the court may still refuse if it finds an unreasonable
        # risk of a new super strike. No engine can predict that finding, so it is said, not scored.
        codes += (r.PETITION_PUBLIC_SAFETY_REVIEW,)
    return {
        "id": c.id,
        "county": c.county.slug if c.county is not None else None,
        "case_number": c.case_number,
        "relief": relief,
        "track": track_name,
        "form": form(track_name, relief, c.court),
        "presumed": not r.PRESUMPTIONS.isdisjoint(codes),
        "reasons": [{"code": code, "citation": _CITATIONS[code]} for code in codes],
        "automatic_review": auto.value,
        # Beyond the contract: why automatic_review says what it says, for the results page.
        "automatic_review_detail": {"basis": auto.basis, "figure": auto.figure,
                                    "program_reduced": auto.program_reduced},
        # Beyond the contract: other remedies that may fit, each with its citation (remedies.py).
        "other_remedies": [{"code": code, "citation": _REMEDY_CITATIONS[code]}
                           for code in remedies.fitting(c, person, relief, codes)],
        # Beyond the contract: the section and subdivision as the engine read them, so the packet
        # ticks the right CR-400 box without parsing the text again.
        "section": c.section.number,
        "subdivision": c.section.subdivision,
    }


def evaluate(screening: Screening) -> dict:
    """The result for an already validated screening."""
    return {
        "rules_version": RULES_VERSION,
        "as_of": screening.as_of.isoformat(),
        "results": [_result(c, screening.person) for c in screening.convictions],
    }


def assess(screening: object, *, today: dt.date | None = None) -> dict:
    """Assess one screening (the contract's input) and return the contract's result.

    Pure: no I/O, no clock beyond the default ``as_of`` (``today`` overrides the clock for tests).
    Raises InputError, naming the field path, when the screening breaks the contract.
    """
    return evaluate(validate(screening, today))
