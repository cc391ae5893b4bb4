"""Pages for what a person keeps: resume code, printable summary, "was it already cleared?" letters.

Everything is derived from the answers in the cookie on each request. A name, date of birth or
case number typed here goes into the one PDF it was typed for and nowhere else: not the cookie,
not a log, not the URL.
"""

from datetime import date
from io import BytesIO

from flask import current_app, redirect, render_template, request, send_file, url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from .. import counties, form_memory, limits
from ..eligibility import assess
from ..flow import answers as store
from ..flow.path import CONVICTION_QUESTIONS, MAX_CONVICTIONS, PERSON_QUESTIONS, is_complete
from ..flow.screening import build_screening
from ..i18n import language_blueprint
from ..packet import pdf
from ..packet.render_pool import render_in_pool
from . import qr, resume_code
from .forms import NameForm, ResumeForm, letter_form

bp = language_blueprint("keep", __name__)

SUMMARY_NAME = "prop64-summary.pdf"
LETTERS_NAME = "prop64-already-cleared-letters.pdf"
# The letters ask about convictions the county may already have cleared on its own.
LETTER_REVIEW = ("likely", "unknown")
NOTHING_TO_ASK = ("not_eligible", "no_change")

REFUSED = {
    "altered": _l(
        "This resume code does not work. Check each letter and number against your copy. If one "
        "character is different, the code cannot be read."
    ),
    "expired": _l(
        "This resume code is more than %(days)s days old, so it no longer works. Please start the check "
        "again.", days=resume_code.VALID_DAYS,
    ),
}


def _secrets() -> list[str]:
    return [current_app.config["SECRET_KEY"], *(current_app.config.get("SECRET_KEY_FALLBACKS") or [])]


def _checked():
    """(answers, result, blocks) for a finished check, or None when there is nothing to show yet."""
    answers = store.load()
    if not answers["convictions"] or not is_complete(answers):
        return None
    result = assess(build_screening(answers))
    return answers, result, result_blocks(result)


def result_blocks(result: dict) -> list[dict]:
    """Each conviction's result with its county, as the results page and the summary show them."""
    return [
        {"result": item, "county": counties.find(item["county"]) if item.get("county") else None}
        for item in result["results"]
    ]


def _not_ready():
    return redirect(url_for("check.begin"))


def code_for(answers: dict) -> str:
    return resume_code.encode(answers, current_app.config["SECRET_KEY"], date.today())


def code_context(answers: dict, *, with_qr: bool = True) -> dict:
    """What the results page and the summary show of the resume code. The QR code (about 3 kB)
    is drawn on the printable summary; the results page, already the heaviest, shows the text."""
    code = code_for(answers)
    return {
        "resume_code": code,
        "resume_qr": qr.svg(code, str(_l("QR code of your resume code"))) if with_qr else None,
        "resume_days": resume_code.VALID_DAYS,
    }


def letter_cases(blocks: list[dict]) -> list[dict]:
    return [
        b for b in blocks
        if b["result"]["automatic_review"] in LETTER_REVIEW and b["result"]["relief"] not in NOTHING_TO_ASK
    ]


def _only_codes(restored: dict) -> dict:
    """Keep only the shape the check itself writes: question names and short answer codes.

    The code was sealed by this server, but it may come from an older version of the check, so
    anything it does not know now is dropped rather than trusted; the path then asks again."""

    def codes(raw, allowed) -> dict:
        if not isinstance(raw, dict):
            return {}
        return {k: v for k, v in raw.items() if k in allowed and isinstance(v, str) and len(v) <= 40}

    convictions = restored.get("convictions")
    convictions = convictions[:MAX_CONVICTIONS] if isinstance(convictions, list) else []
    answers = {
        "convictions": [codes(c, CONVICTION_QUESTIONS) for c in convictions],
        "person": codes(restored.get("person"), PERSON_QUESTIONS),
    }
    if restored.get("done_adding") is True:
        answers["done_adding"] = True
    return answers


@bp.route("/resume", methods=["GET", "POST"])
def resume():
    form = ResumeForm()
    if request.method == "POST":
        if form.validate():
            try:
                restored = resume_code.decode(form.resume_code.data, _secrets(), date.today())
            except resume_code.ResumeCodeError as refused:
                form.resume_code.errors = [str(REFUSED[refused.reason])]
                form._errors = None
            else:
                store.save(_only_codes(restored))
                return redirect(url_for("check.results"))
        form_memory.remember(form, "resume")
        return redirect(url_for("keep.resume"))
    form_memory.recall(form, "resume")
    return render_template("keep/resume.html", form=form)


@bp.route("/results/summary", methods=["GET", "POST"])
def summary():
    checked = _checked()
    if checked is None:
        return _not_ready()
    answers, result, blocks = checked
    form = NameForm()
    # The date as the person's language writes it (Babel's locale data), not ISO.
    checked_on = format_date(date.fromisoformat(result["as_of"]), "long")
    context = {"blocks": blocks, "as_of": checked_on, **code_context(answers)}
    if request.method == "POST":
        if not form.validate():
            # Not redirected: a typed name never goes into the cookie, so the page is shown again.
            return render_template("keep/summary.html", form=form, **context), 400
        markup = render_template("keep/summary_document.html", name=form.name.data or None, **context)
        return _pdf(_render(markup), SUMMARY_NAME)
    return render_template("keep/summary.html", form=form, back_url=url_for("check.results"), **context)


@bp.route("/results/letter", methods=["GET", "POST"])
def letter():
    checked = _checked()
    if checked is None:
        return _not_ready()
    _answers, result, blocks = checked
    cases = letter_cases(blocks)
    form = letter_form([b["result"] for b in cases])
    rows = [{"block": b, "field": form[f"case_{b['result']['id']}"]} for b in cases]
    if request.method == "POST" and cases:
        if not form.validate():
            return render_template("keep/letter.html", form=form, rows=rows), 400
        letters = [
            {"block": row["block"], "case_number": (row["field"].data or "").strip() or None}
            for row in rows
        ]
        markup = render_template(
            "keep/letter_document.html", letters=letters, name=form.name.data or None,
            date_of_birth=form.date_of_birth.data or None, today=date.today(),
        )
        return _pdf(_render(markup), LETTERS_NAME)
    return render_template("keep/letter.html", form=form, rows=rows, back_url=url_for("check.results"))


def _render(markup: str) -> bytes:
    # A PDF costs what one form costs: paid before the render, like a packet, and drawn in the
    # render pool so that pages never wait behind it.
    with limits.reserve(limits.PACKET, limits.packet_cost(0)):
        return render_in_pool(pdf.write_pdf, markup)


def _pdf(document: bytes, name: str):
    return send_file(BytesIO(document), mimetype="application/pdf", as_attachment=True, download_name=name)
