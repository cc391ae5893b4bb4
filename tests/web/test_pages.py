"""Every page, in both languages: the invariants, translations that really happened, page weight."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from webapp import languages

from .journey import walk
from .pages import check_page
from .test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS

STATIC_PAGES = ["/{lang}/", "/{lang}/privacy", "/{lang}/check/1/county", "/{lang}/nope"]
BUDGET_BYTES = 30 * 1024


def _journey_pages(client, lang):
    walk(client, lang, [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    return [f"/{lang}/check/answers", f"/{lang}/results", f"/{lang}/petition"]


@pytest.mark.parametrize("lang", languages.CODES)
def test_every_page_keeps_the_invariants(client, lang):
    for url in [u.format(lang=lang) for u in STATIC_PAGES] + _journey_pages(client, lang):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        check_page(response.get_data(as_text=True), lang)


def test_the_language_chooser_offers_both_languages_by_their_own_names(client):
    soup = BeautifulSoup(client.get("/").get_data(as_text=True), "html.parser")
    links = {a["hreflang"]: a for a in soup.select("a[hreflang]")}
    assert links["en"]["href"] == "/en/"
    assert links["es"]["href"] == "/es/"
    assert links["es"]["lang"] == "es"


def test_the_start_page_says_first_that_it_may_already_be_cleared(client):
    soup = check_page(client.get("/en/").get_data(as_text=True), "en")
    first_section = soup.select_one("main .notice").get_text(" ")
    assert "11361.9" in first_section
    assert "public defender" in first_section
    assert "Department of Justice" in first_section
    assert soup.select_one("[data-start]")["href"] == "/en/check"


def test_unknown_languages_are_not_found(client):
    assert client.get("/fr/").status_code == 404
    assert client.get("/fr/check/1/county").status_code == 404


def _visible_text(html):
    soup = BeautifulSoup(html, "html.parser")
    # Only English-marked parts inside the page (the language switch): on /en/ pages the <html>
    # itself says lang="en", and removing it would leave nothing to check.
    for tag in soup.body.select("[lang=en], .citation, option"):
        tag.decompose()
    return soup.get_text(" ")


def _english_sentences():
    from babel.messages.pofile import read_po

    with open("translations/messages.pot", "rb") as handle:
        return [m.id for m in read_po(handle) if m.id and len(m.id) > 25 and "%(" not in m.id]


def test_the_leak_check_does_find_english_sentences_on_an_english_page(client):
    walk(client, "en", [FRESNO_POSSESSION], {})
    text = " ".join(_visible_text(client.get("/en/results").get_data(as_text=True)).split())
    assert len([sentence for sentence in _english_sentences() if sentence in text]) >= 5


@pytest.mark.parametrize("lang", [code for code in languages.CODES if code != languages.DEFAULT])
def test_translated_pages_carry_no_english_sentences(client, lang):
    english = _english_sentences()
    unsure = {"county": "kern", "section": "11360", "conduct": "unknown"}
    walk(client, lang, [FRESNO_POSSESSION, ALAMEDA_SALE, unsure], NO_PRIORS)
    for path in ["/", "/privacy", "/check/1/county", "/check/answers", "/results", "/petition",
                 "/results/summary", "/results/letter", "/resume", "/records", "/clinic", "/clinic/help"]:
        url = f"/{lang}{path}"
        response = client.get(url)
        assert response.status_code == 200, url
        text = " ".join(_visible_text(response.get_data(as_text=True)).split())
        leaked = [sentence for sentence in english if sentence in text]
        assert not leaked, (url, leaked[:3])


@pytest.mark.parametrize("lang", languages.CODES)
def test_the_heaviest_page_with_its_css_stays_under_30_kb(client, lang):
    css = (Path(__file__).parents[2] / "webapp" / "static" / "css" / "site.css").stat().st_size
    pages = [u.format(lang=lang) for u in STATIC_PAGES] + _journey_pages(client, lang)
    weights = {url: len(client.get(url).data) + css for url in pages}
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] < BUDGET_BYTES, (heaviest, weights[heaviest])
    for url in pages:
        html = client.get(url).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), "no inline JavaScript anywhere"
