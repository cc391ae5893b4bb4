"""Legal numbers live in law.toml only (issue 9): every entry is read by some code, and no
sentence a person reads has a legal number typed into it; sentences interpolate the values.

The second test scans every string literal of the Python code (docstrings and comments aside:
they explain, nobody is shown them) and every template, for the renderings of law.toml's values
that a sentence would contain: "28.5 grams", "6 plants", "November 9, 2016", "under 18"...
"""

import ast
import re
from pathlib import Path

import pytest
from babel.dates import format_date

from webapp.eligibility import LAW

ROOT = Path(__file__).resolve().parent.parent
WEBAPP = ROOT / "webapp"
TEMPLATES = ROOT / "templates"
LOADER = WEBAPP / "eligibility" / "parameters.py"

# Files other helpers are still rewriting to read law.toml (issue 9, helper B: reason and result
# sentences; the clinic help and packet instructions). Each is an expected failure until its
# owner's branch is merged: strict, so the merge that fixes one must also take it off this list.
PENDING = {
}
# law.toml entries no code reads yet: strict expected failures, for the lead to settle.
UNREAD: dict[str, str] = {}


def _code_text() -> str:
    sources = [p for p in WEBAPP.rglob("*.py") if p != LOADER]
    sources += list(TEMPLATES.rglob("*.html"))
    return "\n".join(p.read_text(encoding="utf-8") for p in sources)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=UNREAD[name]))
        if name in UNREAD
        else name
        for name in LAW.entries
    ],
)
def test_every_law_entry_is_read_by_code(name):
    text = _code_text()
    reads = (f"LAW.{name}", f'entries["{name}"]')
    assert any(read in text for read in reads), f"law.toml [{name}] is read by no code"


def _renderings() -> list[re.Pattern]:
    grams = [LAW.cannabis_limit_grams, LAW.concentrate_limit_grams, LAW.import_export_concentrate_grams]
    number = "|".join(re.escape(f"{g:g}") for g in grams)
    words = {6: "six", 8: "eight", 4: "four", 18: "eighteen", 21: "twenty-one"}
    plants = f"{LAW.plant_limit}|{words.get(LAW.plant_limit, '')}"
    dates = [LAW.prop64_effective_date, LAW.small_possession_infraction_date]
    written = [format_date(d, "long", locale=loc) for d in dates for loc in ("en", "es")]
    written += [d.isoformat() for d in dates] + [format_date(d, "MMMM d", locale="en") for d in dates]
    adult, use = LAW.adult_age, LAW.adult_use_age
    return [
        re.compile(rf"(?<![\d.])(?:{number})\s*(?:g|grams?|gramos)\b", re.IGNORECASE),
        re.compile(rf"\b(?:{plants})\s+(?:living\s+)?(?:plants?|plantas)\b", re.IGNORECASE),
        *(re.compile(re.escape(w), re.IGNORECASE) for w in written),
        re.compile(rf"\b(?:under|over|aged?|menor de)\s+(?:{adult}|{use - 1}|{use})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{adult}|{use - 1}|{use})\s+(?:years? old\s+)?or\s+(?:older|younger)\b",
                   re.IGNORECASE),
    ]


def _python_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _template_text(path: Path) -> list[tuple[int, str]]:
    blank = lambda m: "\n" * m[0].count("\n")  # noqa: E731 - keep line numbers
    text = re.sub(r"\{#.*?#\}", blank, path.read_text(encoding="utf-8"), flags=re.S)
    return list(enumerate(text.splitlines(), start=1))


def _checked_files() -> list[Path]:
    files = [p for p in WEBAPP.rglob("*.py") if p != LOADER] + sorted(TEMPLATES.rglob("*.html"))
    return sorted(files)


def _param(path: Path):
    name = path.relative_to(ROOT).as_posix()
    if name in PENDING:
        return pytest.param(path, id=name, marks=pytest.mark.xfail(strict=True, reason=PENDING[name]))
    return pytest.param(path, id=name)


@pytest.mark.parametrize("path", [_param(p) for p in _checked_files()])
def test_no_legal_number_is_typed_into_a_sentence(path):
    pieces = _python_strings(path) if path.suffix == ".py" else _template_text(path)
    found = [
        (line, match[0])
        for line, text in pieces
        for pattern in _renderings()
        for match in pattern.finditer(text)
    ]
    assert not found, f"{path.name}: legal numbers typed in (line, text): {found}; interpolate from law.toml"


def test_the_check_can_see_a_typed_legal_number(tmp_path):
    typed = tmp_path / "typed.py"
    typed.write_text('MESSAGE = "No more than 28.5 grams, or 6 plants, before November 9, 2016, under 18."\n')
    found = {m[0] for _, text in _python_strings(typed) for p in _renderings() for m in p.finditer(text)}
    assert found == {"28.5 grams", "6 plants", "November 9, 2016", "November 9", "under 18"}
