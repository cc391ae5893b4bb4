"""The optional proposed order (CR-403): the court's two pages, the caption filled in, the orders blank."""

import shutil
import subprocess
from io import BytesIO

import pytest
from PIL import Image
from pypdf import PdfReader

from webapp.packet import forms, render
from webapp.packet.fields import CR403_TRACKS

from .conftest import (
    PETITIONER,
    TWO_COUNTIES,
    assert_in_order,
    normal,
    official_pieces,
    pages_text,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render(TWO_COUNTIES, PETITIONER, "en", proposed_order=True)


@pytest.fixture(scope="module")
def pages(pdf) -> list[str]:
    return [normal(t) for t in pages_text(pdf)]


def order_pages(pages: list[str]) -> list[tuple[str, str]]:
    """(page 1, page 2) of each CR-403 in the packet."""
    firsts = [i for i, p in enumerate(pages) if p.startswith("CR-403 ATTORNEY OR PARTY")]
    for i in firsts:
        assert pages[i + 1].startswith("CR-403 PEOPLE OF THE STATE OF CALIFORNIA v. DEFENDANT:")
    return [(pages[i], pages[i + 1]) for i in firsts]


def test_each_case_gets_its_order_right_after_its_proof_of_service(pages):
    starts = [p.split(" ATTORNEY OR PARTY")[0] for p in pages if " ATTORNEY OR PARTY" in p[:30]]
    assert starts == ["CR-400", "CR-401", "CR-403", "CR-400", "CR-401", "CR-403"]
    assert len(order_pages(pages)) == 2


def test_no_order_unless_asked_for():
    text = " ".join(pages_text(render(TWO_COUNTIES, PETITIONER, "en")))
    assert "ORDER AFTER PETITION/APPLICATION" not in text
    assert "IT IS SO ORDERED" not in text


@pytest.mark.parametrize("number", [1, 2])
def test_every_official_string_in_order_on_both_pages(pages, number):
    for order in order_pages(pages):
        assert_in_order(official_pieces("CR-403", number), order[number - 1])


def test_caption_is_filled_in_like_the_petition(pages):
    (fresno, fresno_2), (alameda, alameda_2) = order_pages(pages)
    assert "NAME: Maria Example Lopez FIRM NAME: STREET ADDRESS: 123 Main St" in fresno
    assert "ATTORNEY FOR (name): Self-represented" in fresno
    assert "SUPERIOR COURT OF CALIFORNIA, COUNTY OF Fresno" in fresno
    assert "STREET ADDRESS: 1100 Van Ness Avenue, Fourth Floor - Room 401" in fresno
    # The value's box starts where the label ends, so text extraction may not put a space there.
    assert "CITY AND ZIP CODE:" in fresno
    assert "Fresno, CA 93724-0002 PEOPLE OF THE STATE" in fresno
    assert "DEFENDANT: Maria Example Lopez" in fresno
    assert "F12-345678" in fresno
    assert "SUPERIOR COURT OF CALIFORNIA, COUNTY OF Alameda" in alameda
    assert "AB-15-0099" in alameda
    # Page 2 repeats the case title and number.
    assert "PEOPLE OF THE STATE OF CALIFORNIA v. DEFENDANT: Maria Example Lopez" in fresno_2
    assert "CASE NUMBER: F12-345678" in fresno_2
    assert "CASE NUMBER: AB-15-0099" in alameda_2


def test_only_the_relief_asked_for_is_marked_and_the_orders_are_left_to_the_court(pages):
    (fresno, fresno_2), (alameda, alameda_2) = order_pages(pages)
    # Fresno: sentence completed, an application under 11361.8(f); Alameda: serving, a petition (b).
    assert "X REDESIGNATION OR DISMISSAL/SEALING" in fresno
    assert "X RESENTENCING OR DISMISSAL" in alameda
    for page in (fresno, alameda):
        assert page.split().count("X") == 1
        assert "X RESENTENCING GRANTED" not in page
        assert "X REDESIGNATION GRANTED" not in page
    for page in (fresno_2, alameda_2):
        assert "X" not in page.split()
        assert "Date: JUDICIAL OFFICER" in page


def _ink(image: Image.Image, rect: tuple[float, float, float, float], scale: float) -> int:
    """Dark pixels strictly inside a printed box (its own border excluded)."""
    x, y, w, h = rect
    inset = 1.5
    box = (round((x + inset) * scale), round((forms.PAGE_HEIGHT - y - h + inset) * scale),
           round((x + w - inset) * scale), round((forms.PAGE_HEIGHT - y - inset) * scale))
    return sum(image.crop(box).convert("L").histogram()[:128])


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler-utils (make browser-deps)")
def test_the_x_is_drawn_inside_the_printed_box(pdf, tmp_path):
    reader = PdfReader(BytesIO(pdf))
    texts = [normal(p.extract_text()) for p in reader.pages]
    first = next(i for i, t in enumerate(texts) if t.startswith("CR-403 ATTORNEY OR PARTY")) + 1
    scale = 2.0  # 144 dpi
    subprocess.run(["pdftoppm", "-f", str(first), "-l", str(first), "-r", "144", "-png", "-singlefile",
                    "-", str(tmp_path / "page")], input=pdf, check=True, timeout=60)
    image = Image.open(tmp_path / "page.png")
    assert image.size == (1224, 1584)
    rects = forms.load("CR-403").checkbox_rects
    name = next(n for n in rects if n.endswith(CR403_TRACKS["track_f"]))
    other = next(n for n in rects if n.endswith(CR403_TRACKS["track_b"]))
    assert _ink(image, rects[name], scale) > 20  # Fresno's application: (f) is marked
    assert _ink(image, rects[other], scale) == 0
    # Every order box the court fills stays empty.
    for field, rect in rects.items():
        if "FormTitle" not in field:
            assert _ink(image, rect, scale) == 0, field
