"""The clinic summary names who helps for free in each county of the client's convictions (issue 11
item 4), from the sourced county facts, in the client's language, and still prints on one sheet."""

import dataclasses
from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from webapp import counties
from webapp.languages import CODES

from . import sample
from .conftest import download

# Five convictions in five counties: the most a client's sheet is built to hold on one page.
FIVE_COUNTIES = [row["county"] for row in sample.client_rows(3, 5)]


def summary_sections(client, rows, page_lang="en"):
    response = download(client, page_lang, sample.write(rows), "summaries")
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "html.parser").select("section.clinic-summary")


def help_lines(section) -> list[str]:
    return [" ".join(li.get_text().split()) for li in section.select("ul.clinic-help li")]


@pytest.mark.parametrize("lang", CODES)
def test_each_county_of_the_clients_convictions_gets_its_first_free_help_facts(client, lang):
    assert len(set(FIVE_COUNTIES)) == 5
    [section] = summary_sections(client, sample.client_rows(3, 5, lang=lang))
    lines = help_lines(section)
    assert len(lines) == 5  # one line a county, in the order of the rows
    for county_name, line in zip(FIVE_COUNTIES, lines, strict=True):
        county = counties.find(county_name)
        assert county.name in line.split(":")[0]
        facts = county.contacts.first_help
        assert facts, county_name  # every sample county has a sourced contact
        for fact in facts:
            assert ", ".join(fact.lines) in line  # the sourced value, not a paraphrase


def test_a_county_seen_twice_is_listed_once(client):
    rows = sample.client_rows(1, 1, lang="en") + sample.client_rows(1, 1, lang="en")[:1]
    rows[1] = {**rows[1], "case_number": "CASE-1-9", "lang": "", "name": "", "date_of_birth": ""}
    [section] = summary_sections(client, rows)
    assert len(help_lines(section)) == 1


def test_a_fact_from_a_third_party_or_old_source_says_to_check_it(client):
    [section] = summary_sections(client, sample.client_rows(3, 5, lang="en"))
    checked = [f for name in FIVE_COUNTIES for f in counties.find(name).contacts.first_help if f.check_first]
    assert checked  # the sample reaches at least one such fact, so the sentence is exercised
    assert section.get_text().count("check this before you rely on it") == len(checked)


def test_a_county_with_no_sourced_help_gets_the_general_sentence(client, monkeypatch):
    fresno = counties.find("Fresno")
    bare = dataclasses.replace(fresno, contacts=dataclasses.replace(
        fresno.contacts, record_clearance=(), public_defender=(), self_help=(), legal_aid=()))
    real_find = counties.find
    monkeypatch.setattr(counties, "find", lambda name: bare if real_find(name) is fresno else real_find(name))
    rows = [dict(sample.client_rows(4, 1, lang="en")[0], **sample.CONVICTIONS[0][0])]
    [section] = summary_sections(client, rows)
    assert help_lines(section) == [
        "Fresno County: Free help from your county's public defender or your court's self-help center."]


@pytest.mark.slow
@pytest.mark.parametrize("lang", CODES)
def test_five_convictions_in_five_counties_still_print_on_one_page(app, lang):
    from webapp.clinic import batch, summaries

    with app.test_request_context(f"/{lang}/"):
        result = batch.assess_csv(sample.write(sample.client_rows(3, 5, lang=lang)))
        [client] = result.clients
        document = PdfReader(BytesIO(summaries.pdf(client, result.as_of)))
    assert len(document.pages) == 1
    text = " ".join(document.pages[0].extract_text().split())
    for name in FIVE_COUNTIES:
        fact = counties.find(name).contacts.first_help[0]
        assert fact.lines[0].split()[0] in text
