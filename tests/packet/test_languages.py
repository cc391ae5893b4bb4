"""Forms stay English in every language; the instructions follow the person's language."""

import pytest
from babel.support import Translations

from webapp.packet import i18n, render

from .conftest import CLEAN, FRESNO_APPLICATION, PETITIONER, normal, pages_text

pytestmark = pytest.mark.slow

SCREENING = {"person": CLEAN, "convictions": FRESNO_APPLICATION}
# Whole sentences from templates/packet/instructions.html, as they appear in the catalog.
PROBES = ("Step 3: File the forms with the court", "There is no fee to file this petition or application.")


@pytest.fixture(scope="module")
def packets():
    return {
        lang: [normal(t) for t in pages_text(render(SCREENING, PETITIONER, lang))] for lang in ("en", "es")
    }


def court_pages(pages):
    return [p for p in pages if p.startswith(("CR-400 ATTORNEY", "CR-401 ATTORNEY", "ATTACHMENT TO CR-400"))]


def test_forms_and_attachment_are_the_same_english_in_both_languages(packets):
    assert len(court_pages(packets["en"])) == 3
    assert court_pages(packets["es"]) == court_pages(packets["en"])


def spanish_catalog() -> Translations:
    mo = i18n.TRANSLATIONS_DIR / "es" / "LC_MESSAGES" / "messages.mo"
    if not mo.is_file():
        pytest.skip("no compiled Spanish catalog (make compile-catalogs)")
    catalog = Translations.load(str(i18n.TRANSLATIONS_DIR), ["es"])
    missing = [p for p in PROBES if catalog.gettext(p) == p]
    if missing:
        pytest.skip(f"Spanish catalog does not translate the packet strings yet, e.g. {missing[0]!r} "
                    "(make update-catalogs, translate, compile)")
    return catalog


def test_instructions_are_in_spanish_when_the_catalog_has_them(packets):
    catalog = spanish_catalog()
    spanish = " ".join(packets["es"])
    for probe in PROBES:
        assert normal(catalog.gettext(probe)) in spanish
        assert probe not in spanish


def test_instructions_are_english_in_english(packets):
    english = " ".join(packets["en"])
    for probe in PROBES:
        assert probe in english


def test_missing_catalog_falls_back_to_english_and_logs_once(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        with caplog.at_level("WARNING", logger="webapp.packet.i18n"):
            first = i18n.translations("es")
            second = i18n.translations("es")
        assert first is second
        assert first.gettext(PROBES[0]) == PROBES[0]
        assert len([r for r in caplog.records if "fall back to English" in r.getMessage()]) == 1
    finally:
        i18n.translations.cache_clear()
