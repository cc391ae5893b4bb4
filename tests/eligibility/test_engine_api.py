"""The Python entry point as other code uses it: pure, repeatable, and dated."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from webapp.eligibility import RULES_VERSION, assess, validate, vocabulary
from webapp.eligibility.gates import age_on, band_of

from .tables import cases

SCREENING = {"convictions": [{"section": "HS 11357(b)", "age_at_offense": 30, "offense_date": "2014-01-01"}]}


def test_as_of_defaults_to_today_and_is_echoed():
    result = assess(copy.deepcopy(SCREENING))
    assert result["as_of"] == dt.date.today().isoformat()
    assert result["rules_version"] == RULES_VERSION


def test_the_clock_can_be_fixed_for_a_reproducible_answer():
    assert assess(SCREENING, today=dt.date(2025, 1, 2))["as_of"] == "2025-01-02"


def test_assess_never_changes_the_screening_it_is_given():
    for case in cases():
        before = copy.deepcopy(case.screening)
        assess(case.screening)
        assert case.screening == before, case.name


def test_the_same_screening_always_gets_the_same_answer():
    for case in cases():
        assert assess(case.screening) == assess(copy.deepcopy(case.screening)), case.name


def test_results_are_fresh_objects_a_caller_may_change():
    first = assess(SCREENING, today=dt.date(2026, 1, 1))
    first["results"][0]["reasons"].clear()
    assert assess(SCREENING, today=dt.date(2026, 1, 1))["results"][0]["reasons"]


def test_validate_returns_frozen_normalised_values():
    screening = validate({"convictions": [{"section": "h&s 11359", "level": "Felony"}]}, dt.date(2026, 1, 1))
    conviction = screening.convictions[0]
    assert conviction.section.number == "11359"
    assert (conviction.level, conviction.conduct) == ("felony", "possession_for_sale")
    assert conviction.court == "adult"
    assert conviction.age_at_offense is None
    with pytest.raises(AttributeError):
        conviction.level = "misdemeanor"


def _only_conviction(fields: dict):
    return validate({"convictions": [{"section": "11360", **fields}]}, dt.date(2026, 1, 1)).convictions[0]


def test_every_answer_lands_in_the_fact_of_its_own_name():
    # The validator hands the facts to Conviction by position (screening.py, for speed), so a
    # field out of order would quietly put one answer in another fact's place.
    for field in vocabulary.CONVICTION_FIELDS:
        for value in vocabulary.CHOICES.get(field, ()):
            assert getattr(_only_conviction({field: value}), field) == value, (field, value)
    conviction = _only_conviction({"id": "c7", "county": "Fresno", "case_number": "F12", "subdivision": "b",
                                   "offense_date": "2012-03-04", "age_at_offense": 30,
                                   "prior_same_offense_convictions": 1})
    assert (conviction.id, conviction.county.slug, conviction.case_number) == ("c7", "fresno", "F12")
    assert (conviction.section.number, conviction.section.subdivision) == ("11360", "b")
    assert (conviction.offense_date, conviction.offense_year) == (dt.date(2012, 3, 4), 2012)
    assert (conviction.age_at_offense, conviction.prior_same_offense_convictions) == (30, 1)


def test_a_birthday_counts_on_the_day_itself():
    born = dt.date(2000, 5, 1)
    assert age_on(born, dt.date(2018, 4, 30)) == 17
    assert age_on(born, dt.date(2018, 5, 1)) == 18
    assert age_on(born, dt.date(2021, 4, 30)) == 20
    assert age_on(born, dt.date(2021, 5, 1)) == 21
    assert [band_of(age) for age in (17, 18, 20, 21)] == ["under_18", "18_20", "18_20", "21_plus"]


def test_someone_born_on_february_29_turns_21_on_march_1_in_a_common_year():
    born = dt.date(1992, 2, 29)
    assert age_on(born, dt.date(2013, 2, 28)) == 20
    assert age_on(born, dt.date(2013, 3, 1)) == 21
