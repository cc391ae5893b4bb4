"""The committed form drawings are exactly what the layout files give."""

import pytest

from webapp.packet import forms, frames


@pytest.mark.parametrize("form", ["CR-400", "CR-401"])
def test_committed_frame_matches_the_layout(form):
    assert frames.frame_path(form).read_text(encoding="utf-8") == frames.frame_svg(form), (
        "run: .venv/bin/python -m webapp.packet.frames"
    )


@pytest.mark.parametrize("form", ["CR-400", "CR-401"])
def test_frame_draws_every_printed_line_box_and_arrow(form):
    svg = frames.frame_svg(form)
    layout = forms.load(form)
    assert svg.count("<line ") == len(layout.rules)
    assert svg.count("<rect ") == len(layout.boxes)
    assert svg.count("<polygon ") == len(layout.arrows) == 1
    assert 'fill="#c0c0c0"' not in svg  # the screen-only gray box is not printed
