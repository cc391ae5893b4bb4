"""The path through the questions is derived from the answers: only what can change the outcome."""

import random

from webapp.eligibility import vocabulary
from webapp.flow.path import (
    CONVICTION_QUESTIONS,
    PERSON_QUESTIONS,
    Step,
    first_unanswered,
    following,
    is_complete,
    previous,
    prune,
    pruned_path,
    steps,
)
from webapp.flow.questions import BY_NAME, YEAR
from webapp.flow.screening import build_screening

from .test_flow import FRESNO_POSSESSION


def questions(answers):
    return [s.question for s in steps(answers) if s.kind == "conviction"]


def test_an_empty_check_starts_with_the_county():
    assert first_unanswered({}) == Step("conviction", "county", 0)


def test_possession_by_an_adult_asks_amount_concentrate_and_school_but_not_sale_questions():
    answers = {
        "convictions": [
            {"county": "fresno", "section": "11357", "age_at_offense": "21_plus", "offense_date": "2012"}
        ]
    }
    asked = questions(answers)
    assert {"amount", "concentrated", "school_grounds"} <= set(asked)
    assert not {"sale_to_minor", "used_minor", "conduct", "environmental_violation"} & set(asked)
    assert not any(s.kind == "person" for s in steps(answers)), (
        "super-strike questions only matter for felonies"
    )


def test_under_18_skips_amounts_and_aggravating_facts_but_asks_about_juvenile_court():
    answers = {"convictions": [{"section": "11359", "offense_date": "2010", "age_at_offense": "under_18"}]}
    asked = questions(answers)
    assert "court" in asked
    assert not {"amount", "sale_to_minor", "used_minor", "prior_same_offense_convictions"} & set(asked)


def test_possession_for_sale_by_an_adult_asks_the_felony_facts_and_the_person_questions():
    answers = {"convictions": [{"section": "11359", "offense_date": "2010", "age_at_offense": "21_plus"}]}
    asked = questions(answers)
    assert {"sale_to_minor", "used_minor", "prior_same_offense_convictions"} <= set(asked)
    people = [s.question for s in steps(answers) if s.kind == "person"]
    assert people == ["prior_super_strike", "sex_offender_registrant"]


def test_hiring_a_minor_is_not_asked_of_an_18_to_20_year_old():
    # 11359(d) applies only to a person 21 or older.
    answers = {"convictions": [{"section": "11359", "offense_date": "2010", "age_at_offense": "18_20"}]}
    assert "used_minor" not in questions(answers)


def test_the_2016_cutoff_question_appears_only_for_2016():
    assert "offense_before_cutoff" in questions(
        {"convictions": [{"section": "11357", "offense_date": "2016"}]}
    )
    assert "offense_before_cutoff" not in questions(
        {"convictions": [{"section": "11357", "offense_date": "2015"}]}
    )


def test_an_offense_after_prop_64_ends_the_questions_except_the_sentence():
    answers = {"convictions": [{"section": "11357", "offense_date": "2018"}]}
    asked = questions(answers)
    assert "age_at_offense" not in asked
    assert "amount" not in asked
    assert "sentence" in asked


def test_cannabis_in_prison_needs_no_more_facts():
    answers = {"convictions": [{"county": "kern", "section": "PC 4573.6"}]}
    assert questions(answers) == ["county", "section"]


def test_changing_the_offense_drops_answers_that_left_the_path():
    answers = {
        "convictions": [
            {
                "county": "kern",
                "section": "11359",
                "offense_date": "2010",
                "age_at_offense": "21_plus",
                "sale_to_minor": "no",
                "used_minor": "no",
            }
        ],
        "person": {"prior_super_strike": "no"},
    }
    answers["convictions"][0]["section"] = "11357"
    pruned = prune(answers)
    assert "sale_to_minor" not in pruned["convictions"][0]
    assert "used_minor" not in pruned["convictions"][0]
    assert pruned["person"] == {}, "person questions leave the path when no felony rule can apply"


def test_the_back_link_is_the_previous_question_on_the_path():
    answers = {"convictions": [{"county": "kern", "section": "11357"}]}
    assert previous(Step("conviction", "level", 0), answers) == Step("conviction", "section", 0)
    assert previous(Step("conviction", "county", 0), answers) is None


def test_continue_goes_to_the_next_question_even_if_it_was_answered_before():
    answers = {"convictions": [{"county": "kern", "section": "11357", "level": "felony"}]}
    assert following(Step("conviction", "county", 0), answers) == Step("conviction", "section", 0)


def test_a_complete_check_ends_on_the_answers_page():
    conviction = {**FRESNO_POSSESSION, "county": "kern"}
    answers = {"convictions": [conviction], "done_adding": True}
    assert is_complete(answers)
    # Every answer on this path is a contract field with a contract value, passed through as is.
    assert build_screening(answers)["convictions"][0] == {"id": "1", **conviction}


def test_the_2016_follow_up_places_the_offense_on_the_right_side_of_november_9():
    base = {"section": "11357", "offense_date": "2016"}
    assert (
        build_screening({"convictions": [{**base, "offense_before_cutoff": "yes"}]})["convictions"][0][
            "offense_date"
        ]
        == "2016-11-08"
    )
    assert (
        build_screening({"convictions": [{**base, "offense_before_cutoff": "no"}]})["convictions"][0][
            "offense_date"
        ]
        == "2016-11-09"
    )
    assert (
        build_screening({"convictions": [{**base, "offense_before_cutoff": "unknown"}]})["convictions"][0][
            "offense_date"
        ]
        == "2016"
    )


def _random_answers(rng: random.Random) -> dict:
    """Answers as a cookie could hold them: any subset of questions, each with one of its choices
    (or a year), for one to three convictions, sometimes mid-way through adding one."""
    def answer(question, conviction):
        declaration = BY_NAME[question]
        if declaration.widget == YEAR:
            return rng.choice(["1999", "2010", "2016", "2019", vocabulary.UNKNOWN])
        return rng.choice([o.value for o in declaration.options_in(conviction)])

    convictions = []
    for _ in range(rng.randint(1, 3)):
        conviction = {}
        for question in CONVICTION_QUESTIONS:
            if rng.random() < 0.8:
                conviction[question] = answer(question, conviction)
        convictions.append(conviction)
    answers = {"convictions": convictions,
               "person": {q: answer(q, None) for q in PERSON_QUESTIONS if rng.random() < 0.7}}
    if rng.random() < 0.3:
        answers["done_adding"] = True
    if len(convictions) > 1 and rng.random() < 0.3:
        answers["adding"] = {"n": len(convictions) - 1, "done": False}
    return answers


def test_the_path_stored_with_the_answers_is_the_path_of_what_was_stored():
    rng = random.Random(64)  # noqa: S311 (a fixed seed, so a failure can be replayed)
    lengths = set()
    for _ in range(400):
        answers = _random_answers(rng)
        pruned, path = pruned_path(answers)
        assert pruned == prune(answers)
        assert path == steps(pruned), answers
        lengths.add(len(path))
    assert len(lengths) > 10  # paths of many shapes, not one
