"""Rendered packets, read back with pypdf: the court's words, our X marks, the person's data."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from webapp.packet import render

from .conftest import (
    CLEAN,
    PETITIONER,
    TWO_COUNTIES,
    assert_in_order,
    conviction,
    normal,
    official_pieces,
    pages_text,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_county_pdf() -> bytes:
    return render(TWO_COUNTIES, PETITIONER, "en")


@pytest.fixture(scope="module")
def two_county_pages(two_county_pdf) -> list[str]:
    return [normal(t) for t in pages_text(two_county_pdf)]


def kinds(pages: list[str]) -> list[str]:
    """Name each page: cover, checklist, CR-400, attachment, CR-401, warning or more (continued)."""
    out = []
    for text in pages:
        if text.startswith("CR-400 ATTORNEY OR PARTY"):
            out.append("CR-400")
        elif text.startswith("CR-401 ATTORNEY OR PARTY"):
            out.append("CR-401")
        elif text.startswith("ATTACHMENT TO CR-400"):
            out.append("attachment")
        elif text.startswith("Superior Court of California, County of") and (
            "Your checklist for" in text[:120] or "Cases from juvenile court" in text[:120]
        ):
            out.append("checklist")
        elif text.startswith("Your Proposition 64 court packet"):
            out.append("cover")
        elif text.startswith("Talk to a lawyer"):
            out.append("warning")
        else:
            out.append("more")
    return out


def test_two_counties_give_two_bundles_each_starting_with_its_checklist(two_county_pages):
    names = [k for k in kinds(two_county_pages) if k != "more"]
    assert names == ["cover", "checklist", "CR-400", "attachment", "CR-401",
                     "checklist", "CR-400", "attachment", "CR-401"]
    pages = zip(two_county_pages, kinds(two_county_pages), strict=True)
    checklists = [p for p, k in pages if k == "checklist"]
    assert checklists[0].startswith("Superior Court of California, County of Fresno")
    assert checklists[1].startswith("Superior Court of California, County of Alameda")


@pytest.mark.parametrize("form", ["CR-400", "CR-401"])
def test_every_official_string_in_order_on_every_form_page(two_county_pages, form):
    pages = [p for p, k in zip(two_county_pages, kinds(two_county_pages), strict=True) if k == form]
    assert len(pages) == 2
    for text in pages:
        assert_in_order(official_pieces(form), text)


def forms_of(pages, form):
    return [p for p, k in zip(pages, kinds(pages), strict=True) if k == form]


def test_application_track_and_sections_are_checked_for_fresno(two_county_pages):
    fresno = forms_of(two_county_pages, "CR-400")[0]
    assert "COUNTY OF Fresno" in fresno
    assert "CASE NUMBER: F12-345678" in fresno
    assert "DEFENDANT: Maria Example Lopez" in fresno
    assert "X REDESIGNATION OR DISMISSAL/SEALING" in fresno
    assert "X 11357 - Possession of Marijuana" in fresno
    assert "X 11359 - Possession of Marijuana for Sale" in fresno
    assert "X APPLICATION: Applicant has completed" in fresno
    assert fresno.split().count("X") == 4
    assert "X PETITION" not in fresno
    assert "X RESENTENCING" not in fresno


def test_petition_track_and_section_are_checked_for_alameda(two_county_pages):
    alameda = forms_of(two_county_pages, "CR-400")[1]
    assert "COUNTY OF Alameda" in alameda
    assert "CASE NUMBER: AB-15-0099" in alameda
    assert "X RESENTENCING OR DISMISSAL" in alameda
    assert "X 11358 - Cultivation of Marijuana" in alameda
    assert "X PETITION: Petitioner is currently serving" in alameda
    assert alameda.split().count("X") == 3


def test_waivers_date_and_signature_stay_blank_by_default(two_county_pages):
    for page in forms_of(two_county_pages, "CR-400"):
        assert "X Petitioner/applicant waives" not in page
        assert "X Petitioner/applicant understands" not in page
        assert "Date: (TYPE OR PRINT NAME) (SIGNATURE OF PETITIONER/APPLICANT OR ATTORNEY)" in page


def test_party_box_for_a_self_represented_person(two_county_pages):
    page = forms_of(two_county_pages, "CR-400")[0]
    assert "NAME: Maria Example Lopez FIRM NAME: STREET ADDRESS: 123 Main St" in page
    assert "STATE: CA ZIP CODE: 93721" in page
    assert "ATTORNEY FOR (name): Self-represented" in page
    assert "STATE BAR NUMBER: NAME:" in page


def test_attachment_lists_each_count_in_english(two_county_pages):
    fresno, alameda = forms_of(two_county_pages, "attachment")
    assert "CASE NUMBER: F12-345678" in fresno
    assert "PEOPLE OF THE STATE OF CALIFORNIA v. Maria Example Lopez" in fresno
    assert "1 11359(b) Felony 2012-03-01 Redesignation as a misdemeanor" in fresno
    assert "2 11357(b) Misdemeanor 2010-03-01 Dismissal and sealing as legally invalid" in fresno
    assert "1 11358 Felony 2015-06-30 Recall of sentence and resentencing as a misdemeanor" in alameda


def test_proof_of_service_names_the_district_attorney_and_leaves_the_server_parts_blank(two_county_pages):
    fresno, alameda = forms_of(two_county_pages, "CR-401")
    served = ("a. Name of person served: Fresno County District Attorney's Office b. Address where served: "
              "2100 Tulare Street, Fresno, CA 93721 c.")
    assert served in fresno
    assert "Name of person served: Alameda County District Attorney's Office" in alameda
    for page in (fresno, alameda):
        assert "a. Name: b. Residence or Business Address: c. Telephone: 2." in page
        assert "Date Served: d. Time Served: AM PM" in page
        assert " X " not in page


def test_checklists_give_the_court_and_prosecutor_facts(two_county_pages):
    fresno = " ".join(p for p, k in zip(two_county_pages, kinds(two_county_pages), strict=True)
                      if k in ("checklist", "more"))
    assert "1100 Van Ness Avenue, Fourth Floor - Room 401 Fresno, CA 93724-0002" in fresno
    assert "https://www.fresno.courts.ca.gov" in fresno
    assert "2100 Tulare Street, Fresno, CA 93721" in fresno  # Fresno DA: the county's current page
    assert "Phone: (559) 600-3141" in fresno
    # Alameda DA: no street address sourced, so item 2b is blank and the checklist says so.
    assert "We do not have a confirmed address for this office, so item 2b" in fresno
    assert "no fee" in fresno
    assert "original and 2 copies" in fresno
    assert "18 or older" in fresno
    assert "CR-402" in fresno
    assert "CR-403" in fresno
    assert "Public Defender" in fresno
    assert "Self-Help Center" in fresno
    # Alameda: automatic review is documented there; several courthouses, so no single address.
    assert "have already reviewed many old cannabis convictions" in fresno
    assert "Alameda County has more than one courthouse" in fresno
    # ...so every criminal clerk's office is listed with its phone, each on its own line
    fremont = "Fremont Hall of Justice 39439 Paseo Padre Parkway, Fremont, CA 94538 Phone: (510) 818-7501"
    assert fremont in fresno


def test_pdf_is_tagged_letter_size_and_titled(two_county_pdf):
    reader = PdfReader(BytesIO(two_county_pdf))
    assert reader.metadata.title == "Proposition 64 court packet"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert root["/ViewerPreferences"]["/Duplex"] == "/Simplex"
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)
    fonts = [f.get_object() for page in reader.pages for f in page["/Resources"]["/Font"].values()]
    # Only the bundled family (our @font-face name), always embedded: no system font sneaks in.
    assert {str(f["/BaseFont"]).split("+")[-1] for f in fonts} <= {
        "Packet-Sans", "Packet-Sans-Bold", "Packet-Sans-Italic", "Packet-Sans-Bold-Italic"}
    for font in fonts:
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor


def test_attorney_filing_waivers_review_warning_and_juvenile_route():
    needs_review = conviction(county="Los Angeles", case_number="LA-77", section="11360", level="unknown",
                              age_at_offense=None, offense_date="2014-05-05")
    needs_review.pop("age_at_offense")
    juvenile = conviction(county="Alameda", case_number="J-55", section="11357", level="misdemeanor",
                          court="juvenile", age_at_offense="under_18", offense_date="2014-01-01")
    petitioner = {**PETITIONER, "waive_original_judge": True, "waive_appearance": True,
                  "attorney": {"name": "Jo Counsel", "bar_number": "123456", "firm": "Clinic LLP"}}
    pages = [normal(t) for t in pages_text(render({"person": CLEAN, "convictions": [needs_review, juvenile]},
                                                  petitioner, "en"))]
    names = [k for k in kinds(pages) if k != "more"]
    assert names == ["cover", "checklist", "warning", "CR-400", "attachment", "CR-401", "checklist"]
    cr400 = forms_of(pages, "CR-400")[0]
    assert "STATE BAR NUMBER: 123456 NAME: Jo Counsel FIRM NAME: Clinic LLP" in cr400
    assert "ATTORNEY FOR (name): Maria Example Lopez" in cr400
    assert "X Petitioner/applicant waives" in cr400
    assert "X Petitioner/applicant understands" in cr400
    assert "X 11360 - Transportation" in cr400
    assert "X PETITION" not in cr400  # track unknown: the checklist says which box to tick
    assert "X APPLICATION" not in cr400
    assert "STREET ADDRESS: MAILING ADDRESS: CITY AND ZIP CODE:" in cr400  # LA: many courthouses
    text = " ".join(pages)
    assert "Talk to a lawyer before you file case LA-77" in text
    assert "put an X in box 2a (PETITION)" in text
    assert "Long Beach: Long Beach City Prosecutor" in text  # LA city prosecutors, level unknown
    assert "JV-744" in text
    assert "JV-746" in text
    assert "J-55" in text
