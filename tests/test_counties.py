"""The county data: complete, sourced, dated, and copied from the research without invention."""

import csv
import dataclasses
import json
import re
from pathlib import Path

import pytest

from webapp import counties
from webapp.counties import DATA_FILE

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PHONE = re.compile(r"\(?\d{3}\)?[ .-]?\d{3}[.-]\d{4}|\d{3}-\d{4}")


def raw():
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))["counties"]


def reference_text() -> str:
    """All cells of the three research CSVs (needs ../shared/reference; skipped without it)."""
    if not REFERENCE.is_dir():
        pytest.skip(f"research CSVs not found at {REFERENCE}")
    cells = []
    research = Path(__file__).resolve().parents[1] / "data" / "research"
    files = [REFERENCE / n for n in ("counties.csv", "counties-da.csv", "city-prosecutors.csv")]
    files += [research / "county-contacts.csv", research / "county-contacts-added.csv"]
    for path in files:
        with path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                cells.extend(row.values())
    return "\n".join(cells)


def test_58_counties_alphabetical_with_unique_slugs():
    all_ = counties.all_counties()
    assert len(all_) == 58
    assert [c.name for c in all_] == sorted(c.name for c in all_)
    assert len({c.slug for c in all_}) == 58
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", c.slug) for c in all_)
    assert counties.find("San Luis Obispo").slug == "san-luis-obispo"


@pytest.mark.parametrize(
    "text", ["Los Angeles", "los angeles", "los-angeles", "LOS-ANGELES", " Los Angeles County "]
)
def test_find_by_name_or_slug_any_case(text):
    assert counties.find(text).slug == "los-angeles"


@pytest.mark.parametrize("text", ["", "Gotham", "los", "county"])
def test_find_unknown_is_none(text):
    assert counties.find(text) is None


def test_counties_are_frozen():
    county = counties.find("alameda")
    with pytest.raises(dataclasses.FrozenInstanceError):
        county.slug = "x"


def test_automatic_review_vocabulary_matches_research():
    assert {c.automatic_review for c in counties.all_counties()} == {"likely", "unknown"}
    assert counties.find("Alameda").automatic_review == "likely"
    assert counties.find("Butte").automatic_review == "unknown"


def test_every_url_is_https():
    for county in counties.all_counties():
        urls = [county.website.value if county.website else None, county.da.url]
        urls += [c.url for c in county.city_prosecutors]
        for url in filter(None, urls):
            assert url.startswith("https://"), (county.slug, url)


def _facts(node):
    """Every dict in the JSON that holds a non-blank fact (anything with a value besides bookkeeping)."""
    bookkeeping = {"source", "verified", "compiled", "evidence", "notes", "prosecutes_misdemeanors"}
    if isinstance(node, dict):
        payload = {k: v for k, v in node.items() if k not in bookkeeping and not isinstance(v, (dict, list))}
        if "source" in node or any(v not in (None, "", False) for v in payload.values()):
            yield node
        for value in node.values():
            yield from _facts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _facts(item)


def test_every_fact_has_a_source_and_a_date():
    for county in raw():
        # "contacts" carries its own provenance per fact (tests/test_county_service.py).
        facts = [v for k, v in county.items() if isinstance(v, dict) and k != "contacts"]
        facts += county["filing"] + county["city_prosecutors"]
        assert facts
        for fact in facts:
            assert fact["source"].strip(), (county["slug"], fact)
            dates = [fact.get("verified"), fact.get("compiled")]
            assert sum(d is not None for d in dates) == 1, (county["slug"], fact)
            assert DATE.match(next(d for d in dates if d)), (county["slug"], fact)


def test_no_blank_strings_only_nulls():
    for fact in _facts(raw()):
        for key, value in fact.items():
            assert value != "", (key, fact)


def test_no_phone_or_address_that_is_not_in_the_research():
    text = reference_text()
    for county in counties.all_counties():
        values = [county.court_name.value]
        values += [f.value for f in (county.court_address, county.phone, county.website) if f]
        values += [county.da.address, county.da.phone, county.da.url, county.da.name]
        for place in county.filing:
            values += [place.courthouse, place.address]
        for city in county.city_prosecutors:
            values += [city.address, city.url, city.office_name]
        for value in filter(None, values):
            assert value in text, (county.slug, value)


def test_every_phone_number_printed_anywhere_appears_in_the_research():
    text = reference_text()
    blob = DATA_FILE.read_text(encoding="utf-8")
    for number in set(PHONE.findall(blob)):
        assert number in text, number


def test_blank_stays_blank():
    # The research found no DA address for Alameda and no courthouse for Stanislaus.
    assert counties.find("alameda").da.address is None
    assert counties.find("stanislaus").court_address is None
    assert counties.find("stanislaus").form_address is None


def test_form_address_only_where_there_is_one_place_to_file():
    assert counties.find("los-angeles").form_address is None  # dozens of courthouses
    address = counties.find("fresno").form_address
    assert address.street.startswith("1100 Van Ness Avenue")
    assert address.city_zip == "Fresno, CA 93724-0002"
    assert counties.find("humboldt").form_address.mailing == "825 5th Street, Eureka, CA 95501"


def test_city_prosecutors_carry_their_role():
    la = counties.find("Los Angeles")
    roles = {c.city: c.prosecutes_misdemeanors for c in la.city_prosecutors}
    assert roles["Long Beach"] == "yes"
    assert roles["Glendale"] == "unverified"
    assert roles["Manhattan Beach"] == "no"
    assert "Manhattan Beach" not in {c.city for c in la.misdemeanor_city_prosecutors}
    assert {c.city for c in counties.find("san diego").misdemeanor_city_prosecutors} == {"San Diego"}


def test_json_is_what_the_build_script_makes():
    if not REFERENCE.is_dir():
        pytest.skip(f"research CSVs not found at {REFERENCE}")
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_counties", Path(__file__).resolve().parents[1] / "scripts" / "build_counties.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build(REFERENCE) == json.loads(DATA_FILE.read_text(encoding="utf-8"))
