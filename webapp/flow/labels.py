"""How a stored answer code reads on the check-answers page, in the page's language."""

from flask_babel import gettext

from .. import counties
from .forms import FORMS


def answer_label(question: str, value: str) -> str:
    if question == "county":
        county = counties.find(value)
        return county.name if county else value
    if question == "offense_date":
        return gettext("I don't know the year") if value == "unknown" else value
    form = FORMS[question]
    unbound = getattr(form, question)
    for choice in unbound.kwargs.get("choices", []):
        if choice.value == value:
            return str(choice.label)
    return value


def question_text(question: str) -> str:
    return str(FORMS[question].question)
