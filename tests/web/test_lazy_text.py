"""``lazy_text`` (webapp/i18n.py), the short way the question pages read a declaration's lazy
sentence: the same words as the lazy string's own ``str()``, in every language, for every
sentence the questions declare (legal numbers and dates formatted in included)."""

import flask_babel
import pytest
from flask import g
from flask_babel import LazyString, lazy_pgettext

from webapp import i18n, languages
from webapp.flow.questions import BY_NAME


def _declared_sentences():
    for question in BY_NAME.values():
        yield from (question.text, question.error, question.hint, question.placeholder,
                    question.unknown_label, question.several_text, *question.text_by_section.values())
        for option in question.options_in(None):
            yield from (option.label, option.hint)


SENTENCES = [s for s in _declared_sentences() if isinstance(s, LazyString)]


def test_the_questions_declare_lazy_sentences_with_and_without_numbers():
    assert len(SENTENCES) > 100
    assert any(s._kwargs for s in SENTENCES)  # e.g. "... %(grams)s grams ..."


@pytest.mark.parametrize("code", languages.CODES)
def test_lazy_text_says_what_the_lazy_string_says(app, code):
    with app.test_request_context(f"/{code}/"):
        app.preprocess_request()
        for sentence in SENTENCES:
            assert i18n.lazy_text(sentence) == str(sentence)
        if code != languages.DEFAULT:
            assert i18n.lazy_text(BY_NAME["county"].text) != BY_NAME["county"].text._args[0]


def test_other_lazy_strings_translate_themselves(app):
    # A context-marked sentence and a date are not plain lazy_gettext: taken the long way.
    with app.test_request_context("/es/"):
        app.preprocess_request()
        marked = lazy_pgettext("language chooser", "Start in English")
        dated = LazyString(lambda: "1 de enero")
        assert i18n.lazy_text(marked) == str(marked)
        assert i18n.lazy_text(dated) == "1 de enero"
        assert i18n.lazy_text("plain") == "plain"


def _first_catalog(app, path: str):
    with app.test_request_context(path):
        app.preprocess_request()
        first = i18n.catalog()
        # Flask-Babel, asked afresh in the same request, finds the same catalog and locale.
        g.__dict__.pop("_flask_babel")
        assert flask_babel.get_translations() is first
        return first, str(flask_babel.get_locale())


def test_a_request_s_first_catalog_is_the_one_flask_babel_finds(app):
    kept = app.extensions["crr_first_catalogs"]
    assert not kept
    found = {code: _first_catalog(app, f"/{code}/check/1/county") for code in languages.CODES}
    assert len(kept) == len(languages.CODES)  # each found Flask-Babel's own way, then kept
    for code in (*reversed(languages.CODES), *languages.CODES):  # now from what was kept
        assert _first_catalog(app, f"/{code}/privacy") == found[code]
        assert found[code][1] == languages.catalog_locale(code)
    assert len({id(catalog) for catalog, _ in found.values()}) == len(languages.CODES)
    assert found["es"][0].ugettext("Continue") == "Continuar"


def test_a_forced_locale_is_still_obeyed_after_the_first_lookup(app):
    _first_catalog(app, "/es/")
    with app.test_request_context("/es/"):
        app.preprocess_request()
        assert i18n.gettext("Continue") == "Continuar"
        with flask_babel.force_locale("en"):
            assert i18n.gettext("Continue") == "Continue"
        assert i18n.gettext("Continue") == "Continuar"
    with app.test_request_context("/es/"):
        app.preprocess_request()
        with flask_babel.force_locale("en"):  # forced before any lookup in the request
            assert i18n.gettext("Continue") == "Continue"
        assert i18n.gettext("Continue") == "Continuar"
