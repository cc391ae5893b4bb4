"""webapp/packet/markers.py: list bullets copied from one laid-out bullet give the packet WeasyPrint
lays out itself, page for page (content streams, text, structure tree)."""

from io import BytesIO

import pytest
from pypdf import PdfReader
from weasyprint.layout import absolute

from webapp.packet import markers, render

from .conftest import ALAMEDA_PETITION, CLEAN, FRESNO_APPLICATION, PETITIONER

pytestmark = pytest.mark.slow

# Two counties: a cover page with a numbered list, and two checklists full of bullets.
SCREENING = {"person": CLEAN, "convictions": FRESNO_APPLICATION + ALAMEDA_PETITION}


def test_the_hook_installs_on_the_pinned_weasyprint():
    assert markers.install(), "WeasyPrint internals changed: see webapp/packet/markers.py"
    assert absolute.absolute_box_layout is markers._absolute_box_layout


def _structure(node) -> tuple:
    node = node.get_object()
    kids = node.get("/K")
    kids = [] if kids is None else kids if isinstance(kids, list) else [kids]
    return (str(node.get("/S")), tuple(k if isinstance(k, int) else _structure(k) for k in kids))


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_copied_bullets_give_the_same_pages_as_laid_out_ones(lang):
    markers.install()
    render(SCREENING, PETITIONER, lang)  # the first bullet of each kind is laid out and kept
    copied = PdfReader(BytesIO(render(SCREENING, PETITIONER, lang)))
    assert markers._LAID_OUT, "no bullet was kept"
    absolute.absolute_box_layout = markers._ORIGINAL
    try:
        laid_out = PdfReader(BytesIO(render(SCREENING, PETITIONER, lang)))
    finally:
        absolute.absolute_box_layout = markers._absolute_box_layout
    assert len(copied.pages) == len(laid_out.pages)
    for number, (mine, theirs) in enumerate(zip(copied.pages, laid_out.pages, strict=True), 1):
        assert mine.get_contents().get_data() == theirs.get_contents().get_data(), f"page {number}"
        assert mine.extract_text() == theirs.extract_text(), f"page {number}"
    structure = (r.trailer["/Root"]["/StructTreeRoot"] for r in (copied, laid_out))
    first = _structure(next(structure))
    assert first == _structure(next(structure))
    assert "/Lbl" in repr(first)
