"""The engine's vocabulary, and the one rule for what a result asks a person to file.

Everything that speaks to the engine (the question pages, the clinic CSV, the JSON API, the
packet) takes its codes from here instead of retyping them, and everything that offers a court
form (the results page, the details page, the packet, clinic mode) asks ``filing`` which one.
The values are the contract's (shared/spec/eligibility-contract.md); the order is the order the
contract lists them, which is the order error messages name them.
"""

from __future__ import annotations

from collections.abc import Mapping

# --- The contract's fields, in its order (the clinic CSV's columns are these) -----------------

PERSON_FIELDS = ("date_of_birth", "prior_super_strike", "sex_offender_registrant")
CONVICTION_FIELDS = (
    "id", "county", "case_number", "section", "subdivision", "level", "offense_date", "age_at_offense",
    "conduct", "amount", "concentrated", "school_grounds", "sentence", "court",
    "prior_same_offense_convictions", "sale_to_minor", "used_minor", "import_export_over_limit",
    "environmental_violation",
)

# --- Answers ------------------------------------------------------------------------------------

YES, NO, UNKNOWN = "yes", "no", "unknown"
FELONY, MISDEMEANOR, INFRACTION = "felony", "misdemeanor", "infraction"
UNDER_18, AGE_18_20, AGE_21_PLUS = "under_18", "18_20", "21_plus"
SERVING, COMPLETED = "serving", "completed"
ADULT, JUVENILE = "adult", "juvenile"
POSSESSION, POSSESSION_FOR_SALE, CULTIVATION = "possession", "possession_for_sale", "cultivation"
SALE, TRANSPORT_FOR_SALE, TRANSPORT_PERSONAL = "sale", "transport_for_sale", "transport_personal"
GIVE_AWAY, IMPORT_EXPORT = "give_away", "import_export"
WITHIN, OVER = "within_personal_limit", "over_personal_limit"

TRISTATE = (YES, NO, UNKNOWN)
AGE_BANDS = (UNDER_18, AGE_18_20, AGE_21_PLUS)
# prior_same_offense_convictions: 2 means "two or more" (the rows only tell none, one, several).
PRIOR_COUNTS = (0, 1, 2)

# Every text field with a closed set of values, and its values.
CHOICES: Mapping[str, tuple[str, ...]] = {
    "level": (FELONY, MISDEMEANOR, INFRACTION, UNKNOWN),
    "conduct": (POSSESSION, POSSESSION_FOR_SALE, CULTIVATION, SALE, TRANSPORT_FOR_SALE, TRANSPORT_PERSONAL,
                GIVE_AWAY, IMPORT_EXPORT, UNKNOWN),
    "amount": (WITHIN, OVER, UNKNOWN),
    "concentrated": TRISTATE,
    "school_grounds": TRISTATE,
    "sentence": (SERVING, COMPLETED, UNKNOWN),
    "court": (ADULT, JUVENILE, UNKNOWN),
    "sale_to_minor": TRISTATE,
    "used_minor": TRISTATE,
    "import_export_over_limit": TRISTATE,
    "environmental_violation": TRISTATE,
    "prior_super_strike": TRISTATE,
    "sex_offender_registrant": TRISTATE,
}

# The Health and Safety Code sections section 11361.8 covers that a person can name in plain words,
# and the Penal Code sections for cannabis in a prison or jail (never covered: People v. Raybon).
HSC_SECTIONS = ("11357", "11358", "11359", "11360")
PRISON_SECTION = "PC 4573.6"

# --- Results ------------------------------------------------------------------------------------

DISMISS = "dismiss"
REDUCE_TO_INFRACTION = "reduce_to_infraction"
REDUCE_TO_MISDEMEANOR = "reduce_to_misdemeanor"
NO_CHANGE = "no_change"
NOT_ELIGIBLE = "not_eligible"
NEEDS_REVIEW = "needs_review"
RELIEFS = (DISMISS, REDUCE_TO_INFRACTION, REDUCE_TO_MISDEMEANOR, NO_CHANGE, NOT_ELIGIBLE, NEEDS_REVIEW)
ASKS_FOR_RELIEF = frozenset({DISMISS, REDUCE_TO_INFRACTION, REDUCE_TO_MISDEMEANOR})

APPLICATION, PETITION, JUVENILE_TRACK, UNKNOWN_TRACK = "application", "petition", "juvenile", "unknown"
TRACKS = (APPLICATION, PETITION, JUVENILE_TRACK, UNKNOWN_TRACK)

# --- The filing rule ----------------------------------------------------------------------------

CR_400 = "CR-400"  # adult convictions: petition (still serving) or application (completed)
JV_744 = "JV-744"  # juvenile adjudications, 11361.8(m): filed with the juvenile court
FORMS = (CR_400, JV_744)


def filing(track: str | None, relief: str, court: str | None = None) -> str | None:
    """The form a conviction is filed with, or None when there is nothing to ask for.

    needs_review also gets a form: the packet is offered with a warning to see a lawyer first,
    and filing is how a court settles the open question. An unknown track is still an adult
    case, and CR-400 serves both the petition and the application (its items 2a and 2b).
    """
    if relief not in ASKS_FOR_RELIEF and relief != NEEDS_REVIEW:
        return None
    if court == UNKNOWN:
        # Adult court (CR-400) and juvenile court (JV-744) are different filings in different
        # courts (11361.8(a), (e), (m)): guessing could send the papers to the wrong place.
        return None
    return JV_744 if track == JUVENILE_TRACK else CR_400


def result_filing(result: Mapping) -> str | None:
    """``filing`` for one of the engine's results (a dict of the contract's result): the engine
    already applied it, with the facts a result no longer carries (the court), into ``form``."""
    if "form" in result:
        return result["form"]
    return filing(result.get("track"), result["relief"])


def needs_filing(result: Mapping) -> bool:
    return result_filing(result) is not None


def is_juvenile_filing(result: Mapping) -> bool:
    return result_filing(result) == JV_744
