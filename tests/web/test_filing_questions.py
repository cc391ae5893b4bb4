"""Issue 11 items 2-3 through the pages: which courthouse, and which city's prosecutor, are asked
only where they matter, and the answers reach the court packet built from the details page."""

import io

import pytest
from pypdf import PdfReader

from webapp import counties

from ..packet.conftest import PETITIONER
from .journey import walk
from .pages import check_page
from .test_flow import FRESNO_POSSESSION

DETAILS = {**PETITIONER, "case_number-1": "CR-12-3456"}


def _names(asked):
    return [q for _, q in asked]


def _pages(client, lang="en") -> list[str]:
    response = client.post(f"/{lang}/petition", data=DETAILS)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/pdf"
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.data)).pages]


def _form(pages, name: str) -> str:
    return " ".join(p for p in pages if p.startswith(name))


def test_a_county_with_one_courthouse_and_no_city_prosecutor_asks_neither(client):
    names = _names(walk(client, "en", [FRESNO_POSSESSION], {}))
    assert "courthouse" not in names
    assert "prosecutor_city" not in names


def test_a_multi_courthouse_county_asks_which_courthouse_and_prints_that_clerks_address(client):
    orange = counties.find("orange")
    office = next(o for o in orange.clerk_offices if "North Justice Center" in o.name)
    answers = {**FRESNO_POSSESSION, "county": "orange", "courthouse": office.id}
    names = _names(walk(client, "en", [answers], {}))
    assert "courthouse" in names
    assert "prosecutor_city" not in names, "Orange County has no city prosecutor"
    page = check_page(client.get("/en/check/1/courthouse?change=1").get_data(as_text=True), "en")
    offered = [i["value"] for i in page.select("input[name=courthouse]")]
    assert offered == [*(o.id for o in orange.clerk_offices), "unknown"]
    cr400 = _form(_pages(client), "CR-400")
    assert "1275 North Berkeley Avenue" in cr400


def test_not_sure_of_the_courthouse_prints_no_single_courthouse(client):
    walk(client, "en", [{**FRESNO_POSSESSION, "county": "orange", "courthouse": "unknown"}], {})
    assert "1275 North Berkeley Avenue" not in _form(_pages(client), "CR-400")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_los_angeles_misdemeanor_in_the_city_never_prints_the_county_da(client, lang):
    la = counties.find("los-angeles")
    names = _names(walk(client, lang, [{**FRESNO_POSSESSION, "county": "los-angeles",
                                        "prosecutor_city": "los-angeles"}], {}))
    assert "prosecutor_city" in names
    cr401 = _form(_pages(client, lang), "CR-401")
    assert cr401, "the packet has a proof of service"
    assert "Los Angeles City Attorney" in cr401
    assert la.da.name not in cr401
    assert "District Attorney" not in cr401


def test_a_felony_is_not_asked_the_city(client):
    felony = {**FRESNO_POSSESSION, "county": "los-angeles", "level": "felony"}
    names = _names(walk(client, "en", [felony], {}))
    assert "prosecutor_city" not in names
    assert "courthouse" in names


def test_a_courthouse_from_another_county_is_dropped_when_the_county_changes(client):
    orange = counties.find("orange")
    first = orange.clerk_offices[0].id
    walk(client, "en", [{**FRESNO_POSSESSION, "county": "orange", "courthouse": first}], {})
    client.post("/en/check/1/county?change=1", data={"county": "alameda"})
    response = client.get("/en/check/answers")
    assert response.status_code == 302
    assert "/en/check/1/courthouse" in response.headers["Location"], "Alameda's courthouses are asked anew"


@pytest.mark.parametrize("lang", ["en", "es", "ko"])
def test_what_each_courthouse_handles_is_marked_as_the_english_it_is_written_in(client, lang):
    # The research describes each clerk's office in English; on a Spanish or Korean page a screen
    # reader must read it as English, and the site's own sentences in the page's language.
    alameda = counties.find("alameda")
    walk(client, lang, [{**FRESNO_POSSESSION, "county": "alameda", "courthouse": "unknown"}], {})
    page = check_page(client.get(f"/{lang}/check/1/courthouse?change=1").get_data(as_text=True), lang)
    described = [o for o in alameda.clerk_offices if o.handles]
    assert described, "Alameda's offices say what they handle"
    hints = {h["id"]: h for h in page.select(".radio-hint")}
    for index, office in enumerate(alameda.clerk_offices):
        hint = hints.get(f"courthouse-{index}-hint")
        if office.handles:
            assert hint.get_text(strip=True) == office.handles
            assert hint["lang"] == counties.FACTS_LANGUAGE
        else:
            assert hint is None
    not_sure = hints.get(f"courthouse-{len(alameda.clerk_offices)}-hint")
    assert not_sure is None or not not_sure.has_attr("lang")
    assert page.select_one("html")["lang"].startswith(lang)
    assert all(not h.has_attr("lang") for h in page.select(".hint:not(.radio-hint)"))
