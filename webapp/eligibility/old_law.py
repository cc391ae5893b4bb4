"""What an old conviction's subdivision and date already tell us, under the law before Prop 64.

A court record often says "11357(b)" and nothing else. Under the old statute that subdivision
fixed the amount (28.5 grams or less, not concentrated) and, with the offense date, the level
(a misdemeanor before 2011, an infraction from 2011 under SB 1449). These implications only fill
facts the person left unknown: an answer the person gave is never overridden.

Old law, from shared/reference/law.md section 2 [M]:
- 11357(a) concentrated cannabis, any amount: wobbler (felony or misdemeanor).
- 11357(b) 28.5 g or less: misdemeanor, infraction from 2011-01-01.
- 11357(c) more than 28.5 g: misdemeanor.
- 11357(d) 28.5 g or less on K-12 school grounds, 18 or older: misdemeanor.
- 11357(e) the same, under 18: misdemeanor.
- 11358, 11359, 11360(a): straight felonies.
- 11360(b) giving away or transporting 28.5 g or less: misdemeanor, infraction from 2011-01-01.
  So an 11360 record without a subdivision was (a), a felony, when the act was a sale, transport
  for sale, import or export, or involved more than 28.5 g; a small gift or carry may have been (b).
"""

from __future__ import annotations

from .parameters import LAW
from .screening import (
    AGE_18_20,
    AGE_21_PLUS,
    FELONY,
    IMPORT_EXPORT,
    INFRACTION,
    MISDEMEANOR,
    NO,
    OVER,
    POSSESSION_FOR_SALE,
    SALE,
    TRANSPORT_FOR_SALE,
    UNDER_18,
    UNKNOWN,
    WITHIN,
    YES,
    Conviction,
)

_INFRACTION_YEAR = LAW.small_possession_infraction_date.year
_STRAIGHT_FELONIES = {"11358": FELONY, "11359": FELONY}
_FIXED_LEVEL = {("11357", "c"): MISDEMEANOR, ("11357", "d"): MISDEMEANOR, ("11357", "e"): MISDEMEANOR,
                ("11360", "a"): FELONY}
_SMALL_AMOUNT = frozenset({("11357", "b"), ("11360", "b")})
_ONLY_11360A = frozenset({SALE, TRANSPORT_FOR_SALE, IMPORT_EXPORT, POSSESSION_FOR_SALE})


def letter(c: Conviction) -> str | None:
    """The subdivision's letter ("a" for "a(2)"), or None."""
    sub = c.section.subdivision
    return sub[0] if sub else None


def level(c: Conviction) -> str:
    """The level at conviction: as the person gave it, else as the old statute fixed it."""
    if c.level != UNKNOWN:
        return c.level
    number = c.section.number
    key = (number, letter(c))
    if key in _SMALL_AMOUNT:
        # The change took effect on January 1 (checked in parameters.py), so a bare year decides.
        if c.offense_year is None:
            return UNKNOWN
        return MISDEMEANOR if c.offense_year < _INFRACTION_YEAR else INFRACTION
    if key == ("11360", None) and (c.conduct in _ONLY_11360A or c.amount == OVER):
        return FELONY
    return _FIXED_LEVEL.get(key) or _STRAIGHT_FELONIES.get(number, UNKNOWN)


def possession_amount(c: Conviction) -> str:
    """11357(b) was 28.5 g or less and (c) more; (d) and (e) were the small-amount school offenses."""
    if c.amount != UNKNOWN or c.section.number != "11357":
        return c.amount
    return {"b": WITHIN, "c": OVER, "d": WITHIN, "e": WITHIN}.get(letter(c), UNKNOWN)


def concentrated(c: Conviction) -> str:
    """11357(a) was the concentrated-cannabis offense; (b) and (c) excluded concentrate."""
    if c.concentrated != UNKNOWN or c.section.number != "11357":
        return c.concentrated
    return {"a": YES, "b": NO, "c": NO}.get(letter(c), UNKNOWN)


def school_grounds(c: Conviction) -> str:
    """11357(d) and (e) were the school-grounds offenses; a (b) or (c) record shows no such finding.

    11357(a) is left open: concentrate on school grounds was charged under (a), and today it is
    an 11357(c) misdemeanor.
    """
    if c.school_grounds != UNKNOWN or c.section.number != "11357":
        return c.school_grounds
    return {"b": NO, "c": NO, "d": YES, "e": YES}.get(letter(c), UNKNOWN)


def age_bands(c: Conviction) -> frozenset[str] | None:
    """11357(d) applied to people 18 or older and (e) to minors; None when the record says nothing."""
    if c.section.number != "11357":
        return None
    return {"d": frozenset({AGE_18_20, AGE_21_PLUS}), "e": frozenset({UNDER_18})}.get(letter(c))
