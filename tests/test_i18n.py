"""Spanish is complete: no untranslated or fuzzy entry, placeholders intact, the template fresh."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "translations" / "messages.pot"
PO = ROOT / "translations" / "es" / "LC_MESSAGES" / "messages.po"


def _catalog(path):
    with path.open("rb") as handle:
        return read_po(handle)


def test_every_spanish_entry_is_translated_and_none_is_fuzzy():
    catalog = _catalog(PO)
    untranslated = [
        m.id for m in catalog if m.id and not (m.string if isinstance(m.string, str) else all(m.string))
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}"


def test_spanish_placeholders_match_the_english():
    catalog = _catalog(PO)
    problems = [(message.id, [str(e) for e in errors]) for message, errors in catalog.check()]
    assert not problems, problems[:3]
    for message in catalog:
        if not message.id or message.pluralizable:
            continue
        for placeholder in ("%(", ")s", ")d"):
            assert message.id.count(placeholder) == message.string.count(placeholder), message.id


def test_the_spanish_catalog_covers_exactly_the_template(tmp_path):
    pot_ids = {m.id for m in _catalog(POT) if m.id}
    po_ids = {m.id for m in _catalog(PO) if m.id}
    assert pot_ids - po_ids == set(), "run make update-catalogs and translate the new strings"
    assert po_ids - pot_ids == set(), "the Spanish catalog holds strings no longer in the code"


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
