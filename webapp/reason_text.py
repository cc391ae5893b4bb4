"""Plain-language sentences for the engine's codes, for the web pages and the packet.

The engine speaks in codes (webapp/eligibility/reasons.py); people read these. Each entry is one
translatable string of one to three short sentences, written for someone anxious and reading on
a phone: everyday words at reading grade 8 or below (tests/eligibility/test_reading_level.py),
no legalese beyond the citation printed next to it. A long "X, so Y" is split into two sentences
inside the one string, never glued from fragments, so each is translated as a whole.

Every legal number (grams, plants, ages, dates) comes from law.toml through a placeholder, so the
sentences cannot drift from the constants the engine decides with.

Every code has a sentence, every relief and track has a headline: tests/eligibility checks both.
"""

from flask_babel import format_date, lazy_gettext
from flask_babel.speaklater import LazyString

from .eligibility import LAW
from .eligibility import reasons as r


def _number(value: float | int) -> str:
    # 28.5 stays "28.5"; 8.0 is written "8", as people write it.
    return f"{value:g}"


# The numbers every sentence may use. A date is formatted when the page is rendered, in the
# page's language ("November 9, 2016", "9 de noviembre de 2016").
LAW_NUMBERS = {
    "grams": _number(LAW.cannabis_limit_grams),
    "concentrate_grams": _number(LAW.concentrate_limit_grams),
    "import_concentrate_grams": _number(LAW.import_export_concentrate_grams),
    "plants": _number(LAW.plant_limit),
    "adult_age": _number(LAW.adult_age),
    "adult_use_age": _number(LAW.adult_use_age),
    "last_young_adult_age": _number(LAW.adult_use_age - 1),
    "infraction_year": _number(LAW.small_possession_infraction_date.year),
    "prop64_year": _number(LAW.prop64_effective_date.year),
    "prop64_date": LazyString(lambda: format_date(LAW.prop64_effective_date, "long")),
}


def _t(msgid: str) -> LazyString:
    # Only the placeholders a sentence uses are passed: gettext formats with "%" and a mapping.
    used = {name: value for name, value in LAW_NUMBERS.items() if f"%({name})s" in msgid}
    return lazy_gettext(msgid, **used)


_ = _t  # so that pybabel, which looks for _() and lazy_gettext(), extracts every sentence

REASON_TEXT = {
    # --- Whether this law covers the conviction at all ---
    r.OFFENSE_ON_OR_AFTER_PROP_64: _(
        "The offense happened on or after %(prop64_date)s, when Proposition 64 was already the law. "
        "So this process cannot change the conviction."
    ),
    r.OFFENSE_YEAR_2016_UNCLEAR: _(
        "The offense happened in %(prop64_year)s, and the answer depends on whether it was before "
        "%(prop64_date)s. Check the exact date on your court papers."
    ),
    # Translators: "presume" is the legal presumption of Health and Safety Code 11361.8(b) and (f):
    # the court must assume the person qualifies unless the prosecutor proves otherwise.
    r.OFFENSE_DATE_UNKNOWN_PRESUMED_BEFORE_PROP_64: _(
        "We do not know the offense date, so we assumed it was before %(prop64_date)s. The court "
        "must assume this too, unless the prosecutor proves otherwise."
    ),
    r.SECTION_NOT_COVERED: _(
        "This conviction is not under one of the cannabis laws that Proposition 64 changed. So this "
        "process cannot clear it."
    ),
    r.SECTION_UNCLEAR: _(
        "We could not tell which law this conviction was under. Ask a lawyer or the court clerk to "
        "check the code section on your record."
    ),
    # Translators: People v. Raybon, a 2021 California Supreme Court decision; Penal Code 4573.6
    # is about state prisons.
    r.CANNABIS_IN_PRISON_NOT_COVERED: _(
        "Having cannabis in a state prison is still a felony. The California Supreme Court has "
        "decided that Proposition 64 does not change these convictions."
    ),
    # --- Facts only a person can sort out ---
    r.JUVENILE_COURT_AGE_CONFLICT: _(
        "Juvenile court only handles offenses from before age %(adult_age)s, but the age you gave is "
        "older. A lawyer should look at your record."
    ),
    r.AGE_UNKNOWN_CHANGES_OUTCOME: _(
        "The answer depends on how old you were at the time of the offense. Add your age then or "
        "your date of birth, or ask a lawyer."
    ),
    # Translators: the law here is unsettled: courts have not decided how old felony convictions
    # count as "prior convictions" under the new law.
    r.PRIOR_SAME_OFFENSE_TWO_OR_MORE_UNSETTLED: _(
        "You had two or more earlier convictions for the same offense. The courts have not settled "
        "how those count, so talk to a lawyer before you file."
    ),
    r.COURT_UNKNOWN: _(
        "We do not know if this case was in adult court or juvenile court. Each court uses its own "
        "form, so check your court papers or ask a lawyer before you file."
    ),
    # --- The record beats the answer ---
    r.RECORD_CONTRADICTS_AMOUNT: _(
        "The code section on your record means more than %(grams)s grams. Your answer says less. "
        "The court goes by the record, so have a lawyer check it before you file."
    ),
    r.RECORD_CONTRADICTS_SCHOOL_GROUNDS: _(
        "The code section on your record means it happened at a school. Your answer says it did not. "
        "The court goes by the record, so have a lawyer check it before you file."
    ),
    r.RECORD_CONTRADICTS_CONCENTRATE: _(
        "The code section on your record means it was concentrated cannabis. Your answer says it was "
        "not. The court goes by the record, so have a lawyer check it before you file."
    ),
    r.POSSESSION_MISDEMEANOR_AFTER_2011_UNEXPLAINED: _(
        "From %(infraction_year)s, having %(grams)s grams or less away from a school was only an "
        "infraction. So a later misdemeanor means more cannabis, a school or concentrate. Your "
        "answers do not say which, so have a lawyer check your record."
    ),
    # --- Possession (11357) ---
    r.AGE_21_PLUS_WITHIN_LIMIT_NOW_LEGAL: _(
        "You were %(adult_use_age)s or older and had no more than %(grams)s grams. This is now legal "
        "for adults."
    ),
    r.AGE_21_PLUS_CONCENTRATE_WITHIN_LIMIT_NOW_LEGAL: _(
        "You were %(adult_use_age)s or older and had no more than %(concentrate_grams)s grams of "
        "concentrated cannabis. This is now legal for adults."
    ),
    # Translators: an infraction is the lowest level of offense, punished only by a small fine,
    # like most traffic tickets; it is not a crime on the record in the way a misdemeanor is.
    r.AGE_18_20_WITHIN_LIMIT_INFRACTION: _(
        "You were %(adult_age)s to %(last_young_adult_age)s and had no more than %(grams)s grams (or "
        "%(concentrate_grams)s grams of concentrated cannabis). Today this is only an infraction, "
        "like a traffic ticket."
    ),
    r.UNDER_18_POSSESSION_INFRACTION: _(
        "You were under %(adult_age)s. Today, having cannabis at that age is only an infraction, "
        "whatever the amount."
    ),
    r.AGE_18_PLUS_OVER_LIMIT_MISDEMEANOR: _(
        "You were %(adult_age)s or older and had more than %(grams)s grams (or more than "
        "%(concentrate_grams)s grams of concentrated cannabis). Today this is a misdemeanor."
    ),
    r.SCHOOL_GROUNDS_18_PLUS_MISDEMEANOR: _(
        "You were %(adult_age)s or older and had cannabis at a school while it was open. This is "
        "still a misdemeanor today."
    ),
    # --- Growing (11358) ---
    r.AGE_21_PLUS_SIX_PLANTS_NOW_LEGAL: _(
        "You were %(adult_use_age)s or older and grew no more than %(plants)s plants. This is now "
        "legal for adults at home."
    ),
    r.AGE_18_20_SIX_PLANTS_INFRACTION: _(
        "You were %(adult_age)s to %(last_young_adult_age)s and grew no more than %(plants)s plants. "
        "Today this is only an infraction."
    ),
    r.UNDER_18_CULTIVATION_INFRACTION: _(
        "You were under %(adult_age)s. Today, growing cannabis at that age is only an infraction."
    ),
    r.OVER_SIX_PLANTS_MISDEMEANOR: _(
        "You were %(adult_age)s or older and grew more than %(plants)s plants. Today this is a "
        "misdemeanor, not a felony."
    ),
    # Translators: "a very serious crime" stands for the "super strike" list of Penal Code
    # 667(e)(2)(C)(iv) (murder, certain sex crimes and the like); keep it plain, not legal jargon.
    r.CULTIVATION_SERIOUS_PRIOR_KEEPS_FELONY: _(
        "Before this offense you had a conviction for a very serious crime, or one that needs sex "
        "offender registration. So the law still lets growing more than %(plants)s plants be a "
        "felony."
    ),
    r.CULTIVATION_ENVIRONMENTAL_HARM_KEEPS_FELONY: _(
        "The growing harmed water, wildlife or public land in a way the law names. So it can still "
        "be a felony."
    ),
    # --- Possession for sale (11359) ---
    r.UNDER_18_POSSESSION_FOR_SALE_INFRACTION: _(
        "You were under %(adult_age)s. Today, having cannabis to sell at that age is only an "
        "infraction."
    ),
    r.POSSESSION_FOR_SALE_MISDEMEANOR: _(
        "You were %(adult_age)s or older. Today, having cannabis to sell without a license is a "
        "misdemeanor, not a felony."
    ),
    # Translators: "a very serious crime" stands for the "super strike" list of Penal Code
    # 667(e)(2)(C)(iv) (murder, certain sex crimes and the like); keep it plain, not legal jargon.
    r.POSSESSION_FOR_SALE_SERIOUS_PRIOR_KEEPS_FELONY: _(
        "Before this offense you had a conviction for a very serious crime, or one that needs sex "
        "offender registration. So the law still lets having cannabis to sell be a felony."
    ),
    r.POSSESSION_FOR_SALE_SALE_TO_MINOR_KEEPS_FELONY: _(
        "In this case cannabis was knowingly sold, or offered for sale, to someone under "
        "%(adult_age)s. So it can still be a felony."
    ),
    r.POSSESSION_FOR_SALE_USED_MINOR_KEEPS_FELONY: _(
        "You were %(adult_use_age)s or older and hired or used someone aged %(last_young_adult_age)s "
        "or younger in the offense. So it can still be a felony."
    ),
    # --- Selling, carrying, giving away, importing (11360) ---
    r.UNDER_18_SALE_INFRACTION: _(
        "You were under %(adult_age)s. Today, selling, carrying to sell or giving away cannabis at "
        "that age is only an infraction."
    ),
    r.SALE_MISDEMEANOR: _(
        "You were %(adult_age)s or older. Today, selling cannabis, carrying it to sell, or giving "
        "away more than adults may share is a misdemeanor, not a felony."
    ),
    # Translators: "a very serious crime" stands for the "super strike" list of Penal Code
    # 667(e)(2)(C)(iv) (murder, certain sex crimes and the like); keep it plain, not legal jargon.
    r.SALE_SERIOUS_PRIOR_KEEPS_FELONY: _(
        "Before this offense you had a conviction for a very serious crime, or one that needs sex "
        "offender registration. So the law still lets selling or carrying cannabis to sell be a "
        "felony."
    ),
    r.SALE_TO_MINOR_KEEPS_FELONY: _(
        "In this case cannabis was sold, offered or given to someone under %(adult_age)s. So it can "
        "still be a felony."
    ),
    r.IMPORT_EXPORT_OVER_LIMIT_KEEPS_FELONY: _(
        "The offense involved bringing into California, or taking out of it to sell, more than "
        "%(grams)s grams (or more than %(import_concentrate_grams)s grams of concentrate). So it can "
        "still be a felony."
    ),
    r.GIVE_AWAY_OR_CARRY_WITHIN_LIMIT_NOW_LEGAL: _(
        "You were %(adult_use_age)s or older and gave away for free, or carried for yourself, no more "
        "than %(grams)s grams. This is now legal for adults."
    ),
    r.SMALL_AMOUNT_GIVE_AWAY_OR_CARRY_INFRACTION: _(
        "Today, giving away or carrying no more than %(grams)s grams is at most an infraction, like a "
        "traffic ticket."
    ),
    r.TRANSPORT_FOR_SALE_SMALL_AMOUNT_INFRACTION: _(
        "Today, carrying %(grams)s grams or less to sell is an infraction, like a traffic ticket. It "
        "did not become legal: only carrying it for yourself or sharing it for free did."
    ),
    r.SHARING_WITH_MINOR_NOT_LEGAL: _(
        "Adults may share cannabis only with other adults %(adult_use_age)s or older. So giving it to "
        "someone under %(adult_age)s did not become legal."
    ),
    # Translators: since 2016 the law says "transport" means carrying cannabis in order to sell it.
    r.TRANSPORT_NOT_FOR_SALE_IS_POSSESSION: _(
        "Today, carrying cannabis is only a transport crime if it was to sell. So carrying it for "
        "yourself is judged as having it."
    ),
    r.CONDUCT_UNCLEAR_TREATED_AS_SALE: _(
        "We did not know what this conviction was for, so we treated it as a sale. If you only "
        "carried or shared a small amount, you may qualify for more."
    ),
    # --- The level of the conviction ---
    r.ALREADY_AT_TODAYS_LEVEL: _(
        "Your conviction is already at the level today's law gives, so this law cannot lower it. A "
        "lawyer may know other ways to clear it."
    ),
    r.LEVEL_UNKNOWN_PRESUMED_HIGHER: _(
        "We do not know if the conviction was a felony, a misdemeanor or an infraction. We assumed "
        "it is higher than today's level, and the court's record will show."
    ),
    # --- The presumption: unknown facts count in your favor ---
    r.AMOUNT_UNKNOWN_PRESUMED_WITHIN_LIMIT: _(
        "We do not know the amount, so we assumed it was within the adult limit. The court must "
        "assume this too, unless the prosecutor proves otherwise."
    ),
    r.PLANTS_UNKNOWN_PRESUMED_SIX_OR_FEWER: _(
        "We do not know how many plants there were, so we assumed %(plants)s or fewer. The court "
        "must assume this too, unless the prosecutor proves otherwise."
    ),
    r.SCHOOL_GROUNDS_UNKNOWN_PRESUMED_NO: _(
        "We do not know if this happened at a school, so we assumed it did not. The court must "
        "assume this too, unless the prosecutor proves otherwise."
    ),
    r.CONCENTRATE_UNKNOWN_PRESUMED_NO: _(
        "We do not know if it was concentrated cannabis, so we assumed it was not. The court must "
        "assume this too, unless the prosecutor proves otherwise."
    ),
    # Translators: "a very serious crime" stands for the "super strike" list of Penal Code
    # 667(e)(2)(C)(iv) (murder, certain sex crimes and the like); keep it plain, not legal jargon.
    r.PRIOR_SUPER_STRIKE_UNKNOWN_PRESUMED_NO: _(
        "We do not know if you had an earlier conviction for a very serious crime, so we assumed you "
        "did not. The court must assume this too, unless the prosecutor proves otherwise."
    ),
    r.SEX_OFFENDER_PRIOR_UNKNOWN_PRESUMED_NO: _(
        "We do not know if you had an earlier conviction that needs sex offender registration, so we "
        "assumed you did not. The court must assume this too, unless the prosecutor proves otherwise."
    ),
    r.PRIOR_SAME_OFFENSE_UNKNOWN_PRESUMED_FEWER_THAN_TWO: _(
        "We do not know how many earlier convictions you had for the same offense, so we assumed "
        "fewer than two. The court must assume this too, unless the prosecutor proves otherwise."
    ),
    r.SALE_TO_MINOR_UNKNOWN_PRESUMED_NO: _(
        "We do not know if cannabis was sold or given to anyone under %(adult_age)s, so we assumed "
        "not. The court must assume this too, unless the prosecutor proves otherwise."
    ),
    r.USED_MINOR_UNKNOWN_PRESUMED_NO: _(
        "We do not know if someone aged %(last_young_adult_age)s or younger was hired or used, so we "
        "assumed not. The court must assume this too, unless the prosecutor proves otherwise."
    ),
    r.IMPORT_EXPORT_UNKNOWN_PRESUMED_NO: _(
        "We do not know if more than %(grams)s grams was brought into or taken out of California, so "
        "we assumed not. The court must assume this too, unless the prosecutor proves otherwise."
    ),
    r.ENVIRONMENTAL_VIOLATION_UNKNOWN_PRESUMED_NO: _(
        "We do not know if the growing harmed water, wildlife or public land, so we assumed not. The "
        "court must assume this too, unless the prosecutor proves otherwise."
    ),
    # --- Still serving the sentence ---
    # Translators: Health and Safety Code 11361.8(b): the judge may refuse only for an
    # "unreasonable risk of danger to public safety", a very high bar.
    r.PETITION_PUBLIC_SAFETY_REVIEW: _(
        "You are still serving the sentence. So the judge can say no if they find you are an "
        "unreasonable risk to public safety. This is rare."
    ),
}

# The plain headline for each relief, used where there is no room for context (the clinic's
# summary table). The results page uses ``webapp.flow.result_text.relief_text``, which says how
# certain the answer is.
RELIEF_TEXT = {
    "dismiss": lazy_gettext("This conviction can be dismissed."),
    "reduce_to_infraction": lazy_gettext("This conviction can be reduced to an infraction."),
    "reduce_to_misdemeanor": lazy_gettext("This conviction can be reduced to a misdemeanor."),
    "no_change": lazy_gettext("Proposition 64 cannot lower this conviction any further."),
    "not_eligible": lazy_gettext("Proposition 64 does not change this conviction."),
    "needs_review": lazy_gettext("A lawyer should look at this conviction before you file."),
}

# When the answer rests on a presumption: the law's answer, no surer than the law.
PRESUMED_RELIEF_TEXT = {
    "dismiss": lazy_gettext("This conviction can probably be dismissed."),
    "reduce_to_infraction": lazy_gettext("This conviction can probably be reduced to an infraction."),
    "reduce_to_misdemeanor": lazy_gettext("This conviction can probably be reduced to a misdemeanor."),
}

# Translators: 11358(d), 11359(c) and (d), 11360(a)(3): the few cases Proposition 64 still lets be
# felonies.
FELONY_KEPT_TEXT = lazy_gettext(
    "Proposition 64 keeps this conviction a felony. A lawyer should look at it, because other "
    "ways to clear it may still help."
)

TRACK_TEXT = {
    "application": lazy_gettext("You have finished the sentence, so you would file an application."),
    "petition": lazy_gettext("You are still serving the sentence, so you would file a petition."),
    "juvenile": lazy_gettext("This was a juvenile court case, so you would ask the juvenile court."),
    "unknown": lazy_gettext(
        "We do not know if you have finished the sentence, or which court had the case. That "
        "decides what you file."
    ),
}
