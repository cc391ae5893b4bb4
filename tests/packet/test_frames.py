"""The committed form drawings are exactly what the layout files give."""

import json

import pytest

from webapp.packet import forms, frames


@pytest.mark.parametrize(("form", "number"), frames.all_pages())
def test_committed_frame_matches_the_layout(form, number):
    assert frames.frame_path(form, number).read_text(encoding="utf-8") == frames.frame_svg(form, number), (
        "run: .venv/bin/python -m webapp.packet.frames"
    )


def test_every_page_of_every_form_has_a_drawing():
    assert frames.all_pages() == [("CR-400", 1), ("CR-401", 1), ("CR-403", 1), ("CR-403", 2)]
    css = (forms.FORMS_DIR.parent / "packet.css").read_text()
    for form, number in frames.all_pages():
        name = frames.frame_path(form, number).name
        assert f'url("forms/{name}")' in css


@pytest.mark.parametrize(("form", "number"), frames.all_pages())
def test_frame_draws_every_printed_line_box_and_arrow(form, number):
    svg = frames.frame_svg(form, number)
    layout = forms.load(form, number)
    raw = json.loads((forms.FORMS_DIR / f"{form.lower()}-2024.layout.json").read_text())["pages"][number - 1]
    assert svg.count("<line ") == len(layout.rules) == len(raw["lines"])
    assert svg.count("<rect ") == len(layout.boxes)
    # The signature arrow of CR-400/CR-401; CR-403's judge signs on a plain rule.
    assert svg.count("<polygon ") == len(layout.arrows) == len(raw["images"])
    assert 'fill="#c0c0c0"' not in svg  # the screen-only gray box is not printed
