"""The pages of the guided check. Each request derives the path from the answers in the cookie."""

from flask import abort, redirect, render_template, request, url_for

from .. import counties
from ..eligibility import assess, vocabulary
from ..i18n import language_blueprint
from . import answers as store
from .forms import ActionForm, form_for
from .labels import answer_label, question_text
from .path import (
    CONVICTION_QUESTIONS,
    MAX_CONVICTIONS,
    PERSON_QUESTIONS,
    Step,
    first_unanswered,
    following,
    is_complete,
    previous,
    reachable,
    steps,
)
from .screening import build_screening

bp = language_blueprint("check", __name__)


def step_url(step: Step, **query) -> str:
    if step.kind == "conviction":
        return url_for("check.conviction_question", n=step.index + 1, question=step.question, **query)
    if step.kind == "person":
        return url_for("check.person_question", question=step.question, **query)
    if step.kind == "more":
        return url_for("check.more", **query)
    return url_for("check.check_answers")


def _changing() -> bool:
    return request.args.get("change") == "1"


def _back_url(step: Step, answers: dict) -> str:
    before = previous(step, answers)
    if _changing() or before is None:
        return url_for("check.check_answers") if _changing() else url_for("check.start")
    return step_url(before)


# --- Pages around the check -------------------------------------------------------------------


@bp.get("/")
def start():
    return render_template("start.html")


@bp.get("/privacy")
def privacy():
    return render_template("privacy.html")


@bp.get("/check")
def begin():
    return redirect(step_url(first_unanswered(store.load())))


@bp.post("/start-again")
def start_again():
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    store.clear()
    response = redirect(url_for("check.start"))
    # Shared computers: ask the browser to drop its copy of the cookie as well.
    response.headers["Clear-Site-Data"] = '"cookies"'
    return response


# --- Question pages ---------------------------------------------------------------------------


def _question_page(step: Step, answers: dict, stored: dict):
    if not reachable(step, answers):
        # A bookmark, a stale Back button or a hand-typed URL: go where the answers lead.
        return redirect(step_url(first_unanswered(answers)))
    form = form_for(step.question)
    if request.method == "POST":
        if form.validate():
            stored[step.question] = form.value()
            store.save(answers)
            answers = store.load()
            destination = first_unanswered(answers) if _changing() else following(step, answers)
            keep_changing = _changing() and destination.kind != "answers"
            return redirect(step_url(destination, **({"change": "1"} if keep_changing else {})))
        return _render_question(form, step, answers, 400)
    if stored.get(step.question) is not None:
        form.show(stored[step.question])
    return _render_question(form, step, answers, 200)


def _render_question(form, step: Step, answers: dict, status: int):
    # With several convictions, each question page says which one it is about.
    several = step.kind == "conviction" and len(answers["convictions"]) > 1
    html = render_template(
        "question.html",
        form=form,
        step=step,
        caption=step.index + 1 if several else None,
        back_url=_back_url(step, answers),
        action=request.full_path if request.query_string else request.path,
    )
    return html, status


@bp.route("/check/<int:n>/<question>", methods=["GET", "POST"])
def conviction_question(n: int, question: str):
    if question not in CONVICTION_QUESTIONS:
        abort(404)
    answers = store.load()
    convictions = answers["convictions"]
    if not convictions and n == 1:
        convictions.append({})
    if not 1 <= n <= len(convictions):
        return redirect(step_url(first_unanswered(answers)))
    return _question_page(Step("conviction", question, n - 1), answers, convictions[n - 1])


@bp.route("/check/about-you/<question>", methods=["GET", "POST"])
def person_question(question: str):
    if question not in PERSON_QUESTIONS:
        abort(404)
    answers = store.load()
    return _question_page(Step("person", question), answers, answers["person"])


@bp.route("/check/more", methods=["GET", "POST"])
def more():
    answers = store.load()
    step = Step("more")
    if not reachable(step, answers):
        return redirect(step_url(first_unanswered(answers)))
    form = form_for("add_another")
    if len(answers["convictions"]) >= MAX_CONVICTIONS:
        form.add_another.choices = [c for c in form.add_another.choices if c.value == "no"]
    if request.method == "POST":
        if form.validate():
            if form.add_another.data == "yes":
                answers["convictions"].append({})
                answers.pop("done_adding", None)
            else:
                answers["done_adding"] = True
            store.save(answers)
            return redirect(step_url(first_unanswered(store.load())))
        return _render_question(form, step, answers, 400)
    return _render_question(form, step, answers, 200)


# --- Check answers, change, add, remove ---------------------------------------------------------


@bp.get("/check/answers")
def check_answers():
    answers = store.load()
    if not answers["convictions"] or not is_complete(answers):
        return redirect(step_url(first_unanswered(answers)))
    rows = []
    for index, conviction in enumerate(answers["convictions"]):
        rows.append(
            [
                {
                    "question": question_text(q),
                    "answer": answer_label(q, conviction[q]),
                    "href": step_url(Step("conviction", q, index), change="1"),
                    "name": q,
                }
                for q in CONVICTION_QUESTIONS
                if q in conviction
            ]
        )
    person_rows = [
        {
            "question": question_text(q),
            "answer": answer_label(q, v),
            "href": step_url(Step("person", q), change="1"),
            "name": q,
        }
        for q, v in answers["person"].items()
    ]
    return render_template(
        "answers.html",
        conviction_rows=rows,
        person_rows=person_rows,
        form=ActionForm(),
        can_add=len(answers["convictions"]) < MAX_CONVICTIONS,
        back_url=step_url(steps(answers)[-2]),
    )


@bp.post("/check/add")
def add_conviction():
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    answers = store.load()
    if len(answers["convictions"]) < MAX_CONVICTIONS:
        answers["convictions"].append({})
        store.save(answers)
    return redirect(step_url(first_unanswered(store.load())))


@bp.post("/check/<int:n>/remove")
def remove_conviction(n: int):
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    answers = store.load()
    if 1 <= n <= len(answers["convictions"]) and len(answers["convictions"]) > 1:
        del answers["convictions"][n - 1]
        store.save(answers)
    return redirect(url_for("check.check_answers"))


# --- Results ------------------------------------------------------------------------------------


@bp.get("/results")
def results():
    answers = store.load()
    if not answers["convictions"] or not is_complete(answers):
        return redirect(step_url(first_unanswered(answers)))
    result = assess(build_screening(answers))
    blocks = []
    for item in result["results"]:
        county = counties.find(item["county"]) if item.get("county") else None
        blocks.append({"result": item, "county": county})
    from ..keep.views import code_context, letter_cases

    return render_template(
        "results.html",
        blocks=blocks,
        adult_forms=any(vocabulary.result_filing(b["result"]) == vocabulary.CR_400 for b in blocks),
        juvenile_filings=any(vocabulary.is_juvenile_filing(b["result"]) for b in blocks),
        letter_cases=letter_cases(blocks),
        **code_context(answers),
        back_url=url_for("check.check_answers"),
    )
