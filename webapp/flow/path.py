"""Which questions a person is asked, derived from their answers alone (no Flask here).

The path is never stored: each request recomputes it from the answers in the cookie, so a changed
answer re-routes the journey and answers that leave the path are dropped (``prune``). A question is
asked only when the engine's outcome can turn on it; see the comment on each predicate.
"""

from dataclasses import dataclass

# Sections the check can name in plain words; anything else is out of scope (see law.md G2).
IN_SCOPE = {"11357", "11358", "11359", "11360", "unknown"}
SALE_CONDUCT = {"sale", "transport_for_sale", "import_export", "give_away", "unknown", None}
MAX_CONVICTIONS = 50

CONVICTION_QUESTIONS = (
    "county",
    "section",
    "conduct",
    "level",
    "offense_date",
    "offense_before_cutoff",
    "age_at_offense",
    "court",
    "amount",
    "concentrated",
    "school_grounds",
    "sale_to_minor",
    "used_minor",
    "import_export_over_limit",
    "environmental_violation",
    "prior_same_offense_convictions",
    "sentence",
)
PERSON_QUESTIONS = ("prior_super_strike", "sex_offender_registrant")


@dataclass(frozen=True)
class Step:
    """One page on the path: a conviction's question, the add-another page, a person question,
    or the check-answers page."""

    kind: str  # "conviction" | "more" | "person" | "answers"
    question: str | None = None
    index: int | None = None  # 0-based conviction position


def _offense_before_cutoff(c: dict) -> bool | None:
    """True/False when the answers place the offense before/after 2016-11-09, None when unsure."""
    year = c.get("offense_date")
    if not year or year == "unknown":
        return None
    if year == "2016":
        return {"yes": True, "no": False}.get(c.get("offense_before_cutoff"))
    return int(year) < 2016


def _adult_or_unsure(c: dict) -> bool:
    # Under 18, every in-scope offense became an infraction (11357(a)(1), 11358(a), 11359(a),
    # 11360(a)(1)), so amounts and aggravating facts no longer change the outcome.
    return c.get("age_at_offense") != "under_18"


def conviction_relevant(question: str, c: dict) -> bool:
    """Whether ``question`` can change the outcome for conviction ``c`` given its other answers."""
    section = c.get("section")
    if question in ("county", "section"):
        return True
    if section not in IN_SCOPE:
        # Cannabis in a prison (Penal Code 4573.6) or another law: the answer does not depend on facts.
        return False
    if question == "conduct":
        return section == "11360"
    if question in ("level", "offense_date", "sentence"):
        return True
    if question == "offense_before_cutoff":
        return c.get("offense_date") == "2016"
    if _offense_before_cutoff(c) is False:
        # Offenses on or after 2016-11-09 were sentenced under the new law: nothing more to ask.
        return False
    if question == "age_at_offense":
        return True
    if question == "court":
        # An unknown age may still have been a juvenile-court case, which settles the age (11361.8(m)).
        return c.get("age_at_offense") in ("under_18", "unknown")
    if section == "unknown" or not _adult_or_unsure(c):
        return False
    conduct = c.get("conduct")
    over_or_unsure = c.get("amount") != "within_personal_limit"
    # Giving away or carrying for oneself can be lawful or an infraction depending on the amount
    # and on concentrate (11362.1(a), 11360(b)); an unclear 11360 act is judged as a sale.
    personal_11360 = section == "11360" and conduct in ("give_away", "transport_personal")
    if question == "amount":
        return section in ("11357", "11358") or personal_11360
    if question == "concentrated":
        return section == "11357" or personal_11360
    if question == "school_grounds":
        return section == "11357" and c.get("amount") != "over_personal_limit"
    if question == "sale_to_minor":
        return section == "11359" or (section == "11360" and conduct in SALE_CONDUCT)
    if question == "used_minor":
        return section == "11359" and c.get("age_at_offense") != "18_20"
    if question == "import_export_over_limit":
        return section == "11360" and conduct in ("import_export", "transport_for_sale", "unknown")
    if question == "environmental_violation":
        return section == "11358" and over_or_unsure
    if question == "prior_same_offense_convictions":
        return (
            (section == "11358" and over_or_unsure)
            or section == "11359"
            or (section == "11360" and conduct in SALE_CONDUCT)
        )
    raise KeyError(question)


def felony_rules_may_apply(c: dict) -> bool:
    """Whether a prior very serious conviction could keep this conviction a felony
    (11358(d)(1), 11359(c)(1), 11360(a)(3)(A))."""
    return conviction_relevant("prior_same_offense_convictions", c)


def person_relevant(question: str, convictions: list[dict]) -> bool:
    return any(felony_rules_may_apply(c) for c in convictions)


def prune(answers: dict) -> dict:
    """Drop every answer that is no longer on the path, so nothing stale reaches the engine."""
    convictions = []
    for c in answers.get("convictions", []):
        kept = dict(c)
        # Re-check until stable: dropping one answer can make another irrelevant.
        for _ in range(len(CONVICTION_QUESTIONS)):
            removed = [
                q for q in list(kept) if q in CONVICTION_QUESTIONS and not conviction_relevant(q, kept)
            ]
            if not removed:
                break
            for q in removed:
                del kept[q]
        convictions.append(kept)
    person = {
        q: v
        for q, v in answers.get("person", {}).items()
        if q in PERSON_QUESTIONS and person_relevant(q, convictions)
    }
    pruned = {"convictions": convictions, "person": person}
    if answers.get("done_adding"):
        pruned["done_adding"] = True
    return pruned


def steps(answers: dict) -> list[Step]:
    """Every page on the path for these answers, in order, up to the first unanswered one,
    then the rest of the path as far as it can be known."""
    path: list[Step] = []
    convictions = answers.get("convictions") or [{}]
    for index, c in enumerate(convictions):
        for question in CONVICTION_QUESTIONS:
            if conviction_relevant(question, c):
                path.append(Step("conviction", question, index))
        if index == len(convictions) - 1:
            path.append(Step("more"))
    for question in PERSON_QUESTIONS:
        if person_relevant(question, convictions):
            path.append(Step("person", question))
    path.append(Step("answers"))
    return path


def is_answered(step: Step, answers: dict) -> bool:
    convictions = answers.get("convictions") or [{}]
    if step.kind == "conviction":
        return step.question in convictions[step.index]
    if step.kind == "more":
        return bool(answers.get("done_adding"))
    if step.kind == "person":
        return step.question in answers.get("person", {})
    return False


def first_unanswered(answers: dict) -> Step:
    for step in steps(answers):
        if not is_answered(step, answers):
            return step
    raise AssertionError("the check-answers step is never answered")  # pragma: no cover


def is_complete(answers: dict) -> bool:
    return first_unanswered(answers).kind == "answers"


def reachable(step: Step, answers: dict) -> bool:
    """Whether a person could be on this page now: it is on the path and no earlier page is
    still unanswered (a bookmark or a typed URL must not skip questions)."""
    path = steps(answers)
    return step in path and path.index(step) <= path.index(first_unanswered(answers))


def previous(step: Step, answers: dict) -> Step | None:
    path = steps(answers)
    if step in path:
        position = path.index(step)
        return path[position - 1] if position else None
    return None


def following(step: Step, answers: dict) -> Step:
    """The page after ``step``: the next one on the path, or the first unanswered if that
    comes earlier (a changed answer may have opened a new question before it)."""
    path = steps(answers)
    gap = first_unanswered(answers)
    if step not in path:
        return gap
    position = path.index(step)
    nxt = path[position + 1]
    return gap if path.index(gap) < path.index(nxt) else nxt
