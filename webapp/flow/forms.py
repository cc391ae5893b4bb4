"""The WTForms form for each question, built from its declaration (questions.py).

The field's name is the answer's name and each choice's value is the engine's value, so pages,
engine and tests speak one language. A missing or unexpected answer gets the question's own
sentence, never WTForms' generic "Not a valid choice".
"""

from datetime import date
from functools import cache

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import BooleanField, RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import StopValidation, ValidationError

from ..eligibility import vocabulary
from ..i18n import lazy_text
from ..kept_pages import Hole, checked, selected
from .questions import BY_NAME, RADIO, SELECT, YEAR, Question

YEAR_DIGITS = 4
EARLIEST_YEAR = 1900


def _translated(sentence):
    """A declaration's lazy sentence, translated once for this page: a lazy string translates
    again on every read, and the page reads each several times (``{% if hint %}``, then the hint).
    Markup, because that is how the lazy string renders (its ``__html__``): our own sentences.
    Anything else (a county's or a court's name) is left as it is, to be escaped as before."""
    return Markup(lazy_text(sentence)) if isinstance(sentence, LazyString) else sentence  # noqa: S704 (as before)


def _choices(options) -> list[SelectChoice]:
    return [SelectChoice(o.value, o.label) for o in options]


class QuestionForm(FlaskForm):
    """A page that asks one question; ``declaration`` is the question it asks."""

    class Meta:
        # The app's CSRFProtect checks the token of every form post before any view runs
        # (webapp/app.py, tests/web/test_security.py), and the page writes the token itself
        # (macros.form_start): a second check of the same token by the form is work for nothing.
        csrf = False

    declaration: Question
    several = False  # set by the page: a person question asked about several convictions
    conviction: dict | None = None  # set by the page: the answers of the conviction asked about

    @property
    def field_name(self) -> str:
        return self.declaration.name

    @property
    def widget(self) -> str:
        return self.declaration.widget

    @property
    def question(self):
        return _translated(self.declaration.asked_text(self.several, self.conviction))

    @property
    def hint(self):
        return _translated(self.declaration.hint)

    @property
    def field(self):
        return self[self.field_name]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.widget in (RADIO, SELECT):
            self.field.choices = _choices(self.declaration.options_in(None))

    def for_conviction(self, conviction: dict | None) -> "QuestionForm":
        """Ask about this conviction: its wording, and choices that depend on its answers."""
        self.conviction = conviction
        if self.declaration.options_for is not None:
            self.field.choices = _choices(self.declaration.options_in(conviction))
        return self

    def translate_choices(self) -> "QuestionForm":
        """Before the page is shown: each choice's label translated once (an answer sent back is
        checked against the values alone, and needs no translation)."""
        if self.widget in (RADIO, SELECT):
            self.field.choices = [SelectChoice(c.value, _translated(c.label), c.render_kw, c.optgroup)
                                  for c in self.field.choices]
        return self

    @property
    def choice_hints(self) -> dict:
        hints = ((o.value, _translated(o.hint)) for o in self.declaration.options_in(self.conviction))
        return {value: hint for value, hint in hints if hint}

    def value(self) -> str:
        """The answer code to store."""
        return self.field.data

    def show(self, value: str) -> None:
        """Pre-fill the page with a stored answer code."""
        self.field.data = value

    @property
    def keepable(self) -> bool:
        """Whether the page can be kept (webapp/kept_pages.py): not when it shows errors or what
        was typed back."""
        return not self.errors

    @classmethod
    def words_of(cls, conviction: dict | None) -> tuple:
        """What of the page's words follow the answers: the choices a county offers (each
        court's name and what it handles, each city), the wording a section gives. Part of a
        kept page's key, so each county's page is kept apart, in each language."""
        declaration, words = cls.declaration, ()
        if declaration.options_for is not None:
            # Names and hints as well as values: no two counties share a court's or a city's
            # value today, but a page must never show another county's names if they did.
            words += tuple((o.value, lazy_text(o.label), o.hint and lazy_text(o.hint))
                           for o in declaration.options_in(conviction))
        if declaration.text_by_section:
            section = (conviction or {}).get("section")
            words += (section if section in declaration.text_by_section else None,)
        return words

    def shape(self) -> tuple:
        """What the kept page of this form depends on: its question, asked about one conviction
        or several, which choices it offers (the last page of convictions drops "add"), and the
        words that follow the answers."""
        choices = [c.value for c in self.field.choices] if self.widget in (RADIO, SELECT) else []
        return self.shape_of(self.several, choices, self.conviction)

    @classmethod
    def shape_of(cls, several: bool, choices: list[str], conviction: dict | None) -> tuple:
        return cls.declaration.name, several, tuple(choices), cls.words_of(conviction)

    def hole_values(self) -> dict[str, object]:
        """What fills the holes ``make_holes`` leaves: which choice is ticked."""
        return self.holes_of(self.field.data, [choice.value for choice in self.field.choices])

    @classmethod
    def holes_of(cls, data, offered: list[str]) -> dict[str, object]:
        write = checked if cls.declaration.widget == RADIO else selected  # as the macros write it
        return {f"{cls.declaration.name}={value}": write(value == data) for value in offered}

    @classmethod
    def stored_page(cls, several: bool, conviction: dict | None, value: str | None) -> tuple[tuple, dict]:
        """The shape and hole values of this question's page showing the stored answer
        ``value``, known from the declaration without building the form (a WTForms form is
        7% of a question page): what the form itself gives for the same page (``shape``, and
        ``hole_values`` after ``show``)."""
        offered = [option.value for option in cls.declaration.options_in(conviction)]
        return cls.shape_of(several, offered, conviction), cls.holes_of(value, offered)

    @classmethod
    def plain_answer(cls, posted, conviction: dict | None) -> str | None:
        """The answer posted for this question when it is plainly one of the choices offered,
        known without building the form (a WTForms form is a tenth of an answer): the value
        the form would store. None when the form must judge it, and say what is wrong."""
        if cls.declaration.widget not in (RADIO, SELECT):
            return None
        value = posted.get(cls.declaration.name)  # the first one sent, as WTForms reads it
        return value if _offered(value, cls.declaration.options_in(conviction)) else None

    def make_holes(self) -> None:
        """Draw the page with nothing of the person's in it: each choice's state a hole."""
        self.field.data = Hole(self.field_name)


def _offered(value, choices) -> bool:
    return value not in (None, "") and value in {choice.value for choice in choices}


class _OneOfChoices:
    def __init__(self, *args, message="", **kwargs):
        super().__init__(*args, **kwargs)
        self.message = message

    def iter_choices(self):
        choices = super().iter_choices()
        if isinstance(self.data, Hole):  # a kept page being drawn: each choice's state a hole
            return [choice._replace(selected=self.data.of(choice.value)) for choice in choices]
        return choices

    def pre_validate(self, form):
        if not _offered(self.data, self.choices):
            raise StopValidation(self.message)


class Choice(_OneOfChoices, RadioField):
    pass


class Select(_OneOfChoices, SelectField):
    pass


class YearForm(QuestionForm):
    """A year typed as four ASCII digits, or a tick box for "I don't know" named
    ``<question>_unknown`` (offense_date_unknown)."""

    @property
    def unknown_field(self):
        return self[f"{self.field_name}_unknown"]

    def validate(self, extra_validators=None):
        extra = {name: list(checks) for name, checks in (extra_validators or {}).items()}
        extra.setdefault(self.field_name, []).append(_check_year)
        return super().validate(extra)

    def value(self) -> str:
        return (self.field.data or "").strip() or vocabulary.UNKNOWN

    def show(self, value: str) -> None:
        if value == vocabulary.UNKNOWN:
            self.unknown_field.data = True
        else:
            self.field.data = value

    def hole_values(self) -> dict[str, object]:
        return self.year_holes(self.field.data or "", self.unknown_field.data)

    @classmethod
    def year_holes(cls, year: str, unknown) -> dict[str, object]:
        return {cls.declaration.name: year, f"{cls.declaration.name}_unknown": checked(unknown)}

    @classmethod
    def stored_page(cls, several: bool, conviction: dict | None, value: str | None) -> tuple[tuple, dict]:
        unknown = value == vocabulary.UNKNOWN
        holes = cls.year_holes("" if unknown or value is None else value, unknown)
        return cls.shape_of(several, [], conviction), holes

    def make_holes(self) -> None:
        self.field.data = Hole(self.field_name)
        self.unknown_field.data = Hole(self.unknown_field.name)


def _check_year(form: YearForm, field) -> None:
    text = (field.data or "").strip()
    if not text:
        if form.unknown_field.data:
            return
        raise ValidationError(form.declaration.error)
    # ASCII only: "²" and "①" are digits to str.isdigit() but not to int().
    if not (len(text) == YEAR_DIGITS and text.isascii() and text.isdigit()):
        raise ValidationError(_l("Enter the year as four digits, for example 2012."))
    if not EARLIEST_YEAR <= int(text) <= date.today().year:
        raise ValidationError(_l("Enter a year between 1900 and this year."))


@cache
def form_class(name: str) -> type[QuestionForm]:
    """The form class of question ``name``, made once per process."""
    question = BY_NAME[name]
    class_name = f"{name.title().replace('_', '')}Form"
    if question.widget == YEAR:
        fields = {question.name: StringField(), f"{question.name}_unknown": BooleanField()}
        return type(class_name, (YearForm,), {"declaration": question, **fields})
    field_type = Select if question.widget == SELECT else Choice
    fields = {question.name: field_type(message=question.error)}
    return type(class_name, (QuestionForm,), {"declaration": question, **fields})


def form_for(name: str) -> QuestionForm:
    return form_class(name)()


class ActionForm(FlaskForm):
    """A button that changes something (start again, remove a conviction): CSRF only."""
