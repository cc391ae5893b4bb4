"""Question pages are drawn once per address and language with holes for the person's parts, and
each view fills them in (webapp/kept_pages.py). What a person must see is their own page: their
answer ticked, their conviction named, their own form token, and nothing of anyone else's; and
what the process keeps must hold nothing of theirs."""

import re

import pytest
from markupsafe import escape

from webapp import counties, kept_pages, languages
from webapp.eligibility import vocabulary
from webapp.flow.forms import form_class, form_for
from webapp.flow.questions import BY_NAME, QUESTIONS, YEAR

from ..conftest import csrf_token
from .journey import walk
from .test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS

MARKERS = re.compile("[\ue000\ue001]")


def _ticked(html: str) -> list[str]:
    """The values of the ticked radios and selected options."""
    return (re.findall(r'<input type="radio"[^>]* value="([^"]*)" checked', html)
            + re.findall(r'<option value="([^"]*)" selected', html))


def _year(html: str) -> str | None:
    match = re.search(r'<input class="input input-year"[^>]* value="([^"]*)"', html)
    return match and match.group(1)


@pytest.fixture
def kept(monkeypatch):
    """Every page the process keeps, as the pieces it keeps, while the test runs."""
    kept_pages.forget()
    pieces = {}
    real = kept_pages._kept

    def recording(key, draw):
        pieces[key] = real(key, draw)
        return pieces[key]

    monkeypatch.setattr(kept_pages, "_kept", recording)
    yield pieces
    kept_pages.forget()


def _page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


@pytest.mark.parametrize("code", languages.CODES)
def test_each_question_page_kept_shows_the_answers_given(client, kept, code):
    convictions = [FRESNO_POSSESSION, ALAMEDA_SALE]
    asked = walk(client, code, convictions, NO_PRIORS)
    kept.clear()
    for n, question in asked:
        path = f"/{code}/check/{n}/{question}" if n else f"/{code}/check/about-you/{question}"
        first, again = _page(client, path), _page(client, path)  # drawn, then from what was kept
        assert again == first, path
        assert not MARKERS.search(again), path
        answer = (convictions[n - 1] if n else NO_PRIORS).get(question, "unknown")  # as walk() answers
        if question == "offense_date":
            assert _year(again) == answer
            assert _ticked(again) == []
        else:
            assert _ticked(again) == [answer], path
        if n:  # two convictions: each page says which one it is about
            assert '<span class="caption">' in again, path
    # Every page was kept, each under its own key (a county's courthouses, a section's wording
    # included).
    assert len(kept) == len(asked)


def test_two_people_at_one_address_each_see_their_own(csrf_app, kept):
    fresno_first, alameda_first = csrf_app.test_client(), csrf_app.test_client()
    for client, convictions in ((fresno_first, [FRESNO_POSSESSION, ALAMEDA_SALE]),
                                (alameda_first, [ALAMEDA_SALE, FRESNO_POSSESSION])):
        client.get("/en/check")
        _answer_all(client, convictions)
    kept.clear()
    pages = {client: _page(client, "/en/check/1/level") for client in (fresno_first, alameda_first)}
    assert len(kept) == 1  # the second person's page came from what the first one's left
    fresno, alameda = pages[fresno_first], pages[alameda_first]
    assert _ticked(fresno) == ["misdemeanor"]
    assert _ticked(alameda) == ["felony"]
    assert "Fresno County" in fresno
    assert "Fresno" not in alameda
    assert "Alameda County" in alameda
    assert "Alameda" not in fresno
    # Each person's own token, and each is accepted for that person's answer alone.
    tokens = {client: csrf_token(html) for client, html in pages.items()}
    assert tokens[fresno_first] != tokens[alameda_first]
    refused = alameda_first.post("/en/check/1/level",
                                 data={"level": "felony", "csrf_token": tokens[fresno_first]})
    assert refused.status_code == 400
    accepted = alameda_first.post("/en/check/1/level",
                                  data={"level": "felony", "csrf_token": tokens[alameda_first]})
    assert accepted.status_code == 302


def _answer_all(client, convictions):
    """The two-conviction journey through a client that checks form tokens."""
    token = csrf_token(_page(client, "/en/check/1/county"))

    class Posting:  # walk() posts without a token; this client adds this person's
        def get(self, *args, **kwargs):
            return client.get(*args, **kwargs)

        def post(self, path, data):
            return client.post(path, data={**data, "csrf_token": token})

    walk(Posting(), "en", convictions, NO_PRIORS, check=False)


def test_what_is_kept_holds_nothing_of_the_person(csrf_app, kept):
    client = csrf_app.test_client()
    client.get("/en/check")
    _answer_all(client, [FRESNO_POSSESSION, ALAMEDA_SALE])
    token = csrf_token(_page(client, "/en/check/1/county"))
    for question in ("county", "section", "level", "offense_date", "age_at_offense"):
        for n in (1, 2):
            _page(client, f"/en/check/{n}/{question}")
    keeping = "".join(piece for pieces in kept.values() for piece in pieces)
    assert len(kept) >= 10
    assert token not in keeping
    assert "Conviction 1:" not in keeping
    assert "Conviction 2:" not in keeping
    assert not re.search(r'" (checked|selected)\b', keeping)  # no choice's state
    assert 'value="2010"' not in keeping
    assert 'value="2015"' not in keeping
    for pieces in kept.values():
        assert 'name="csrf_token" value=""' not in "".join(pieces)


def test_a_page_with_errors_or_typed_text_is_drawn_for_that_view_only(client, kept):
    walk(client, "en", [FRESNO_POSSESSION], NO_PRIORS)
    kept.clear()
    typed = "20x5"
    refused = client.post("/en/check/1/offense_date", data={"offense_date": typed})
    assert refused.status_code == 302
    page = _page(client, "/en/check/1/offense_date")
    assert 'class="error-summary"' in page
    assert _year(page) == typed
    assert kept == {}
    again = _page(client, "/en/check/1/offense_date")  # the error is shown once
    assert 'class="error-summary"' not in again
    assert _year(again) == FRESNO_POSSESSION["offense_date"]
    assert len(kept) == 1
    assert typed not in "".join(next(iter(kept.values())))


def test_a_page_whose_choices_follow_the_answers_is_kept_apart_for_each_county(csrf_app, kept):
    # Two people at one address, in two counties with several courthouses: each sees their own
    # county's courthouses, in each language, and a page kept for one county is never the other's.
    counties_seen = {}
    for county in ("alameda", "orange"):
        client = csrf_app.test_client()
        client.get("/en/check")
        _answer_all(client, [{**ALAMEDA_SALE, "county": county}])
        for code in ("en", "es"):
            page = first = _page(client, f"/{code}/check/1/courthouse")
            again = _page(client, f"/{code}/check/1/courthouse")
            assert again == first
            offered = re.findall(r'<input type="radio" [^>]*name="courthouse" value="([^"]*)"', page)
            assert offered == list(counties.find(county).courthouse_choices()), (county, code)
            assert all(str(escape(office.name)) in page for office in counties.find(county).clerk_offices)
            counties_seen[county, code] = page
    assert counties_seen["alameda", "en"] != counties_seen["orange", "en"]
    assert counties_seen["alameda", "en"] != counties_seen["alameda", "es"]
    assert len([key for key in kept if key[2][0] == "courthouse"]) == 4


def test_a_question_worded_by_its_section_is_kept_apart_for_each_section(app, kept):
    # 11359(c)(3) names only a knowing sale to a minor; 11360 also names giving away. Each
    # person at the one address reads the question as the law words it for their section.
    pages = {}
    for section in ("11359", "11360"):
        client = app.test_client()
        walk(client, "en", [{**ALAMEDA_SALE, "section": section, "conduct": "sale"}], NO_PRIORS)
        pages[section] = [_page(client, "/en/check/1/sale_to_minor") for _ in range(2)]
    assert "knowingly selling, or trying to sell" in pages["11359"][1]
    assert "furnishing or giving away" in pages["11360"][1]
    assert "knowingly selling" not in pages["11360"][1]
    assert pages["11359"][0] == pages["11359"][1]


def _caption(html: str) -> str:
    return re.search(r'<span class="caption">([^<]*)</span>', html).group(1)


def test_a_conviction_is_named_in_the_language_of_each_page(client):
    walk(client, "en", [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    captions = {code: _caption(_page(client, f"/{code}/check/2/level")) for code in languages.CODES}
    assert all("Alameda" in caption for caption in captions.values()), captions
    assert len(set(captions.values())) == len(languages.CODES), captions
    assert re.fullmatch(r"Conviction 2: [^,]+, Alameda County", captions["en"]), captions
    assert re.fullmatch(r"Condena 2: [^,]+, Condado de Alameda", captions["es"]), captions
    # And again, after every other language: each still its own.
    assert {code: _caption(_page(client, f"/{code}/check/2/level")) for code in languages.CODES} == captions


@pytest.mark.parametrize("question", [q.name for q in QUESTIONS])
def test_a_stored_answer_s_page_is_known_without_its_form(app, question):
    """What a kept page is looked up and filled with, worked out from the declaration alone,
    is what the form itself gives for the same page, for every answer it can show."""
    declaration = BY_NAME[question]
    with app.test_request_context(f"/en/check/1/{question}"):
        for conviction in (None, FRESNO_POSSESSION, ALAMEDA_SALE, {**ALAMEDA_SALE, "county": "orange"}):
            offered = ([o.value for o in declaration.options_in(conviction)] if declaration.widget != YEAR
                       else ["2012"])
            for several in (False, True):
                for value in (None, vocabulary.UNKNOWN, *offered):
                    form = form_for(question)
                    form.several = several
                    form.for_conviction(conviction)
                    if value is not None:
                        form.show(value)
                    page = form_class(question).stored_page(several, conviction, value)
                    assert page == (form.shape(), form.hole_values()), (conviction, several, value)
