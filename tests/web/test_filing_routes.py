"""Issue 9: every result that offers a court filing leads to a download, adult and juvenile alike.

The filing rule is the engine's (webapp.eligibility.vocabulary); these tests walk it through the
pages, the API and the packet, in both languages, the way a person or a clinic would.
"""

import io

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from webapp.eligibility import vocabulary
from webapp.eligibility.errors import InputError

from ..packet.conftest import PETITIONER
from .journey import results, walk
from .pages import check_page
from .test_flow import FRESNO_POSSESSION

# A misdemeanor possession under 18 in juvenile court: now an infraction, by the juvenile route
# (11357(a)(1), 11361.8(m)).
ALAMEDA_JUVENILE = {
    "county": "alameda",
    "section": "11357",
    "level": "misdemeanor",
    "offense_date": "2013",
    "age_at_offense": "under_18",
    "court": "juvenile",
    "sentence": "completed",
}


def _pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def _details(**case_numbers) -> dict:
    return {**PETITIONER, **{f"case_number-{n}": v for n, v in case_numbers.items()}}


def test_the_filing_rule_sends_adult_relief_to_cr400_juvenile_to_its_court_and_no_relief_nowhere():
    assert vocabulary.filing("application", "dismiss") == vocabulary.CR_400
    assert vocabulary.filing("unknown", "needs_review") == vocabulary.CR_400
    assert vocabulary.filing("juvenile", "reduce_to_infraction") == vocabulary.JV_744
    assert vocabulary.filing("juvenile", "not_eligible") is None
    assert vocabulary.filing("petition", "no_change") is None


@pytest.mark.parametrize("lang", ["en", "es"])
def test_adult_and_juvenile_together_download_one_packet_with_both(client, lang):
    walk(client, lang, [FRESNO_POSSESSION, ALAMEDA_JUVENILE], {})
    assert results(client, lang) == {
        "1": ("dismiss", "application"),
        "2": ("reduce_to_infraction", "juvenile"),
    }
    page = check_page(client.get(f"/{lang}/petition").get_data(as_text=True), lang)
    assert {"case_number-1", "case_number-2"} <= {i["name"] for i in page.select("input")}
    response = client.post(f"/{lang}/petition", data=_details(**{"1": "F12-345678", "2": "J-13-0042"}))
    assert response.status_code == 200, BeautifulSoup(response.data, "html.parser").select(".error-message")
    assert response.mimetype == "application/pdf"
    text = _pdf_text(response.data)
    assert "CR-400" in text
    assert "F12-345678" in text
    assert "JV-744" in text
    assert "J-13-0042" in text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_juvenile_only_result_offers_a_working_juvenile_download_and_no_dead_button(client, lang):
    walk(client, lang, [ALAMEDA_JUVENILE], {})
    soup = check_page(client.get(f"/{lang}/results").get_data(as_text=True), lang)
    buttons = soup.select("a[data-petition]")
    assert len(buttons) == 1
    assert buttons[0].has_attr("data-juvenile")
    page = client.get(buttons[0]["href"])
    assert page.status_code == 200, "the button leads to the details page, not back to the results"
    details = check_page(page.get_data(as_text=True), lang)
    assert not details.select("#waive_original_judge"), "no CR-400 items for a juvenile-only packet"
    response = client.post(buttons[0]["href"], data=_details(**{"1": "J-13-0042"}))
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    text = _pdf_text(response.data)
    assert "JV-744" in text
    assert "J-13-0042" in text
    assert "PETITION/APPLICATION" not in text.upper().replace(" ", ""), "no adult form in it"


def test_the_packet_api_takes_adult_and_juvenile_cases_together(client):
    juvenile = {"county": "Alameda", "case_number": "J-13-0042", "section": "11357", "level": "misdemeanor",
                "court": "juvenile", "age_at_offense": "under_18", "offense_date": "2013-01-01"}
    adult = {"county": "Fresno", "case_number": "F12-345678", "section": "11357", "level": "misdemeanor",
             "age_at_offense": "21_plus", "offense_date": "2012-03-01", "sentence": "completed",
             "amount": "within_personal_limit", "school_grounds": "no"}
    body = {"screening": {"convictions": [adult, juvenile]}, "petitioner": PETITIONER}
    response = client.post("/api/v1/packet?lang=es", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    text = _pdf_text(response.data)
    assert "F12-345678" in text
    assert "JV-744" in text
    assert "J-13-0042" in text


def test_a_conviction_the_packet_refuses_is_shown_on_that_conviction_not_on_the_name(client, monkeypatch):
    walk(client, "en", [FRESNO_POSSESSION, ALAMEDA_JUVENILE], {})

    def refuse(*args, **kwargs):
        raise InputError("screening.convictions[1].case_number", "is required")

    monkeypatch.setattr("webapp.packet.render", refuse)
    response = client.post("/en/petition", data=_details(**{"1": "F12-345678", "2": "J-13-0042"}))
    assert response.status_code == 400
    soup = BeautifulSoup(response.data, "html.parser")
    assert soup.select_one("#case_number-2-error") is not None
    assert soup.select_one("#name-error") is None
    assert soup.select_one("#case_number-2")["value"] == "J-13-0042", "what was typed is kept"


def test_the_engine_runs_once_for_the_details_page_and_its_pdf(client, monkeypatch):
    from webapp import petition
    from webapp.eligibility import assess

    walk(client, "en", [FRESNO_POSSESSION], {})
    calls = []

    def counting(screening, **kwargs):
        calls.append(1)
        return assess(screening, **kwargs)

    monkeypatch.setattr(petition, "assess", counting)
    monkeypatch.setattr("webapp.packet._assess", lambda s: pytest.fail("the packet ran the engine again"))
    response = client.post("/en/petition", data=_details(**{"1": "F12-345678"}))
    assert response.status_code == 200
    assert len(calls) == 1
