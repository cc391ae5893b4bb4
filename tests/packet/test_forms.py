"""The form pages are built from the official geometry: every printed string, in order, in place."""

import json

import pytest

from webapp.packet import forms, metrics
from webapp.packet.fields import CR400_CHECKS

from .conftest import FIXTURES, assert_in_order, official_pieces

# Every page of every form we draw: CR-403, the proposed order, has two.
PAGES = [("CR-400", 1), ("CR-401", 1), ("CR-403", 1), ("CR-403", 2)]


def raw_page(form: str, number: int) -> dict:
    return json.loads((forms.FORMS_DIR / f"{form.lower()}-2024.layout.json").read_text())["pages"][number - 1]


@pytest.mark.parametrize("form", ["CR-400", "CR-401", "CR-403"])
def test_layout_copies_match_the_research(form):
    # webapp/packet/forms/ holds copies; the research folder (../shared beside the checkout, which
    # may sit one level deeper as a worktree) is the reference when present.
    from pathlib import Path

    here = Path(__file__).resolve()
    reference = next((p / "shared" / "reference" / "forms" for p in here.parents
                      if (p / "shared" / "reference" / "forms").is_dir()), here)
    name = f"{form.lower()}-2024.layout.json"
    if not (reference / name).is_file():
        pytest.skip("research folder not available")
    assert json.loads((forms.FORMS_DIR / name).read_text()) == json.loads((reference / name).read_text())
    assert (FIXTURES / f"{form.lower()}-2024.text.md").read_text() == (
        reference / f"{form.lower()}-2024.text.md"
    ).read_text()


@pytest.mark.parametrize(("form", "number"), PAGES)
def test_reading_order_is_the_official_reading_order(form, number):
    page = forms.fill(form, {}, set(), number)
    assert_in_order(official_pieces(form, number), "\n".join(t.text for t in page.texts))


@pytest.mark.parametrize(("form", "number"), PAGES)
def test_every_printed_run_is_drawn_once_and_screen_only_items_are_not(form, number):
    raw = raw_page(form, number)
    printed = [t["text"] for t in raw["texts"] if t.get("printed", True) is not False]
    drawn = [r.text for t in forms.fill(form, {}, set(), number).texts for row in t.rows for r in row]
    assert sorted(drawn) == sorted(printed)
    assert not any("Clear This Form" in text for text in drawn)
    boxes = forms.load(form, number).boxes
    assert len(boxes) == sum(1 for r in raw["rects"] if r["kind"] in ("checkbox", "box"))


@pytest.mark.parametrize(("form", "number"), PAGES)
def test_text_keeps_official_position_size_and_style(form, number):
    raw = raw_page(form, number)
    printed = sorted((t["text"], t["size_pt"], t["bold"], t["italic"]) for t in raw["texts"]
                     if t.get("printed", True) is not False)
    items = forms.load(form, number).lines
    drawn = sorted((r.text, r.size, r.bold, r.italic) for i in items for row in i.rows for r in row)
    assert drawn == printed
    starts = {(t["text"], t["x"], t["y"]) for t in raw["texts"]}
    for item in items:
        assert (item.runs[0].text, item.x, item.baseline) in starts


def test_check_mark_sits_inside_its_printed_box():
    page = forms.fill("CR-400", {}, {CR400_CHECKS["item_1c"]})
    check = next(t for t in page.texts if t.kind == "check")
    assert check.text == "X"
    x, y, w, h = forms.load("CR-400").checkbox_rects["CR-400[0].Page1[0].LI1[0].li1c[0].Checkbox[0]"]
    assert (check.x, check.width) == (x, w)
    cap_height = forms.CAP_HEIGHT * check.size
    assert y < check.baseline < check.baseline + cap_height < y + h
    # The X is read right before its label.
    texts = [t.text for t in page.texts]
    assert texts[texts.index("X") + 1] == "11359 - Possession of Marijuana for Sale"


def test_long_values_shrink_to_fit_their_field_but_never_below_the_minimum():
    name = "Maximiliana Esperanza de la Concepción Villaseñor-Rodríguez y Fernández de Córdoba Jr."
    page = forms.fill("CR-400", {"AttyPartyInfo[0].Name[0]": name}, set())
    value = next(t for t in page.texts if t.kind == "value")
    assert forms.MIN_VALUE_SIZE_PT <= value.size <= forms.VALUE_SIZE_PT
    assert metrics.width_em(name) * value.size <= value.width + 0.01
    short = forms.fill("CR-400", {"AttyPartyInfo[0].Name[0]": "Ana Ruiz"}, set())
    assert next(t for t in short.texts if t.kind == "value").size == forms.VALUE_SIZE_PT


def test_unknown_field_is_a_programming_error():
    with pytest.raises(KeyError):
        forms.fill("CR-400", {"NoSuchField[0]": "x"}, set())
