"""Messages reach an advocate as whole sentences in the page's language, never as engine English."""

import gettext

import flask_babel
import pytest
from babel.support import NullTranslations

from webapp.clinic import columns, messages
from webapp.eligibility import InputError, assess
from webapp.eligibility.screening import ROOT
from webapp.packet import validate

from . import sample

BAD_STRINGS = ("zzz", "", " ", "9" * 130, "-1", "3/1/2012", "1850-01-01", "2999-01-01", "a(", "#!")


def _engine_messages() -> set[str]:
    """Every message the engine and the packet give for string cells, as a CSV can hold."""
    found = set()

    def collect(call):
        try:
            call()
        except InputError as error:
            if error.path != ROOT:
                found.add(error.message)

    for field in columns.CONVICTION:
        for bad in BAD_STRINGS:
            collect(lambda f=field, b=bad: assess({"convictions": [{"section": "11357(a)", f: b}]}))
    for field in ("date_of_birth", "prior_super_strike", "sex_offender_registrant"):
        for bad in BAD_STRINGS:
            collect(lambda f=field, b=bad: assess({"person": {f: b},
                                                   "convictions": [{"section": "11357"}]}))
    collect(lambda: assess({"as_of": "x", "convictions": [{"section": "11357"}]}))
    collect(lambda: assess({"person": {"date_of_birth": "1990-01-01"},
                            "convictions": [{"section": "11357", "offense_date": "1980"}]}))
    twice = [{"section": "11357", "id": "a"}, {"section": "11357", "id": "a"}]
    collect(lambda: assess({"convictions": twice}))
    collect(lambda: assess({"convictions": [{"section": "11357"}] * 51}))
    for field in ("name", "street", "city", "state", "zip", "phone", "email"):
        for bad in (*BAD_STRINGS, "two\nlines"):
            collect(lambda f=field, b=bad: validate.petitioner({"name": "A", f: b}))
    for bad in BAD_STRINGS:
        collect(lambda b=bad: validate.petitioner({"name": "A", "attorney": {"name": "B", "bar_number": b}}))
        collect(lambda b=bad: validate.filing_fields({"county": "Fresno", "case_number": b}, "c"))
    collect(lambda: validate.filing_fields({"case_number": "A1"}, "c"))
    return found


def test_every_engine_and_packet_message_has_a_translated_sentence():
    found = _engine_messages()
    assert len(found) >= 20  # the net really catches the engine's messages
    untranslated = [text for text in found
                    if messages.engine_problem(text, 2, "x", "v").template is messages.OTHER]
    assert untranslated == []


def test_a_problem_names_the_row_and_column_and_shows_a_long_value_shortened():
    problem = messages.engine_problem("must be one of yes, no, unknown", 7, "used_minor", "y" * 100)
    text = problem.text()
    assert text.startswith("Row 7, column used_minor: “" + "y" * 39 + "…”")


class Marked(NullTranslations):
    """A stand-in catalog that marks every string it translates."""

    def ugettext(self, message):
        return "«" + message + "»"

    gettext = ugettext

    def ungettext(self, singular, plural, n):
        return "«" + (singular if n == 1 else plural) + "»"

    ngettext = ungettext


@pytest.fixture
def marked_spanish(monkeypatch):
    original = flask_babel.Domain.get_translations

    def translations(domain):
        locale = flask_babel.get_locale()
        if locale is not None and locale.language == "es":
            return Marked()
        return original(domain)

    monkeypatch.setattr(flask_babel.Domain, "get_translations", translations)
    assert isinstance(Marked(), gettext.NullTranslations)


def test_on_a_spanish_page_every_problem_goes_through_the_catalog(client, marked_spanish):
    rows = sample.client_rows(1, 1)
    rows[0].update(level="felonyx", lang="fr")
    response = client.post("/es/clinic", data={"csv_text": sample.write(rows)})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "«Row 2, column lang: “fr” is not a language we offer." in html
    assert "«Row 2, column level:" in html


def test_on_a_spanish_page_a_file_problem_goes_through_the_catalog(client, marked_spanish):
    response = client.post("/es/clinic", data={"csv_text": "client_id|section\nC1|11357\n"})
    assert response.status_code == 400
    assert "«Row 1: we found only one column" in response.get_data(as_text=True)


def test_numbers_in_messages_follow_the_pages_language(app):
    problem = messages.Problem(messages.TOO_MANY_ROWS, params={"limit": messages.number(50_000)})
    with app.test_request_context("/en/clinic"):
        assert "50,000" in problem.text()
    with app.test_request_context("/es/clinic"), flask_babel.force_locale("es"):
        assert "50.000" in problem.text()
    assert "50,000" in problem.text()  # the command line, outside any request
