"""Whom the packet serves and where it files, county by county, from the sourced contact data."""

import csv
import re
from pathlib import Path

import pytest

from webapp import counties
from webapp.eligibility.errors import InputError
from webapp.packet import build, fields

RESEARCH = Path(__file__).resolve().parents[1] / "data" / "research"
PETITIONER = {"name": "Pat Example", "street": "1 Main St", "city": "Fresno", "state": "CA", "zip": "93721"}
PERSON = {"prior_super_strike": "no", "sex_offender_registrant": "no"}


def one_case(county: str, level: str = "felony", **extra):
    conviction = {
        "county": county, "case_number": "CR-1", "section": "11357", "level": level,
        "offense_date": "2012-03-01", "age_at_offense": "21_plus", "sentence": "completed",
        "amount": "within_personal_limit", "school_grounds": "no", "prior_same_offense_convictions": 0,
        **extra,
    }
    packet = build({"person": PERSON, "convictions": [conviction]}, PETITIONER, "en")
    return packet.bundles[0].cases[0]


def cr401_values(case, monkeypatch) -> dict:
    """The values handed to the CR-401 form, by field suffix."""
    seen = {}
    monkeypatch.setattr(fields.forms, "fill", lambda form, values, checks: seen.update(values))
    fields.cr401(case, build_petitioner())
    return seen


def build_petitioner():
    from webapp.packet import validate

    return validate.petitioner(PETITIONER)


def caption(case) -> dict:
    return fields.caption(case, build_petitioner())


SERVED = fields.CR401_SERVED
COURT_STREET = fields._PARTY["court_street"]


def _address_counties():
    return [c.slug for c in counties.all_counties() if c.da_service.address]


@pytest.mark.parametrize("slug", _address_counties())
def test_every_sourced_prosecutor_address_is_printed_on_cr401(slug, monkeypatch):
    county = counties.find(slug)
    values = cr401_values(one_case(slug), monkeypatch)
    assert values[SERVED["person_served"]] == county.da.name
    assert values[SERVED["address_served"]] == county.da_service.address


def test_more_counties_print_a_prosecutor_address_than_before():
    # Before this data: 6 of 58 (Butte, Los Angeles, Sacramento, San Diego, San Francisco, Santa Barbara).
    assert len(_address_counties()) >= 13


def test_los_angeles_city_misdemeanor_never_names_the_county_da(monkeypatch):
    case = one_case("Los Angeles", "misdemeanor", prosecutor_city="los-angeles")
    values = cr401_values(case, monkeypatch)
    assert values[SERVED["person_served"]] == "Los Angeles City Attorney (criminal branches)"
    assert not any("District Attorney" in v for v in values.values())


def test_los_angeles_misdemeanor_without_a_city_leaves_2a_and_2b_blank(monkeypatch):
    case = one_case("Los Angeles", "misdemeanor")
    assert fields.served_office(case).kind == "undetermined"
    values = cr401_values(case, monkeypatch)
    assert SERVED["person_served"] not in values
    assert SERVED["address_served"] not in values


def test_a_felony_in_a_city_with_its_own_prosecutor_is_still_the_das():
    case = one_case("Los Angeles", "felony", prosecutor_city="long-beach")
    assert fields.served_office(case).kind == "da"


def test_unverified_city_office_is_not_printed():
    assert counties.find("Los Angeles").prosecutor_for("misdemeanor", "glendale").office is None


def test_the_chosen_clerk_office_is_printed_on_cr400():
    orange = counties.find("Orange")
    assert orange.needs_courthouse_question
    office = next(o for o in orange.clerk_offices if "North Justice Center" in o.name)
    case = one_case("Orange", courthouse=office.id)
    assert caption(case)[COURT_STREET] == "1275 North Berkeley Avenue"
    # "not sure": no courthouse is printed, the checklist lists them all
    assert COURT_STREET not in caption(one_case("Orange", courthouse="unknown"))


def test_only_several_courthouse_counties_ask_which_courthouse():
    assert not counties.find("Fresno").needs_courthouse_question
    assert not counties.find("Alpine").needs_courthouse_question
    assert counties.find("Riverside").needs_courthouse_question


@pytest.mark.parametrize(("field", "value"), [("courthouse", "nowhere"), ("prosecutor_city", "gotham"),
                                         ("courthouse", 3)])
def test_bad_courthouse_or_city_names_the_field(field, value):
    with pytest.raises(InputError) as error:
        one_case("Orange", **{field: value})
    assert error.value.path == f"screening.convictions[0].{field}"


def test_every_contact_fact_is_quoted_from_its_source():
    for county in counties.all_counties():
        c = county.contacts
        facts = [f for name in ("prosecutor_address", "prosecutor_phone", "prop64_contact", "court_phone",
                                "public_defender", "record_clearance", "legal_aid", "self_help")
                 for f in getattr(c, name)]
        facts += [f for o in c.clerk_offices for f in (o.address, o.phone) if f]
        for fact in facts:
            assert fact.source_url.startswith("http"), (county.slug, fact)
            assert fact.excerpt, (county.slug, fact)
            # every street number and phone digit group printed appears in the research row's value
            for number in re.findall(r"\d{3,}", fact.address or ""):
                assert number in fact.value, (county.slug, fact)
            if fact.kind != "official" or fact.confidence != "high":
                assert fact.check_first, (county.slug, fact)


def test_every_added_fact_has_a_source_and_a_verbatim_excerpt():
    with (RESEARCH / "county-contacts-added.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            assert row["source_url"].startswith("http"), row
            assert row["excerpt"].strip(), row


def test_report_link_names_county_and_field_only(monkeypatch):
    county = counties.find("Fresno")
    assert counties.report_link(county, "prosecutor address") is None  # no address configured
    monkeypatch.setenv(counties.FACT_REPORT_ENV, "facts@project.test")
    link = counties.report_link(county, "prosecutor address")
    assert link.startswith("mailto:facts@project.test?subject=Wrong%20fact%3A%20Fresno%20County")
    assert "prosecutor%20address" in link


ATTORNEY = {"name": "Pat Lawyer", "bar_number": "123456", "firm": "Legal Aid", "street": "1 Court Plaza",
            "city": "Fresno", "state": "CA", "zip": "93721", "phone": "(559) 555-0199",
            "email": "pat@legalaid.test"}


def test_an_attorney_filing_gets_its_own_caption_and_an_attorneys_checklist():
    from webapp.packet import markup

    conviction = {
        "county": "Fresno", "case_number": "CR-1", "section": "11357", "level": "misdemeanor",
        "offense_date": "2012-03-01", "age_at_offense": "21_plus", "sentence": "completed",
        "amount": "within_personal_limit", "school_grounds": "no", "prior_same_offense_convictions": 0,
    }
    petitioner = {**PETITIONER, "attorney": ATTORNEY}
    packet = build({"person": PERSON, "convictions": [conviction]}, petitioner, "en")
    values = fields.caption(packet.bundles[0].cases[0], packet.petitioner)
    assert values[fields._PARTY["street"]] == "1 Court Plaza"
    assert values[fields._PARTY["email"]] == "pat@legalaid.test"
    assert values[fields._PARTY["attorney_for"]] == "Pat Example"
    text = " ".join(markup(packet).split())
    assert "As the attorney filing for Pat Example, sign and date each CR-400" in text
    assert "Your client cannot serve the papers" in text
    assert "Do not sign the CR-401 yourself" not in text
    assert "You cannot do it yourself" not in text


def _checklist(slug: str, level: str, **extra) -> str:
    from webapp.packet import markup

    conviction = {
        "county": slug, "case_number": "CR-1", "section": "11357", "level": level,
        "offense_date": "2012-03-01", "age_at_offense": "21_plus", "sentence": "completed",
        "amount": "within_personal_limit", "school_grounds": "no", "prior_same_offense_convictions": 0,
        **extra,
    }
    packet = build({"person": PERSON, "convictions": [conviction]}, PETITIONER, "en")
    html = markup(packet)
    section = html.split('class="instructions"', 1)[1].split("</section>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", section).split())


@pytest.mark.parametrize("slug", [c.slug for c in counties.all_counties()])
def test_the_checklist_never_points_to_a_fact_it_does_not_have(slug):
    county = counties.find(slug)
    for level in ("felony", "misdemeanor"):
        text = _checklist(slug, level)
        step3 = text.split("Step 3:", 1)[1].split("Step 4:", 1)[0]
        assert ("the phone number is in Step 3" in text) == bool(re.search(r"Phone: [(\d]", step3)), slug
        target = fields.served_office(one_case(slug, level))
        if target.office and not target.address:
            assert "item 2b of form CR-401 is blank" in text
        if target.office is None:
            assert "items 2a and 2b of form CR-401 are blank" in text
        if county.needs_courthouse_question:
            for office in county.clerk_offices:
                assert office.name.replace("'", "&#39;") in text or office.name in text


def test_a_chosen_office_without_a_phone_does_not_send_the_person_to_step_3_for_one():
    san_diego = counties.find("San Diego")
    office = next(o for o in san_diego.clerk_offices if not o.phone)
    text = _checklist("san-diego", "felony", courthouse=office.id)
    step3 = text.split("Step 3:", 1)[1].split("Step 4:", 1)[0]
    assert office.address.value in step3
    # Step 1 points to Step 3 for a phone exactly when Step 3 prints one.
    assert ("the phone number is in Step 3" in text) == bool(re.search(r"Phone: [(\d]", step3))
