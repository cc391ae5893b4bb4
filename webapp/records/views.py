"""/<lang>/records (paste a RAP sheet, confirm, continue into the check) and the JSON API.

Nothing is stored and nothing is logged: the text is read from the request, shown back in the
page's own textarea, and forgotten. Each button posts the text again, so the server keeps no copy
between requests. Only "Continue" writes anything, and then only answer codes, into the encrypted
answers cookie (prefill.py).
"""

from __future__ import annotations

import datetime as dt
import io
import json

from flask import Blueprint, Response, g, redirect, render_template, request, url_for
from flask_babel import format_date, gettext
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import RequestEntityTooLarge

from .. import counties
from ..clinic.csv_io import write as write_csv
from ..eligibility.screening import ROOT
from ..i18n import language_blueprint
from . import clinic_rows, prefill
from .rap_sheet import NOT_A_RAP_SHEET, NotARapSheet
from .screen import read

MAX_TEXT = 256 * 1024
# Room for form encoding: a pasted record's line ends and spaces grow when URL-encoded.
MAX_FORM = 4 * MAX_TEXT
FIELD = "rap_sheet_text"
CLINIC_FILE_NAME = "prop64-record-clinic-rows.csv"

bp = language_blueprint("records", __name__)
api = Blueprint("records_api", __name__, url_prefix="/api/v1/records")

ERRORS = {
    "empty": _l("Paste the text of your record (RAP sheet) into the box."),
    "too_long": _l("The text is too long. Paste one person's record, up to 256 KB."),
    "not_rap_sheet": _l(
        "This does not look like a California DOJ record (RAP sheet). We found no court or arrest "
        "entry with a count. Paste the whole record, from the top."),
    "none_chosen": _l("Tick at least one conviction to check, or start the check without your record."),
}

SKIP_TEXT = {
    "unreadable_charge": _l("We could not read the charge on this line. Check it in your record."),
    "no_disposition": _l("This cannabis charge shows no outcome, so we did not list it."),
    "unreadable_date": _l("We could not read the date on this line."),
    "unknown_court": _l("We could not tell which county's court this was."),
    "unreadable_level": _l("We could not tell if this was a felony, a misdemeanor or an infraction."),
    "unreadable_dob": _l("We could not read the date of birth on this line."),
    "over_limit": _l("The record has more than 50 cannabis convictions. We listed the first 50."),
}

SECTION_TEXT = {
    "11357": _l("Having cannabis (possession)"),
    "11358": _l("Growing cannabis plants (cultivation)"),
    "11359": _l("Having cannabis in order to sell it (possession for sale)"),
    "11360": _l("Selling, giving away, transporting or importing cannabis"),
}
LEVEL_TEXT = {"felony": _l("Felony"), "misdemeanor": _l("Misdemeanor"), "infraction": _l("Infraction")}


@bp.url_value_preprocessor
def _larger_form(endpoint, values):
    # Here, not in before_request: the app's CSRF check reads the form before any view runs.
    if endpoint == "records.paste" and request.method == "POST":
        request.max_content_length = MAX_FORM
        request.max_form_memory_size = MAX_FORM


@bp.errorhandler(RequestEntityTooLarge)
def _page_too_large(error):
    # The body was refused unread: nothing of it can be shown back.
    if request.endpoint == "records.clinic":
        return _clinic_page([str(CLINIC_ERRORS["too_big"])], 413)
    return _page("", error="too_long", status=413)


def _page(text: str, *, found: dict | None = None, error: str | None = None, chosen=None, status=200):
    page = render_template(
        "records/paste.html", text=text, found=found, error=ERRORS.get(error) if error else None,
        findings=_findings(text, found, chosen) if found else [],
        skipped=_skipped(text, found) if found else [], field=FIELD,
    )
    return page, status


def _record_lines(text: str) -> list[str]:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _excerpt(lines: list[str], start: int) -> str:
    """The count's own lines, from its CNT line to the next count, event or blank line (at most 6)."""
    out = []
    for number in range(start, min(start + 6, len(lines) + 1)):
        line = lines[number - 1].rstrip()
        stripped = line.strip().upper()
        if out and (not stripped or stripped.startswith(("CNT", "- - -", "* * *"))):
            break
        out.append(line)
    return "\n".join(out)


def _date_text(iso: str | None) -> str | None:
    return format_date(dt.date.fromisoformat(iso), format="long") if iso else None


def _findings(text: str, found: dict, chosen) -> list[dict]:
    lines = _record_lines(text)
    relieved = set(found["already_relieved"])
    out = []
    for conviction in found["screening"]["convictions"]:
        ident = conviction["id"]
        source = found["sources"][ident]
        county = counties.find(conviction["county"]) if conviction.get("county") else None
        out.append({
            "c": conviction,
            "what": SECTION_TEXT.get(conviction["section"]),
            "level": LEVEL_TEXT.get(conviction.get("level")),
            "county": county.name if county else None,
            "date": _date_text(conviction.get("offense_date")),
            "from_arrest": source["offense_date_from"] == "arrest",
            "relieved": ident in relieved,
            "checked": (ident in chosen) if chosen is not None else ident not in relieved,
            "relief": found["expected_relief"].get(ident),
            "excerpt": _excerpt(lines, source["line"]),
        })
    return out


def _skipped(text: str, found: dict) -> list[dict]:
    lines = _record_lines(text)
    return [{"line": s["line"], "text": SKIP_TEXT[s["reason"]], "reason": s["reason"],
             "excerpt": lines[s["line"] - 1].strip() if 0 < s["line"] <= len(lines) else ""}
            for s in found["skipped"]]


@bp.route("/records", methods=["GET", "POST"])
def paste():
    if request.method == "GET":
        return _page("")
    text = request.form.get(FIELD, "")
    if not text.strip():
        return _page(text, error="empty", status=400)
    if len(text.encode("utf-8")) > MAX_TEXT:
        return _page(text, error="too_long", status=413)
    try:
        found = read(text)
    except NotARapSheet:
        return _page(text, error="not_rap_sheet", status=400)
    action = request.form.get("action", "read")
    if action == "read":
        return _page(text, found=found)
    ids = {c["id"] for c in found["screening"]["convictions"]}
    chosen = [ident for ident in request.form.getlist("include") if ident in ids]
    if not chosen:
        return _page(text, found=found, error="none_chosen", chosen=chosen, status=400)
    if action == "clinic_csv":
        rows = [list(clinic_rows.HEADER), *clinic_rows.rows(found, "1", chosen)]
        response = Response(write_csv(rows), mimetype="text/csv")
        response.headers["Content-Disposition"] = f'attachment; filename="{CLINIC_FILE_NAME}"'
        return response
    prefill.fill_check(prefill.answers_from_record(found, chosen))
    return redirect(url_for("check.begin", lang=g.lang))


# --- POST /api/v1/records/rap-sheet ----------------------------------------------------------

def _json(payload: dict, status: int = 200) -> Response:
    return Response(json.dumps(payload, ensure_ascii=False), status=status, mimetype="application/json")


def _api_error(message: str, status: int) -> Response:
    return _json({"error": {"path": ROOT, "message": message}}, status)


@api.before_request
def _limit_body() -> Response | None:
    # As webapp/api.py: refuse a declared length over the limit unread, and allow one byte more
    # than the limit so a streamed body that is too long is seen rather than silently cut.
    request.max_content_length = MAX_TEXT + 1
    if request.content_length is not None and request.content_length > MAX_TEXT:
        return _api_too_large()
    return None


@api.errorhandler(RequestEntityTooLarge)
def _api_too_large(error: Exception | None = None) -> Response:
    return _api_error(f"the request body must be at most {MAX_TEXT // 1024} KiB", 413)


@api.post("/rap-sheet")
def rap_sheet_api() -> Response:
    if request.mimetype != "text/plain":
        return _api_error("must be sent with Content-Type: text/plain", 400)
    body = request.get_data(cache=False)
    if len(body) > MAX_TEXT:
        return _api_too_large()
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _api_error("must be UTF-8 text", 400)
    try:
        return _json(read(text))
    except NotARapSheet:
        return _api_error(NOT_A_RAP_SHEET, 400)


# --- clinic mode: one RAP sheet per client -------------------------------------------------------

MAX_SHEETS = 100
# All the files together: the clinic CSV upload's limit, which no route exceeds.
CLINIC_MAX_BYTES = 10 * 1024 * 1024
CLINIC_SLACK = 64 * 1024


def _in_memory(total_content_length, content_type, filename=None, content_length=None):
    # As the clinic upload: records never touch the disk (Werkzeug spools big uploads to a file).
    return io.BytesIO()


@bp.url_value_preprocessor
def _clinic_limits(endpoint, values):
    if endpoint == "records.clinic" and request.method == "POST":
        request.max_content_length = CLINIC_MAX_BYTES + CLINIC_SLACK
        request.max_form_memory_size = MAX_TEXT + CLINIC_SLACK
        request._get_file_stream = _in_memory


CLINIC_ERRORS = {
    "none": _l("Choose at least one RAP sheet file, one text file for each client."),
    "too_many": _l("Send at most 100 RAP sheets at a time."),
    "too_big": _l("The files are too big. Send up to 10 MB in all."),
}


def _clinic_page(problems: list[str] = (), status: int = 200):
    return render_template("records/clinic.html", problems=list(problems), max_sheets=MAX_SHEETS), status


@bp.route("/records/clinic", methods=["GET", "POST"])
def clinic():
    """Clinic mode: each uploaded file is one client's RAP sheet; its name is the client id."""
    if request.method == "GET":
        return _clinic_page()
    files = [f for f in request.files.getlist("rap_sheets") if f and f.filename]
    if not files:
        return _clinic_page([str(CLINIC_ERRORS["none"])], 400)
    if len(files) > MAX_SHEETS:
        return _clinic_page([str(CLINIC_ERRORS["too_many"])], 413)
    sheets, problems = [], []
    for number, upload in enumerate(files, start=1):
        client_id = clinic_rows.client_id(upload.filename, number)
        data = upload.read(MAX_TEXT + 1)
        try:
            if len(data) > MAX_TEXT:
                raise ValueError
            sheets.append((client_id, read(data.decode("utf-8-sig"))))
        except (UnicodeDecodeError, ValueError):
            problems.append(gettext("%(file)s: this is not a RAP sheet as text (UTF-8, up to 256 KB).",
                                    file=client_id))
    for client_id, found in sheets:
        if not found["screening"]["convictions"]:
            problems.append(gettext("%(file)s: we found no cannabis conviction in this RAP sheet.",
                                    file=client_id))
    if problems:
        return _clinic_page(problems, 400)
    from ..clinic.batch import assess_csv
    from ..clinic.views import _results_page

    return _results_page(assess_csv(clinic_rows.csv_text(sheets), g.lang))
