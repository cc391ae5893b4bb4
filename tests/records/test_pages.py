"""/<lang>/records and POST /api/v1/records/rap-sheet: what a person and an API client see."""

import csv
import io
import logging

import pytest
from bs4 import BeautifulSoup

from ..conftest import csrf_token
from ..web.journey import results, walk
from ..web.pages import check_page
from .samples import RAP_SAMPLES, rap_expected, rap_text

API = "/api/v1/records/rap-sheet"


def _read(client, lang, text, **extra):
    return client.post(f"/{lang}/records", data={"rap_sheet_text": text, "action": "read", **extra})


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_page_shows_each_finding_with_its_own_line(client, lang):
    page = client.get(f"/{lang}/records")
    assert page.status_code == 200
    check_page(page.get_data(as_text=True), lang)
    response = _read(client, lang, rap_text("sample-3"))
    assert response.status_code == 200
    soup = check_page(response.get_data(as_text=True), lang)
    found = soup.select("[data-conviction-id]")
    hooks = [(f["data-conviction-id"], f["data-section"], f["data-county"], f["data-level"]) for f in found]
    assert hooks == [
        ("1-2-2", "11357", "alameda", "misdemeanor"), ("2-2-1", "11360", "los-angeles", "felony"),
        ("2-2-2", "11360", "los-angeles", "felony"), ("5-2-1", "11358", "santa-clara", "felony")]
    # The record's own line sits beside the finding, and the text stays in the box.
    assert found[0].select_one("pre").get_text().startswith("CNT:02\n  11357 HS-POSSESS MARIJUANA")
    assert "11360(A) HS" in found[1].select_one("pre").get_text()
    assert all(f.select_one("input[name=include]").has_attr("checked") for f in found)
    assert "TESTPERSON,SAM L" in soup.select_one("textarea[name=rap_sheet_text]").get_text()


def test_spanish_page_speaks_spanish(client):
    soup = BeautifulSoup(_read(client, "es", rap_text("sample-1")).get_data(as_text=True), "html.parser")
    text = soup.select_one("[data-conviction-id]").get_text(" ")
    assert "Condado de Fresno" in text
    assert "delito menor" in text.lower()


def test_already_relieved_is_unticked_and_said(client):
    soup = BeautifulSoup(_read(client, "en", rap_text("sample-2")).get_data(as_text=True), "html.parser")
    finding = soup.select_one('[data-conviction-id="1-2-1"]')
    assert not finding.select_one("input[name=include]").has_attr("checked")
    assert finding.select_one("[data-already-relieved]")


def test_skipped_lines_are_listed_by_number(client):
    text = rap_text("sample-1").replace("CONV STATUS:MISDEMEANOR", "CONV STATUS:MISDEMENOR")
    soup = BeautifulSoup(_read(client, "en", text).get_data(as_text=True), "html.parser")
    item = soup.select_one("[data-line]")
    assert item["data-line"] == "30"
    assert "MISDEMENOR" in item.get_text()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_continue_fills_the_check_and_asks_only_what_the_record_cannot_say(client, lang):
    response = client.post(f"/{lang}/records", data={
        "rap_sheet_text": rap_text("sample-5"), "action": "continue", "include": ["1-2-1"]})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/{lang}/check")
    asked = {question for _, question in walk(client, lang, [{"sale_to_minor": "no"}], {})}
    assert not asked & {"county", "section", "level", "offense_date", "age_at_offense", "court"}
    assert "sentence" in asked  # the record cannot say whether the sentence is finished
    assert results(client, lang)["1"][0] == "reduce_to_misdemeanor"


def test_unticked_convictions_stay_out_of_the_check(client):
    client.post("/en/records", data={"rap_sheet_text": rap_text("sample-3"), "action": "continue",
                                     "include": ["2-2-1", "not-an-id"]})
    walk(client, "en", [{}], {})
    assert list(results(client, "en")) == ["1"]


def test_continue_with_nothing_ticked_keeps_the_text(client):
    response = client.post("/en/records", data={"rap_sheet_text": rap_text("sample-1"), "action": "continue"})
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True), "en", has_error=True)
    assert "TESTPERSON,ALEX Q" in soup.select_one("textarea").get_text()


@pytest.mark.parametrize(("text", "status"), [("", 400), ("not a record at all", 400), ("x" * 300_000, 413)])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_bad_text_gets_a_clear_message_in_the_page_language(client, lang, text, status):
    response = _read(client, lang, text)
    assert response.status_code == status
    soup = check_page(response.get_data(as_text=True), lang, has_error=True)
    assert soup.select_one("[data-error]")
    if text and status == 400:
        assert text in soup.select_one("textarea").get_text()


def test_clinic_csv_download_gives_template_rows(client):
    form = {"rap_sheet_text": rap_text("sample-4"), "action": "clinic_csv", "include": ["3-2-1", "4-1-1"]}
    response = client.post("/en/records", data=form)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert [(r["id"], r["section"], r["county"], r["sex_offender_registrant"]) for r in rows] == [
        ("3-2-1", "11359", "san-diego", "yes"), ("4-1-1", "11357", "san-diego", "yes")]


def test_the_form_needs_its_csrf_token(csrf_client):
    page = csrf_client.get("/en/records").get_data(as_text=True)
    assert csrf_client.post("/en/records", data={"rap_sheet_text": rap_text("sample-1")}).status_code == 400
    ok = csrf_client.post("/en/records", data={"rap_sheet_text": rap_text("sample-1"),
                                               "csrf_token": csrf_token(page)})
    assert ok.status_code == 200


# --- the API ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", RAP_SAMPLES)
def test_api_returns_the_samples(csrf_client, name):
    response = csrf_client.post(API, data=rap_text(name).encode(), content_type="text/plain; charset=utf-8")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    body, expected = response.get_json(), rap_expected(name)
    assert body["screening"] == expected["screening"]
    assert body["skipped"] == expected["skipped"]
    for ident, relief in expected.get("expected_relief", {}).items():
        assert body["expected_relief"][ident] == relief


@pytest.mark.parametrize(("body", "content_type"), [
    (b"COURT: x", "application/json"), (b"\xff\xfe\x00", "text/plain"), (b"hello", "text/plain")])
def test_api_refuses_what_it_cannot_read(client, body, content_type):
    response = client.post(API, data=body, content_type=content_type)
    assert response.status_code == 400
    assert response.get_json()["error"]["path"] == "$"


def test_api_refuses_a_body_over_256_kib(client):
    response = client.post(API, data=b"x" * (256 * 1024 + 1), content_type="text/plain")
    assert response.status_code == 413
    assert response.get_json()["error"]["path"] == "$"


def test_nothing_pasted_is_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    marker = "TESTPERSON,RIVER K"
    _read(client, "en", rap_text("sample-4"))
    client.post("/en/records", data={"rap_sheet_text": rap_text("sample-4"), "action": "continue",
                                     "include": ["3-2-1"]})
    client.post(API, data=rap_text("sample-4").encode(), content_type="text/plain")
    client.post(API, data=b"\xff" + rap_text("sample-4").encode(), content_type="text/plain")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (marker, "SCD184420", "19790421", "A10000004"):
        assert secret not in logged


def test_the_cookie_holds_codes_not_case_numbers(client):
    client.post("/en/records", data={"rap_sheet_text": rap_text("sample-4"), "action": "continue",
                                     "include": ["3-2-1"]})
    with client.session_transaction() as session:
        stored = repr(dict(session))
    assert "SCD184420" not in stored
    assert "TESTPERSON" not in stored
    assert "11359" in stored
