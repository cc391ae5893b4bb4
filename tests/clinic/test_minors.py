"""A client who was under 18, with no court named, goes to review: never an adult CR-400."""

import datetime as dt

import pytest

from webapp.clinic import batch

from . import sample

TODAY = dt.date(2026, 11, 27)
ROW = {"client_id": "A", "county": "Fresno", "section": "11359", "level": "felony",
       "offense_date": "2010-06-01", "sale_to_minor": "no", "used_minor": "no",
       "prior_same_offense_convictions": "0",
       "sentence": "completed"}


def result(**cells):
    row = {**ROW, **cells}
    header = list(row)
    found = batch.assess_csv(sample.write([row], header), today=TODAY)
    assert not found.problems
    return found.rows[0].result


@pytest.mark.parametrize("cells", [{"age_at_offense": "16"}, {"age_at_offense": "under_18"},
                                   {"date_of_birth": "1993-07-01"}])
def test_a_minor_with_no_court_named_is_sent_to_review_with_no_form(cells):
    found = result(**cells)
    assert found["relief"] == "needs_review"
    assert found["form"] is None
    assert "COURT_UNKNOWN" in [reason["code"] for reason in found["reasons"]]


@pytest.mark.parametrize("cells", [{"age_at_offense": "18"}, {"age_at_offense": "30"},
                                   {"date_of_birth": "1992-05-31"}])
def test_an_adult_with_no_court_named_is_adult_court_as_before(cells):
    found = result(**cells)
    assert found["form"] == "CR-400"
    assert found["relief"] == "reduce_to_misdemeanor"


def test_a_minor_whose_court_is_named_keeps_it():
    assert result(age_at_offense="16", court="juvenile")["form"] == "JV-744"
    assert result(age_at_offense="16", court="adult")["form"] == "CR-400"
