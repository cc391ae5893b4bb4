"""What an old conviction's subdivision and date already tell us, under the law before Prop 64.

A court record often says "11357(b)" and nothing else. Under the old statute that subdivision
fixed the amount (28.5 grams or less, not concentrated) and, with the offense date, the level
(a misdemeanor before 2011, an infraction from 2011 under SB 1449). The subdivision is a fact of
the record, so it beats the answer (issue 10): it fills a fact the person left unknown, it
replaces an answer that is worse for the person than the record (the court reviews the
conviction, not a new account of it), and an answer that is better for the person than the
record is a conflict (``record_conflicts``) that a person must sort out, never a presumed win.

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

from . import reasons as r
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
# Old 11360(b) also covered transporting 28.5 g or less, so transport for sale is only surely (a)
# when the amount was larger or concentrate (handled in level()).
_ONLY_11360A = frozenset({SALE, IMPORT_EXPORT, POSSESSION_FOR_SALE})

# What each old 11357 subdivision fixed: (fact, value the record shows).
_RECORD_AMOUNT = {"b": WITHIN, "c": OVER, "d": WITHIN, "e": WITHIN}
_RECORD_SCHOOL = {"b": NO, "c": NO, "d": YES, "e": YES}
_RECORD_CONCENTRATE = {"a": YES, "b": NO, "c": NO}
# The answer that would be better for the person than the record: a conflict, not a fill.
_CONFLICTS = (
    ("amount", _RECORD_AMOUNT, OVER, WITHIN, r.RECORD_CONTRADICTS_AMOUNT),
    ("school_grounds", _RECORD_SCHOOL, YES, NO, r.RECORD_CONTRADICTS_SCHOOL_GROUNDS),
    ("concentrated", _RECORD_CONCENTRATE, YES, NO, r.RECORD_CONTRADICTS_CONCENTRATE),
)


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
    if key == ("11360", None) and (c.conduct in _ONLY_11360A or c.amount == OVER or c.concentrated == YES):
        return FELONY
    return _FIXED_LEVEL.get(key) or _STRAIGHT_FELONIES.get(number, UNKNOWN)


def _record(c: Conviction, answer: str, shown: dict[str, str]) -> str:
    if c.section.number != "11357":
        return answer
    return shown.get(letter(c), answer)


def possession_amount(c: Conviction) -> str:
    """11357(b) was 28.5 g or less and (c) more; (d) and (e) were the small-amount school offenses."""
    return _record(c, c.amount, _RECORD_AMOUNT)


def concentrated(c: Conviction) -> str:
    """11357(a) was the concentrated-cannabis offense; (b) and (c) excluded concentrate."""
    return _record(c, c.concentrated, _RECORD_CONCENTRATE)


def school_grounds(c: Conviction) -> str:
    """11357(d) and (e) were the school-grounds offenses; a (b) or (c) record shows no such finding.

    11357(a) is left open: concentrate on school grounds was charged under (a), and today it is
    an 11357(c) misdemeanor.
    """
    return _record(c, c.school_grounds, _RECORD_SCHOOL)


def record_conflicts(c: Conviction) -> tuple[str, ...]:
    """Answers better for the person than the 11357 subdivision on the record allows.

    "Within the limit" against an 11357(c) record (more than 28.5 g), "not at a school" against
    (d) or (e), "not concentrate" against (a). The court goes by the record, so relying on the
    answer could promise a dismissal the court will refuse.
    """
    if c.section.number != "11357":
        return ()
    found = []
    for field, shown, record_value, better, code in _CONFLICTS:
        if shown.get(letter(c)) == record_value and getattr(c, field) == better:
            found.append(code)
    return tuple(found)


def misdemeanor_after_2011_unexplained(c: Conviction) -> bool:
    """An 11357 misdemeanor for an offense from 2011 on, with nothing in the answers to explain it.

    From 2011-01-01, 28.5 g or less (not concentrate) away from a school was an infraction (SB
    1449), so a later misdemeanor means more cannabis, a school or concentrate. When the answers
    name none of these, the presumption cannot fill them in against the record's level.
    """
    if c.section.number != "11357" or level(c) != MISDEMEANOR:
        return False
    year = c.offense_year
    if year is None or year < _INFRACTION_YEAR:
        return False
    return possession_amount(c) != OVER and YES not in (school_grounds(c), concentrated(c))


def age_bands(c: Conviction) -> frozenset[str] | None:
    """11357(d) applied to people 18 or older and (e) to minors; None when the record says nothing."""
    if c.section.number != "11357":
        return None
    return _RECORD_AGE_BANDS.get(letter(c))


_RECORD_AGE_BANDS = {"d": frozenset({AGE_18_20, AGE_21_PLUS}), "e": frozenset({UNDER_18})}
