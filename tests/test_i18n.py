"""Every language is complete: no untranslated or fuzzy entry, placeholders intact, the template fresh.

The languages are the one list in webapp/languages.py, so a new language is held to the same bar
the moment its line is added."""

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from webapp import languages

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "translations" / "messages.pot"
TRANSLATED = [language for language in languages.LANGUAGES if not language.source]
by_language = pytest.mark.parametrize("po", [
    pytest.param(ROOT / "translations" / language.catalog / "LC_MESSAGES" / "messages.po", id=language.code)
    for language in TRANSLATED
])


def _catalog(path):
    with path.open("rb") as handle:
        return read_po(handle)


@by_language
def test_every_entry_is_translated_and_none_is_fuzzy(po):
    catalog = _catalog(po)
    untranslated = [
        m.id for m in catalog if m.id and not (m.string if isinstance(m.string, str) else all(m.string))
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}"


@by_language
def test_placeholders_match_the_english(po):
    catalog = _catalog(po)
    problems = [(message.id, [str(e) for e in errors]) for message, errors in catalog.check()]
    assert not problems, problems[:3]
    for message in catalog:
        if not message.id or message.pluralizable:
            continue
        for placeholder in ("%(", ")s", ")d"):
            assert message.id.count(placeholder) == message.string.count(placeholder), message.id


@by_language
def test_the_catalog_covers_exactly_the_template(po):
    pot_ids = {m.id for m in _catalog(POT) if m.id}
    po_ids = {m.id for m in _catalog(po) if m.id}
    assert pot_ids - po_ids == set(), "run make update-catalogs and translate the new strings"
    assert po_ids - pot_ids == set(), "the catalog holds strings no longer in the code"


def test_the_template_is_not_stale(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "lazy_gettext",
            "-k",
            "_l",
            "--add-comments=Translators:",
            "--no-location",
            "--sort-output",
            "--no-wrap",
            "--omit-header",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    fresh_ids = {m.id for m in _catalog(fresh) if m.id}
    committed_ids = {m.id for m in _catalog(POT) if m.id}
    assert fresh_ids == committed_ids, (
        "translations/messages.pot is stale: run make update-catalogs. "
        f"New: {sorted(fresh_ids - committed_ids)[:3]}, gone: {sorted(committed_ids - fresh_ids)[:3]}"
    )
