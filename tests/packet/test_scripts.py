"""Guidance pages in Vietnamese, Traditional Chinese and Korean print real glyphs and extract as text.

The translators own those catalogs, so these tests bring their own: a throwaway catalog per
language, compiled into a temporary folder, with a few instruction sentences in each script.
The packet is then rendered exactly as for a person who chose that language.
"""

import dataclasses
import logging
import re
from io import BytesIO

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from pypdf import PdfReader
from pypdf.generic import ContentStream, TextStringObject

from webapp.packet import build, i18n, markup, pdf
from webapp.packet.fetcher import PACKET_DIR

from .conftest import CLEAN, FRESNO_APPLICATION, PETITIONER

pytestmark = pytest.mark.slow

SCREENING = {"person": CLEAN, "convictions": FRESNO_APPLICATION}
HEADING = "Step 3: File the forms with the court"
FEE = "There is no fee to file this petition or application."
CHECKLIST = "Step 2: Check and sign the forms"
# Sample sentences for the test only (not the translators' wording).
SAMPLES = {
    "vi": {HEADING: "Bước 3: Nộp các mẫu đơn cho tòa án",
           FEE: "Không mất lệ phí khi nộp đơn thỉnh cầu hoặc đơn xin này.",
           CHECKLIST: "Bước 2: Kiểm tra và ký tên vào các mẫu đơn"},
    "zh_Hant": {HEADING: "第三步：向法院遞交表格",
                FEE: "遞交這份聲請書或申請書不需繳費。",
                CHECKLIST: "第二步：核對表格並簽名"},
    "ko": {HEADING: "3단계: 법원에 서류 제출하기",
           FEE: "이 청원서나 신청서를 제출하는 데는 수수료가 없습니다.",
           CHECKLIST: "2단계: 서류 확인 후 서명하기"},
}
HTML_LANG = {"vi": "vi", "zh_Hant": "zh-Hant", "ko": "ko"}
CJK_FONT = PACKET_DIR / "fonts" / "PacketCJK-Regular.otf"


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("translations")
    for locale, messages in SAMPLES.items():
        catalog = Catalog(locale=locale)
        for msgid, msgstr in messages.items():
            catalog.add(msgid, msgstr)
        target = folder / locale / "LC_MESSAGES"
        target.mkdir(parents=True)
        with open(target / "messages.mo", "wb") as out:
            write_mo(out, catalog)
    return folder


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def notdef_warnings():
    """WeasyPrint's own word when it draws a .notdef glyph, collected while the packets render."""
    handler = _Collect()
    logging.getLogger("weasyprint").addHandler(handler)
    yield handler.messages
    logging.getLogger("weasyprint").removeHandler(handler)


@pytest.fixture(scope="module")
def rendered(catalogs, notdef_warnings, tmp_path_factory):
    """locale -> the whole packet's PDF, the guidance in that language, through the packet's
    templates and fonts."""
    if not CJK_FONT.is_file():
        pytest.skip("the packet's CJK font is not built: run `make packet-fonts`")
    patch = pytest.MonkeyPatch()
    patch.setattr(i18n, "TRANSLATIONS_DIR", catalogs)
    i18n.translations.cache_clear()
    pdf.environment.cache_clear()
    try:
        base = build(SCREENING, PETITIONER, "en")
        out = {}
        for locale in SAMPLES:
            # The packet takes the URL's BCP 47 code; webapp/languages.py maps it to the catalog.
            document = markup(dataclasses.replace(base, lang=HTML_LANG[locale]))
            out[locale] = pdf.write_pdf(document)
            # Kept for a look at the pages: pdftoppm -png <basetemp>/scripts/<locale>.pdf
            (tmp_path_factory.getbasetemp() / f"{locale}.pdf").write_bytes(out[locale])
        return out
    finally:
        patch.undo()
        i18n.translations.cache_clear()
        pdf.environment.cache_clear()


def _squeeze(text: str) -> str:
    # Extraction may break a CJK line anywhere; compare without white space.
    return re.sub(r"\s+", "", text)


def _glyph_codes(page) -> list[int]:
    """Every glyph code drawn on the page (WeasyPrint writes Identity-H: two bytes a glyph)."""
    codes = []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        strings = operands[0] if operator == b"TJ" else operands if operator == b"Tj" else []
        for value in strings:
            if isinstance(value, TextStringObject):
                data = value.original_bytes  # pypdf decoded it; the glyph codes are the raw bytes
            elif isinstance(value, bytes):
                data = bytes(value)
            else:
                continue  # a TJ kerning number
            codes += [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data) - 1, 2)]
    return codes


@pytest.mark.parametrize("locale", list(SAMPLES))
def test_guidance_extracts_its_own_script(rendered, locale):
    reader = PdfReader(BytesIO(rendered[locale]))
    guidance = _squeeze(" ".join(page.extract_text() for page in reader.pages[:2]))
    for msgid, sample in SAMPLES[locale].items():
        assert _squeeze(sample) in guidance, msgid
    assert reader.trailer["/Root"]["/Lang"] == HTML_LANG[locale]


def test_weasyprint_reports_no_missing_glyph(rendered, notdef_warnings):
    assert not [m for m in notdef_warnings if ".notdef" in m]


@pytest.mark.parametrize("locale", list(SAMPLES))
def test_no_missing_glyph_is_drawn(rendered, locale):
    reader = PdfReader(BytesIO(rendered[locale]))
    for number, page in enumerate(reader.pages, 1):
        codes = _glyph_codes(page)
        assert codes, f"page {number} draws no text"
        assert 0 not in codes, f"page {number} draws .notdef (a box)"


@pytest.mark.parametrize(("locale", "cjk"), [("vi", False), ("zh_Hant", True), ("ko", True)])
def test_chinese_and_korean_come_from_the_packet_cjk_font_and_vietnamese_from_liberation(
        rendered, locale, cjk):
    reader = PdfReader(BytesIO(rendered[locale]))
    names = {str(font.get_object()["/BaseFont"]).split("+")[-1]
             for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert any(n.startswith("Packet-CJK") for n in names) is cjk
    # Never a system font: only our two families, always embedded.
    assert all(n.startswith(("Packet-Sans", "Packet-CJK")) for n in names), names


def test_cjk_font_goes_in_as_our_subset_not_the_whole_face(rendered):
    # WeasyPrint keeps glyph numbers, so the embedded font grows with the highest glyph used:
    # about 150 kB for regular and bold from our subset, about 250 kB from the full face.
    assert len(rendered["ko"]) < len(rendered["vi"]) + 190_000
