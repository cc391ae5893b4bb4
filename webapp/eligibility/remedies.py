"""The other remedies that may fit one result, besides Proposition 64 (issue 10 items 12, 13).

Codes only, like reasons.py: each code's citation is in law.toml ([remedy_citations]) and its
sentence in webapp/remedy_text.py. A remedy is listed only where it fits the case:

- A juvenile case gets juvenile sealing (WIC 781, 786), never the adult remedies.
- HS 11361.5 record destruction and HS 11361.7 (such a record cannot be used to deny a benefit
  or licence) for every 11357 and 11360(b) record, dismissals included (law.md 2.6 [H]).
- PC 1203.425 automatic relief ("Clean Slate") for adult cases, unless the person is a PC 290
  registrant, whom it excludes.
- After a reduction, the next step to dismiss and seal (PC 1203.4, forms CR-180 and CR-181):
  a redesignation does not dismiss or seal (law.md 1.2 [H]).
- Where Prop 64 gives nothing or a lawyer must look: PC 1203.4 and, for misdemeanors and
  infractions, 1203.4a; for felonies, 1203.41 (county-jail sentences from realignment, October
  2011) and 1203.42 (before it); 17(b) only for a wobbler (a felony the law keeps, which is
  punishable either way, or an old 11357(a) concentrate felony); Prop 47 (PC 1170.18) only for
  a section Prop 64 does not cover; arrest sealing (PC 851.91, automatic 851.93).
- The immigration note for every result that changes or may change the record, and the firearms
  note (law.md 1.2 [M]) for felonies.
"""

from __future__ import annotations

from . import old_law
from .reasons import ALL_CODES
from .remedy_codes import (
    ARREST_SEALING,
    CLEAN_SLATE,
    COUNTY_JAIL_FELONY_DISMISSAL,
    DISMISS_AND_SEAL_AFTER_REDUCTION,
    FIREARMS_NOTE,
    IMMIGRATION_NOTE,
    JUVENILE_SEALING,
    MISDEMEANOR_NO_PROBATION_DISMISSAL,
    PRE_REALIGNMENT_FELONY_DISMISSAL,
    PROBATION_DISMISSAL,
    PROP_47,
    RECORD_DESTRUCTION,
    RECORD_NOT_A_BAR,
    WOBBLER_REDUCTION,
)
from .screening import FELONY, INFRACTION, JUVENILE, MISDEMEANOR, YES, Conviction, Person

_REDUCED = ("reduce_to_infraction", "reduce_to_misdemeanor")
_CHANGES = ("dismiss", *_REDUCED, "needs_review")
_NOTHING_FROM_PROP_64 = ("no_change", "not_eligible", "needs_review")
# Realignment (AB 109) sent most non-serious felonies to county jail under PC 1170(h) from this year.
_REALIGNMENT_YEAR = 2011
# The reasons that say a fact keeps the felony, found once by their names rather than by testing
# every code's name for every conviction.
_KEEPS_FELONY = frozenset(code for code in ALL_CODES if code.endswith("_KEEPS_FELONY"))


def _destroyable(c: Conviction) -> bool:
    return c.section.number == "11357" or (c.section.number == "11360" and old_law.letter(c) == "b")


def fitting(c: Conviction, person: Person, relief: str, codes: tuple[str, ...]) -> tuple[str, ...]:
    """The remedy codes that fit this conviction and its Prop 64 result, in reading order."""
    found: list[str] = []
    if _destroyable(c):
        found += [RECORD_DESTRUCTION, RECORD_NOT_A_BAR]
    if c.court == JUVENILE:
        return (JUVENILE_SEALING, *found, IMMIGRATION_NOTE)
    level = old_law.level(c)
    kept_felony = not _KEEPS_FELONY.isdisjoint(codes)
    if relief in _REDUCED:
        found.append(DISMISS_AND_SEAL_AFTER_REDUCTION)
    if person.sex_offender_registrant != YES:
        found.append(CLEAN_SLATE)
    if relief in _NOTHING_FROM_PROP_64:
        found.append(PROBATION_DISMISSAL)
        if level in (MISDEMEANOR, INFRACTION):
            found.append(MISDEMEANOR_NO_PROBATION_DISMISSAL)
        if level == FELONY or kept_felony:
            year = c.offense_year
            if year is None or year >= _REALIGNMENT_YEAR:
                found.append(COUNTY_JAIL_FELONY_DISMISSAL)
            if year is None or year <= _REALIGNMENT_YEAR:
                found.append(PRE_REALIGNMENT_FELONY_DISMISSAL)
        if kept_felony or (c.section.number == "11357" and old_law.letter(c) == "a" and level == FELONY):
            found.append(WOBBLER_REDUCTION)
        if "SECTION_NOT_COVERED" in codes:
            found.append(PROP_47)
        found.append(ARREST_SEALING)
    if relief in _CHANGES:
        found.append(IMMIGRATION_NOTE)
    if level == FELONY or kept_felony:
        found.append(FIREARMS_NOTE)
    return tuple(dict.fromkeys(found))
