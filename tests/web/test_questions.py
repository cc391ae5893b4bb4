"""Each question is declared once (webapp/flow/questions.py); forms, path, labels, pages, the
engine's screening and the clinic columns all come from that declaration."""

import pytest
from flask import request

from webapp.clinic import columns
from webapp.eligibility import vocabulary
from webapp.flow import questions
from webapp.flow.forms import form_class
from webapp.flow.questions import BY_NAME, QUESTIONS, options

from .pages import refused
from .test_flow import ALAMEDA_SALE, FRESNO_POSSESSION


def test_every_engine_question_is_a_contract_field_and_a_clinic_column():
    engine = [q.name for q in QUESTIONS if not q.page_only]
    fields = set(vocabulary.CONVICTION_FIELDS) | set(vocabulary.PERSON_FIELDS)
    assert set(engine) <= fields
    assert set(engine) <= set(columns.CONVICTION) | set(columns.PERSON)


def test_choices_are_the_engines_values():
    for question in QUESTIONS:
        engine_values = vocabulary.CHOICES.get(question.name)
        if engine_values and question.widget == questions.RADIO:
            offered = {o.value for o in question.options()}
            assert offered <= set(engine_values) | {vocabulary.UNKNOWN}, question.name


def test_a_choice_the_engine_does_not_know_fails_at_declaration():
    with pytest.raises(ValueError, match="not in the engine's vocabulary"):
        options("level", ("felon", "Felon"))


def test_every_question_has_a_form_whose_field_is_its_answer(app):
    with app.test_request_context("/en/check"):
        for question in QUESTIONS:
            form = form_class(question.name)(meta={"csrf": False})
            assert form.field.name == question.name
            assert form.widget == question.widget
            if question.widget != questions.YEAR:
                assert [c.value for c in form.field.choices] == [o.value for o in question.options_in(None)]


@pytest.mark.parametrize("year", ["²⁰¹²", "①②③④", "２０１２", "20 12", "99999"])
def test_a_year_in_non_ascii_digits_is_refused_with_a_message_not_a_500(client, year):
    response = client.post("/en/check/1/county", data={"county": "fresno"})
    client.post("/en/check/1/section", data={"section": "11357"})
    client.post("/en/check/1/level", data={"level": "misdemeanor"})
    response = refused(client, "/en/check/1/offense_date", {"offense_date": year})
    assert "four digits" in response.get_data(as_text=True)


def test_check_answers_labels_come_from_the_declaration(app):
    with app.test_request_context("/en/check"):
        assert BY_NAME["level"].label("felony") == "Felony"
        assert BY_NAME["offense_date"].label("unknown") == "I don't know the year"
        assert BY_NAME["county"].label("fresno") == "Fresno"


CHOSEN = [q.name for q in QUESTIONS if q.widget in (questions.RADIO, questions.SELECT)]


@pytest.mark.parametrize("question", CHOSEN)
def test_an_answer_taken_without_the_form_is_the_one_the_form_takes(app, question):
    """Answers plainly among the choices are stored without building the form
    (``plain_answer``): exactly those the form accepts, with the value it would store."""
    declaration = BY_NAME[question]
    for conviction in (None, {}, FRESNO_POSSESSION, ALAMEDA_SALE):
        offered = [o.value for o in declaration.options_in(conviction)]
        posts = [{question: [value]} for value in offered]
        posts += [{}, {question: [""]}, {question: ["bogus"]}, {question: ["ünï"]},
                  {question: [offered[0] + " "]}, {question: [offered[0], "bogus"]},
                  {question: ["bogus", offered[0]]}, {question.upper(): [offered[0]]}]
        for data in posts:
            with app.test_request_context(f"/en/check/1/{question}", method="POST", data=data):
                form = form_class(question)()
                form.for_conviction(conviction)
                accepted = form.validate()
                plain = form_class(question).plain_answer(request.form, conviction)
                assert plain == (form.value() if accepted else None), (conviction, data)
