"""The one language list (webapp/languages.py): every listed language has its catalog and its menu
entry on every page, production refuses a missing or stale catalog, and a new language is its
catalog plus one line (proved here with a temporary catalog)."""

import os
import shutil
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from webapp import create_app, languages

from .conftest import TEST_SECRET
from .web.journey import walk
from .web.test_flow import FRESNO_POSSESSION

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"


def test_every_listed_language_has_a_catalog_and_every_catalog_is_listed():
    listed = {language.catalog for language in languages.LANGUAGES if not language.source}
    present = {p.parent.parent.name for p in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")}
    assert listed - present == set(), "a listed language has no translations/<catalog>/ catalog"
    assert present - listed == set(), "a catalog is not in webapp/languages.py: add its one line"


def test_codes_are_unique_and_the_source_language_comes_first():
    codes = [language.code for language in languages.LANGUAGES]
    assert len(set(codes)) == len(codes)
    assert languages.LANGUAGES[0].code == languages.DEFAULT


def _menu(html: str) -> list:
    return BeautifulSoup(html, "html.parser").select("nav.lang-menu li")


@pytest.mark.parametrize("lang", languages.CODES)
def test_every_page_offers_every_language_by_its_own_name_for_the_same_page(client, lang):
    walk(client, lang, [FRESNO_POSSESSION], {}, check=False)
    for path in (f"/{lang}/", f"/{lang}/check/1/section?change=1", f"/{lang}/check/answers",
                 f"/{lang}/results", f"/{lang}/clinic"):
        entries = _menu(client.get(path).get_data(as_text=True))
        assert len(entries) == len(languages.LANGUAGES), path
        for entry, language in zip(entries, languages.LANGUAGES, strict=True):
            target = entry.select_one("[lang]")
            assert target["lang"] == language.code
            assert target.get_text(strip=True) == language.name
            if language.code == lang:
                assert target.name == "span" and target["aria-current"] == "true"  # noqa: PT018
            else:
                assert target["hreflang"] == language.code
                assert target["href"] == path.replace(f"/{lang}/", f"/{language.code}/", 1), path


def test_every_unreviewed_language_says_so_on_its_pages_and_english_does_not(client):
    for language in languages.LANGUAGES:
        soup = BeautifulSoup(client.get(f"/{language.code}/").get_data(as_text=True), "html.parser")
        note = soup.select_one(".translation-note")
        assert (note is None) == language.reviewed, language.code
        if note is not None:
            assert note.select_one("a")["href"] == "/en/"


def _copy_catalogs(target: Path) -> Path:
    shutil.copytree(TRANSLATIONS, target, ignore=shutil.ignore_patterns("*.pot", "*.md"))
    return target


def _production(directory: Path):
    return create_app({"PRODUCTION": True, "SECRET_KEY": TEST_SECRET,
                       "BABEL_TRANSLATION_DIRECTORIES": str(directory)})


def test_production_starts_with_fresh_catalogs(tmp_path):
    assert _production(_copy_catalogs(tmp_path / "t")).config["PRODUCTION"]


def test_production_refuses_to_start_without_a_compiled_catalog(tmp_path):
    directory = _copy_catalogs(tmp_path / "t")
    (directory / "es" / "LC_MESSAGES" / "messages.mo").unlink()
    with pytest.raises(RuntimeError, match="es: no compiled catalog"):
        _production(directory)


def test_production_refuses_to_start_with_a_catalog_compiled_before_its_last_edit(tmp_path):
    directory = _copy_catalogs(tmp_path / "t")
    po = directory / "es" / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    os.utime(mo, (po.stat().st_mtime - 60, po.stat().st_mtime - 60))
    with pytest.raises(RuntimeError, match="older than"):
        _production(directory)


def test_locally_a_missing_catalog_only_warns_and_pages_fall_back_to_english(tmp_path):
    directory = tmp_path / "empty"
    directory.mkdir()
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET,
                      "BABEL_TRANSLATION_DIRECTORIES": str(directory)})
    assert app.test_client().get("/es/").status_code == 200


@pytest.fixture
def with_a_new_language(tmp_path, monkeypatch):
    """A language as translators would add the next one (French, say): a catalog (here the Spanish
    one with the site's name marked) and one line in the list. URL code fr, catalog directory fr."""
    directory = _copy_catalogs(tmp_path / "t")
    with (TRANSLATIONS / "es" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    catalog["Cannabis Record Relief"].string = "TEST-FR"
    folder = directory / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(TRANSLATIONS / "es" / "LC_MESSAGES" / "messages.po", folder / "messages.po")
    with (folder / "messages.mo").open("wb") as handle:
        write_mo(handle, catalog)
    listed = (*languages.LANGUAGES, languages.Language("fr", "fr", "Français"))
    monkeypatch.setattr(languages, "LANGUAGES", listed)
    monkeypatch.setattr(languages, "BY_CODE", {language.code: language for language in listed})
    monkeypatch.setattr(languages, "CODES", tuple(language.code for language in listed))
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "WTF_CSRF_ENABLED": False,
                      "PRODUCTION": True, "SUPPORTED_LOCALES": languages.CODES,
                      "BABEL_TRANSLATION_DIRECTORIES": str(directory)})
    return app.test_client()


def test_a_new_language_is_its_catalog_and_one_line(with_a_new_language):
    client = with_a_new_language
    soup = BeautifulSoup(client.get("/fr/").get_data(as_text=True), "html.parser")
    assert soup.html["lang"] == "fr"
    assert soup.select_one(".site-name").get_text(strip=True) == "TEST-FR"
    assert soup.select_one(".translation-note") is not None
    assert len(_menu(str(soup))) == len(languages.LANGUAGES)
    spanish = BeautifulSoup(client.get("/es/check/1/county").get_data(as_text=True), "html.parser")
    links = {a["hreflang"]: a["href"] for a in spanish.select("nav.lang-menu a")}
    assert links == {code: f"/{code}/check/1/county" for code in languages.CODES if code != "es"}
    assert "fr" in links
    chooser = BeautifulSoup(client.get("/").get_data(as_text=True), "html.parser")
    assert [a["hreflang"] for a in chooser.select(".language-list a")] == list(languages.CODES)
    page = client.get("/fr/check/1/county")
    question = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    assert question.html["lang"] == "fr"
    assert question.select_one("select[name=county]") is not None


def test_the_packet_command_line_refuses_a_language_without_a_compiled_catalog(tmp_path, monkeypatch, capsys):
    from webapp.packet.__main__ import main

    monkeypatch.setattr(languages, "TRANSLATIONS", tmp_path)  # no catalogs at all
    out = tmp_path / "p.pdf"
    assert main(["-", "-o", str(out), "--lang", "es"]) == 2
    assert "cannot write the instructions in es" in capsys.readouterr().err
    assert not out.exists()
