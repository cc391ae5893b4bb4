"""Issue 14 items 1-4: a journey that forgives. Errors come back through a redirect (so Back never
meets "Confirm Form Resubmission"), an added conviction can be cancelled, a removal is confirmed
and reported, answers are shown in their conviction's context, lost answers are announced, and
every question page says how far the person is."""

import pytest
from bs4 import BeautifulSoup

from webapp import create_app

from ..conftest import TEST_SECRET
from .journey import walk
from .pages import check_page, refused
from .test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS


def _soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


# --- 1. Post/redirect/get, errors included ------------------------------------------------------


def test_a_refused_answer_redirects_and_keeps_the_error_out_of_the_url(client):
    client.post("/en/check/1/county", data={"county": "kern"})
    client.post("/en/check/1/section", data={"section": "11357"})
    client.post("/en/check/1/level", data={"level": "felony"})
    response = client.post("/en/check/1/offense_date", data={"offense_date": "20x5"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/check/1/offense_date")
    assert "20x5" not in response.headers["Location"]
    page = client.get("/en/check/1/offense_date")
    soup = check_page(page.get_data(as_text=True), "en", has_error=True)
    message = soup.select_one(".error-summary a").get_text(strip=True)
    assert message == "Enter the year as four digits, for example 2012."
    assert soup.select_one("#offense_date")["value"] == "20x5", "what was typed survives the redirect"
    assert soup.select_one("a.back-link")["href"] == "/en/check/1/level", "Back goes to the previous question"
    again = check_page(client.get("/en/check/1/offense_date").get_data(as_text=True), "en")
    assert not again.select(".error-summary"), "the error is shown once, not on every later visit"


def test_a_refused_answer_in_spanish_keeps_the_spanish_message(client):
    client.post("/es/check/1/county", data={"county": "kern"})
    page = refused(client, "/es/check/1/section", {})
    soup = check_page(page.get_data(as_text=True), "es", has_error=True)
    assert soup.select_one(".error-summary a").get_text(strip=True).startswith("Elija")


def test_a_refused_add_another_answer_comes_back_through_a_redirect(client):
    walk(client, "en", [FRESNO_POSSESSION], NO_PRIORS)
    page = refused(client, "/en/check/more", {"add_another": "maybe"})
    assert _soup(page).select_one(".error-summary")


# --- 2. Forgiving edits -------------------------------------------------------------------------


def _answers_rows(client, lang="en"):
    page = client.get(f"/{lang}/check/answers")
    assert page.status_code == 200
    return check_page(page.get_data(as_text=True), lang)


def test_an_added_conviction_can_be_cancelled_and_nothing_else_changes(client):
    walk(client, "en", [FRESNO_POSSESSION], NO_PRIORS)
    before = _answers_rows(client).select_one("main").get_text(" ", strip=True)
    response = client.post("/en/check/add")
    assert response.headers["Location"].endswith("/en/check/2/county")
    page = check_page(client.get("/en/check/2/county").get_data(as_text=True), "en")
    cancel = page.select_one("[data-cancel-conviction]")
    assert cancel.get_text(strip=True) == "Cancel this conviction"
    form = cancel.find_parent("form")
    client.post("/en/check/2/county", data={"county": "alameda"})  # one answer given, then cancelled
    response = client.post(form["action"])
    assert response.headers["Location"].endswith("/en/check/answers")
    assert _answers_rows(client).select_one("main").get_text(" ", strip=True) == before


def test_cancelling_after_saying_yes_on_the_more_page_goes_back_to_that_question(client):
    client.get("/en/check")
    for question, value in FRESNO_POSSESSION.items():
        client.post(f"/en/check/1/{question}", data={question: value})
    client.post("/en/check/more", data={"add_another": "yes"})
    response = client.post("/en/check/2/cancel")
    assert response.headers["Location"].endswith("/en/check/more")
    assert client.get("/en/check/2/county").status_code == 302, "the cancelled conviction is gone"


def test_a_conviction_already_answered_offers_no_cancel(client):
    walk(client, "en", [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    page = _soup(client.get("/en/check/2/county?change=1"))
    assert not page.select("[data-cancel-conviction]")
    client.post("/en/check/2/cancel")
    assert len(_answers_rows(client).select("dl.summary")) == 3, "two convictions and the person rows"


@pytest.mark.parametrize(
    ("lang", "question", "message"),
    [
        ("en", "Remove conviction 2?", "Conviction 2 (Alameda County) was removed."),
        ("es", None, None),
    ],
)
def test_a_removal_is_confirmed_on_its_own_page_and_then_reported(client, lang, question, message):
    walk(client, lang, [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    answers = _answers_rows(client, lang)
    link = answers.select("main a.button-secondary")[1]
    assert link["href"] == f"/{lang}/check/2/remove"
    confirm = client.get(link["href"])
    soup = check_page(confirm.get_data(as_text=True), lang)
    assert len(_answers_rows(client, lang).select("dl.summary")) == 3, "showing the question removes nothing"
    if question:
        assert soup.h1.get_text(strip=True) == question
    form = soup.select_one("main form")
    assert form["action"] == f"/{lang}/check/2/remove"
    response = client.post(form["action"])
    assert response.headers["Location"].endswith(f"/{lang}/check/answers")
    after = _answers_rows(client, lang)
    note = after.select_one("[data-removed]").get_text(" ", strip=True)
    assert "2" in note
    assert "Alameda" in note
    if message:
        assert note == message
    else:
        assert "removed" not in note, "the message is translated"
    headings = " ".join(h.get_text(strip=True) for h in after.select("main h2"))
    assert "Fresno" in headings
    assert "Alameda" not in headings
    assert not _answers_rows(client, lang).select("[data-removed]"), "said once"


def test_check_answers_names_each_conviction_with_its_county_and_what_it_was_for(client):
    walk(client, "en", [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    headings = [h.get_text(strip=True) for h in _answers_rows(client).select("main h2")]
    assert headings[:2] == [
        "Conviction 1: Having cannabis (possession), Fresno County",
        "Conviction 2: Having cannabis in order to sell it (possession for sale), Alameda County",
    ]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_person_questions_speak_of_every_case_when_there_are_several(client, lang):
    walk(client, lang, [ALAMEDA_SALE], NO_PRIORS)
    one = _soup(client.get(f"/{lang}/check/about-you/prior_super_strike?change=1")).h1.get_text(strip=True)
    client.post(f"/{lang}/check/add")
    walk(client, lang, [ALAMEDA_SALE, ALAMEDA_SALE], NO_PRIORS)
    page = client.get(f"/{lang}/check/about-you/prior_super_strike?change=1")
    several = _soup(page).h1.get_text(strip=True)
    assert one != several
    if lang == "en":
        assert one.startswith("Before this cannabis case,")
        assert several.startswith("Before any of these cannabis cases,")
    rows = [dt.get_text(strip=True) for dt in _answers_rows(client, lang).select("dt")]
    assert several in rows


# --- 3. Lost answers are announced ----------------------------------------------------------------


@pytest.mark.parametrize(("lang", "words"), [("en", "We could not find your earlier answers."), ("es", None)])
def test_an_unreadable_cookie_is_announced_and_offers_to_start_again(client, lang, words):
    client.set_cookie("crr", "not-a-cookie-we-made")
    response = client.get(f"/{lang}/check/1/amount")
    assert response.headers["Location"].endswith(f"/{lang}/check/1/county")
    soup = check_page(client.get(f"/{lang}/check/1/county").get_data(as_text=True), lang)
    notice = soup.select_one("[data-answers-lost]")
    assert notice is not None
    if words:
        assert words in notice.get_text(" ", strip=True)
    else:
        assert "We could not find" not in notice.get_text(" ", strip=True)
    assert notice.select_one("a")["href"] == f"/{lang}/"
    later = check_page(client.get(f"/{lang}/check/1/county").get_data(as_text=True), lang)
    assert not later.select("[data-answers-lost]"), "said once"


def test_an_expired_cookie_is_announced(client):
    client.post("/en/check/1/county", data={"county": "kern"})
    old = client.get_cookie("crr").value
    expired = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "WTF_CSRF_ENABLED": False,
                          "SESSION_IDLE_SECONDS": -10})
    with expired.test_client() as later:
        later.set_cookie("crr", old)
        page = later.get("/en/check/1/county", follow_redirects=True)
        assert _soup(page).select_one("[data-answers-lost]")


@pytest.mark.parametrize("url", ["/en/check/1/amount", "/en/check/about-you/prior_super_strike",
                                 "/en/check/answers", "/en/results", "/en/check/3/county"])
def test_a_bookmarked_page_with_no_answers_says_so(client, url):
    response = client.get(url, follow_redirects=True)
    assert response.request.path == "/en/check/1/county"
    assert _soup(response).select_one("[data-answers-lost]")


def test_a_new_visitor_starting_the_check_is_not_told_anything_was_lost(client):
    page = client.get("/en/check", follow_redirects=True)
    assert page.request.path == "/en/check/1/county"
    assert not _soup(page).select("[data-answers-lost]")


# --- 4. Progress --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_question_page_says_where_the_person_is(client, lang):
    seen = []
    original = client.get

    def get(url, *args, **kwargs):
        response = original(url, *args, **kwargs)
        if response.status_code == 200 and "/check/" in url and not url.endswith("/answers"):
            element = _soup(response).select_one("[data-progress]")
            assert element is not None, url
            number, total = map(int, element["data-progress"].split("/"))
            assert 1 <= number <= total
            assert element.select_one(".visually-hidden").get_text(strip=True), "a fuller text alternative"
            seen.append((number, total, element.get_text(" ", strip=True)))
        return response

    client.get = get
    walk(client, lang, [FRESNO_POSSESSION], NO_PRIORS)
    assert [n for n, _, _ in seen] == list(range(1, len(seen) + 1)), "numbered in order"
    assert seen[-1][0] == seen[-1][1], "the last question is the last of the path"
    if lang == "en":
        assert seen[0][2].startswith("Question 1 of about")
