"""The results page names the county's own free help and gives plain links to act on."""

import pytest
from bs4 import BeautifulSoup

from webapp import counties

from .journey import walk
from .test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS

HEADING = {"en": "Free help", "es": "Ayuda gratis"}
CHECK_FIRST = {"en": "check this before you rely on it", "es": "confírmelo antes de confiar en esto"}


def _results(client, lang):
    walk(client, lang, [FRESNO_POSSESSION], NO_PRIORS)
    return BeautifulSoup(client.get(f"/{lang}/results").get_data(as_text=True), "html.parser")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_results_show_the_countys_free_help_contact(client, lang):
    soup = _results(client, lang)
    section = soup.select_one("section.free-help")
    assert section.h2.get_text() == HEADING[lang]
    text = " ".join(section.get_text(" ").split())
    fresno = counties.find("fresno").contacts
    # The public defender's record clearance and the self-help center, as the research gives them
    assert ", ".join(fresno.record_clearance[0].lines) in text
    assert "1130 O St., Fresno" in text
    # a third-party source is flagged, in the page's language
    assert CHECK_FIRST[lang] in text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_results_link_to_the_doj_record_request_and_the_forms(client, lang):
    soup = _results(client, lang)
    links = {a["href"] for a in soup.select("section.links a")}
    assert "https://oag.ca.gov/fingerprints" in links
    assert "https://www.courts.ca.gov/prop64.htm" in links
    assert "https://www.fresno.courts.ca.gov" in links
    assert all(href.startswith("https://") for href in links)
    text = soup.select_one("section.links").get_text(" ")
    assert "BCIA 8016RR" in text
    assert "$25" in text


def test_a_wrong_fact_can_be_reported_when_an_address_is_set(client, monkeypatch):
    assert not _results(client, "en").select("a[href^='mailto:']")
    monkeypatch.setenv(counties.FACT_REPORT_ENV, "facts@project.test")
    mailto = [a["href"] for a in _results(client, "en").select("a[href^='mailto:']")]
    assert mailto
    assert all("Fresno%20County" in href and "free%20help" in href for href in mailto)


def test_each_result_keeps_its_own_countys_help_and_the_pages_language(client):
    """The free-help blocks and the citations are drawn once per language and kept: a page in
    one language, then another, then the first again, each shows its own county's help in its
    own words."""
    walk(client, "en", [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    citation = {"en": "Health and Safety Code section", "es": "del Código de Salud y Seguridad"}
    for lang in ("en", "es", "en"):
        soup = BeautifulSoup(client.get(f"/{lang}/results").get_data(as_text=True), "html.parser")
        for number, slug in (("1", "fresno"), ("2", "alameda")):
            block = soup.select_one(f"[data-conviction-id='{number}']")
            section = block.select_one("section.free-help")
            assert section.h2.get_text() == HEADING[lang]
            text = " ".join(section.get_text(" ").split())
            own = counties.find(slug).contacts.record_clearance + counties.find(slug).contacts.public_defender
            assert ", ".join(own[0].lines) in text
            assert counties.find(slug).name in text
            assert citation[lang] in block.select_one(".citation").get_text()
