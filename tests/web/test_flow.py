"""The guided check through the test client, in both languages."""

import pytest
from bs4 import BeautifulSoup

from .journey import results, walk
from .pages import check_page, refused

FRESNO_POSSESSION = {
    "county": "fresno",
    "section": "11357",
    "level": "misdemeanor",
    "offense_date": "2010",  # before 2011, when a small-amount misdemeanor was still possible
    "age_at_offense": "21_plus",
    "amount": "within_personal_limit",
    "concentrated": "no",
    "school_grounds": "no",
    "sentence": "completed",
}
ALAMEDA_SALE = {
    "county": "alameda",
    "section": "11359",
    "level": "felony",
    "offense_date": "2015",
    "age_at_offense": "21_plus",
    "sale_to_minor": "no",
    "used_minor": "no",
    "prior_same_offense_convictions": "0",
    "sentence": "serving",
}
NO_PRIORS = {"prior_super_strike": "no", "sex_offender_registrant": "no"}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_two_convictions_in_two_counties_get_one_result_each(client, lang):
    walk(client, lang, [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    assert results(client, lang) == {
        "1": ("dismiss", "application"),
        "2": ("reduce_to_misdemeanor", "petition"),
    }


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_results_page_explains_reasons_with_citations_and_offers_the_forms(client, lang):
    walk(client, lang, [FRESNO_POSSESSION], {})
    html = client.get(f"/{lang}/results").get_data(as_text=True)
    soup = BeautifulSoup(html, "html.parser")
    block = soup.select_one("[data-conviction-id='1']")
    assert "11362.1" in block.select_one(".citation").get_text()
    assert soup.select_one("a[data-petition]")["href"] == f"/{lang}/petition"
    assert "Fresno" in block.get_text()


def test_only_the_questions_that_matter_are_asked(client):
    asked = walk(client, "en", [FRESNO_POSSESSION], {})
    names = [q for _, q in asked]
    assert "sale_to_minor" not in names
    assert "prior_super_strike" not in names
    assert names[:2] == ["county", "section"]


def test_a_missing_answer_shows_a_clear_error_and_keeps_earlier_answers(client):
    client.post("/en/check/1/county", data={"county": "kern"})
    response = refused(client, "/en/check/1/section", {})
    html = response.get_data(as_text=True)
    soup = check_page(html, "en", has_error=True)
    summary = soup.select_one(".error-summary")
    assert summary["role"] == "alert"
    link = summary.select_one("a")
    assert link.get_text(strip=True) == "Choose what the conviction was for, or say you are not sure."
    assert soup.select_one(link["href"]) is not None, "the summary links to the first choice"
    county_page = client.get("/en/check/1/county").get_data(as_text=True)
    assert 'value="kern" selected' in county_page


def test_a_wrong_value_is_refused_in_spanish_with_a_spanish_message(client):
    client.post("/es/check/1/county", data={"county": "kern"})
    response = refused(client, "/es/check/1/section", {"section": "DROP TABLE"})
    soup = check_page(response.get_data(as_text=True), "es", has_error=True)
    message = soup.select_one(".error-summary a").get_text(strip=True)
    assert message != "Choose what the conviction was for, or say you are not sure."


@pytest.mark.parametrize("year", ["12", "20x5", "1850", "3000", ""])
def test_an_impossible_year_is_refused(client, year):
    client.post("/en/check/1/county", data={"county": "kern"})
    client.post("/en/check/1/section", data={"section": "11357"})
    client.post("/en/check/1/level", data={"level": "felony"})
    response = refused(client, "/en/check/1/offense_date", {"offense_date": year})
    assert 'value="' + year + '"' in response.get_data(as_text=True), "what was typed is kept"


def test_a_question_off_the_path_redirects_to_where_the_answers_lead(client):
    response = client.get("/en/check/1/sale_to_minor")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/check/1/county")
    assert client.get("/en/check/7/county").status_code == 302
    assert client.get("/en/check/1/not_a_question").status_code == 404


def test_the_results_wait_until_every_question_is_answered(client):
    client.post("/en/check/1/county", data={"county": "kern"})
    response = client.get("/en/results")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/check/1/section")


def test_changing_an_answer_from_the_check_page_returns_there(client):
    walk(client, "en", [FRESNO_POSSESSION], {})
    page = BeautifulSoup(client.get("/en/check/answers").get_data(as_text=True), "html.parser")
    change = page.select_one("a[href*='/check/1/county']")["href"]
    assert change.endswith("?change=1")
    response = client.post(change, data={"county": "kern"})
    assert response.headers["Location"].endswith("/en/check/answers")
    assert "Kern" in client.get("/en/check/answers").get_data(as_text=True)


def test_a_change_that_opens_new_questions_asks_them_before_returning(client):
    walk(client, "en", [FRESNO_POSSESSION], {})
    response = client.post("/en/check/1/section?change=1", data={"section": "11359"})
    assert "/en/check/1/sale_to_minor" in response.headers["Location"]
    assert "change=1" in response.headers["Location"]
    answers_page = client.get("/en/check/answers")
    assert answers_page.status_code == 302, "the check page waits for the new questions"


def test_the_language_switch_keeps_the_page_and_the_answers(client):
    client.post("/en/check/1/county", data={"county": "kern"})
    page = BeautifulSoup(client.get("/en/check/1/county").get_data(as_text=True), "html.parser")
    switch = page.select_one("a.lang-switch")
    assert switch["href"] == "/es/check/1/county"
    assert switch["lang"] == "es"
    assert switch.get_text() == "Español"
    spanish = client.get(switch["href"]).get_data(as_text=True)
    assert 'value="kern" selected' in spanish
    check_page(spanish, "es")


def test_add_and_remove_convictions_from_the_check_page(client):
    walk(client, "en", [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    client.post("/en/check/1/remove")
    assert results(client, "en") == {"1": ("reduce_to_misdemeanor", "petition")}
    response = client.post("/en/check/add")
    assert response.headers["Location"].endswith("/en/check/2/county")


def test_start_again_clears_every_answer(client):
    walk(client, "en", [FRESNO_POSSESSION], {})
    response = client.post("/en/start-again")
    assert response.status_code == 302
    assert response.headers["Clear-Site-Data"] == '"cookies"'
    assert client.get("/en/results").headers["Location"].endswith("/en/check/1/county")


def test_not_sure_answers_reach_the_engine_as_unknown(client):
    unsure = {"county": "kern", "section": "11358"}
    walk(client, "en", [unsure], {})
    relief, track = results(client, "en")["1"]
    assert track == "unknown"
    assert relief in ("needs_review", "reduce_to_misdemeanor", "reduce_to_infraction", "dismiss")


def test_an_adult_misdemeanor_over_the_limit_points_to_record_destruction_and_other_remedies(client):
    # Row P9: an 11357(c)-type misdemeanor for more than 28.5 g at 18 or older stays a misdemeanor.
    over_limit = {**FRESNO_POSSESSION, "amount": "over_personal_limit"}
    walk(client, "en", [over_limit], {})
    assert results(client, "en")["1"][0] == "no_change"
    page = BeautifulSoup(client.get("/en/results").get_data(as_text=True), "html.parser")
    text = page.select_one("[data-conviction-id='1']").get_text(" ")
    assert "11361.5" in text
    assert "1203.4" in text
    assert not page.select("[data-petition]"), "nothing to file, so no forms are offered"


def test_a_later_question_cannot_be_reached_before_the_earlier_ones_are_answered(client):
    client.post("/en/check/1/county", data={"county": "kern"})
    client.post("/en/check/1/section", data={"section": "11357"})
    # level is next; the sentence question is on the path but must not be skipped to.
    response = client.get("/en/check/1/sentence")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/check/1/level")
    assert client.get("/en/check/more").headers["Location"].endswith("/en/check/1/level")
    assert client.get("/en/check/1/county").status_code == 200, "earlier answers can still be changed"
