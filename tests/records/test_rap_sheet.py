"""The RAP-sheet reader against the samples and the spec's rules (records-import §2)."""

import pytest

from webapp.records.fields import county_of, read_charge, read_date
from webapp.records.rap_sheet import NotARapSheet, parse

from .samples import RAP_SAMPLES, rap_expected, rap_text


@pytest.mark.parametrize("name", RAP_SAMPLES)
def test_samples_give_the_expected_screening(name):
    got, expected = parse(rap_text(name)), rap_expected(name)
    for key in ("screening", "already_relieved", "skipped", "subject"):
        assert got[key] == expected[key], key
    for ident, source in expected["sources"].items():
        assert got["sources"][ident]["offense_date_from"] == source["offense_date_from"]


def test_source_line_points_at_the_count():
    found = parse(rap_text("sample-4"))
    expected = {"line": 42, "agency": "CASC SAN DIEGO", "offense_date_from": "arrest"}
    assert found["sources"]["3-2-1"] == expected


@pytest.mark.parametrize(("printed", "section", "subdivision"), [
    ("11357 HS-POSSESS", "11357", None),
    ("11357HS", "11357", None),
    ("11357(C) HS", "11357", "c"),
    ("11357 (C) HS", "11357", "c"),
    ("11360(A)(2) HS-SELL", "11360", "a(2)"),
    ("11357B2 HS", "11357", "b(2)"),
    (". 11359 HS.-POSSESS", "11359", None),
])
def test_cannabis_spellings(printed, section, subdivision):
    charge = read_charge(printed)
    assert charge.cannabis
    assert charge.section == section
    assert charge.subdivision == subdivision


@pytest.mark.parametrize("printed", ["11357.5 HS", "11357,5 HS", "11362.1 HS", "113570 HS", "459 PC"])
def test_not_cannabis(printed):
    assert not read_charge(printed).listed


@pytest.mark.parametrize("printed", ["664/11359 HS", "11357 PC"])
def test_attempts_and_other_codes_are_listed_as_printed(printed):
    charge = read_charge(printed)
    assert charge.listed
    assert not charge.cannabis
    assert charge.section == printed


@pytest.mark.parametrize(("name", "slug"), [
    ("LOS ANGELES METRO", "los-angeles"), ("YUBA CITY", "sutter"), ("SN DIEGO CO.", "san-diego"),
    ("MC SANTA CLARA COUNTY", "santa-clara"), ("SOUTH SAN FRANCISCO", "san-mateo"),
    ("SAN FRANCISCO", "san-francisco"), ("EAST LOS ANGELES", "los-angeles"), ("NARNIA", None),
])
def test_court_names_to_counties(name, slug):
    assert county_of(name) == slug


@pytest.mark.parametrize(("text", "iso"), [("19960402", "1996-04-02"), ("19960230", None), ("18991231", None),
                                       ("1996O402", None), ("1996040", None)])
def test_dates_are_never_repaired(text, iso):
    assert read_date(text) == iso


@pytest.mark.parametrize("text", ["", "hello", "CNT:01 11357 HS", "COURT:\n19960514 CASC FRESNO\n"])
def test_not_a_rap_sheet(text):
    with pytest.raises(NotARapSheet):
        parse(text)


def _sheet(body: str, preamble: str = "CII/A1\nDOB/19700214 SEX/M\nNAM/01 DOE,J\n") -> str:
    return preamble + body


COURT_11357 = """* * * *
COURT: NAM:01
19960514 CASC FRESNO
CNT:01 #F1
11357 HS-POSSESS MARIJUANA
*DISPO:CONVICTED
CONV STATUS:MISDEMEANOR
"""


def test_ocr_noise_is_tolerated():
    noisy = ("cii/A1\r\ndob/19700214 sex/m\r\n\f\r\n.  *  *  *  *\r\nPage 1 of 2\r\n"
             "COURI :  NAM:01\r\n19960514\tcasc  fresno\r\n\u00a0CNI:01   #f1\r\n"
             "  • 11357 HS\u2013POSSESS\r\n* DISPO : CONVICTED\r\n  conv statis. tnfraction\r\n")
    found = parse(noisy)
    assert found["screening"]["convictions"] == [{
        "id": "1-1-1", "section": "11357", "level": "infraction", "offense_date": "1996-05-14",
        "county": "fresno", "case_number": "F1", "court": "adult"}]
    assert found["sources"]["1-1-1"]["offense_date_from"] == "court"


def test_count_ranges_expand_into_like_counts():
    text = _sheet(COURT_11357.replace("CNT:01 #F1", "CNT:01-03 #F1"))
    assert [c["id"] for c in parse(text)["screening"]["convictions"]] == ["1-1-1", "1-1-2", "1-1-3"]


def test_comment_charge_wins_over_the_printed_one():
    comment = "CONV STATUS:FELONY\nCOM: CNT 01 CHRG-11359 HS"
    text = _sheet(COURT_11357.replace("CONV STATUS:MISDEMEANOR", comment))
    assert parse(text)["screening"]["convictions"][0]["section"] == "11359"


def test_update_with_17b_makes_it_a_misdemeanor():
    update = "20000101\n DISPO:REDUCED TO MISD PER 17(B) PC\n"
    text = _sheet(COURT_11357.replace("MISDEMEANOR", "FELONY") + update)
    assert parse(text)["screening"]["convictions"][0]["level"] == "misdemeanor"


def test_convicted_in_an_update_counts():
    text = _sheet(COURT_11357.replace("*DISPO:CONVICTED", "DISPO:CONTINUED") + "19970101\nDISPO:CONVICTED\n")
    assert len(parse(text)["screening"]["convictions"]) == 1


def test_juvenile_court_sustained():
    text = _sheet(COURT_11357.replace("CASC FRESNO", "CAJV FRESNO").replace("CONVICTED", "SUSTAINED"))
    assert parse(text)["screening"]["convictions"][0]["court"] == "juvenile"


def test_unreadable_fields_are_listed_not_guessed():
    text = _sheet(
        "* * * *\nARR/DET/CITE: NAM:01\n1996O402 CAPD FRESNO\nCNT:01\n11357 HS\n"
        "- - - -\nCOURT: NAM:01\n19960514 CAPD FRESNO\nCNT:01 #F1\n11357 HS\n*DISPO:CONVICTED\n"
        "CONV STATUS:FELONI\n"
        "CNT:02\nSEE COMMENT FOR CHARGE\n*DISPO:CONVICTED\nCNT:03\n11359 HS\n",
        preamble="DOB/19701314\n")
    found = parse(text)
    assert found["screening"]["convictions"] == [
        {"id": "1-2-1", "section": "11357", "case_number": "F1", "court": "adult"}]
    assert found["skipped"] == [
        {"line": 1, "reason": "unreadable_dob"}, {"line": 4, "reason": "unreadable_date"},
        {"line": 9, "reason": "unknown_court"}, {"line": 13, "reason": "unreadable_level"},
        {"line": 14, "reason": "unreadable_charge"}, {"line": 17, "reason": "no_disposition"}]


def test_over_fifty_convictions_are_listed_as_skipped():
    text = _sheet(COURT_11357.replace("CNT:01 #F1", "CNT:01-52 #F1"))
    found = parse(text)
    assert len(found["screening"]["convictions"]) == 50
    assert found["skipped"] == [{"line": 7, "reason": "over_limit"}]


def test_registration_after_the_offense_is_unknown():
    registration = "* * * *\nREGISTRATION: NAM:01\n20000101 CAPD FRESNO\nCNT:01\n290 PC-REGISTRATION\n"
    text = _sheet(COURT_11357 + registration)
    assert parse(text)["screening"]["person"]["sex_offender_registrant"] == "unknown"


def test_health_and_safety_registration_is_not_pc_290():
    registration = "* * * *\nREGISTRATION: NAM:01\n19900101 CAPD FRESNO\nCNT:01\n11590 HS-REGISTRATION\n"
    text = _sheet(registration + COURT_11357)
    assert "sex_offender_registrant" not in parse(text)["screening"]["person"]


def test_relief_already_on_the_record():
    text = _sheet(COURT_11357 + "20180101\nDISPO:DISM/SEALED PER 11361.8 HS\n")
    assert parse(text)["already_relieved"] == ["1-1-1"]


def test_long_case_numbers_are_omitted():
    text = _sheet(COURT_11357.replace("#F1", "#" + "X" * 41))
    assert "case_number" not in parse(text)["screening"]["convictions"][0]
