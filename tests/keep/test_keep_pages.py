"""Resume code, printable summary and "already cleared?" letters, through the pages."""

import logging
import re

import pytest
from bs4 import BeautifulSoup

from tests.conftest import TEST_SECRET
from tests.packet.conftest import pages_text
from tests.web.journey import results, walk
from tests.web.pages import check_page
from webapp import create_app
from webapp.keep import qr

# Fresno: automatic review "unknown" in the county data, an adult 11359 felony, completed.
FRESNO_FELONY = {"county": "fresno", "section": "11359", "level": "felony", "offense_date": "2012",
                 "age_at_offense": "21_plus", "court": "adult", "sentence": "completed",
                 "prior_same_offense_convictions": "0"}
PERSON = {"prior_super_strike": "no", "sex_offender_registrant": "no"}


def finished(client, lang):
    walk(client, lang, [FRESNO_FELONY], PERSON)
    page = client.get(f"/{lang}/results")
    assert page.status_code == 200
    return BeautifulSoup(page.get_data(as_text=True), "html.parser")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_resume_code_restores_the_results_in_a_fresh_browser(client, lang):
    soup = finished(client, lang)
    before = results(client, lang)
    code = soup.select_one("[data-resume-code]").get_text(strip=True)
    # The printable summary carries the code as a QR code too, drawn from exactly this code.
    summary = BeautifulSoup(client.get(soup.select_one("a[data-summary]")["href"]).get_data(as_text=True),
                            "html.parser")
    assert summary.select_one("[data-resume-code]").get_text(strip=True) == code
    assert summary.select_one(".qr svg title"), "the QR code has an accessible name"
    drawn = BeautifulSoup(str(qr.svg(code, "x")), "html.parser").select_one("path")["d"]
    assert summary.select_one(".qr svg path")["d"] == drawn

    fresh = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "WTF_CSRF_ENABLED": False}).test_client()
    assert fresh.get(f"/{lang}/results").status_code == 302  # nothing there yet
    page = fresh.get(f"/{lang}/resume")
    check_page(page.get_data(as_text=True), lang)
    response = fresh.post(f"/{lang}/resume", data={"resume_code": code})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/{lang}/results")
    assert results(fresh, lang) == before


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_altered_code_is_refused_with_what_was_typed_kept_after_a_redirect(client, lang):
    code = finished(client, lang).select_one("[data-resume-code]").get_text(strip=True)
    altered = code[:-1] + ("A" if code[-1] != "A" else "B")
    fresh = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "WTF_CSRF_ENABLED": False}).test_client()
    response = fresh.post(f"/{lang}/resume", data={"resume_code": altered})
    # Post/redirect/get: Back never lands on a POST.
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/{lang}/resume")
    page = fresh.get(f"/{lang}/resume")
    html = page.get_data(as_text=True)
    soup = check_page(html, lang, has_error=True)
    assert soup.select_one("#resume_code")["value"] == altered
    expected = {"en": "does not work", "es": "no funciona"}[lang]
    assert expected in soup.select_one(".error-summary").get_text()
    assert fresh.get(f"/{lang}/results").status_code == 302  # nothing restored
    # Shown once: a reload is a fresh page.
    assert "error-summary" not in fresh.get(f"/{lang}/resume").get_data(as_text=True)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_summary_downloads_with_each_result_and_the_code_and_a_name_only_when_typed(client, lang):
    soup = finished(client, lang)
    code = soup.select_one("[data-resume-code]").get_text(strip=True)
    link = soup.select_one("a[data-summary]")["href"]
    page = client.get(link)
    summary = check_page(page.get_data(as_text=True), lang)
    assert summary.select_one("[data-relief=reduce_to_misdemeanor]")
    pdf = client.post(link, data={"name": ""})
    assert pdf.mimetype == "application/pdf"
    assert "no-store" in pdf.headers["Cache-Control"]
    text = " ".join(" ".join(pages_text(pdf.data)).split())
    assert len(pages_text(pdf.data)) == 1
    assert code in text.replace(" ", "") or code.replace("-", "") in text.replace(" ", "").replace("-", "")
    headline = summary.select_one(".outcome").get_text(" ", strip=True)
    assert " ".join(headline.split()) in text
    assert "Fresno" in text
    if lang == "en":
        assert "Fresno County Public Defender's office helps people clear their records" in text
    assert "Maria" not in text
    named = client.post(link, data={"name": "Maria Example"})
    assert "Maria Example" in " ".join(pages_text(named.data))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_clerk_letter_holds_the_case_and_the_court_and_asks_about_11361_9(client, lang):
    soup = finished(client, lang)
    link = soup.select_one("a[data-clerk-letter]")
    assert link, "Fresno's automatic review is not known, so the letter is offered"
    page = client.get(link["href"])
    form = check_page(page.get_data(as_text=True), lang)
    field = form.select_one("input[name^=case_]")["name"]
    pdf = client.post(link["href"], data={field: "F12-345678", "name": "Maria Example",
                                          "date_of_birth": "03/21/1985"})
    assert pdf.mimetype == "application/pdf"
    text = " ".join(" ".join(pages_text(pdf.data)).split())
    assert text.count("F12-345678") == 2  # the clerk's letter and the prosecutor's
    assert "Superior Court of California, County of Fresno" in text
    assert "Health and Safety Code section 11361.9" in text
    assert "recalled, dismissed, redesignated or sealed" in text
    guide = {"en": "How to use these letters", "es": None}[lang]
    if guide:
        assert guide in text


def test_a_bad_case_number_on_the_letter_page_is_said_and_kept(client):
    finished(client, "en")
    page = client.get("/en/results/letter")
    field = BeautifulSoup(page.get_data(as_text=True), "html.parser").select_one("input[name^=case_]")["name"]
    response = client.post("/en/results/letter", data={field: "F12<script>"})
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True), "en", has_error=True)
    assert soup.select_one(f"input[name={field}]")["value"] == "F12<script>"


def test_no_code_name_or_case_number_reaches_the_logs_or_a_url(client, caplog):
    caplog.set_level(logging.DEBUG)
    soup = finished(client, "en")
    code = soup.select_one("[data-resume-code]").get_text(strip=True)
    client.post("/en/resume", data={"resume_code": code})
    client.post("/en/results/letter", data={"case_1": "F12-345678", "name": "Maria Example"})
    logged = " ".join(r.getMessage() for r in caplog.records)
    for secret in (code, code.replace("-", ""), "F12-345678", "Maria Example"):
        assert secret not in logged
    assert not re.search(r"[?&]resume_code=", " ".join(a["href"] for a in soup.select("a[href]")))
