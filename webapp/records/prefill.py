"""Turning confirmed RAP-sheet convictions into the guided check's answers.

This is the one place that knows the check's answer format (webapp/flow/answers.py and the answer
codes of webapp/flow/forms.py): when the check changes, only ``answers_from_record`` and
``fill_check`` need to follow. Only codes go in the cookie, never a case number or a name.
"""

from __future__ import annotations

import datetime as dt

from ..eligibility.gates import age_on, band_of
from ..eligibility.parameters import LAW
from .fields import CANNABIS_SECTIONS


def conviction_answers(conviction: dict, date_of_birth: str | None) -> dict:
    """One conviction's answer codes: only what the record says; the rest is asked."""
    answers: dict = {}
    if conviction.get("county"):
        answers["county"] = conviction["county"]
    if conviction.get("section") in CANNABIS_SECTIONS:
        # An attempt or another code's section is left for the person: the page showed it.
        answers["section"] = conviction["section"]
    if conviction.get("level"):
        answers["level"] = conviction["level"]
    offense = conviction.get("offense_date")
    if offense:
        year = offense[:4]
        answers["offense_date"] = year
        if year == "2016":
            before = offense < LAW.prop64_effective_date.isoformat()
            answers["offense_before_cutoff"] = "yes" if before else "no"
        if date_of_birth:
            answers["age_at_offense"] = band_of(
                age_on(dt.date.fromisoformat(date_of_birth), dt.date.fromisoformat(offense)))
    if conviction.get("court"):
        answers["court"] = conviction["court"]
    return answers


def answers_from_record(found: dict, chosen: list[str]) -> dict:
    """The answers for the chosen conviction ids of a parsed RAP sheet, in the check's format."""
    screening = found["screening"]
    person = screening.get("person", {})
    dob = person.get("date_of_birth")
    convictions = [conviction_answers(c, dob) for c in screening["convictions"] if c["id"] in chosen]
    person_answers = {}
    if person.get("sex_offender_registrant") == "yes":
        person_answers["sex_offender_registrant"] = "yes"
    return {"convictions": convictions, "person": person_answers, "done_adding": True}


def fill_check(answers: dict) -> None:
    """Replace the check's answers in the encrypted cookie (Flask session) with these."""
    from ..flow import answers as store

    store.save(answers)
