"""Which questions a person is asked, derived from their answers alone (no request here).

The path is never stored: each request recomputes it from the answers in the cookie, so a changed
answer re-routes the journey and answers that leave the path are dropped (``prune``). A page that
asks several things of one path computes it once and passes it as ``path`` (it must be
``steps(answers)`` of those same answers). A question is
asked only when the engine's outcome can turn on it: each question's ``asked`` rule is in its
declaration (questions.py).
"""

from functools import lru_cache
from typing import NamedTuple

from ..eligibility.screening import MAX_CONVICTIONS as MAX_CONVICTIONS  # the engine's bound
from .questions import BY_NAME, CONVICTION_QUESTIONS, PERSON_QUESTIONS, Facts


class Step(NamedTuple):
    """One page on the path: a conviction's question, the add-another page, a person question,
    or the check-answers page. A tuple, so that the path's ``step in path`` and ``path.index``
    compare in C: a dataclass's ``__eq__`` is Python, and an answer's two paths made a hundred
    such comparisons."""

    kind: str  # "conviction" | "more" | "person" | "answers"
    question: str | None = None
    index: int | None = None  # 0-based conviction position


def _offered(question: str, c: dict) -> bool:
    """Whether the stored answer is still one of the choices (another county has other courthouses)."""
    return c[question] in {o.value for o in BY_NAME[question].options_in(c)}


# The questions whose choices follow from other answers (a county's courthouses and cities).
_CHOICES_FROM_ANSWERS = frozenset(q for q in CONVICTION_QUESTIONS if BY_NAME[q].options_for is not None)


# Each question with its rule, in the order asked: the path reads every one of them for every
# conviction: once a page, twice an answer (the path before it; the pruning and path after it).
_CONVICTION_RULES = tuple((question, BY_NAME[question].asked) for question in CONVICTION_QUESTIONS)
_PERSON_STEPS = tuple((Step("person", question), BY_NAME[question].asked) for question in PERSON_QUESTIONS)
_MORE, _ANSWERS = Step("more"), Step("answers")


def _asked(conviction: Facts) -> list[str]:
    """The questions asked about one conviction, in order. Its rules all read one view, so
    the facts they share are worked out once."""
    return [question for question, asked in _CONVICTION_RULES if asked(conviction)]


@lru_cache(maxsize=MAX_CONVICTIONS)
def _conviction_steps(index: int) -> dict[str, Step]:
    # Each page of the conviction at ``index``, by question: made once, not on every path (a
    # NamedTuple is made by a Python function, twenty times a path). Keyed on a position only.
    return {question: Step("conviction", question, index) for question in CONVICTION_QUESTIONS}


def _path(facts: list[Facts], asked_of: list[list[str]]) -> list[Step]:
    """The path from each conviction's view and the questions asked about it (``_asked``)."""
    path = [_conviction_steps(index)[question] for index, asked in enumerate(asked_of) for question in asked]
    path.append(_MORE)
    path.extend([step for step, asked in _PERSON_STEPS if asked(facts)])
    path.append(_ANSWERS)
    return path


def prune(answers: dict) -> dict:
    """Drop every answer that is no longer on the path, so nothing stale reaches the engine."""
    return pruned_path(answers)[0]


def pruned_path(answers: dict) -> tuple[dict, list[Step]]:
    """``prune(answers)``, and ``steps`` of what it leaves: the rules read once for both (an
    answer is stored, then the page after it is found on the new path)."""
    convictions = []
    facts = []
    asked_of = []
    for c in answers.get("convictions", []):
        kept = dict(c)
        # Re-check until stable: dropping one answer can make another irrelevant. Each round
        # drops at least one answer, so this ends.
        while True:
            view = Facts(kept)
            asked = _asked(view)
            removed = [
                q for q in kept
                if q in CONVICTION_QUESTIONS
                and (q not in asked or (q in _CHOICES_FROM_ANSWERS and not _offered(q, kept)))
            ]
            if not removed:
                break
            for q in removed:
                del kept[q]
        convictions.append(kept)
        facts.append(view)
        asked_of.append(asked)
    person = {
        q: v
        for q, v in answers.get("person", {}).items()
        if q in PERSON_QUESTIONS and BY_NAME[q].asked(facts)
    }
    pruned = {"convictions": convictions, "person": person}
    if answers.get("done_adding"):
        pruned["done_adding"] = True
    adding = answers.get("adding")
    # An added conviction stays cancellable until all its questions are answered.
    if (
        isinstance(adding, dict)
        and isinstance(adding.get("n"), int)
        and 0 < adding["n"] < len(convictions)
        and not conviction_complete(pruned, adding["n"])
    ):
        pruned["adding"] = {"n": adding["n"], "done": bool(adding.get("done"))}
    return pruned, _path(facts, asked_of) if convictions else steps(pruned)


def conviction_complete(answers: dict, index: int) -> bool:
    """Whether every question the path asks about conviction ``index`` has an answer."""
    c = answers["convictions"][index]
    return all(q in c for q in _asked(Facts(c)))


def progress(step: Step, answers: dict, path: list[Step] | None = None) -> tuple[int, int] | None:
    """Where ``step`` is among the question pages of the path: (its number, about how many in all).

    The total is "about": later answers can open or close questions. Each earlier conviction was
    followed by an "another conviction?" page that the path no longer lists, so those are counted
    too: adding a conviction never makes the number go back."""
    pages = [s for s in path or steps(answers) if s.kind != "answers"]
    if step not in pages:
        return None
    passed = max(len(answers.get("convictions") or [{}]) - 1, 0)
    before = step.index if step.kind == "conviction" else passed
    return pages.index(step) + 1 + before, len(pages) + passed


def steps(answers: dict) -> list[Step]:
    """Every page on the path for these answers, in order, up to the first unanswered one,
    then the rest of the path as far as it can be known."""
    facts = [Facts(c) for c in answers.get("convictions") or [{}]]
    return _path(facts, [_asked(view) for view in facts])


def is_answered(step: Step, answers: dict) -> bool:
    convictions = answers.get("convictions") or [{}]
    if step.kind == "conviction":
        return step.question in convictions[step.index]
    if step.kind == "more":
        return bool(answers.get("done_adding"))
    if step.kind == "person":
        return step.question in answers.get("person", {})
    return False


def first_unanswered(answers: dict, path: list[Step] | None = None) -> Step:
    for step in path or steps(answers):
        if not is_answered(step, answers):
            return step
    raise AssertionError("the check-answers step is never answered")  # pragma: no cover


def is_complete(answers: dict, path: list[Step] | None = None) -> bool:
    return first_unanswered(answers, path).kind == "answers"


def reachable(step: Step, answers: dict, path: list[Step] | None = None) -> bool:
    """Whether a person could be on this page now: it is on the path and no earlier page is
    still unanswered (a bookmark or a typed URL must not skip questions)."""
    path = path or steps(answers)
    return step in path and path.index(step) <= path.index(first_unanswered(answers, path))


def previous(step: Step, answers: dict, path: list[Step] | None = None) -> Step | None:
    path = path or steps(answers)
    if step in path:
        position = path.index(step)
        return path[position - 1] if position else None
    return None


def following(step: Step, answers: dict, path: list[Step] | None = None) -> Step:
    """The page after ``step``: the next one on the path, or the first unanswered if that
    comes earlier (a changed answer may have opened a new question before it)."""
    path = path or steps(answers)
    gap = first_unanswered(answers, path)
    if step not in path:
        return gap
    position = path.index(step)
    nxt = path[position + 1]
    return gap if path.index(gap) < path.index(nxt) else nxt
