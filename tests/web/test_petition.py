"""The details page turns the results into the court packet; the details are never kept."""

import io
import json

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from ..packet.conftest import PETITIONER
from .journey import walk
from .pages import check_page
from .test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS

# The details a person types on the page: the packet tests' petitioner, plus one case number each.
DETAILS = {
    **PETITIONER,
    "case_number-1": "F12-345678",
    "case_number-2": "AL-998877",
    "waive_appearance": "y",
}


@pytest.fixture
def two_counties(client):
    walk(client, "es", [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    return client


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_details_page_asks_one_case_number_per_conviction_to_file(two_counties):
    html = two_counties.get("/es/petition").get_data(as_text=True)
    soup = check_page(html, "es")
    names = {i["name"] for i in soup.select("input:not([type=hidden])")}
    assert {"name", "street", "city", "state", "zip", "phone", "email"} <= names
    assert {"case_number-1", "case_number-2", "waive_original_judge", "waive_appearance"} <= names
    assert "Fresno" in soup.select_one("label[for='case_number-1']").get_text()


def test_missing_details_are_named_in_spanish_and_what_was_typed_is_kept(two_counties):
    response = two_counties.post("/es/petition", data={**DETAILS, "name": "", "zip": "9372"})
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True), "es", has_error=True)
    errors = [a.get_text(strip=True) for a in soup.select(".error-summary a")]
    assert len(errors) == 2
    assert all("Enter" not in e for e in errors), "the messages are Spanish"
    assert soup.select_one("#street")["value"] == "123 Main St"
    assert soup.select_one("#case_number-2")["value"] == "AL-998877"


def test_the_packet_downloads_with_a_generic_name_and_is_not_cached(two_counties):
    response = two_counties.post("/es/petition", data=DETAILS)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition == "attachment; filename=prop64-court-forms.pdf"
    assert "Maria" not in disposition
    assert response.headers["Cache-Control"] == "no-store"
    text = _text(response.data)
    assert "F12-345678" in text
    assert "AL-998877" in text
    assert "X 11357 - Possession of Marijuana" in text
    assert "X 11359 - Possession of Marijuana for Sale" in text
    assert "PETITION/APPLICATION UNDER HEALTH AND SAFETY CODE" in text, "the forms stay in English"
    assert "Paso 1" in text, "the instructions follow the page's language"


def test_the_details_never_reach_the_cookie(two_counties):
    two_counties.post("/es/petition", data=DETAILS)
    with two_counties.session_transaction() as session:
        stored = json.dumps(dict(session))
    for secret in ("Maria", "123 Main", "F12-345678", "555-0100"):
        assert secret not in stored


def test_the_hearing_waivers_are_ticked_only_as_chosen(two_counties):
    text = " ".join(_text(two_counties.post("/es/petition", data=DETAILS).data).split())
    assert "X Petitioner/applicant understands there is a right to personally attend" in text
    assert "X Petitioner/applicant waives the right" not in text


def test_with_nothing_to_file_the_details_page_sends_back_to_the_results(client):
    prison = {"county": "kern", "section": "PC 4573.6"}
    walk(client, "en", [prison], {})
    response = client.get("/en/petition")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/results")


def test_the_results_page_links_to_the_details_page(two_counties):
    soup = BeautifulSoup(two_counties.get("/es/results").get_data(as_text=True), "html.parser")
    assert soup.select_one("[data-petition]")["href"] == "/es/petition"


def _form_pages(pdf: bytes, name: str) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages if p.extract_text().startswith(name)]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_proposed_order_is_added_only_when_asked_for(client, lang):
    walk(client, lang, [FRESNO_POSSESSION], {})
    page = check_page(client.get(f"/{lang}/petition").get_data(as_text=True), lang)
    box = page.select_one("input[type=checkbox][name=proposed_order]")
    assert box is not None
    assert not box.has_attr("checked"), "optional, and off unless the person ticks it"
    details = {**DETAILS, "case_number-1": "F12-345678"}
    without = client.post(f"/{lang}/petition", data=details)
    with_order = client.post(f"/{lang}/petition", data={**details, "proposed_order": "y"})
    assert without.status_code == with_order.status_code == 200
    assert _form_pages(without.data, "CR-403") == []
    order = _form_pages(with_order.data, "CR-403")
    assert len(order) == 2, "CR-403 has two pages"
    assert "F12-345678" in order[0], "the caption carries the case"
