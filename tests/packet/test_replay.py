"""The recorded drawings of the forms' words and frames (webapp/packet/replay.py) against
WeasyPrint's own.

replay.py relies on WeasyPrint internals; these tests are what fails when an upgrade changes
them: the hooks must install, and a packet drawn with the replay must carry, page by page, the
very content stream, text, fonts and structure tree that WeasyPrint draws without it.
"""

from io import BytesIO

import pytest
from pypdf import PdfReader
from weasyprint.images import SVGImage

from webapp.packet import pdf, render, replay

from .conftest import ALAMEDA_PETITION, CLEAN, FRESNO_APPLICATION, PETITIONER

pytestmark = pytest.mark.slow

SCREENING = {"person": CLEAN, "convictions": FRESNO_APPLICATION + ALAMEDA_PETITION}


def test_the_hooks_install_on_the_pinned_weasyprint():
    assert replay.install(), "WeasyPrint internals changed: see webapp/packet/replay.py"


def _structure(node) -> tuple:
    node = node.get_object()
    kids = node.get("/K")
    kids = [] if kids is None else kids if isinstance(kids, list) else [kids]
    return (str(node.get("/S")), tuple(k if isinstance(k, int) else _structure(k) for k in kids))


@pytest.fixture(scope="module")
def both() -> tuple[PdfReader, PdfReader]:
    render(SCREENING, PETITIONER, "en", proposed_order=True)  # records the words and the frames
    replayed = render(SCREENING, PETITIONER, "es", proposed_order=True)
    calls = []
    original = replay._replay

    def refuse(stream, recording):
        calls.append(recording)
        return False  # every printed paragraph drawn by WeasyPrint itself

    def draw_frame(self, stream, width, height, style):
        frames.append(self.image)
        SVGImage.draw(self.image, stream, width, height, style)

    frames = []
    recorded_draw = replay._RecordedDraw.__call__
    replay._replay, replay._RecordedDraw.__call__ = refuse, draw_frame
    try:
        drawn = render(SCREENING, PETITIONER, "es", proposed_order=True)
    finally:
        replay._replay, replay._RecordedDraw.__call__ = original, recorded_draw
    assert len(calls) > 300, "the printed words did not go through the replay at all"
    assert len(frames) == 8, "the form frames did not go through the replay"  # 2 x (CR-400, -401, -403 x 2)
    assert all(drawn is not False for image in pdf._IMAGES.values() for drawn in image.draw.drawn.values())
    return PdfReader(BytesIO(replayed)), PdfReader(BytesIO(drawn))


def test_every_page_has_the_same_content_stream_as_weasyprints_own_drawing(both):
    replayed, drawn = both
    assert len(replayed.pages) == len(drawn.pages) >= 10
    for number, (mine, theirs) in enumerate(zip(replayed.pages, drawn.pages, strict=True), 1):
        assert mine.get_contents().get_data() == theirs.get_contents().get_data(), f"page {number}"
        assert mine.extract_text() == theirs.extract_text(), f"page {number}"
        # The frame is drawn in a form XObject of the page (WeasyPrint's background group).
        assert _xobjects(mine) == _xobjects(theirs), f"page {number}"


def _xobjects(page) -> list[bytes]:
    found = page["/Resources"].get("/XObject") or {}
    return [found[name].get_object().get_data() for name in sorted(found)]


def test_same_embedded_glyphs_and_structure_tree(both):
    replayed, drawn = both

    def fonts(reader):
        out = {}
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                widths = font["/DescendantFonts"][0].get_object()["/W"]
                out[str(font["/BaseFont"]).split("+")[-1]] = str(widths)
        return out

    assert fonts(replayed) == fonts(drawn)
    root = (r.trailer["/Root"]["/StructTreeRoot"] for r in both)
    assert _structure(next(root)) == _structure(next(root))
