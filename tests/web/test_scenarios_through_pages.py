"""The engine's scenario tables replayed through the pages: post each answer the path asks for,
follow the path, and read data-relief on the results page.

Only scenarios a person could give through the questions are replayed (no date of birth, no
subdivision, sections the page names). Facts the path does not ask must not change the outcome,
so this also proves the path asks every question that matters.
"""

import pytest

from tests.eligibility.tables import cases
from webapp.eligibility.sections import IN_SCOPE, PRISON, parse
from webapp.flow.path import CONVICTION_QUESTIONS, PERSON_QUESTIONS

from .journey import results, walk

# Everything the pages can ask, plus the id every scenario may carry.
PAGE_FIELDS = set(CONVICTION_QUESTIONS) - {"offense_before_cutoff"} | {"id"}
PERSON_FIELDS = set(PERSON_QUESTIONS)


PAGE_CONDUCT = {"sale", "transport_for_sale", "transport_personal", "give_away", "import_export", "unknown"}


def _age_band(age) -> str:
    if isinstance(age, str) and not age.isdigit():
        return age
    age = int(age)
    return "under_18" if age < 18 else "18_20" if age < 21 else "21_plus"


def _page_answers(conviction: dict) -> dict | None:
    if not set(conviction) <= PAGE_FIELDS:
        return None
    section = parse(str(conviction["section"]))
    if section.kind == PRISON:
        code = "PC 4573.6"
    elif section.kind == IN_SCOPE and section.number != "11362.1" and section.subdivision is None:
        code = section.number
    else:
        return None
    answers = {
        k: v.lower() if isinstance(v, str) else v for k, v in conviction.items() if k not in ("id", "section")
    }
    if answers.get("conduct", "unknown") not in PAGE_CONDUCT:
        return None
    answers["section"] = code
    answers.setdefault("county", "alameda")
    # The contract's default court is adult; on the pages that is "No, adult court", since
    # "not sure" now sends the case to review (issue 10 item 8).
    answers.setdefault("court", "adult")
    if "age_at_offense" in answers:
        answers["age_at_offense"] = _age_band(answers["age_at_offense"])
    if "prior_same_offense_convictions" in answers:
        answers["prior_same_offense_convictions"] = str(answers["prior_same_offense_convictions"])
    date = str(answers.get("offense_date", ""))
    if date:
        year = date[:4]
        answers["offense_date"] = year
        if year == "2016":
            if len(date) == 4:
                answers["offense_before_cutoff"] = "unknown"
            else:
                answers["offense_before_cutoff"] = "yes" if date < "2016-11-09" else "no"
    return answers


def _replayable():
    found = []
    for case in cases():
        screening = case.screening
        if not isinstance(screening, dict) or set(screening.get("person", {})) - PERSON_FIELDS:
            continue
        if len(screening["convictions"]) > 5:
            continue
        pages = [_page_answers(c) for c in screening["convictions"]]
        if all(pages):
            found.append(pytest.param(pages, screening.get("person", {}), case.results, id=case.name))
    return found


REPLAYABLE = _replayable()


def test_most_scenarios_can_be_given_through_the_pages():
    assert len(REPLAYABLE) >= 50


@pytest.mark.parametrize(("convictions", "person", "expected"), REPLAYABLE)
def test_a_scenario_gives_the_same_relief_through_the_pages(client, convictions, person, expected):
    walk(client, "en", convictions, person, check=False)
    got = results(client, "en")
    assert {k: v[0] for k, v in got.items()} == {str(i + 1): e["relief"] for i, e in enumerate(expected)}
    # A conviction outside section 11361.8 has nothing to file, so the page does not ask whether the
    # sentence is finished; its track is then unknown, which changes nothing for the person.
    assert {k: v[1] for k, v in got.items() if v[0] != "not_eligible"} == {
        str(i + 1): e["track"] for i, e in enumerate(expected) if e["relief"] != "not_eligible"
    }
