"""The gate rules of the decision table (shared/reference/law.md section 3), applied around the rows.

- G1  offense date: on or after 2016-11-09 the conviction already follows the new law.
- G2  scope: only HSC 11357-11360 and 11362.1 convictions; X1: PC 4573.6/4573.8 never.
- G3  track: still serving -> petition, completed -> application, juvenile court -> juvenile.
- G4  level: relief only when today's law gives a lower level than the conviction has.
- Age: the age band(s) the person may have been in at the offense, and the juvenile route.

(G5, the presumption for unknown facts, lives in each row in rules.py, because which unknown
facts matter depends on the row.)
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from . import old_law, reasons
from .parameters import LAW
from .rules import FELONY_KEPT, LEGAL, REVIEW, Finding
from .screening import (
    AGE_18_20,
    AGE_21_PLUS,
    COMPLETED,
    FELONY,
    INFRACTION,
    JUVENILE,
    MISDEMEANOR,
    SERVING,
    UNDER_18,
    UNKNOWN,
    Conviction,
    Person,
)
from .sections import OTHER, PRISON, UNCLEAR

# The vocabulary and the filing rule live in vocabulary.py; the names stay importable here.
from .vocabulary import APPLICATION as APPLICATION
from .vocabulary import ASKS_FOR_RELIEF as ASKS_FOR_RELIEF
from .vocabulary import CR_400 as CR_400
from .vocabulary import DISMISS as DISMISS
from .vocabulary import JUVENILE_TRACK as JUVENILE_TRACK
from .vocabulary import JV_744 as JV_744
from .vocabulary import NEEDS_REVIEW as NEEDS_REVIEW
from .vocabulary import NO_CHANGE as NO_CHANGE
from .vocabulary import NOT_ELIGIBLE as NOT_ELIGIBLE
from .vocabulary import PETITION as PETITION
from .vocabulary import REDUCE_TO_INFRACTION as REDUCE_TO_INFRACTION
from .vocabulary import REDUCE_TO_MISDEMEANOR as REDUCE_TO_MISDEMEANOR
from .vocabulary import RELIEFS as RELIEFS
from .vocabulary import TRACKS as TRACKS
from .vocabulary import UNKNOWN_TRACK as UNKNOWN_TRACK
from .vocabulary import filing as form  # noqa: F401  (the engine asks gates for the form)

# Oldest first, the order bands are tried in: when several possible bands agree, the oldest has the
# most facts to presume, so its reasons lead the merged chain and read in a natural order.
ALL_BANDS = (AGE_21_PLUS, AGE_18_20, UNDER_18)
_ALL_BANDS_SET = frozenset(ALL_BANDS)
# One set per band, made once: age_bands runs for every conviction.
_ONLY = {band: frozenset({band}) for band in ALL_BANDS}
_JUVENILE_BANDS = _ONLY[UNDER_18]
_REDUCE_TO = {INFRACTION: REDUCE_TO_INFRACTION, MISDEMEANOR: REDUCE_TO_MISDEMEANOR}
_SEVERITY = {INFRACTION: 0, MISDEMEANOR: 1, FELONY: 2}
_NO_RELIEF = {FELONY_KEPT: NOT_ELIGIBLE, REVIEW: NEEDS_REVIEW}


class Decision(NamedTuple):
    relief: str
    reasons: tuple[str, ...]


# --- G1: the offense date ------------------------------------------------------------------

def offense_date_gate(c: Conviction) -> Decision | None:
    """G1. An offense on or after 2016-11-09 was sentenced under the new law: nothing to redo.

    A bare year decides only when the whole year falls on one side: "2015" is before, "2017" is
    after, and "2016" could be either, so a person must check the date (needs_review). With no
    date at all the engine presumes "before" (see ``date_presumed``): the site is about old
    convictions, and under 11361.8(b) and (f) it is for the prosecution to prove otherwise.
    """
    cutoff = LAW.prop64_effective_date
    if c.offense_date is not None:
        after = c.offense_date >= cutoff
    elif c.offense_year is None or c.offense_year < cutoff.year:
        return None
    elif c.offense_year == cutoff.year:
        return Decision(NEEDS_REVIEW, (reasons.OFFENSE_YEAR_2016_UNCLEAR,))
    else:
        after = True
    return Decision(NOT_ELIGIBLE, (reasons.OFFENSE_ON_OR_AFTER_PROP_64,)) if after else None


def date_presumed(c: Conviction) -> bool:
    return c.offense_year is None


# --- G2 and X1: the section --------------------------------------------------------------

_SCOPE = {
    PRISON: Decision(NOT_ELIGIBLE, (reasons.CANNABIS_IN_PRISON_NOT_COVERED,)),
    OTHER: Decision(NOT_ELIGIBLE, (reasons.SECTION_NOT_COVERED,)),
    UNCLEAR: Decision(NEEDS_REVIEW, (reasons.SECTION_UNCLEAR,)),
}


def section_gate(c: Conviction) -> Decision | None:
    """G2 and X1. Section 11361.8 reaches only HSC 11357-11360 and conduct now under 11362.1.

    Cannabis in a prison or jail (PC 4573.6, 4573.8) stays a felony: HSC 11362.45(d) keeps those
    laws, People v. Raybon (2021) 11 Cal.5th 1056. Section text we cannot read goes to a person.
    """
    return _SCOPE.get(c.section.kind)


# --- Age at the offense, and the juvenile route ----------------------------------------------

def band_of(age: int) -> str:
    if age < LAW.adult_age:
        return UNDER_18
    return AGE_18_20 if age < LAW.adult_use_age else AGE_21_PLUS


def age_on(born: dt.date, day: dt.date) -> int:
    """Completed years on ``day``: someone born 2000-05-01 is 18 on 2018-05-01, the birthday itself."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_bands(c: Conviction, person: Person) -> frozenset[str]:
    """The age bands the person may have been in on the day of the offense.

    An age given for the conviction wins; else it is worked out from the date of birth and the
    offense date (a bare year allows the ages before and after that year's birthday); else the
    old subdivision may say (11357(d) adults, (e) minors); else any band. A juvenile-court case
    is an offense before 18 (Welfare and Institutions Code 602), so it narrows the bands to
    under 18; an empty result means the answers contradict each other.
    """
    given, born = c.age_at_offense, person.date_of_birth
    if isinstance(given, str):
        bands = _ONLY[given]
    elif given is not None:
        bands = _ONLY[band_of(given)]
    elif born is not None and c.offense_date is not None:
        bands = _ONLY[band_of(age_on(born, c.offense_date))]
    elif born is not None and c.offense_year is not None:
        first, last = dt.date(c.offense_year, 1, 1), dt.date(c.offense_year, 12, 31)
        bands = frozenset({band_of(age_on(born, first)), band_of(age_on(born, last))})
    else:
        bands = old_law.age_bands(c) or _ALL_BANDS_SET
    if c.court == JUVENILE:
        bands &= _JUVENILE_BANDS
    return bands


# --- G3: the track and the form ------------------------------------------------------------

_TRACK_BY_SENTENCE = {SERVING: PETITION, COMPLETED: APPLICATION}


def track(c: Conviction) -> str:
    """G3. Serving any part of the sentence -> petition, 11361.8(a)/(b) (CR-400 item 2a);
    completed -> application, 11361.8(e)/(f) (item 2b); juvenile court -> 11361.8(m), JV-744."""
    if c.court == JUVENILE:
        return JUVENILE_TRACK
    if c.court == UNKNOWN:
        return UNKNOWN_TRACK
    return _TRACK_BY_SENTENCE.get(c.sentence, UNKNOWN_TRACK)


# --- G4: today's level against the conviction's level ----------------------------------------

def level_gate(finding: Finding, level: str) -> Decision:
    """G4. Turn what today's law makes of the conduct into the relief for this conviction.

    Legal now -> dismiss, at any level. A felony the law still keeps -> not eligible. Otherwise
    relief exists only if today's level (infraction or misdemeanor) is lower than the level at
    conviction: an 11357(c) misdemeanor that is still a misdemeanor has no change available.
    If the level at conviction is unknown even after the old statute's defaults, the engine asks
    for the reduction and marks it presumed: the court's record will show the level, and asking
    costs nothing, whereas "no change" could wrongly send someone away.

    Presumption reasons are kept only where relief is asked for: when nothing is asked, no
    presumption was relied on.
    """
    today = finding.today
    if today == LEGAL:
        return Decision(DISMISS, finding.reasons)
    if today in _REDUCE_TO:
        if level == UNKNOWN:
            return Decision(_REDUCE_TO[today], finding.reasons + (reasons.LEVEL_UNKNOWN_PRESUMED_HIGHER,))
        if _SEVERITY[level] > _SEVERITY[today]:
            return Decision(_REDUCE_TO[today], finding.reasons)
        kept = _without_presumptions(finding.reasons)
        return Decision(NO_CHANGE, kept + (reasons.ALREADY_AT_TODAYS_LEVEL,))
    return Decision(_NO_RELIEF[today], _without_presumptions(finding.reasons))


def _without_presumptions(codes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code for code in codes if code not in reasons.PRESUMPTIONS)
