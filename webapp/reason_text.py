"""Plain-language sentences for the engine's codes, for the web pages and the packet.

The engine speaks in codes (webapp/eligibility/reasons.py); people read these. Each entry is one
whole English sentence, written for someone anxious and reading on a phone: everyday words, no
legalese beyond the citation printed next to it. Whole sentences only, never glued fragments, so
that each can be translated as a whole (translations/es).

Every code has a sentence, every relief and track has a headline: tests/eligibility checks both.
"""

from flask_babel import lazy_gettext

from .eligibility import reasons as r

REASON_TEXT = {
    # --- Whether this law covers the conviction at all ---
    r.OFFENSE_ON_OR_AFTER_PROP_64: lazy_gettext(
        "The offense happened on or after November 9, 2016, when Proposition 64 was already the law, "
        "so this process cannot change the conviction."
    ),
    r.OFFENSE_YEAR_2016_UNCLEAR: lazy_gettext(
        "The offense happened in 2016, and the answer depends on whether it was before November 9, "
        "so check the exact date on your court papers."
    ),
    # Translators: "presume" is the legal presumption of Health and Safety Code 11361.8(b) and (f):
    # the court must assume the person qualifies unless the prosecutor proves otherwise.
    r.OFFENSE_DATE_UNKNOWN_PRESUMED_BEFORE_PROP_64: lazy_gettext(
        "We do not know the offense date, so we assumed it was before November 9, 2016, as the court "
        "must unless the prosecutor proves otherwise."
    ),
    r.SECTION_NOT_COVERED: lazy_gettext(
        "This conviction is not under one of the cannabis laws that Proposition 64 changed, so this "
        "process cannot clear it."
    ),
    r.SECTION_UNCLEAR: lazy_gettext(
        "We could not tell which law this conviction was under, so ask a lawyer or the court clerk to "
        "check the code section on your record."
    ),
    # Translators: People v. Raybon, a 2021 California Supreme Court decision.
    r.CANNABIS_IN_PRISON_NOT_COVERED: lazy_gettext(
        "Having cannabis inside a prison or jail is still a felony, and the California Supreme Court "
        "has decided that Proposition 64 does not change these convictions."
    ),
    # --- Facts only a person can sort out ---
    r.JUVENILE_COURT_AGE_CONFLICT: lazy_gettext(
        "Juvenile court only handles offenses from before age 18, but the age you gave is older, so a "
        "lawyer should look at your record."
    ),
    r.AGE_UNKNOWN_CHANGES_OUTCOME: lazy_gettext(
        "The answer depends on how old you were when the offense happened, so add your age at the "
        "time or your date of birth, or ask a lawyer."
    ),
    # Translators: the law here is unsettled: courts have not decided how old felony convictions
    # count as "prior convictions" under the new law.
    r.PRIOR_SAME_OFFENSE_TWO_OR_MORE_UNSETTLED: lazy_gettext(
        "You had two or more earlier convictions for the same offense, and the courts have not "
        "settled how those count, so talk to a lawyer before you file."
    ),
    # --- Possession (11357) ---
    r.AGE_21_PLUS_WITHIN_LIMIT_NOW_LEGAL: lazy_gettext(
        "You were 21 or older and had no more than 28.5 grams, which is now legal for adults."
    ),
    r.AGE_21_PLUS_CONCENTRATE_WITHIN_LIMIT_NOW_LEGAL: lazy_gettext(
        "You were 21 or older and had no more than 8 grams of concentrated cannabis, which is now "
        "legal for adults."
    ),
    # Translators: an infraction is the lowest level of offense, punished only by a small fine,
    # like most traffic tickets; it is not a crime on the record in the way a misdemeanor is.
    r.AGE_18_20_WITHIN_LIMIT_INFRACTION: lazy_gettext(
        "You were 18, 19 or 20 and had no more than 28.5 grams (or 8 grams of concentrated cannabis), "
        "which today is only an infraction, like a traffic ticket."
    ),
    r.UNDER_18_POSSESSION_INFRACTION: lazy_gettext(
        "You were under 18, and today having cannabis when you are under 18 is only an infraction, "
        "whatever the amount."
    ),
    r.AGE_18_PLUS_OVER_LIMIT_MISDEMEANOR: lazy_gettext(
        "You were 18 or older and had more than 28.5 grams (or more than 8 grams of concentrated "
        "cannabis), which today is a misdemeanor."
    ),
    r.SCHOOL_GROUNDS_18_PLUS_MISDEMEANOR: lazy_gettext(
        "You were 18 or older and had cannabis on the grounds of a school while it was open, which "
        "is still a misdemeanor today."
    ),
    # --- Growing (11358) ---
    r.AGE_21_PLUS_SIX_PLANTS_NOW_LEGAL: lazy_gettext(
        "You were 21 or older and grew no more than six plants, which is now legal for adults at home."
    ),
    r.AGE_18_20_SIX_PLANTS_INFRACTION: lazy_gettext(
        "You were 18, 19 or 20 and grew no more than six plants, which today is only an infraction."
    ),
    r.UNDER_18_CULTIVATION_INFRACTION: lazy_gettext(
        "You were under 18, and today growing cannabis when you are under 18 is only an infraction."
    ),
    r.OVER_SIX_PLANTS_MISDEMEANOR: lazy_gettext(
        "You were 18 or older and grew more than six plants, which today is a misdemeanor instead of "
        "a felony."
    ),
    # Translators: "a very serious crime" stands for the "super strike" list of Penal Code
    # 667(e)(2)(C)(iv) (murder, certain sex crimes and the like); keep it plain, not legal jargon.
    r.CULTIVATION_SERIOUS_PRIOR_KEEPS_FELONY: lazy_gettext(
        "Before this offense you had a conviction for a very serious crime or one that requires sex "
        "offender registration, so the law still lets growing more than six plants be a felony."
    ),
    r.CULTIVATION_ENVIRONMENTAL_HARM_KEEPS_FELONY: lazy_gettext(
        "The growing harmed water, wildlife or public land in a way the law names, so it can still be "
        "a felony."
    ),
    # --- Possession for sale (11359) ---
    r.UNDER_18_POSSESSION_FOR_SALE_INFRACTION: lazy_gettext(
        "You were under 18, and today having cannabis to sell when you are under 18 is only an "
        "infraction."
    ),
    r.POSSESSION_FOR_SALE_MISDEMEANOR: lazy_gettext(
        "You were 18 or older, and today having cannabis to sell without a license is a misdemeanor "
        "instead of a felony."
    ),
    # Translators: "a very serious crime" stands for the "super strike" list of Penal Code
    # 667(e)(2)(C)(iv) (murder, certain sex crimes and the like); keep it plain, not legal jargon.
    r.POSSESSION_FOR_SALE_SERIOUS_PRIOR_KEEPS_FELONY: lazy_gettext(
        "Before this offense you had a conviction for a very serious crime or one that requires sex "
        "offender registration, so the law still lets having cannabis to sell be a felony."
    ),
    r.POSSESSION_FOR_SALE_SALE_TO_MINOR_KEEPS_FELONY: lazy_gettext(
        "The offense involved knowingly selling, or trying to sell, cannabis to someone under 18, so "
        "it can still be a felony."
    ),
    r.POSSESSION_FOR_SALE_USED_MINOR_KEEPS_FELONY: lazy_gettext(
        "You were 21 or older and hired or used someone aged 20 or younger in the offense, so it can "
        "still be a felony."
    ),
    # --- Selling, carrying, giving away, importing (11360) ---
    r.UNDER_18_SALE_INFRACTION: lazy_gettext(
        "You were under 18, and today selling, carrying for sale or giving away cannabis when you are "
        "under 18 is only an infraction."
    ),
    r.SALE_MISDEMEANOR: lazy_gettext(
        "You were 18 or older, and today selling cannabis, carrying it to sell, or giving away more "
        "than adults may share is a misdemeanor instead of a felony."
    ),
    # Translators: "a very serious crime" stands for the "super strike" list of Penal Code
    # 667(e)(2)(C)(iv) (murder, certain sex crimes and the like); keep it plain, not legal jargon.
    r.SALE_SERIOUS_PRIOR_KEEPS_FELONY: lazy_gettext(
        "Before this offense you had a conviction for a very serious crime or one that requires sex "
        "offender registration, so the law still lets selling or carrying cannabis for sale be a "
        "felony."
    ),
    r.SALE_TO_MINOR_KEEPS_FELONY: lazy_gettext(
        "The offense involved selling, offering or giving cannabis to someone under 18, so it can "
        "still be a felony."
    ),
    r.IMPORT_EXPORT_OVER_LIMIT_KEEPS_FELONY: lazy_gettext(
        "The offense involved bringing into California, or taking out of it to sell, more than 28.5 "
        "grams (or more than 4 grams of concentrated cannabis), so it can still be a felony."
    ),
    r.GIVE_AWAY_OR_CARRY_WITHIN_LIMIT_NOW_LEGAL: lazy_gettext(
        "You were 21 or older and gave away or carried no more than 28.5 grams, which is now legal "
        "for adults."
    ),
    r.SMALL_AMOUNT_GIVE_AWAY_OR_CARRY_INFRACTION: lazy_gettext(
        "Today, giving away or carrying no more than 28.5 grams is at most an infraction, like a "
        "traffic ticket."
    ),
    r.SHARING_WITH_MINOR_NOT_LEGAL: lazy_gettext(
        "Adults may share cannabis only with other adults 21 or older, so giving it to someone under "
        "18 did not become legal."
    ),
    # Translators: since 2016 the law says "transport" means carrying cannabis in order to sell it.
    r.TRANSPORT_NOT_FOR_SALE_IS_POSSESSION: lazy_gettext(
        "Today, carrying cannabis is only a transport crime if it was for sale, so carrying it for "
        "yourself is judged as having it."
    ),
    r.CONDUCT_UNCLEAR_TREATED_AS_SALE: lazy_gettext(
        "We did not know what this conviction was for, so we treated it as a sale; if you only "
        "carried or shared a small amount, you may qualify for more."
    ),
    # --- The level of the conviction ---
    r.ALREADY_AT_TODAYS_LEVEL: lazy_gettext(
        "Your conviction is already at the level today's law gives, so this law cannot lower it, but "
        "a lawyer may know other ways to clear it."
    ),
    r.LEVEL_UNKNOWN_PRESUMED_HIGHER: lazy_gettext(
        "We do not know whether the conviction was a felony, a misdemeanor or an infraction, so we "
        "assumed it is higher than today's level; the court's record will show."
    ),
    # --- The presumption: unknown facts count in your favor ---
    r.AMOUNT_UNKNOWN_PRESUMED_WITHIN_LIMIT: lazy_gettext(
        "We do not know the amount, so we assumed it was within the adult limit, as the court must "
        "unless the prosecutor proves otherwise."
    ),
    r.PLANTS_UNKNOWN_PRESUMED_SIX_OR_FEWER: lazy_gettext(
        "We do not know how many plants there were, so we assumed six or fewer, as the court must "
        "unless the prosecutor proves otherwise."
    ),
    r.SCHOOL_GROUNDS_UNKNOWN_PRESUMED_NO: lazy_gettext(
        "We do not know whether this happened at a school, so we assumed it did not, as the court "
        "must unless the prosecutor proves otherwise."
    ),
    r.CONCENTRATE_UNKNOWN_PRESUMED_NO: lazy_gettext(
        "We do not know whether it was concentrated cannabis, so we assumed it was not, as the court "
        "must unless the prosecutor proves otherwise."
    ),
    # Translators: "a very serious crime" stands for the "super strike" list of Penal Code
    # 667(e)(2)(C)(iv) (murder, certain sex crimes and the like); keep it plain, not legal jargon.
    r.PRIOR_SUPER_STRIKE_UNKNOWN_PRESUMED_NO: lazy_gettext(
        "We do not know whether you had an earlier conviction for a very serious crime, so we assumed "
        "you did not, as the court must unless the prosecutor proves otherwise."
    ),
    r.SEX_OFFENDER_PRIOR_UNKNOWN_PRESUMED_NO: lazy_gettext(
        "We do not know whether you had an earlier conviction that requires sex offender "
        "registration, so we assumed you did not, as the court must unless the prosecutor proves "
        "otherwise."
    ),
    r.PRIOR_SAME_OFFENSE_UNKNOWN_PRESUMED_FEWER_THAN_TWO: lazy_gettext(
        "We do not know how many earlier convictions you had for the same offense, so we assumed "
        "fewer than two, as the court must unless the prosecutor proves otherwise."
    ),
    r.SALE_TO_MINOR_UNKNOWN_PRESUMED_NO: lazy_gettext(
        "We do not know whether cannabis was sold or given to anyone under 18, so we assumed not, as "
        "the court must unless the prosecutor proves otherwise."
    ),
    r.USED_MINOR_UNKNOWN_PRESUMED_NO: lazy_gettext(
        "We do not know whether someone aged 20 or younger was hired or used, so we assumed not, as "
        "the court must unless the prosecutor proves otherwise."
    ),
    r.IMPORT_EXPORT_UNKNOWN_PRESUMED_NO: lazy_gettext(
        "We do not know whether more than 28.5 grams was brought into or taken out of California, so "
        "we assumed not, as the court must unless the prosecutor proves otherwise."
    ),
    r.ENVIRONMENTAL_VIOLATION_UNKNOWN_PRESUMED_NO: lazy_gettext(
        "We do not know whether the growing harmed water, wildlife or public land, so we assumed not, "
        "as the court must unless the prosecutor proves otherwise."
    ),
    # --- Still serving the sentence ---
    # Translators: Health and Safety Code 11361.8(b): the judge may refuse only for an
    # "unreasonable risk of danger to public safety", a very high bar.
    r.PETITION_PUBLIC_SAFETY_REVIEW: lazy_gettext(
        "Because you are still serving the sentence, the judge can also say no if they find you "
        "would be a serious danger to public safety, which is rare."
    ),
}

RELIEF_TEXT = {
    "dismiss": lazy_gettext("This conviction can be dismissed."),
    "reduce_to_infraction": lazy_gettext("This conviction can be reduced to an infraction."),
    "reduce_to_misdemeanor": lazy_gettext("This conviction can be reduced to a misdemeanor."),
    "no_change": lazy_gettext("Proposition 64 cannot lower this conviction any further."),
    "not_eligible": lazy_gettext("Proposition 64 does not cover this conviction."),
    "needs_review": lazy_gettext("A lawyer should look at this conviction before you file."),
}

TRACK_TEXT = {
    "application": lazy_gettext("You have finished the sentence, so you would file an application."),
    "petition": lazy_gettext("You are still serving the sentence, so you would file a petition."),
    "juvenile": lazy_gettext("This was a juvenile court case, so you would ask the juvenile court."),
    "unknown": lazy_gettext(
        "We do not know whether you have finished the sentence, and that decides what you file."
    ),
}
