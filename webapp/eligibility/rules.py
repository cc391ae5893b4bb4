"""The decision table: one function per offense section (shared/reference/law.md section 3).

Each row function answers one question: if Prop 64 had been in force when this person did this,
in this age band, what would it be today? ``Finding.today`` is one of

- ``LEGAL``        no crime at all for this person: the conviction can be dismissed;
- ``INFRACTION``, ``MISDEMEANOR``   the level today's law gives (gates.level_gate then compares it
                   with the level at conviction: rule G4);
- ``FELONY_KEPT``  a fact the statute names keeps the felony: not eligible;
- ``REVIEW``       the law is unsettled for these facts: a lawyer must look.

The presumption (G5; 11361.8(b) and (f)): a deciding fact the person does not know is presumed in
their favour, and the prosecution must prove otherwise by clear and convincing evidence. Each row
presumes only the unknown facts that could change *its* answer, and names each one in the
reasons, so that ``presumed`` in the result means "this answer leans on the presumption".

Aggravating facts (a super-strike or 290(c) prior, sales to minors, and the rest) only matter
where the statute names them: for people 18 or older, and only for the conduct that stays a crime.

For 11357, 11358 and 11359 the section itself names the conduct, so a different ``conduct``
answer is not used: the court reviews the conviction, not a new description of it. ``conduct``
picks the row only for 11360 (which covers several acts) and 11362.1.
"""

from __future__ import annotations

from typing import NamedTuple

from . import old_law
from . import reasons as r
from .screening import (
    AGE_18_20,
    AGE_21_PLUS,
    CULTIVATION,
    GIVE_AWAY,
    IMPORT_EXPORT,
    INFRACTION,
    MISDEMEANOR,
    OVER,
    POSSESSION,
    POSSESSION_FOR_SALE,
    SALE,
    TRANSPORT_FOR_SALE,
    TRANSPORT_PERSONAL,
    UNDER_18,
    UNKNOWN,
    YES,
    Conviction,
    Person,
)

LEGAL, FELONY_KEPT, REVIEW = "legal", "felony_kept", "review"

__all__ = ["FELONY_KEPT", "INFRACTION", "LEGAL", "MISDEMEANOR", "REVIEW", "RULES", "Finding"]


class Finding(NamedTuple):
    today: str  # LEGAL | INFRACTION | MISDEMEANOR | FELONY_KEPT | REVIEW
    reasons: tuple[str, ...]  # reason codes, in the order a reader should meet them


# An aggravating fact: (the person's answer, code when "yes", code when unknown or None if an
# unknown answer cannot matter for this conduct).
Aggravator = tuple[str, str, str | None]


def _aggravating(c: Conviction, p: Person, serious_prior: str, facts: tuple[Aggravator, ...]):
    """The facts that let today's law keep an adult offense a felony: 11358(d), 11359(c) and (d),
    11360(a)(3).

    Any "yes" keeps the felony (not eligible), and every such fact is named. Two or more prior
    convictions of the same offense would also keep it, but how convictions from before Prop 64
    count is unsettled (law.md 1.4), so that goes to review rather than a refusal. Each unknown is
    presumed "no" and named. Returns (the finding if the felony is kept or in doubt, presumptions).
    """
    kept = [serious_prior] if YES in (p.prior_super_strike, p.sex_offender_registrant) else []
    kept += [yes_code for answer, yes_code, _ in facts if answer == YES]
    if kept:
        return Finding(FELONY_KEPT, tuple(kept)), ()
    if c.prior_same_offense_convictions == 2:
        return Finding(REVIEW, (r.PRIOR_SAME_OFFENSE_TWO_OR_MORE_UNSETTLED,)), ()
    presumed = []
    if p.prior_super_strike == UNKNOWN:
        presumed.append(r.PRIOR_SUPER_STRIKE_UNKNOWN_PRESUMED_NO)
    if p.sex_offender_registrant == UNKNOWN:
        presumed.append(r.SEX_OFFENDER_PRIOR_UNKNOWN_PRESUMED_NO)
    if c.prior_same_offense_convictions is None:
        presumed.append(r.PRIOR_SAME_OFFENSE_UNKNOWN_PRESUMED_FEWER_THAN_TWO)
    presumed += [unknown_code for answer, _, unknown_code in facts if answer == UNKNOWN and unknown_code]
    return None, tuple(presumed)


# --- HSC 11357: possession ----------------------------------------------------------------------

def possession_11357(c: Conviction, p: Person, band: str) -> Finding:
    """Rows P1-P12: possession (11357). Also the test for carrying cannabis not for sale (T5, T6).

    - Under 18, any amount, on school grounds or not: an infraction (11357(a)(1), (b)(1), (d)).
      Rows P3, P7, P10, P12.
    - 18 or older, over 28.5 g or 8 g of concentrate: a misdemeanor (11357(b)(2)). P6, P9.
    - 18 or older, within the limits, on K-12 grounds while open: a misdemeanor (11357(c)). P11.
    - 18 to 20, within the limits: an infraction (11357(a)(2)). P2, P5.
    - 21 or older, within the limits: legal (11362.1(a)(1), or (a)(2) for concentrate). P1, P4.
    - Amount unknown: presumed within the limits (P8), as is "not on school grounds".
    The old subdivision fills in what it implies (old_law.py): 11357(b) was 28.5 g or less, (c)
    more, (d)/(e) were the school-grounds offenses, (a) concentrate. At 18 or older, an answer
    better than the record allows, or a misdemeanor from 2011 on that the answers do not explain,
    goes to review (issue 10 item 2). Under 18 every amount is an infraction, so neither matters.
    """
    if band == UNDER_18:
        return Finding(INFRACTION, (r.UNDER_18_POSSESSION_INFRACTION,))
    conflicts = old_law.record_conflicts(c)
    if conflicts:
        return Finding(REVIEW, conflicts)
    if old_law.misdemeanor_after_2011_unexplained(c):
        return Finding(REVIEW, (r.POSSESSION_MISDEMEANOR_AFTER_2011_UNEXPLAINED,))
    amount = old_law.possession_amount(c)
    if amount == OVER:
        return Finding(MISDEMEANOR, (r.AGE_18_PLUS_OVER_LIMIT_MISDEMEANOR,))
    presumed = (r.AMOUNT_UNKNOWN_PRESUMED_WITHIN_LIMIT,) if amount == UNKNOWN else ()
    school = old_law.school_grounds(c)
    if school == YES:
        return Finding(MISDEMEANOR, presumed + (r.SCHOOL_GROUNDS_18_PLUS_MISDEMEANOR,))
    if school == UNKNOWN:
        presumed += (r.SCHOOL_GROUNDS_UNKNOWN_PRESUMED_NO,)
    if band == AGE_18_20:
        return Finding(INFRACTION, presumed + (r.AGE_18_20_WITHIN_LIMIT_INFRACTION,))
    if old_law.concentrated(c) == YES:
        return Finding(LEGAL, presumed + (r.AGE_21_PLUS_CONCENTRATE_WITHIN_LIMIT_NOW_LEGAL,))
    return Finding(LEGAL, presumed + (r.AGE_21_PLUS_WITHIN_LIMIT_NOW_LEGAL,))


# --- HSC 11358: cultivation ---------------------------------------------------------------------

def cultivation_11358(c: Conviction, p: Person, band: str) -> Finding:
    """Rows C1-C5: planting, growing, harvesting, drying or processing (11358). Old 11358 was a
    straight felony for any number of plants.

    - Under 18, any number of plants: an infraction (11358(a)). Row C3.
    - 6 living plants or fewer: legal at 21 or older (11362.1(a)(3)), row C1; an infraction at
      18 to 20 (11358(b)), row C2. An unknown plant count is presumed 6 or fewer: the table's C4
      says "(or unknown) -> misdemeanor", but the statute's presumption (11361.8(b), (f)) puts the
      burden of proving the count on the prosecution, so the favourable answer is asked for and
      marked presumed.
    - More than 6 plants, 18 or older: a misdemeanor (11358(c)), row C4, unless a super-strike or
      290(c) prior (11358(d)(1)) or an environmental violation (11358(d)(3)) keeps the felony,
      row C5; two or more prior 11358(c) convictions (11358(d)(2)) go to review.
    Legal home growing is also subject to 11362.2 (locked, out of public view); the engine does not
    ask about it, as the presumption covers it.
    """
    if band == UNDER_18:
        return Finding(INFRACTION, (r.UNDER_18_CULTIVATION_INFRACTION,))
    if c.amount != OVER:
        presumed = (r.PLANTS_UNKNOWN_PRESUMED_SIX_OR_FEWER,) if c.amount == UNKNOWN else ()
        if band == AGE_18_20:
            return Finding(INFRACTION, presumed + (r.AGE_18_20_SIX_PLANTS_INFRACTION,))
        return Finding(LEGAL, presumed + (r.AGE_21_PLUS_SIX_PLANTS_NOW_LEGAL,))
    environment = (c.environmental_violation, r.CULTIVATION_ENVIRONMENTAL_HARM_KEEPS_FELONY,
                   r.ENVIRONMENTAL_VIOLATION_UNKNOWN_PRESUMED_NO)
    kept, presumed = _aggravating(c, p, r.CULTIVATION_SERIOUS_PRIOR_KEEPS_FELONY, (environment,))
    return kept or Finding(MISDEMEANOR, presumed + (r.OVER_SIX_PLANTS_MISDEMEANOR,))


# --- HSC 11359: possession for sale -------------------------------------------------------------

def possession_for_sale_11359(c: Conviction, p: Person, band: str) -> Finding:
    """Rows S1-S4: possession for sale (11359). Old 11359 was a straight felony. Selling without
    a license is never legal, so there is no dismissal here, only reduction.

    - Under 18: an infraction (11359(a)). Row S1.
    - 18 or older: a misdemeanor (11359(b)), row S2, unless a super-strike or 290(c) prior
      (11359(c)(1)) or a knowing sale to someone under 18 (11359(c)(3)) keeps the felony, row S3;
      or, at 21 or older only, hiring or using someone 20 or younger (11359(d)), row S4. Two or
      more prior 11359(b) convictions (11359(c)(2)) go to review.
    The amount does not matter: 11359 has no personal-use limit.
    """
    if band == UNDER_18:
        return Finding(INFRACTION, (r.UNDER_18_POSSESSION_FOR_SALE_INFRACTION,))
    to_minor = (c.sale_to_minor, r.POSSESSION_FOR_SALE_SALE_TO_MINOR_KEEPS_FELONY,
                r.SALE_TO_MINOR_UNKNOWN_PRESUMED_NO)
    used_minor = (c.used_minor, r.POSSESSION_FOR_SALE_USED_MINOR_KEEPS_FELONY,
                  r.USED_MINOR_UNKNOWN_PRESUMED_NO)
    facts = (to_minor, used_minor) if band == AGE_21_PLUS else (to_minor,)
    kept, presumed = _aggravating(c, p, r.POSSESSION_FOR_SALE_SERIOUS_PRIOR_KEEPS_FELONY, facts)
    return kept or Finding(MISDEMEANOR, presumed + (r.POSSESSION_FOR_SALE_MISDEMEANOR,))


# --- HSC 11360: sale, transport, gifts, import --------------------------------------------------

def transport_sale_11360(c: Conviction, p: Person, band: str) -> Finding:
    """Rows T1-T8: selling, transporting, giving away, importing (11360).

    The old subdivision and the conduct pick the row:
    - 11360(b), giving away or carrying 28.5 g or less: see ``_small_amount_11360b`` (T7, T8).
    - Carrying for oneself (``transport_personal``, or ``possession`` under 11360): since
      11360(c) "transport" means transport for sale, so this is judged as possession, rows T5
      and T6 (T6, more than 28.5 g at 18+ -> misdemeanor, is tagged low confidence in law.md).
    - Giving away without pay: see ``_give_away`` (T4).
    - Selling, transporting for sale, importing or exporting: see ``_sale`` (T1, T2, T3).
    - Conduct unknown (the contract's default for 11360) or not an 11360 act: treated as a sale,
      the core of 11360(a), and said so. This is the floor: the person is never told less than a
      sale would get, and the reason says a smaller act could get more.
    """
    if c.section.number == "11360" and old_law.letter(c) == "b":
        return _small_amount_11360b(c, band)
    conduct = c.conduct
    if conduct in (TRANSPORT_PERSONAL, POSSESSION):
        found = possession_11357(c, p, band)
        return Finding(found.today, (r.TRANSPORT_NOT_FOR_SALE_IS_POSSESSION,) + found.reasons)
    if conduct == GIVE_AWAY:
        return _give_away(c, p, band)
    if conduct == TRANSPORT_FOR_SALE:
        return _transport_for_sale(c, p, band)
    if conduct in (SALE, IMPORT_EXPORT, POSSESSION_FOR_SALE):
        return _sale(c, p, band)
    return _sale(c, p, band, (r.CONDUCT_UNCLEAR_TREATED_AS_SALE,))


def _sale(c: Conviction, p: Person, band: str, prefix: tuple[str, ...] = ()) -> Finding:
    """Rows T1-T3. Under 18: an infraction (11360(a)(1)), T1. 18 or older: a misdemeanor
    (11360(a)(2)), T2, unless 11360(a)(3) keeps the felony, T3: a super-strike or 290(c) prior (A),
    two or more prior (a)(2) convictions (B, review), a sale or offer to someone under 18 (C), or
    importing or exporting more than 28.5 g or 4 g of concentrate (D). An unknown answer to (D) is
    only presumed where the conduct was importing or transporting for sale."""
    if band == UNDER_18:
        return Finding(INFRACTION, prefix + (r.UNDER_18_SALE_INFRACTION,))
    moved_goods = c.conduct in (IMPORT_EXPORT, TRANSPORT_FOR_SALE)
    import_unknown = r.IMPORT_EXPORT_UNKNOWN_PRESUMED_NO if moved_goods else None
    facts: tuple[Aggravator, ...] = (
        (c.sale_to_minor, r.SALE_TO_MINOR_KEEPS_FELONY, r.SALE_TO_MINOR_UNKNOWN_PRESUMED_NO),
        (c.import_export_over_limit, r.IMPORT_EXPORT_OVER_LIMIT_KEEPS_FELONY, import_unknown),
    )
    kept, presumed = _aggravating(c, p, r.SALE_SERIOUS_PRIOR_KEEPS_FELONY, facts)
    if kept:
        return Finding(kept.today, prefix + kept.reasons)
    return Finding(MISDEMEANOR, prefix + presumed + (r.SALE_MISDEMEANOR,))


def _transport_for_sale(c: Conviction, p: Person, band: str) -> Finding:
    """Transport for sale. 11360(c) makes "transport" mean transport for sale, and 11360(b) makes
    transporting not more than 28.5 g of cannabis other than concentrate an infraction, at any
    age, whether the record says (a) or (b). So a small amount reduces to an infraction, never a
    dismissal: only 11362.1 conduct (carrying for oneself, a gift) became legal. Concentrate, more
    than 28.5 g, or taking it out of the state over the limit stays under 11360(a) (``_sale``).
    An unknown amount or concentrate is presumed small and not concentrate (11361.8(b), (f)).

    Whether an 11360(a)(3)(A) prior could still lift a small transport out of 11360(b) is not
    settled by the text ((b) is an exception to (a)); the engine follows (b), as the issue asks.
    """
    if band == UNDER_18:
        return Finding(INFRACTION, (r.UNDER_18_SALE_INFRACTION,))
    if c.amount == OVER or YES in (c.concentrated, c.import_export_over_limit):
        return _sale(c, p, band)
    presumed = (r.AMOUNT_UNKNOWN_PRESUMED_WITHIN_LIMIT,) if c.amount == UNKNOWN else ()
    if c.concentrated == UNKNOWN:
        presumed += (r.CONCENTRATE_UNKNOWN_PRESUMED_NO,)
    return Finding(INFRACTION, presumed + (r.TRANSPORT_FOR_SALE_SMALL_AMOUNT_INFRACTION,))


def _give_away(c: Conviction, p: Person, band: str) -> Finding:
    """Row T4: giving cannabis away without pay.

    - Under 18: an infraction (11360(a)(1)).
    - More than the personal amounts: judged as a sale under 11360(a) (misdemeanor at 18+).
    - A gift to someone under 18 is never legal and 11360(a)(3)(C) names it: the felony is kept.
    - 21 or older, within 28.5 g and 8 g of concentrate: legal (11362.1(a)(1), (2)), T4.
    - 18 to 20, within the limits: an infraction (11360(b)), but 11360(b) excludes concentrate, so
      a gift of concentrate stays under 11360(a) (misdemeanor). Unknown concentrate is presumed no.
    The statute also requires the recipient to be 21 or older; the contract has no field for a
    recipient aged 18 to 20, so the presumption covers it.
    """
    if band == UNDER_18:
        return Finding(INFRACTION, (r.UNDER_18_SALE_INFRACTION,))
    if c.amount == OVER:
        return _sale(c, p, band)
    presumed = (r.AMOUNT_UNKNOWN_PRESUMED_WITHIN_LIMIT,) if c.amount == UNKNOWN else ()
    if c.sale_to_minor == YES:
        return Finding(FELONY_KEPT, (r.SALE_TO_MINOR_KEEPS_FELONY,))
    if c.sale_to_minor == UNKNOWN:
        presumed += (r.SALE_TO_MINOR_UNKNOWN_PRESUMED_NO,)
    if band == AGE_21_PLUS:
        return Finding(LEGAL, presumed + (r.GIVE_AWAY_OR_CARRY_WITHIN_LIMIT_NOW_LEGAL,))
    if c.concentrated == YES:
        found = _sale(c, p, band)
        return Finding(found.today, presumed + found.reasons)
    if c.concentrated == UNKNOWN:
        presumed += (r.CONCENTRATE_UNKNOWN_PRESUMED_NO,)
    return Finding(INFRACTION, presumed + (r.SMALL_AMOUNT_GIVE_AWAY_OR_CARRY_INFRACTION,))


def _small_amount_11360b(c: Conviction, band: str) -> Finding:
    """Rows T7 and T8: an old 11360(b) conviction, giving away or carrying 28.5 g or less (not
    concentrate). Before 2011 a misdemeanor, then an infraction (old_law.level).

    - 21 or older: legal (11362.1(a)(1)), T7, unless the gift went to someone under 18: adults may
      share only with adults, so it stays an 11360(b) infraction. Carrying has no recipient.
    - Under 21: still an infraction under 11360(b), T8 (relief only for a pre-2011 misdemeanor).
    - Transport for sale, at any age: an 11360(b) infraction, not legal (11360(c)).
    """
    if c.conduct == TRANSPORT_FOR_SALE:
        return Finding(INFRACTION, (r.TRANSPORT_FOR_SALE_SMALL_AMOUNT_INFRACTION,))
    if band != AGE_21_PLUS:
        return Finding(INFRACTION, (r.SMALL_AMOUNT_GIVE_AWAY_OR_CARRY_INFRACTION,))
    if c.conduct in (TRANSPORT_PERSONAL, POSSESSION):
        return Finding(LEGAL, (r.GIVE_AWAY_OR_CARRY_WITHIN_LIMIT_NOW_LEGAL,))
    if c.sale_to_minor == YES:
        return Finding(INFRACTION, (r.SHARING_WITH_MINOR_NOT_LEGAL,
                                    r.SMALL_AMOUNT_GIVE_AWAY_OR_CARRY_INFRACTION))
    presumed = (r.SALE_TO_MINOR_UNKNOWN_PRESUMED_NO,) if c.sale_to_minor == UNKNOWN else ()
    return Finding(LEGAL, presumed + (r.GIVE_AWAY_OR_CARRY_WITHIN_LIMIT_NOW_LEGAL,))


# --- HSC 11362.1: conduct labelled as adult personal use ---------------------------------------

def personal_use_11362_1(c: Conviction, p: Person, band: str) -> Finding:
    """A conviction recorded under 11362.1 (CR-400 item 1e, "Personal Use of Marijuana").

    11362.1 is the section that made adult conduct lawful, so the record names no crime of its
    own: the conduct decides, judged by the row for that conduct. Possession, carrying for oneself
    or unknown conduct -> the possession rows; growing -> 11358; possession for sale -> 11359;
    gifts -> T4; sale, transport for sale, import -> T1-T3.
    """
    return _BY_CONDUCT_11362_1.get(c.conduct, possession_11357)(c, p, band)


_BY_CONDUCT_11362_1 = {
    CULTIVATION: cultivation_11358,
    POSSESSION_FOR_SALE: possession_for_sale_11359,
    GIVE_AWAY: _give_away,
    SALE: _sale,
    TRANSPORT_FOR_SALE: _transport_for_sale,
    IMPORT_EXPORT: _sale,
}

# The rows for each covered section (law.toml in_scope_sections; a test keeps the two in step).
RULES = {
    "11357": possession_11357,
    "11358": cultivation_11358,
    "11359": possession_for_sale_11359,
    "11360": transport_sale_11360,
    "11362.1": personal_use_11362_1,
}
