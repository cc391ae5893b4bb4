"""The pages of the guided check. Each request derives the path from the answers in the cookie."""

from flask import abort, g, redirect, render_template, request, session, url_for

from .. import form_memory, form_token, kept_pages
from ..eligibility import assess, vocabulary
from ..i18n import language_blueprint
from ..kept_pages import Hole
from ..page_chrome import route_key
from . import answers as store
from .forms import ActionForm, form_class, form_for
from .labels import answer_label, conviction_title, question_text, removed_message
from .path import (
    CONVICTION_QUESTIONS,
    MAX_CONVICTIONS,
    PERSON_QUESTIONS,
    Step,
    first_unanswered,
    following,
    is_complete,
    previous,
    progress,
    reachable,
    steps,
)
from .screening import build_screening

bp = language_blueprint("check", __name__)


def step_url(step: Step) -> str:
    if step.kind == "conviction":
        return url_for("check.conviction_question", n=step.index + 1, question=step.question)
    if step.kind == "person":
        return url_for("check.person_question", question=step.question)
    if step.kind == "more":
        return url_for("check.more")
    return url_for("check.check_answers")


def change_url(step: Step) -> str:
    """The page of ``step`` asked again from check-answers, which it then leads back to. The query
    is added here, not by ``url_for``: check-answers links twenty or more of these, and
    url_for's query encoding cost a third of each."""
    return f"{step_url(step)}?change=1"


# One-time notes in the cookie: the answers were lost (shown on the next question page), and
# what was removed (shown on check-answers).
LOST = "lost"
REMOVED = "removed"


def _answers_lost() -> bool:
    """The cookie came back expired or unreadable (session_cookie.open_session said so)."""
    return bool(getattr(session, "crr_lost", False))


def _to_path(answers: dict, *, bookmark: bool = False):
    """Redirect to where the answers lead. With no answers, a page deeper in the check was a
    bookmark or an expired journey: the first question then says the answers were lost."""
    if _answers_lost() or (bookmark and not any(answers["convictions"])):
        session[LOST] = True
    return redirect(step_url(first_unanswered(answers)))


def _adding(answers: dict) -> int | None:
    """The 0-based position of a conviction just added and not yet fully answered, if any."""
    adding = answers.get("adding")
    return adding.get("n") if isinstance(adding, dict) else None


def _start_adding(answers: dict) -> None:
    answers["adding"] = {"n": len(answers["convictions"]), "done": bool(answers.get("done_adding"))}
    answers["convictions"].append({})
    answers.pop("done_adding", None)


def _changing() -> bool:
    return request.args.get("change") == "1"


def _back_url(step: Step, answers: dict, path: list[Step]) -> str:
    before = previous(step, answers, path)
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
    return _to_path(store.load())


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


def _this_page() -> str:
    page = request._get_current_object()  # read twice: not through the proxy
    return page.full_path if page.query_string else page.path


def _refused(form):
    """Post/redirect/get, errors included: what was typed and the errors wait in the encrypted
    cookie for the GET, so Back never lands on the answer to a POST."""
    form_memory.remember(form, request.path)
    return redirect(_this_page())


def _question_page(step: Step, answers: dict, stored: dict):
    path = steps(answers)  # once for this page: it is asked whether, where, and what comes next
    if not reachable(step, answers, path):
        # A bookmark, a stale Back button or a hand-typed URL: go where the answers lead.
        return _to_path(answers, bookmark=True)
    several = step.kind == "person" and len(answers["convictions"]) > 1
    conviction = stored if step.kind == "conviction" else None

    def build():
        form = form_for(step.question)
        form.several = several
        return form.for_conviction(conviction)

    if request.method == "GET" and not form_memory.waiting():
        # The usual view: the stored answer shown, nothing typed or wrong to show back. A kept
        # page needs no form at all; ``build`` runs only if the page has to be drawn.
        shape, holes = form_class(step.question).stored_page(several, conviction, stored.get(step.question))
        return _render_question(lambda: _shown(build(), stored.get(step.question)), step, answers,
                                path, shape=shape, holes=holes)
    if request.method == "POST":
        # A choice plainly among those offered is stored without building the form; anything
        # else goes to the form, which says what is wrong.
        answer = form_class(step.question).plain_answer(request.form, conviction)
        form = None if answer is not None else build()
        if form is None or form.validate():
            stored[step.question] = answer if form is None else form.value()
            path = store.save(answers)
            answers = store.load()
            destination = (first_unanswered(answers, path) if _changing()
                           else following(step, answers, path))
            keep_changing = _changing() and destination.kind != "answers"
            return redirect(change_url(destination) if keep_changing else step_url(destination))
        return _refused(form)
    form = build()
    recalled = form_memory.recall(form, request.path)
    if not recalled:
        _shown(form, stored.get(step.question))
    return _shown_form(form, step, answers, path, recalled=recalled)


def _shown(form, value):
    if value is not None:
        form.show(value)
    return form


def _shown_form(form, step: Step, answers: dict, path: list[Step], *, recalled: bool):
    """A question page drawn from its form (what was typed back, or the page of a form the view
    changed): kept unless it shows errors or what was typed back."""
    return _render_question(lambda: form, step, answers, path, holes=form.hole_values(),
                            shape=form.shape() if form.keepable and not recalled else None)


def _render_question(make_form, step: Step, answers: dict, path: list[Step], *, shape: tuple | None,
                     holes: dict):
    """The question page: drawn once per address, language and ``shape`` with holes for the
    person's parts (webapp/kept_pages.py), then filled with this person's (``holes`` and the rest).
    ``make_form`` gives the page's form, needed only to draw it; with no shape it is not kept."""
    # With several convictions, each question page says which one it is about.
    several = step.kind == "conviction" and len(answers["convictions"]) > 1
    lost = bool(session.pop(LOST, False)) or _answers_lost()
    caption = conviction_title(step.index + 1, answers["convictions"][step.index]) if several else None
    number = progress(step, answers, path)
    cancel_number = (step.index + 1 if step.kind == "conviction" and step.index == _adding(answers)
                     else None)
    values = {**holes, "back_url": _back_url(step, answers, path), "action": _this_page(),
              "caption": caption, "number": number and number[0], "total": number and number[1],
              "token": form_token.csrf_token()}
    route = route_key()
    key = None
    if route is not None and shape is not None and not lost:
        # The page's shape: which of its parts it shows at all, and the public words that follow
        # the answers (a county's courts); never what this person answered or typed.
        key = (route, g.lang, shape, caption is None, number is None, cancel_number)

    def draw() -> str:
        form = make_form().translate_choices()
        form.make_holes()
        with form_token.printed_as(Hole("token")):
            return render_template(
                "question.html", form=form, step=step, lost=lost, cancel_number=cancel_number,
                caption=caption and Hole("caption"), back_url=Hole("back_url"), action=Hole("action"),
                progress=number and (Hole("number"), Hole("total")),
            )

    return kept_pages.page(key, draw, values), 200


@bp.route("/check/<int:n>/<question>", methods=["GET", "POST"])
def conviction_question(n: int, question: str):
    if question not in CONVICTION_QUESTIONS:
        abort(404)
    answers = store.load()
    convictions = answers["convictions"]
    if not convictions and n == 1:
        convictions.append({})
    if not 1 <= n <= len(convictions):
        return _to_path(answers, bookmark=True)
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
    path = steps(answers)
    if not reachable(step, answers, path):
        return _to_path(answers, bookmark=True)
    form = form_for("add_another")
    if len(answers["convictions"]) >= MAX_CONVICTIONS:
        form.add_another.choices = [c for c in form.add_another.choices if c.value == "no"]
    if request.method == "POST":
        if form.validate():
            if form.add_another.data == "yes":
                _start_adding(answers)
            else:
                answers["done_adding"] = True
            store.save(answers)
            return redirect(step_url(first_unanswered(store.load())))
        return _refused(form)
    recalled = form_memory.recall(form, request.path)
    return _shown_form(form, step, answers, path, recalled=recalled)


# --- Check answers, change, add, remove ---------------------------------------------------------


@bp.get("/check/answers")
def check_answers():
    answers = store.load()
    path = steps(answers)  # once: it says whether the check is complete and where Back leads
    if not answers["convictions"] or not is_complete(answers, path):
        return _to_path(answers, bookmark=True)
    several = len(answers["convictions"]) > 1
    convictions = []
    for index, conviction in enumerate(answers["convictions"]):
        rows = [
            {
                "question": question_text(q, conviction=conviction),
                "answer": answer_label(q, conviction[q], conviction),
                "href": change_url(Step("conviction", q, index)),
                "name": q,
            }
            for q in CONVICTION_QUESTIONS
            if q in conviction
        ]
        title = conviction_title(index + 1, conviction)
        convictions.append({"number": index + 1, "title": title, "rows": rows})
    person_rows = [
        {
            "question": question_text(q, several),
            "answer": answer_label(q, v),
            "href": change_url(Step("person", q)),
            "name": q,
        }
        for q, v in answers["person"].items()
    ]
    removed = session.pop(REMOVED, None)
    return render_template(
        "answers.html",
        convictions=convictions,
        person_rows=person_rows,
        removed=removed_message(removed["n"], removed.get("county")) if isinstance(removed, dict) else None,
        can_add=len(answers["convictions"]) < MAX_CONVICTIONS,
        back_url=step_url(path[-2]),
    )


@bp.post("/check/add")
def add_conviction():
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    answers = store.load()
    if len(answers["convictions"]) < MAX_CONVICTIONS:
        _start_adding(answers)
        store.save(answers)
    return redirect(step_url(first_unanswered(store.load())))


@bp.post("/check/<int:n>/cancel")
def cancel_conviction(n: int):
    """Undo "Add another conviction" pressed by mistake: the new, unfinished conviction goes and
    everything else is as it was."""
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    answers = store.load()
    if _adding(answers) == n - 1:
        was_done = answers.pop("adding").get("done")
        del answers["convictions"][n - 1]
        if was_done:
            answers["done_adding"] = True
        store.save(answers)
    return redirect(step_url(first_unanswered(store.load())))


def _removable(answers: dict, n: int) -> bool:
    return 1 <= n <= len(answers["convictions"]) and len(answers["convictions"]) > 1


@bp.get("/check/<int:n>/remove")
def confirm_removal(n: int):
    answers = store.load()
    if not _removable(answers, n):
        return redirect(url_for("check.check_answers"))
    return render_template(
        "remove.html",
        number=n,
        title=conviction_title(n, answers["convictions"][n - 1]),
        form=ActionForm(),
        back_url=url_for("check.check_answers"),
    )


@bp.post("/check/<int:n>/remove")
def remove_conviction(n: int):
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    answers = store.load()
    if _removable(answers, n):
        removed = answers["convictions"].pop(n - 1)
        answers.pop("adding", None)
        store.save(answers)
        county = removed.get("county")
        session[REMOVED] = {"n": n, "county": county if county and county != "unknown" else None}
    return redirect(url_for("check.check_answers"))


# --- Results ------------------------------------------------------------------------------------


@bp.get("/results")
def results():
    answers = store.load()
    if not answers["convictions"] or not is_complete(answers):
        return _to_path(answers, bookmark=True)
    from ..keep.views import code_context, letter_cases, result_blocks

    blocks = result_blocks(assess(build_screening(answers)))

    return render_template(
        "results.html",
        blocks=blocks,
        adult_forms=any(vocabulary.result_filing(b["result"]) == vocabulary.CR_400 for b in blocks),
        juvenile_filings=any(vocabulary.is_juvenile_filing(b["result"]) for b in blocks),
        letter_cases=letter_cases(blocks),
        **code_context(answers, with_qr=False),
        back_url=url_for("check.check_answers"),
    )
