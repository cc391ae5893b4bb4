"""Every reason the engine can give is cited, explained in plain words, and actually reachable;
every row of the decision table has a scenario."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from flask_babel import force_locale

from webapp.eligibility import PRESUMPTIONS, REASON_CITATIONS, REASON_CODES, RELIEFS, TRACKS, assess
from webapp.reason_text import REASON_TEXT, RELIEF_TEXT, TRACK_TEXT

from .tables import cases

ENGINE = Path(__file__).resolve().parents[2] / "webapp" / "eligibility"
ROWS = ([f"P{i}" for i in range(1, 13)] + [f"C{i}" for i in range(1, 6)] + [f"S{i}" for i in range(1, 5)]
        + [f"T{i}" for i in range(1, 9)] + ["X1", "X2"] + [f"G{i}" for i in range(1, 6)])


@pytest.fixture(scope="module")
def emitted() -> dict[str, list[str]]:
    """Reason code -> the scenarios that produce it."""
    found: dict[str, list[str]] = {}
    for case in cases():
        for result in assess(case.screening)["results"]:
            for reason in result["reasons"]:
                found.setdefault(reason["code"], []).append(case.name)
    return found


def test_every_emitted_code_has_a_citation_and_a_sentence(emitted):
    for code in emitted:
        assert code in REASON_CITATIONS, code
        assert code in REASON_TEXT, code


def test_every_code_is_reached_by_at_least_one_scenario(emitted):
    assert sorted(set(REASON_CODES) - set(emitted)) == []


def test_the_citation_in_each_result_is_the_one_for_its_code():
    for case in cases():
        for result in assess(case.screening)["results"]:
            for reason in result["reasons"]:
                assert list(reason) == ["code", "citation"]
                assert reason["citation"] == REASON_CITATIONS[reason["code"]]


def test_presumed_means_the_reasons_name_a_presumption():
    for case in cases():
        for result in assess(case.screening)["results"]:
            named = any(r["code"] in PRESUMPTIONS for r in result["reasons"])
            assert result["presumed"] is named, case.name
            if result["presumed"]:
                assert result["relief"] in ("dismiss", "reduce_to_infraction", "reduce_to_misdemeanor")


def test_every_row_of_the_decision_table_has_a_scenario():
    covered = {case.row for case in cases()}
    assert sorted(set(ROWS) - covered) == []


def test_the_texts_cover_exactly_the_vocabularies():
    assert set(REASON_TEXT) == set(REASON_CODES)
    assert set(RELIEF_TEXT) == set(RELIEFS)
    assert set(TRACK_TEXT) == set(TRACKS)


@pytest.mark.parametrize("text", [*REASON_TEXT.values(), *RELIEF_TEXT.values(), *TRACK_TEXT.values()],
                         ids=[*REASON_TEXT, *RELIEF_TEXT, *TRACK_TEXT])
def test_each_text_is_one_whole_plain_sentence(app, text):
    with app.test_request_context(), force_locale("en"):
        sentence = str(text)
    assert sentence[0].isupper()
    assert sentence.endswith(".")
    # One sentence: no full stop followed by a new sentence ("28.5 grams" is not a full stop).
    assert not re.search(r"[.!?]\s+[A-Z]", sentence), sentence
    assert "%(" not in sentence
    assert "{" not in sentence
    # Plain words: none of the legalese the citation next to it already carries.
    for word in ("pursuant", "herein", "thereof", "subdivision", "H&S", "HSC", "11361.8"):
        assert word not in sentence, (word, sentence)
    assert len(sentence) <= 220, "long sentences are hard to read on a phone"


def test_the_engine_never_imports_flask():
    """The rules must run the same in the web app, the command line and a clinic's script."""
    for path in ENGINE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            roots = {name.split(".")[0] for name in names}
            assert not roots & {"flask", "flask_babel", "werkzeug"}, path.name
