"""Every page, in both languages: the invariants, translations that really happened, page weight."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .journey import walk
from .pages import check_page
from .test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS

STATIC_PAGES = ["/{lang}/", "/{lang}/privacy", "/{lang}/check/1/county", "/{lang}/nope"]
BUDGET_BYTES = 30 * 1024


def _journey_pages(client, lang):
    walk(client, lang, [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    return [f"/{lang}/check/answers", f"/{lang}/results", f"/{lang}/petition"]


@pytest.mark.parametrize("lang", ["en", "es"])
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
    for tag in soup.select("[lang=en], .citation, option"):
        tag.decompose()
    return soup.get_text(" ")


@pytest.mark.parametrize("url", ["/es/", "/es/privacy", "/es/check/1/county"])
def test_spanish_pages_carry_no_english_sentences(client, url):
    from babel.messages.pofile import read_po

    with open("translations/messages.pot", "rb") as handle:
        english = [m.id for m in read_po(handle) if m.id and len(m.id) > 25 and "%(" not in m.id]
    text = " ".join(_visible_text(client.get(url).get_data(as_text=True)).split())
    leaked = [sentence for sentence in english if sentence in text]
    assert not leaked, leaked[:3]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_heaviest_page_with_its_css_stays_under_30_kb(client, lang):
    css = (Path(__file__).parents[2] / "webapp" / "static" / "css" / "site.css").stat().st_size
    pages = [u.format(lang=lang) for u in STATIC_PAGES] + _journey_pages(client, lang)
    weights = {url: len(client.get(url).data) + css for url in pages}
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] < BUDGET_BYTES, (heaviest, weights[heaviest])
    for url in pages:
        html = client.get(url).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), "no inline JavaScript anywhere"
