"""webapp/packet/layout_cache.py: checklist pages laid out once per process and reused.

What a person or a court would notice if it went wrong: another person's name or case number in
their packet (or in the server's memory), a page missing or out of order, text that can no
longer be selected or read aloud, a link that no longer works. So: the cached pages hold nothing
the person typed, each packet holds only its own data, and a packet made with the cache is,
page for page, the one WeasyPrint lays out whole.
"""

from io import BytesIO

import pytest
from pypdf import PdfReader
from weasyprint.formatting_structure import boxes

from webapp.packet import build, checklists, layout_cache, markup, pdf, render, replay

from .conftest import ALAMEDA_PETITION, CLEAN, FRESNO_APPLICATION, PETITIONER, conviction, normal

pytestmark = pytest.mark.slow

ONE_CASE = {"person": CLEAN, "convictions": FRESNO_APPLICATION}
TWO_COUNTIES = {"person": CLEAN, "convictions": FRESNO_APPLICATION + ALAMEDA_PETITION}


@pytest.fixture(autouse=True)
def empty_cache():
    layout_cache.clear()
    yield
    layout_cache.clear()


def _combined(monkeypatch) -> list[bool]:
    """Record, for every packet from now on, whether its pages were combined with kept ones."""
    results = []
    original = layout_cache._combine

    def spy(pages, kept):
        combined = original(pages, kept)
        results.append(combined is not None)
        return combined

    monkeypatch.setattr(layout_cache, "_combine", spy)
    return results


def _whole(screening: dict, petitioner: dict, lang: str) -> bytes:
    """The packet laid out whole by WeasyPrint, without the cache."""
    return pdf.write_pdf(markup(build(screening, petitioner, lang)))


def _structure(node) -> tuple:
    node = node.get_object()
    kids = node.get("/K")
    kids = [] if kids is None else kids if isinstance(kids, list) else [kids]
    return (str(node.get("/S")), tuple(k if isinstance(k, int) else _structure(k) for k in kids))


def _links(page) -> list[str]:
    return [str(a.get_object()["/A"]["/URI"]) for a in page.get("/Annots") or []]


def _outline(items) -> list:
    return [_outline(item) if isinstance(item, list) else str(item.title) for item in items]


def _fonts(reader: PdfReader) -> list[tuple[str, bool]]:
    """Each page's fonts: name (with its subset tag) and whether the font file is embedded."""
    out = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            out.append((str(font["/BaseFont"]), embedded))
    return sorted(out)


def assert_same_packet(cached: bytes, whole: bytes) -> None:
    mine, theirs = PdfReader(BytesIO(cached)), PdfReader(BytesIO(whole))
    assert len(mine.pages) == len(theirs.pages)
    for number, (a, b) in enumerate(zip(mine.pages, theirs.pages, strict=True), 1):
        assert a.get_contents().get_data() == b.get_contents().get_data(), f"page {number}"
        assert a.extract_text() == b.extract_text(), f"page {number}"
        assert _links(a) == _links(b), f"page {number}"
    root, their_root = mine.trailer["/Root"], theirs.trailer["/Root"]
    assert _structure(root["/StructTreeRoot"]) == _structure(their_root["/StructTreeRoot"])
    assert _outline(mine.outline) == _outline(theirs.outline)
    assert _fonts(mine) == _fonts(theirs)
    assert all(embedded for _, embedded in _fonts(mine))
    assert (root["/Lang"], mine.metadata.title) == (their_root["/Lang"], theirs.metadata.title)


@pytest.mark.parametrize(("screening", "lang"), [(ONE_CASE, "en"), (ONE_CASE, "ko"), (TWO_COUNTIES, "es")])
def test_a_packet_with_kept_pages_is_the_packet_laid_out_whole(monkeypatch, screening, lang):
    combined = _combined(monkeypatch)
    render(screening, PETITIONER, lang)  # lays out and keeps the checklists' impersonal pages
    cached = render(screening, PETITIONER, lang)  # their drawing is replayed now too
    assert combined == [True, True], "the kept pages were not used"
    assert layout_cache.kept_pages(), "nothing was kept"
    replayed = [page for page in layout_cache.kept_pages() if isinstance(page, replay.RecordedPage)]
    assert replayed, "no whole page was kept"
    assert all(page.drawing for page in replayed), "a kept page was drawn again"
    assert_same_packet(cached, _whole(screening, PETITIONER, lang))
    reader = PdfReader(BytesIO(cached))
    assert b"pdfuaid" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    # Each court's links (the checklist's last, kept, page) still open the forms page.
    courts = len(build(screening, PETITIONER, lang).bundles)
    forms_links = [page for page in reader.pages if "https://www.courts.ca.gov/prop64.htm" in _links(page)]
    assert len(forms_links) == courts


def _kept_text() -> str:
    """All text the cache holds: every laid-out box's, and every element's the boxes point to."""
    texts, elements = [], set()
    for page in layout_cache.kept_pages():
        for box in page._page_box.descendants(placeholders=True):
            if isinstance(box, boxes.TextBox):
                texts.append(box.text)
            if getattr(box, "element", None) is not None:
                elements.add(box.element)
    texts += [text for element in elements for text in element.itertext()]
    texts += [value for element in elements for value in element.attrib.values()]
    return " ".join(texts)


def test_the_cache_holds_nothing_the_person_typed_and_each_packet_only_its_own():
    first = {"person": CLEAN, "convictions": [dict(FRESNO_APPLICATION[0], case_number="F09-111111")]}
    second = {"person": CLEAN, "convictions": [dict(FRESNO_APPLICATION[0], case_number="F11-222222")]}
    ana = dict(PETITIONER, name="Ana Quintero Vidal", street="9 Olive Ave", phone="(559) 555-0199")
    ben = dict(PETITIONER, name="Benjamin Okafor", street="77 Elm Ct", phone="(559) 555-0142")
    pdf_ana, pdf_ben = render(first, ana, "en"), render(second, ben, "en")

    # Same county, same situation: one checklist kept for both, and it is used.
    assert len(layout_cache.keys()) == 1
    assert layout_cache.kept_pages()
    personal = ["Ana Quintero Vidal", "Benjamin Okafor", "F09-111111", "F11-222222", "9 Olive Ave",
                "77 Elm Ct", "555-0199", "555-0142", "Maria Example Lopez", "123 Main St"]
    held = " ".join(layout_cache.keys()) + " " + _kept_text()
    # The walk above does see the kept pages' text.
    assert "Fresno" in held
    assert "Step 4" in held
    for value in personal:
        assert value not in held, value

    # The kept pages alone, as a PDF: still nothing of either person.
    kept = pdf._render("<html lang='en'><body></body></html>").copy(layout_cache.kept_pages())
    kept_text = normal(" ".join(page.extract_text() for page in PdfReader(BytesIO(kept.write_pdf())).pages))
    assert "Free help" in kept_text
    for value in personal:
        assert value not in kept_text, value

    text_ana = normal(" ".join(page.extract_text() for page in PdfReader(BytesIO(pdf_ana)).pages))
    text_ben = normal(" ".join(page.extract_text() for page in PdfReader(BytesIO(pdf_ben)).pages))
    assert "Your checklist for case F09-111111." in text_ana
    assert "Ana Quintero Vidal" in text_ana
    assert "Your checklist for case F11-222222." in text_ben
    assert "Benjamin Okafor" in text_ben
    for value in ("Benjamin Okafor", "F11-222222", "77 Elm Ct"):
        assert value not in text_ana, value
    for value in ("Ana Quintero Vidal", "F09-111111", "9 Olive Ave"):
        assert value not in text_ben, value


def test_case_numbers_that_wrap_a_line_the_placeholders_did_not_are_laid_out_whole(monkeypatch):
    combined = _combined(monkeypatch)
    numbers = ["FCR-2011-0000000000000000000000000000-01", "FCR-2011-0000000000000000000000000000-02",
               "FCR-2011-0000000000000000000000000000-03"]
    screening = {"person": CLEAN, "convictions": [
        dict(FRESNO_APPLICATION[0], case_number=number) for number in numbers
    ]}
    cached = render(screening, PETITIONER, "en")
    assert combined == [False], "the lead line wraps: the kept layout must not be used"
    assert_same_packet(cached, _whole(screening, PETITIONER, "en"))
    assert all(number in normal(PdfReader(BytesIO(cached)).pages[0].extract_text()) for number in numbers)


def test_a_case_named_in_the_middle_of_the_checklist_keeps_its_page_personal(monkeypatch):
    # Sentence not known: step 2 names the case; the page that says so is the packet's own.
    screening = {"person": CLEAN, "convictions": [
        conviction(county="Fresno", case_number="F14-909090", section="11357", level="misdemeanor",
                   sentence="unknown", amount="within_personal_limit", school_grounds="no"),
    ]}
    combined = _combined(monkeypatch)
    render(screening, PETITIONER, "en")
    cached = render(screening, PETITIONER, "en")
    assert_same_packet(cached, _whole(screening, PETITIONER, "en"))
    assert "F14-909090" not in _kept_text()
    assert combined == [True, True]


def test_the_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(layout_cache, "SIZE", 1)
    render(TWO_COUNTIES, PETITIONER, "en")  # two courts: two checklists
    assert len(layout_cache.keys()) == 1


def test_cases_named_inside_a_box_on_the_second_page_are_cut_there(monkeypatch):
    # Two offices to serve: step 4 (page 2) says which case goes to which, inside a bordered box.
    # The packet lays out the checklist up to that line; the rest of the box and the page is kept.
    screening = {"person": CLEAN, "convictions": [
        conviction(county="Los Angeles", case_number="LA-09-7777", section="11357", level="misdemeanor",
                   sentence="completed", amount="within_personal_limit", school_grounds="no",
                   prosecutor_city="los-angeles"),
        conviction(county="Los Angeles", case_number="LA-12-1234", section="11359", level="felony",
                   sentence="completed", sale_to_minor="no", used_minor="no"),
    ]}
    combined = _combined(monkeypatch)
    render(screening, PETITIONER, "en")
    cached = render(screening, PETITIONER, "en")
    assert combined == [True, True]
    assert_same_packet(cached, _whole(screening, PETITIONER, "en"))
    text = normal(" ".join(page.extract_text() for page in PdfReader(BytesIO(cached)).pages))
    assert "For case LA-09-7777:" in text
    assert "For case LA-12-1234:" in text
    held = _kept_text()
    assert "Step 6" in held
    for value in ("LA-09-7777", "LA-12-1234", PETITIONER["name"]):
        assert value not in held, value


def test_a_packet_whose_checklist_goes_on_differently_after_the_cut_is_laid_out_whole(monkeypatch):
    # As if a template printed something typed in another form than its placeholder, after the
    # cut: the kept layout of that part is not this packet's, so it must not be used.
    packet = build(ONE_CASE, PETITIONER, "en")
    kept = checklists(packet)
    heading = "Where to find forms and your record"
    own = markup(packet).replace(heading, heading + "s")
    assert own != markup(packet)
    pdf.write_pdf(markup(packet), kept)  # the checklist is laid out and kept
    combined = _combined(monkeypatch)
    pages = PdfReader(BytesIO(pdf.write_pdf(own, kept))).pages
    assert combined == []
    assert heading + "s" in normal(" ".join(page.extract_text() for page in pages))


def test_a_kept_page_that_cannot_be_recorded_is_drawn_the_ordinary_way(monkeypatch):
    # As if the packet had already given one of the page's glyphs another width: the recording
    # is dropped and the page drawn again by WeasyPrint, into the same PDF.
    merge = replay._merge_fonts
    monkeypatch.setattr(replay, "_merge_fonts", lambda fonts, recorded: False)
    cached = render(ONE_CASE, PETITIONER, "en")
    monkeypatch.setattr(replay, "_merge_fonts", merge)
    recorded = [page for page in layout_cache.kept_pages() if isinstance(page, replay.RecordedPage)]
    assert recorded
    assert all(page.drawing is False for page in recorded)
    assert_same_packet(cached, _whole(ONE_CASE, PETITIONER, "en"))
    assert_same_packet(render(ONE_CASE, PETITIONER, "en"), _whole(ONE_CASE, PETITIONER, "en"))
