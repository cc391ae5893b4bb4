"""Issue 10 item 4: "already cleared automatically?" rests on enough evidence and on the relief.

The expected answer for every county is pinned here, so a change in counties.json or in the
derivation that moves a county shows up as a failing line naming it.
"""

from __future__ import annotations

import pytest

from webapp import counties
from webapp.eligibility import assess
from webapp.eligibility.automatic_review import COMPLETE_SHARE, county_review, review

LIKELY = {
    # A DOJ compliance report, or nearly all records sealed.
    "alpine": "completed", "lake": "completed", "mono": "completed", "san-luis-obispo": "completed",
    "san-mateo": "completed", "shasta": "completed", "siskiyou": "completed", "sonoma": "completed",
    # A documented share cleared of 90% or more.
    "kern": "share_cleared", "los-angeles": "share_cleared", "san-bernardino": "share_cleared",
    "san-diego": "share_cleared",
    # What the prosecutor itself did, with a count.
    "alameda": "prosecutor_program", "contra-costa": "prosecutor_program", "sacramento": "prosecutor_program",
    "san-francisco": "prosecutor_program", "santa-barbara": "prosecutor_program",
    "santa-clara": "prosecutor_program",
}
PARTIAL = {"amador": "70%", "humboldt": "70%", "imperial": "14.6%", "marin": "38.8%", "san-joaquin": "59%",
           "trinity": "51.8%", "el-dorado": None, "madera": None, "napa": None, "orange": None,
           "riverside": None, "sutter": None}


@pytest.mark.parametrize("county", counties.all_counties(), ids=lambda c: c.slug)
def test_each_county_is_likely_only_on_completed_or_counted_evidence(county):
    value, basis, figure = county_review(county)
    if county.slug in LIKELY:
        assert (value, basis) == ("likely", LIKELY[county.slug])
    elif county.slug in PARTIAL:
        assert (value, basis, figure) == ("unknown", "partial", PARTIAL[county.slug])
    elif county.slug == "yolo":
        assert (value, basis) == ("unknown", "unmeasured")  # a DA program, but no count of it
    else:
        assert (value, basis) == ("unknown", "no_report")


def test_a_share_just_under_ninety_percent_is_not_enough():
    assert COMPLETE_SHARE == 90.0
    assert county_review(counties.find("san-bernardino"))[2] == "92%"  # 92% -> likely
    assert county_review(counties.find("trinity"))[:2] == ("unknown", "partial")  # 51.8% -> unknown


def one(county: str, **conviction) -> dict:
    conviction = {"section": "11357(b)", "age_at_offense": 30, "offense_date": "2010-01-01",
                  "county": county, **conviction}
    return assess({"as_of": "2026-11-27", "convictions": [conviction]})["results"][0]


def test_imperial_shows_its_partial_figure_and_is_unknown():
    result = one("imperial")
    assert result["automatic_review"] == "unknown"
    detail = result["automatic_review_detail"]
    assert detail == {"basis": "partial", "figure": "14.6%", "program_reduced": False}


def test_a_county_whose_program_reduced_warns_a_person_owed_a_dismissal():
    dismissed = one("san-diego")
    assert dismissed["relief"] == "dismiss"
    assert dismissed["automatic_review"] == "likely"
    assert dismissed["automatic_review_detail"]["program_reduced"] is True
    reduced = one("san-diego", section="11359", level="felony")
    assert reduced["relief"] == "reduce_to_misdemeanor"
    assert reduced["automatic_review_detail"]["program_reduced"] is False


def test_juvenile_and_review_cases_say_why_they_are_unknown():
    assert one("kern", court="juvenile", age_at_offense=16)["automatic_review_detail"]["basis"] == "juvenile"
    assert one("kern", section="unknown")["automatic_review_detail"]["basis"] == "needs_review"
    assert review(None, relief="dismiss", juvenile=False).basis == "no_county"


def test_nothing_to_give_is_unlikely_for_the_right_reason():
    result = one("kern", offense_date="2017-01-01")
    assert result["automatic_review"] == "unlikely"
    assert result["automatic_review_detail"]["basis"] == "no_relief"
