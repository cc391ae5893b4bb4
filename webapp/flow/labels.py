"""How a stored answer code reads on the check-answers page, in the page's language."""

from .questions import BY_NAME


def answer_label(question: str, value: str) -> str:
    return BY_NAME[question].label(value)


def question_text(question: str) -> str:
    return str(BY_NAME[question].text)
