"""Invalid input is refused with the field's path; valid input is grouped into courts and cases."""

import copy

import pytest

from webapp.eligibility.errors import InputError
from webapp.packet import build, fields, forms

from .conftest import ALAMEDA_PETITION, CLEAN, FRESNO_APPLICATION, PETITIONER, conviction


def screening(*convictions):
    return {"person": CLEAN, "convictions": [copy.deepcopy(c) for c in convictions]}


def path_of(screening_, petitioner, lang="en") -> str:
    with pytest.raises(InputError) as caught:
        build(screening_, petitioner, lang)
    return caught.value.path


@pytest.mark.parametrize(
    ("petitioner", "path"),
    [
        ({}, "petitioner.name"),
        ({"name": "   "}, "petitioner.name"),
        ({"name": 7}, "petitioner.name"),
        ({"name": "A" * 101}, "petitioner.name"),
        ({"name": "Ana\nRuiz"}, "petitioner.name"),
        ({"name": "Ana", "street": "S" * 101}, "petitioner.street"),
        ({"name": "Ana", "city": "C" * 51}, "petitioner.city"),
        ({"name": "Ana", "state": "Calif"}, "petitioner.state"),
        ({"name": "Ana", "state": "C4"}, "petitioner.state"),
        ({"name": "Ana", "zip": "9461"}, "petitioner.zip"),
        ({"name": "Ana", "zip": "946123"}, "petitioner.zip"),
        ({"name": "Ana", "phone": "call me"}, "petitioner.phone"),
        ({"name": "Ana", "email": "not-an-address"}, "petitioner.email"),
        ({"name": "Ana", "email": "a@" + "b" * 100 + ".com"}, "petitioner.email"),
        ({"name": "Ana", "waive_appearance": "yes"}, "petitioner.waive_appearance"),
        ({"name": "Ana", "attorney": "Bob"}, "petitioner.attorney"),
        ({"name": "Ana", "attorney": {"bar_number": "123"}}, "petitioner.attorney.name"),
        ({"name": "Ana", "attorney": {"name": "Bob", "bar_number": "1a"}}, "petitioner.attorney.bar_number"),
        ({"name": "Ana", "attorney": {"name": "Bob", "firm": "F" * 101}}, "petitioner.attorney.firm"),
        ("Ana", "petitioner"),
    ],
)
def test_petitioner_errors_name_the_field(petitioner, path):
    assert path_of(screening(*FRESNO_APPLICATION), petitioner) == path


@pytest.mark.parametrize("zip_code", ["94612", "946121234", "94612-1234"])
def test_zip_takes_5_or_9_digits(zip_code):
    assert build(screening(*FRESNO_APPLICATION), {"name": "Ana", "zip": zip_code}, "en")


def test_lang_must_be_english_or_spanish():
    assert path_of(screening(*FRESNO_APPLICATION), PETITIONER, "fr") == "lang"


def test_a_conviction_to_file_needs_county_and_case_number():
    no_number = {k: v for k, v in FRESNO_APPLICATION[0].items() if k != "case_number"}
    path = path_of(screening(ALAMEDA_PETITION[0], no_number), PETITIONER)
    assert path == "screening.convictions[1].case_number"
    no_county = {k: v for k, v in FRESNO_APPLICATION[0].items() if k != "county"}
    assert path_of(screening(no_county), PETITIONER) == "screening.convictions[0].county"
    bad_number = {**FRESNO_APPLICATION[0], "case_number": "F12<script>"}
    assert path_of(screening(bad_number), PETITIONER) == "screening.convictions[0].case_number"


def test_a_conviction_with_nothing_to_file_needs_no_case_number():
    after_prop_64 = conviction(county="Fresno", section="11357", level="misdemeanor", offense_date="2019")
    packet = build(screening(after_prop_64, *ALAMEDA_PETITION), PETITIONER, "en")
    assert [b.county.slug for b in packet.bundles] == ["alameda"]


def test_engine_input_errors_are_reported_under_screening():
    bad = {**FRESNO_APPLICATION[0], "level": "capital"}
    assert path_of(screening(bad), PETITIONER) == "screening.convictions[0].level"
    assert path_of({"convictions": []}, PETITIONER).startswith("screening.convictions")
    assert path_of([], PETITIONER) == "screening"


def test_nothing_to_file_is_an_input_error():
    after_prop_64 = conviction(county="Fresno", section="11357", level="misdemeanor", offense_date="2019")
    assert path_of(screening(after_prop_64), PETITIONER) == "screening.convictions"


def test_counts_of_one_case_share_one_set_and_counties_make_bundles():
    again = {**FRESNO_APPLICATION[1], "case_number": "f12-345678"}  # same case, other spelling
    packet = build(screening(*FRESNO_APPLICATION, *ALAMEDA_PETITION, again), PETITIONER, "en")
    assert [b.county.slug for b in packet.bundles] == ["fresno", "alameda"]
    fresno = packet.bundles[0]
    assert [c.case_number for c in fresno.cases] == ["F12-345678"]
    assert [c.section for c in fresno.cases[0].counts] == ["11359", "11357", "11357"]
    assert fresno.cases[0].item_1_boxes == {"a", "c"}
    assert fresno.cases[0].application
    assert not fresno.cases[0].petition
    assert packet.bundles[1].cases[0].petition


def test_juvenile_cases_get_no_cr400():
    juvenile = conviction(county="Alameda", case_number="J-55", section="11357", level="misdemeanor",
                          court="juvenile", age_at_offense="under_18", offense_date="2014-01-01")
    packet = build(screening(juvenile), PETITIONER, "en")
    bundle = packet.bundles[0]
    assert bundle.cases == ()
    assert [c.case_number for c in bundle.juvenile] == ["J-55"]


def test_caption_for_a_self_represented_person():
    packet = build(screening(*FRESNO_APPLICATION), PETITIONER, "en")
    case = packet.bundles[0].cases[0]
    values = fields.caption(case, packet.petitioner)
    assert values["AttyPartyInfo[0].Name[0]"] == "Maria Example Lopez"
    assert values["AttyPartyInfo[0].AttyFor[0]"] == fields.SELF_REPRESENTED
    assert values["AttyPartyInfo[0].State[0]"] == "CA"
    assert "AttyPartyInfo[0].AttyBarNo[0]" not in values
    assert values["CourtInfo[0].CrtCounty[0]"] == "Fresno"
    assert values["CourtInfo[0].CrtCityZip[0]"] == "Fresno, CA 93724-0002"
    assert values[".Party2[0]"] == "Maria Example Lopez"


def test_caption_for_an_attorney_filing_never_shows_the_client_address_as_the_attorneys():
    attorney = {"name": "Jo Counsel", "bar_number": "123456", "firm": "Clinic LLP"}
    petitioner = {**PETITIONER, "attorney": attorney}
    packet = build(screening(*FRESNO_APPLICATION), petitioner, "en")
    values = fields.caption(packet.bundles[0].cases[0], packet.petitioner)
    assert values["AttyPartyInfo[0].Name[0]"] == "Jo Counsel"
    assert values["AttyPartyInfo[0].AttyBarNo[0]"] == "123456"
    assert values["AttyPartyInfo[0].AttyFirm[0]"] == "Clinic LLP"
    assert values["AttyPartyInfo[0].AttyFor[0]"] == "Maria Example Lopez"
    assert values[".Party2[0]"] == "Maria Example Lopez"
    assert "AttyPartyInfo[0].Street[0]" not in values


def test_court_address_is_left_blank_where_the_county_has_several_courthouses():
    la = conviction(county="Los Angeles", case_number="LA-1", section="11357", level="misdemeanor",
                    sentence="completed", amount="within_personal_limit", school_grounds="no")
    packet = build(screening(la), PETITIONER, "en")
    values = fields.caption(packet.bundles[0].cases[0], packet.petitioner)
    assert values["CourtInfo[0].CrtCounty[0]"] == "Los Angeles"
    assert not any(key.startswith("CourtInfo[0].CrtStreet") for key in values)


def test_checks_follow_track_sections_and_waivers():
    packet = build(screening(*ALAMEDA_PETITION), {**PETITIONER, "waive_appearance": True}, "en")
    checks = fields.cr400_checks(packet.bundles[0].cases[0], packet.petitioner)
    names = {name.split("Page1[0].")[-1] for name in checks}
    assert names == {"FormTitle[0].#area[0].Checkbox[0]", "LI1[0].li1b[0].Checkbox[0]",
                     "LI2[0].li2a[0].Checkbox[0]", "LI4[0].li4[0].Checkbox[0]"}
    # every suffix names exactly one official field
    layout = forms.load("CR-400")
    for suffix in fields.CR400_CHECKS.values():
        assert sum(name.endswith(suffix) for name in layout.fields) == 1


def test_cr401_names_the_district_attorney_with_its_sourced_address():
    sac = conviction(county="Sacramento", case_number="S-1", section="11357", level="misdemeanor",
                     sentence="completed", amount="within_personal_limit", school_grounds="no")
    packet = build(screening(sac), PETITIONER, "en")
    target = fields.served_office(packet.bundles[0].cases[0])
    assert (target.office, target.address) == (
        "Sacramento County District Attorney's Office", "901 G Street, Sacramento CA 95814")
    fresno = fields.served_office(build(screening(*FRESNO_APPLICATION), PETITIONER, "en").bundles[0].cases[0])
    # The county's own current page (2100 Tulare) wins over the 2017 contract form (2220 Tulare).
    assert (fresno.office, fresno.address) == ("Fresno County District Attorney's Office",
                                               "2100 Tulare Street, Fresno, CA 93721")
    assert not fresno.check_first
