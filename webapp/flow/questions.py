"""Every question of the guided check, declared once.

A declaration holds everything about a question: the answer's name (which is the contract field
it fills, unless it is page-only), the sentence asked, its hint, the choices with their labels,
the widget, the message when it is left unanswered, and the rule for when it is asked. From it
come the WTForms form (forms.py), the path (path.py), the check-answers labels (labels.py), the
question page (templates/question.html) and the screening sent to the engine (screening.py).

Choice values are the engine's own (webapp.eligibility.vocabulary), never retyped: ``options``
refuses a value the engine does not know. A rule is a pure function of the answers given so far
for that conviction, read through its ``Facts`` (for the person questions, of every conviction's
``Facts``): a question is asked only when the engine's outcome can turn on it.

Every sentence is one whole sentence through lazy_gettext, never composed from fragments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from flask_babel import LazyString, format_date
from flask_babel import lazy_gettext as _l

from .. import counties
from ..eligibility import LAW
from ..eligibility import vocabulary as v
from ..i18n import lazy_text

RADIO, SELECT, YEAR = "radio", "select", "year"

# The legal numbers the sentences quote, read from law.toml and never typed into a sentence: each
# sentence takes what it names, as _l("... %(grams)s grams ...", **LEGAL). A date is written the way
# the page's language writes dates, when the page is shown.
LEGAL = {
    "grams": f"{LAW.cannabis_limit_grams:g}",
    "concentrate": f"{LAW.concentrate_limit_grams:g}",
    "import_concentrate": f"{LAW.import_export_concentrate_grams:g}",
    "plants": str(LAW.plant_limit),
    "minor_age": str(LAW.adult_age),
    "adult_age": str(LAW.adult_age),
    "last_under_use_age": str(LAW.adult_use_age - 1),
    "use_age": str(LAW.adult_use_age),
    "cutoff": LazyString(lambda: format_date(LAW.prop64_effective_date, format="long")),
}

CONVICTION, PERSON, MORE = "conviction", "person", "more"


@dataclass(frozen=True)
class Option:
    value: str
    label: object  # a lazy string
    hint: object | None = None


def _same(value: str):
    return value


@dataclass(frozen=True)
class Question:
    name: str  # the answer's key, and the contract field it fills
    text: object  # the page's h1 and legend
    error: object  # shown when the answer is missing or not one of the choices
    options: Callable[[], tuple[Option, ...]] = tuple
    hint: object | None = None
    widget: str = RADIO
    scope: str = CONVICTION
    # When the question is asked: of one conviction's Facts (scope CONVICTION), or of the list
    # of every conviction's Facts (scope PERSON).
    asked: Callable = field(default=lambda answers: True)
    # The answer as the engine takes it; None from it leaves the field out (the engine's unknown).
    # ``page_only`` questions are kept in the cookie for the pages but never sent to the engine.
    to_contract: Callable[[str], object] = _same
    page_only: bool = False
    placeholder: object | None = None  # SELECT: the empty first entry
    unknown_label: object | None = None  # YEAR: the tick box for "I don't know"
    # PERSON: the sentence asked when there are several convictions ("Before any of these ...").
    several_text: object | None = None
    # CONVICTION: a sentence that depends on the section, where the law words the question differently.
    text_by_section: dict = field(default_factory=dict)
    # CONVICTION: choices that depend on the conviction's other answers (its county's courthouses).
    options_for: Callable[[dict], tuple[Option, ...]] | None = None

    def options_in(self, conviction: dict | None) -> tuple[Option, ...]:
        if self.options_for is not None:
            return self.options_for(conviction or {})
        return self.options()

    def asked_text(self, several: bool = False, conviction: dict | None = None):
        if conviction and conviction.get("section") in self.text_by_section:
            return self.text_by_section[conviction["section"]]
        return self.several_text if several and self.several_text else self.text

    @property
    def choice_hints(self) -> dict:
        return {o.value: o.hint for o in self.options() if o.hint}

    def label(self, value: str, conviction: dict | None = None) -> str:
        """How a stored answer reads on the check-answers page."""
        if self.widget == YEAR and value == v.UNKNOWN:
            return lazy_text(self.unknown_label)
        return next((lazy_text(o.label) for o in self.options_in(conviction) if o.value == value), value)


def options(field_name: str | None, *pairs, allowed: tuple = ()) -> Callable[[], tuple[Option, ...]]:
    """Choices from (value, label[, hint]) tuples, checked against the engine's vocabulary for
    ``field_name`` (plus ``allowed``): a typo or a value the engine dropped fails at import."""
    known = set(v.CHOICES.get(field_name, ())) | set(allowed)
    built = tuple(Option(*pair) for pair in pairs)
    unknown = [o.value for o in built if o.value not in known]
    if unknown:
        raise ValueError(f"{field_name}: {unknown} are not in the engine's vocabulary")
    return lambda: built


NOT_SURE = (v.UNKNOWN, _l("I'm not sure"))
YES_NO_NOT_SURE = ((v.YES, _l("Yes")), (v.NO, _l("No")), NOT_SURE)


@cache
def _county_options() -> tuple[Option, ...]:
    # The 58 counties are read once per process; the page asking for one built them every time.
    return tuple(Option(c.slug, c.name) for c in counties.all_counties())


def _known(value: str):
    # "Not sure" about the county is the same as not saying: the engine cannot tell which county.
    return None if value == v.UNKNOWN else value


def _count(value: str):
    return value if value == v.UNKNOWN else int(value)


def _county_of(c: dict | Facts) -> counties.County | None:
    # The choices read a conviction's answers, the rules its Facts: both answer ``get``.
    slug = c.get("county")
    return _county(slug) if slug and slug != v.UNKNOWN else None


@lru_cache(maxsize=128)
def _county(slug: str) -> counties.County | None:
    # The path asks a dozen times a page (courthouses, cities); find() normalises the name each time.
    return counties.find(slug)


def _courthouse_options(c: dict) -> tuple[Option, ...]:
    county = _county_of(c)
    offices = county.clerk_offices if county else ()
    # Court names are proper names, printed as the court writes them; what each office handles is
    # the research's English description, which carries its language (counties.InLanguage).
    return (*(Option(o.id, o.name, o.handles) for o in offices), Option(*NOT_SURE))


def _city_options(c: dict) -> tuple[Option, ...]:
    county = _county_of(c)
    cities = county.city_prosecutors if county else ()
    return (
        *(Option(p.slug, p.city) for p in cities),
        Option(counties.OTHER, _l("Another city, or outside any city")),
        Option(*NOT_SURE),
    )


# --- What the rules look at ---------------------------------------------------------------------

# Sections the check can name in plain words; anything else is out of scope (see law.md G2).
IN_SCOPE = {*v.HSC_SECTIONS, v.UNKNOWN}
SALE_CONDUCT = {v.SALE, v.TRANSPORT_FOR_SALE, v.IMPORT_EXPORT, v.GIVE_AWAY, v.UNKNOWN, None}
PERSONAL_CONDUCT = (v.GIVE_AWAY, v.TRANSPORT_PERSONAL)


# Proposition 64 took effect during this year, so for it alone the year does not say which side.
CUTOFF_YEAR = LAW.prop64_effective_date.year


def offense_before_cutoff(c: dict) -> bool | None:
    """True/False when the answers place the offense before/after Proposition 64 took effect,
    None when unsure."""
    year = c.get("offense_date")
    if not year or year == v.UNKNOWN:
        return None
    if year == str(CUTOFF_YEAR):
        return {v.YES: True, v.NO: False}.get(c.get("offense_before_cutoff"))
    return int(year) < CUTOFF_YEAR


class Facts:
    """One conviction's answers as the rules read them: ``get`` reads an answer, and the facts
    that many rules share are worked out once, when the view is made, because the path reads
    every rule of every conviction (worked out in each rule, they were a third of what an answer
    cost). A view holds the answers of one moment: make a new one after any answer changes."""

    __slots__ = (
        "get", "section", "in_scope", "under_old_law", "adult_facts", "filed_in_adult_court",
        "personal_11360", "sale_11360", "over_or_unsure", "priors_matter",
    )

    def __init__(self, answers: dict):
        self.get = get = answers.get
        self.section = section = get("section")
        # Cannabis in a prison (Penal Code 4573.6) or another law: the answer does not depend on facts.
        self.in_scope = section in IN_SCOPE
        # Offenses on or after Proposition 64 took effect were sentenced under the new law: nothing more.
        self.under_old_law = self.in_scope and offense_before_cutoff(answers) is not False
        # Under 18, every in-scope offense became an infraction (11357(a)(1), 11358(a), 11359(a),
        # 11360(a)(1)), so amounts and aggravating facts no longer change the outcome.
        self.adult_facts = (
            self.under_old_law and section != v.UNKNOWN and get("age_at_offense") != v.UNDER_18
        )
        # A juvenile case is filed with the juvenile court, whose papers these questions do not fill.
        self.filed_in_adult_court = self.in_scope and get("court") != v.JUVENILE
        conduct = get("conduct")
        # Giving away or carrying for oneself can be lawful or an infraction depending on the amount
        # and on concentrate (11362.1(a), 11360(b)); so can transport for sale, which 11360(b) makes
        # an infraction up to 28.5 grams of non-concentrated cannabis. An unclear act is judged as a sale.
        self.personal_11360 = section == "11360" and conduct in (*PERSONAL_CONDUCT, v.TRANSPORT_FOR_SALE)
        self.sale_11360 = section == "11360" and conduct in SALE_CONDUCT
        self.over_or_unsure = get("amount") != v.WITHIN
        # A prior very serious conviction could keep this conviction a felony (11358(d)(1),
        # 11359(c)(1), 11360(a)(3)(A)): exactly when earlier convictions matter.
        self.priors_matter = self.adult_facts and (
            (section == "11358" and self.over_or_unsure) or section == "11359" or self.sale_11360
        )


def _several_courthouses(c: Facts) -> bool:
    county = _county_of(c)
    return c.filed_in_adult_court and county is not None and county.needs_courthouse_question


def _city_may_prosecute(c: Facts) -> bool:
    county = _county_of(c)
    return (
        c.filed_in_adult_court
        and c.get("level") == v.MISDEMEANOR
        and county is not None
        and county.needs_city_question
    )


def _any_felony_rules(convictions: list[Facts]) -> bool:
    return any(c.priors_matter for c in convictions)


# The super-strike hint names each category of Penal Code 667(e)(2)(C)(iv) in one translated
# sentence. law.toml holds the list: if a category is added or dropped there, this fails at import
# so the hint (and its translations) are rewritten with it.
SUPER_STRIKE_HINT_NAMES = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
if tuple(LAW.super_strike_categories) != SUPER_STRIKE_HINT_NAMES:
    raise ValueError(
        "law.toml super_strike_categories changed: rewrite the prior_super_strike hint to match"
    )


# --- The questions, in the order they are asked -------------------------------------------------

QUESTIONS: tuple[Question, ...] = (
    Question(
        "county",
        _l("In which California county were you convicted?"),
        _l("Choose the county where you were convicted."),
        _county_options,
        hint=_l(
            "This is the county of the court that handled the case. If you have convictions in "
            "several counties, answer for one now; you can add the others next."
        ),
        widget=SELECT,
        placeholder=_l("Choose a county"),
        to_contract=_known,
    ),
    Question(
        "section",
        _l("What was the conviction for?"),
        _l("Choose what the conviction was for, or say you are not sure."),
        options(
            None,
            ("11357", _l("Having cannabis (possession)"), _l("Health and Safety Code 11357")),
            ("11358", _l("Growing cannabis plants (cultivation)"), _l("Health and Safety Code 11358")),
            ("11359", _l("Having cannabis in order to sell it (possession for sale)"),
             _l("Health and Safety Code 11359")),
            ("11360", _l("Selling, giving away, transporting or importing cannabis"),
             _l("Health and Safety Code 11360")),
            (v.PRISON_SECTION, _l("Having cannabis in a prison or jail"), _l("Penal Code 4573.6 or 4573.8")),
            ("other", _l("Something else"), _l("For example another drug, or driving under the influence.")),
            NOT_SURE,
            allowed=(*v.HSC_SECTIONS, v.PRISON_SECTION, "other", v.UNKNOWN),
        ),
        hint=_l(
            "Choose the closest description. If you have your court papers or record, the law section "
            "is shown next to each choice."
        ),
    ),
    Question(
        "conduct",
        _l("What did the case say you did with the cannabis?"),
        _l("Choose what you did with the cannabis, or say you are not sure."),
        options(
            "conduct",
            (v.SALE, _l("Sold it, or offered to sell it")),
            (v.TRANSPORT_FOR_SALE, _l("Carried or transported it in order to sell it")),
            (v.TRANSPORT_PERSONAL, _l("Carried or transported it for my own use, not to sell")),
            (v.GIVE_AWAY, _l("Gave it away without being paid")),
            (v.IMPORT_EXPORT, _l("Brought it into California or took it out of California")),
            NOT_SURE,
        ),
        hint=_l("Section 11360 covers several different acts, and the law now treats them differently."),
        asked=lambda c: c.in_scope and c.section == "11360",
    ),
    Question(
        "level",
        _l("Was the conviction a felony, a misdemeanor or an infraction?"),
        _l("Choose felony, misdemeanor or infraction, or say you are not sure."),
        options(
            "level",
            (v.FELONY, _l("Felony")),
            (v.MISDEMEANOR, _l("Misdemeanor")),
            (v.INFRACTION, _l("Infraction")),
            NOT_SURE,
        ),
        hint=_l(
            "A felony is the most serious level. An infraction is the lowest, usually only a fine. "
            "Your court papers or record say which."
        ),
        asked=lambda c: c.in_scope,
    ),
    Question(
        "offense_date",
        _l("In what year did it happen?"),
        _l("Enter the year it happened, for example 2012, or tick \u201cI don't know the year\u201d."),
        hint=_l(
            "The year of the arrest or offense, not of the court date. What matters is whether it was "
            "before %(cutoff)s, when Proposition 64 took effect. A best guess is fine.", **LEGAL),
        widget=YEAR,
        unknown_label=_l("I don't know the year"),
        asked=lambda c: c.in_scope,
        page_only=True,  # sent to the engine as a date, with offense_before_cutoff (screening.py)
    ),
    Question(
        "offense_before_cutoff",
        _l("Did it happen before %(cutoff)s?", **LEGAL),
        _l("Say whether it happened before %(cutoff)s, or that you are not sure.", **LEGAL),
        options(
            None,
            (v.YES, _l("Yes, before %(cutoff)s", **LEGAL)),
            (v.NO, _l("No, on or after %(cutoff)s", **LEGAL)),
            NOT_SURE,
            allowed=v.TRISTATE,
        ),
        hint=_l(
            "Proposition 64 took effect on %(cutoff)s. Offenses from that day on were already "
            "judged under the new law.", **LEGAL),
        asked=lambda c: c.in_scope and c.get("offense_date") == str(CUTOFF_YEAR),
        page_only=True,
    ),
    Question(
        "age_at_offense",
        _l("How old were you when it happened?"),
        _l("Choose how old you were, or say you are not sure."),
        options(
            None,
            (v.UNDER_18, _l("Under %(adult_age)s", **LEGAL)),
            (v.AGE_18_20, _l("From %(adult_age)s to %(last_under_use_age)s", **LEGAL)),
            (v.AGE_21_PLUS, _l("%(use_age)s or older", **LEGAL)),
            NOT_SURE,
            allowed=(*v.AGE_BANDS, v.UNKNOWN),
        ),
        hint=_l("Your age on the day of the offense, not on the day of the conviction."),
        asked=lambda c: c.under_old_law,
    ),
    Question(
        "court",
        _l("Was the case handled by a juvenile court?"),
        _l("Say whether the case was in juvenile court, or that you are not sure."),
        options(
            "court",
            (v.JUVENILE, _l("Yes, juvenile court")),
            (v.ADULT, _l("No, adult court")),
            NOT_SURE,
        ),
        hint=_l(
            "Young people's cases are usually heard in juvenile court. Some are moved to adult court. "
            "If you are not sure, we will tell you to check before you file."
        ),
        # An unknown age may still have been a juvenile-court case, which settles the age (11361.8(m)).
        # "Not sure" reaches the engine, which sends the case to review rather than to adult court.
        asked=lambda c: c.under_old_law and c.get("age_at_offense") in (v.UNDER_18, v.UNKNOWN),
    ),
    Question(
        "amount",
        _l("How much cannabis was involved?"),
        _l("Choose how much cannabis was involved, or say you are not sure."),
        options(
            "amount",
            (
                v.WITHIN,
                _l(
                    "No more than %(grams)s grams (and no more than %(concentrate)s grams of concentrate), "
                    "or no more than %(plants)s plants", **LEGAL),
            ),
            (v.OVER, _l("More than that")),
            NOT_SURE,
        ),
        hint=_l(
            "%(grams)s grams is about one ounce. %(concentrate)s grams of concentrated cannabis (such as "
            "hash, wax or oil) is the other limit. For growing, the limit is %(plants)s living plants.",
            **LEGAL,
        ),
        asked=lambda c: c.adult_facts and (c.section in ("11357", "11358") or c.personal_11360),
    ),
    Question(
        "concentrated",
        _l("Was it concentrated cannabis?"),
        _l("Say whether it was concentrated cannabis, or that you are not sure."),
        options("concentrated", *YES_NO_NOT_SURE),
        hint=_l("Concentrated cannabis means things like hash, wax, shatter or oil, not the plant itself."),
        asked=lambda c: c.adult_facts and (c.section == "11357" or c.personal_11360),
    ),
    Question(
        "school_grounds",
        _l("Did it happen on the grounds of a school while the school was open?"),
        _l("Say whether it happened on school grounds, or that you are not sure."),
        options("school_grounds", *YES_NO_NOT_SURE),
        hint=_l(
            "This means a kindergarten, elementary, middle or high school, during school hours or activities."
        ),
        asked=lambda c: c.adult_facts and c.section == "11357" and c.get("amount") != v.OVER,
    ),
    Question(
        "sale_to_minor",
        # 11360(a)(3)(C): selling, offering, furnishing, administering or giving away to a minor.
        _l(
            "Did the case involve selling, offering, furnishing or giving away cannabis to someone "
            "under %(minor_age)s?", **LEGAL),
        _l("Say whether the case involved someone under %(minor_age)s, or that you are not sure.",
           **LEGAL),
        options("sale_to_minor", *YES_NO_NOT_SURE),
        # 11359(c)(3) names only a knowing sale, or attempted sale, to a minor: not giving.
        text_by_section={
            "11359": _l(
                "Did the case involve knowingly selling, or trying to sell, cannabis to someone "
                "under %(minor_age)s?", **LEGAL),
        },
        asked=lambda c: c.adult_facts and (c.section == "11359" or c.sale_11360),
    ),
    Question(
        "used_minor",
        _l("Did the case involve hiring or using someone aged %(last_under_use_age)s or younger to help?",
           **LEGAL),
        _l(
            "Say whether the case involved using someone aged %(last_under_use_age)s or younger, "
            "or that you are not sure.", **LEGAL),
        options("used_minor", *YES_NO_NOT_SURE),
        hint=_l("For example, to carry, sell or grow the cannabis."),
        # 11359(d) applies only to a person 21 or older.
        asked=lambda c: c.adult_facts and c.section == "11359" and c.get("age_at_offense") != v.AGE_18_20,
    ),
    Question(
        "import_export_over_limit",
        _l(
            "Did it involve bringing more than %(grams)s grams into California, or taking it out of "
            "California to sell?", **LEGAL),
        _l("Say whether cannabis was brought into or taken out of California, or that you are not sure."),
        options("import_export_over_limit", *YES_NO_NOT_SURE),
        hint=_l("For concentrated cannabis the amount is %(import_concentrate)s grams.", **LEGAL),
        asked=lambda c: c.adult_facts and c.section == "11360"
        and c.get("conduct") in (v.IMPORT_EXPORT, v.TRANSPORT_FOR_SALE, v.UNKNOWN),
    ),
    Question(
        "environmental_violation",
        _l("Was the growing case also about harm to the environment?"),
        _l("Say whether the case was also about harm to the environment, or that you are not sure."),
        options("environmental_violation", *YES_NO_NOT_SURE),
        hint=_l(
            "For example taking water illegally, polluting streams, or harming fish, wildlife or public land."
        ),
        asked=lambda c: c.adult_facts and c.section == "11358" and c.over_or_unsure,
    ),
    Question(
        "prior_same_offense_convictions",
        _l("Before this case, how many times had you been convicted of the same offense?"),
        _l("Choose how many earlier convictions you had for the same offense, or say you are not sure."),
        options(
            None,
            ("0", _l("None")),
            ("1", _l("Once")),
            ("2", _l("Twice or more")),
            NOT_SURE,
            allowed=(*(str(n) for n in v.PRIOR_COUNTS), v.UNKNOWN),
        ),
        hint=_l("Count only earlier convictions for the same kind of cannabis offense."),
        asked=lambda c: c.priors_matter,
        to_contract=_count,
    ),
    Question(
        "sentence",
        _l("Are you still serving any part of the sentence for this conviction?"),
        _l("Say whether you are still serving the sentence, or that you are not sure."),
        options(
            "sentence",
            (v.SERVING, _l("Yes, I am still serving part of it")),
            (v.COMPLETED, _l("No, I have finished it")),
            NOT_SURE,
        ),
        hint=_l(
            "This includes jail, prison, probation, parole, post-release community supervision and "
            "mandatory supervision."
        ),
        asked=lambda c: c.in_scope,
    ),
    Question(
        "courthouse",
        _l("Which courthouse handled the case?"),
        _l("Choose the courthouse that handled the case, or say you are not sure."),
        hint=_l(
            "The court in this county has several criminal clerk's offices. Your court papers name the "
            "courthouse. If you are not sure, the forms will list each office with its phone number."
        ),
        options_for=_courthouse_options,
        asked=_several_courthouses,
        page_only=True,  # not the engine's: the packet reads it (webapp/counties.py FILING_FIELDS)
    ),
    Question(
        "prosecutor_city",
        _l("In which city did it happen?"),
        _l("Choose the city where it happened, or say you are not sure."),
        hint=_l(
            "In some cities the city attorney, not the District Attorney, handles misdemeanors. The "
            "city tells us which office to name on the court form."
        ),
        options_for=_city_options,
        asked=_city_may_prosecute,
        page_only=True,  # not the engine's: the packet reads it (webapp/counties.py FILING_FIELDS)
    ),
    Question(
        "prior_super_strike",
        _l(
            "Before this cannabis case, had you been convicted of one of a short list of very serious crimes?"
        ),
        _l("Say whether you had one of these earlier convictions, or that you are not sure."),
        options("prior_super_strike", (v.NO, _l("No")), (v.YES, _l("Yes")), NOT_SURE),
        several_text=_l(
            "Before any of these cannabis cases, had you been convicted of one of a short list of very "
            "serious crimes?"
        ),
        hint=_l(
            "The law calls these \u201csuper strikes\u201d (Penal Code 667(e)(2)(C)(iv)). They are: a "
            "sexually violent offense; oral copulation, sodomy or sexual penetration of a child under 14 "
            "by someone more than 10 years older; a lewd act on a child under 14; murder, attempted "
            "murder or any homicide in Penal Code 187 to 191.5, including gross vehicular manslaughter "
            "while intoxicated (191.5); solicitation to commit murder (653f); assault on a police officer "
            "or firefighter with a machine gun; possessing a weapon of mass destruction; and any serious "
            "or violent felony punished by life in prison or death. Most people have none. Your answer "
            "stays in your browser and is only used for this check."
        ),
        scope=PERSON,
        asked=_any_felony_rules,
    ),
    Question(
        "sex_offender_registrant",
        _l(
            "Before this cannabis case, had you been convicted of an offense that requires "
            "registering as a sex offender?"
        ),
        _l("Say whether you had such a conviction, or that you are not sure."),
        options("sex_offender_registrant", (v.NO, _l("No")), (v.YES, _l("Yes")), NOT_SURE),
        several_text=_l(
            "Before any of these cannabis cases, had you been convicted of an offense that requires "
            "registering as a sex offender?"
        ),
        hint=_l(
            "This means registration under Penal Code 290. Your answer stays in your browser and is "
            "only used for this check."
        ),
        scope=PERSON,
        asked=_any_felony_rules,
    ),
    Question(
        "add_another",
        _l("Do you have another cannabis conviction to check?"),
        _l("Say whether you have another conviction to check."),
        options(None, (v.YES, _l("Yes")), (v.NO, _l("No")), allowed=(v.YES, v.NO)),
        hint=_l("It can be in the same county or in another one. Each case is checked separately."),
        scope=MORE,
        page_only=True,
    ),
)

BY_NAME = {q.name: q for q in QUESTIONS}
CONVICTION_QUESTIONS = tuple(q.name for q in QUESTIONS if q.scope == CONVICTION)
PERSON_QUESTIONS = tuple(q.name for q in QUESTIONS if q.scope == PERSON)
