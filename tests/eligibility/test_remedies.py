"""Issue 10 items 12 and 13: other remedies are listed only where they fit the case, each cited."""

from __future__ import annotations

from webapp.eligibility import LAW, assess
from webapp.eligibility.remedy_codes import ALL_REMEDIES
from webapp.remedy_text import REMEDY_TEXT

KEPT = {"section": "11359", "level": "felony", "age_at_offense": 30, "sale_to_minor": "yes"}
ADULT_ROUTES = {"CLEAN_SLATE_AUTOMATIC_RELIEF", "PROBATION_DISMISSAL", "DISMISS_AND_SEAL_AFTER_REDUCTION"}
POSSESSION = {"section": "11357(b)", "age_at_offense": 30, "offense_date": "2010"}


def remedies(person: dict | None = None, **conviction) -> list[str]:
    screening = {"as_of": "2026-11-27", "convictions": [conviction]}
    if person:
        screening["person"] = person
    return [r["code"] for r in assess(screening)["results"][0]["other_remedies"]]


def test_every_remedy_has_a_citation_and_a_sentence():
    assert set(LAW.remedy_citations) == set(ALL_REMEDIES)
    assert set(REMEDY_TEXT) == set(ALL_REMEDIES)


def test_a_dismissed_possession_gets_record_destruction_and_clean_slate_but_no_adult_dismissal_routes():
    found = remedies(section="11357(b)", age_at_offense=30, offense_date="2010")
    assert found[:2] == ["RECORD_DESTRUCTION", "RECORD_NOT_A_BAR"]  # dismissals included (11361.5)
    assert "CLEAN_SLATE_AUTOMATIC_RELIEF" in found
    assert "IMMIGRATION_NOTE" in found
    assert not {"PROBATION_DISMISSAL", "WOBBLER_REDUCTION", "PROP_47"} & set(found)


def test_a_reduction_points_to_the_next_step_to_dismiss_and_seal():
    found = remedies(section="11359", level="felony", age_at_offense=30, offense_date="2013",
                     sale_to_minor="no", used_minor="no", prior_same_offense_convictions=0,
                     person=None)
    assert "DISMISS_AND_SEAL_AFTER_REDUCTION" in found
    assert "FIREARMS_NOTE" in found  # a felony made a misdemeanor
    assert "RECORD_DESTRUCTION" not in found  # 11361.5 reaches 11357 and 11360(b) only


def test_a_kept_felony_gets_17b_and_the_county_jail_dismissal_not_prop_47():
    found = remedies(**KEPT, offense_date="2013")
    expected = {"WOBBLER_REDUCTION", "COUNTY_JAIL_FELONY_DISMISSAL", "PROBATION_DISMISSAL", "FIREARMS_NOTE"}
    assert expected <= set(found)
    assert "PRE_REALIGNMENT_FELONY_DISMISSAL" not in found  # 2013 is after realignment
    assert "PROP_47" not in found
    assert "IMMIGRATION_NOTE" not in found  # nothing changes on the record under Prop 64


def test_a_kept_felony_from_2009_gets_the_pre_realignment_route():
    found = remedies(**KEPT, offense_date="2009")
    assert "PRE_REALIGNMENT_FELONY_DISMISSAL" in found
    assert "COUNTY_JAIL_FELONY_DISMISSAL" not in found


def test_17b_is_only_for_wobblers():
    # A misdemeanor with no change is no wobbler; an old 11357(a) concentrate felony is.
    assert "WOBBLER_REDUCTION" not in remedies(section="11357(c)", age_at_offense=30, offense_date="2012")
    found = remedies(section="11357(a)", level="felony", concentrated="yes", amount="over_personal_limit",
                     age_at_offense=30, offense_date="2009")
    assert "WOBBLER_REDUCTION" not in found  # reduced to a misdemeanor by Prop 64 instead
    assert "DISMISS_AND_SEAL_AFTER_REDUCTION" in found


def test_prop_47_only_for_a_section_prop_64_does_not_cover():
    assert "PROP_47" in remedies(section="HS 11350", offense_date="2010")
    assert "PROP_47" not in remedies(section="PC 4573.6", offense_date="2010")


def test_a_juvenile_case_gets_juvenile_sealing_instead_of_adult_remedies():
    found = remedies(section="11357", court="juvenile", age_at_offense=15, offense_date="2010")
    assert found[0] == "JUVENILE_SEALING"
    assert not ADULT_ROUTES & set(found)


def test_clean_slate_is_not_offered_to_a_sex_offender_registrant():
    person = {"sex_offender_registrant": "yes"}
    assert "CLEAN_SLATE_AUTOMATIC_RELIEF" not in remedies(person, **POSSESSION)
    assert "CLEAN_SLATE_AUTOMATIC_RELIEF" in remedies(**POSSESSION)
