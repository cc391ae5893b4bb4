"""One form class per question. The field's name is the contract field it fills, and each choice's
value is the contract value, so pages, engine and tests speak one language.

Every message is one whole sentence through lazy_gettext: no "Select " + thing composition, which
cannot be translated into Spanish with its genders and articles.
"""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import StopValidation, ValidationError

from .. import counties

NOT_SURE = ("unknown", _l("I'm not sure"))
YES_NO_NOT_SURE = [("yes", _l("Yes")), ("no", _l("No")), NOT_SURE]


class QuestionForm(FlaskForm):
    """A page that asks one question. ``question`` is the h1 and legend; ``hint`` sits under it."""

    field_name: str = ""
    question = _l("")
    hint = None
    choice_hints: dict = {}

    @property
    def field(self):
        return self[self.field_name]

    def value(self) -> str:
        """The answer code to store."""
        return self.field.data

    def show(self, value: str) -> None:
        """Pre-fill the page with a stored answer code."""
        self.field.data = value


class _OneOfChoices:
    """A missing or unexpected value gets the question's own sentence, never WTForms' generic
    "Not a valid choice" (which would also be a second, duplicate error)."""

    def __init__(self, *args, message="", **kwargs):
        super().__init__(*args, **kwargs)
        self.message = message

    def pre_validate(self, form):
        if self.data in (None, "") or self.data not in {choice.value for choice in self.choices}:
            raise StopValidation(self.message)


class Choice(_OneOfChoices, RadioField):
    pass


class Select(_OneOfChoices, SelectField):
    pass


def _radio(name: str, choices, message):
    return Choice(choices=[SelectChoice(value, label) for value, label in choices], message=message)


class CountyForm(QuestionForm):
    field_name = "county"
    question = _l("In which California county were you convicted?")
    hint = _l(
        "This is the county of the court that handled the case. If you have convictions in "
        "several counties, answer for one now; you can add the others next."
    )
    county = Select(message=_l("Choose the county where you were convicted."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.county.choices = [SelectChoice(c.slug, c.name) for c in counties.all_counties()]


class SectionForm(QuestionForm):
    field_name = "section"
    question = _l("What was the conviction for?")
    hint = _l(
        "Choose the closest description. If you have your court papers or record, the law section "
        "is shown next to each choice."
    )
    choice_hints = {
        "11357": _l("Health and Safety Code 11357"),
        "11358": _l("Health and Safety Code 11358"),
        "11359": _l("Health and Safety Code 11359"),
        "11360": _l("Health and Safety Code 11360"),
        "PC 4573.6": _l("Penal Code 4573.6 or 4573.8"),
        "other": _l("For example another drug, or driving under the influence."),
    }
    section = _radio(
        "section",
        [
            ("11357", _l("Having cannabis (possession)")),
            ("11358", _l("Growing cannabis plants (cultivation)")),
            ("11359", _l("Having cannabis in order to sell it (possession for sale)")),
            ("11360", _l("Selling, giving away, transporting or importing cannabis")),
            ("PC 4573.6", _l("Having cannabis in a prison or jail")),
            ("other", _l("Something else")),
            NOT_SURE,
        ],
        _l("Choose what the conviction was for, or say you are not sure."),
    )


class ConductForm(QuestionForm):
    field_name = "conduct"
    question = _l("What did the case say you did with the cannabis?")
    hint = _l("Section 11360 covers several different acts, and the law now treats them differently.")
    conduct = _radio(
        "conduct",
        [
            ("sale", _l("Sold it, or offered to sell it")),
            ("transport_for_sale", _l("Carried or transported it in order to sell it")),
            ("transport_personal", _l("Carried or transported it for my own use, not to sell")),
            ("give_away", _l("Gave it away without being paid")),
            ("import_export", _l("Brought it into California or took it out of California")),
            NOT_SURE,
        ],
        _l("Choose what you did with the cannabis, or say you are not sure."),
    )


class LevelForm(QuestionForm):
    field_name = "level"
    question = _l("Was the conviction a felony, a misdemeanor or an infraction?")
    hint = _l(
        "A felony is the most serious level. An infraction is the lowest, usually only a fine. "
        "Your court papers or record say which."
    )
    level = _radio(
        "level",
        [
            ("felony", _l("Felony")),
            ("misdemeanor", _l("Misdemeanor")),
            ("infraction", _l("Infraction")),
            NOT_SURE,
        ],
        _l("Choose felony, misdemeanor or infraction, or say you are not sure."),
    )


class OffenseYearForm(QuestionForm):
    field_name = "offense_date"
    question = _l("In what year did it happen?")
    hint = _l(
        "The year of the arrest or offense, not of the court date. What matters is whether it was "
        "before November 9, 2016, when Proposition 64 took effect. A best guess is fine."
    )
    offense_date = StringField()
    offense_date_unknown = BooleanField(_l("I don't know the year"))

    def validate_offense_date(self, field):
        text = (field.data or "").strip()
        if not text:
            if self.offense_date_unknown.data:
                return
            raise ValidationError(
                _l("Enter the year it happened, for example 2012, or tick \u201cI don't know the year\u201d.")
            )
        # ASCII only: "²²²²" passes isdigit and fails int(); "٢٠١٢" the engine refuses (issue 12).
        if not (len(text) == 4 and text.isascii() and text.isdigit()):
            raise ValidationError(_l("Enter the year as four digits, for example 2012."))
        if not 1900 <= int(text) <= date.today().year:
            raise ValidationError(_l("Enter a year between 1900 and this year."))

    def value(self) -> str:
        text = (self.offense_date.data or "").strip()
        return text or "unknown"

    def show(self, value: str) -> None:
        if value == "unknown":
            self.offense_date_unknown.data = True
        else:
            self.offense_date.data = value


class OffenseCutoffForm(QuestionForm):
    field_name = "offense_before_cutoff"
    question = _l("Did it happen before November 9, 2016?")
    hint = _l(
        "Proposition 64 took effect on November 9, 2016. Offenses from that day on were already "
        "judged under the new law."
    )
    offense_before_cutoff = _radio(
        "offense_before_cutoff",
        [
            ("yes", _l("Yes, before November 9, 2016")),
            ("no", _l("No, on or after November 9, 2016")),
            NOT_SURE,
        ],
        _l("Say whether it happened before November 9, 2016, or that you are not sure."),
    )


class AgeForm(QuestionForm):
    field_name = "age_at_offense"
    question = _l("How old were you when it happened?")
    hint = _l("Your age on the day of the offense, not on the day of the conviction.")
    age_at_offense = _radio(
        "age_at_offense",
        [
            ("under_18", _l("Under 18")),
            ("18_20", _l("18, 19 or 20")),
            ("21_plus", _l("21 or older")),
            NOT_SURE,
        ],
        _l("Choose how old you were, or say you are not sure."),
    )


class CourtForm(QuestionForm):
    field_name = "court"
    question = _l("Was the case handled by a juvenile court?")
    hint = _l("Young people's cases are usually heard in juvenile court. Some are moved to adult court.")
    court = _radio(
        "court",
        [("juvenile", _l("Yes, juvenile court")), ("adult", _l("No, adult court")), NOT_SURE],
        _l("Say whether the case was in juvenile court, or that you are not sure."),
    )


class AmountForm(QuestionForm):
    field_name = "amount"
    question = _l("How much cannabis was involved?")
    hint = _l(
        "28.5 grams is about one ounce. 8 grams of concentrated cannabis (such as hash, wax or oil) "
        "is the other limit. For growing, the limit is 6 living plants."
    )
    amount = _radio(
        "amount",
        [
            (
                "within_personal_limit",
                _l(
                    "No more than 28.5 grams (and no more than 8 grams of concentrate), "
                    "or no more than 6 plants"
                ),
            ),
            ("over_personal_limit", _l("More than that")),
            NOT_SURE,
        ],
        _l("Choose how much cannabis was involved, or say you are not sure."),
    )


class ConcentratedForm(QuestionForm):
    field_name = "concentrated"
    question = _l("Was it concentrated cannabis?")
    hint = _l("Concentrated cannabis means things like hash, wax, shatter or oil, not the plant itself.")
    concentrated = _radio(
        "concentrated",
        YES_NO_NOT_SURE,
        _l("Say whether it was concentrated cannabis, or that you are not sure."),
    )


class SchoolGroundsForm(QuestionForm):
    field_name = "school_grounds"
    question = _l("Did it happen on the grounds of a school while the school was open?")
    hint = _l(
        "This means a kindergarten, elementary, middle or high school, during school hours or activities."
    )
    school_grounds = _radio(
        "school_grounds",
        YES_NO_NOT_SURE,
        _l("Say whether it happened on school grounds, or that you are not sure."),
    )


class SaleToMinorForm(QuestionForm):
    field_name = "sale_to_minor"
    question = _l("Did the case involve selling, offering or giving cannabis to someone under 18?")
    sale_to_minor = _radio(
        "sale_to_minor",
        YES_NO_NOT_SURE,
        _l("Say whether the case involved someone under 18, or that you are not sure."),
    )


class UsedMinorForm(QuestionForm):
    field_name = "used_minor"
    question = _l("Did the case involve hiring or using someone aged 20 or younger to help?")
    hint = _l("For example, to carry, sell or grow the cannabis.")
    used_minor = _radio(
        "used_minor",
        YES_NO_NOT_SURE,
        _l("Say whether the case involved using someone aged 20 or younger, or that you are not sure."),
    )


class ImportExportForm(QuestionForm):
    field_name = "import_export_over_limit"
    question = _l(
        "Did it involve bringing more than 28.5 grams into California, or taking it out of "
        "California to sell?"
    )
    hint = _l("For concentrated cannabis the amount is 4 grams.")
    import_export_over_limit = _radio(
        "import_export_over_limit",
        YES_NO_NOT_SURE,
        _l("Say whether cannabis was brought into or taken out of California, or that you are not sure."),
    )


class EnvironmentalForm(QuestionForm):
    field_name = "environmental_violation"
    question = _l("Was the growing case also about harm to the environment?")
    hint = _l(
        "For example taking water illegally, polluting streams, or harming fish, wildlife or public land."
    )
    environmental_violation = _radio(
        "environmental_violation",
        YES_NO_NOT_SURE,
        _l("Say whether the case was also about harm to the environment, or that you are not sure."),
    )


class PriorsForm(QuestionForm):
    field_name = "prior_same_offense_convictions"
    question = _l("Before this case, how many times had you been convicted of the same offense?")
    hint = _l("Count only earlier convictions for the same kind of cannabis offense.")
    prior_same_offense_convictions = _radio(
        "prior_same_offense_convictions",
        [("0", _l("None")), ("1", _l("Once")), ("2", _l("Twice or more")), NOT_SURE],
        _l("Choose how many earlier convictions you had for the same offense, or say you are not sure."),
    )


class SentenceForm(QuestionForm):
    field_name = "sentence"
    question = _l("Are you still serving any part of the sentence for this conviction?")
    hint = _l(
        "This includes jail, prison, probation, parole, post-release community supervision and "
        "mandatory supervision. Unpaid fines alone do not count."
    )
    sentence = _radio(
        "sentence",
        [
            ("serving", _l("Yes, I am still serving part of it")),
            ("completed", _l("No, I have finished it")),
            NOT_SURE,
        ],
        _l("Say whether you are still serving the sentence, or that you are not sure."),
    )


class SuperStrikeForm(QuestionForm):
    field_name = "prior_super_strike"
    question = _l(
        "Before this cannabis case, had you been convicted of one of a short list of very serious crimes?"
    )
    hint = _l(
        "The law calls these \u201csuper strikes\u201d (Penal Code 667(e)(2)(C)(iv)). They are "
        "murder or attempted murder, certain sex crimes against children, sexually violent "
        "offenses, assault on a police officer or firefighter with a machine gun, weapons of mass "
        "destruction, and crimes punishable by life in prison or death. Most people have none. "
        "Your answer stays in your browser and is only used for this check."
    )
    prior_super_strike = _radio(
        "prior_super_strike",
        [("no", _l("No")), ("yes", _l("Yes")), NOT_SURE],
        _l("Say whether you had one of these earlier convictions, or that you are not sure."),
    )


class RegistrantForm(QuestionForm):
    field_name = "sex_offender_registrant"
    question = _l(
        "Before this cannabis case, had you been convicted of an offense that requires "
        "registering as a sex offender?"
    )
    hint = _l(
        "This means registration under Penal Code 290. Your answer stays in your browser and is "
        "only used for this check."
    )
    sex_offender_registrant = _radio(
        "sex_offender_registrant",
        [("no", _l("No")), ("yes", _l("Yes")), NOT_SURE],
        _l("Say whether you had such a conviction, or that you are not sure."),
    )


class MoreForm(QuestionForm):
    field_name = "add_another"
    question = _l("Do you have another cannabis conviction to check?")
    hint = _l("It can be in the same county or in another one. Each case is checked separately.")
    add_another = _radio(
        "add_another",
        [("yes", _l("Yes")), ("no", _l("No"))],
        _l("Say whether you have another conviction to check."),
    )


class ActionForm(FlaskForm):
    """A button that changes something (start again, remove a conviction): CSRF only."""


FORMS = {
    form.field_name: form
    for form in (
        CountyForm,
        SectionForm,
        ConductForm,
        LevelForm,
        OffenseYearForm,
        OffenseCutoffForm,
        AgeForm,
        CourtForm,
        AmountForm,
        ConcentratedForm,
        SchoolGroundsForm,
        SaleToMinorForm,
        UsedMinorForm,
        ImportExportForm,
        EnvironmentalForm,
        PriorsForm,
        SentenceForm,
        SuperStrikeForm,
        RegistrantForm,
        MoreForm,
    )
}
