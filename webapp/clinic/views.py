"""The clinic pages under /<lang>/clinic: upload, results, downloads, help and the template.

Nothing is stored: the upload is read from memory, and the results page carries the CSV text in a
hidden field that each download button posts back (results CSV, ZIP of packets, summaries).
Nothing here logs; the app's own error logging names the exception type and route, never data.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from flask import (
    Response,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    stream_template,
    url_for,
)
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import FileField, TextAreaField

from .. import limits
from ..i18n import language_blueprint
from ..reason_text import REASON_TEXT
from . import columns, csv_io, labels, output, packets, summaries
from . import messages as m
from .batch import Batch, assess_csv

bp = language_blueprint("clinic", __name__)

# Room for the multipart framing, the CSRF token and the button around the largest CSV.
SLACK = 64 * 1024
_TAKES_CSV = frozenset(("clinic.upload", "clinic.download"))
_URLENCODED = "application/x-www-form-urlencoded"
_URLENCODED_GROWTH = 3  # %XX for each UTF-8 byte
ZIP_NAME = "prop64-clinic-packets.zip"
ZIP_PART_NAME = "prop64-clinic-packets-part-{part}.zip"
# Exactly what the results page's buttons send: "packets-1", "packets-2", … ("packets-²" passed isdigit).
_PART_CHOICE = re.compile(r"packets-([1-9][0-9]{0,4})", re.ASCII)


def _in_memory(total_content_length, content_type, filename=None, content_length=None):
    # Werkzeug spools uploads over 500 KB to a temporary file on disk; a client list must not
    # touch the disk, and the size is already bounded by max_content_length.
    return io.BytesIO()


@bp.url_value_preprocessor
def raise_upload_limits(endpoint, values):
    if endpoint in _TAKES_CSV and request.method == "POST":
        # Here rather than in before_request: the app's CSRF check (an app-level before_request,
        # which runs first) is what reads the form, so the larger limits must be set by then.
        # Urlencoded, one pasted character can take up to 9 bytes ("é" is %C3%A9): room for that
        # here, and the text itself is measured once decoded (_text_size).
        room = csv_io.MAX_BYTES * (_URLENCODED_GROWTH if request.mimetype == _URLENCODED else 1) + SLACK
        request.max_content_length = room
        request.max_form_memory_size = room
        request._get_file_stream = _in_memory


class UploadForm(FlaskForm):
    class Meta:
        csrf = False  # the app's CSRFProtect already checks every POST

    csv_file = FileField(_l("A CSV file or Excel workbook"))
    csv_text = TextAreaField(_l("Or paste the rows, with the header row first"))


def _upload_page(form: UploadForm, problems: list[m.Problem] = (), status: int = 200):
    if request.method == "POST":
        # Pages answering a POST cannot be fetched again in another language: offer the upload page.
        g.language_menu_endpoint = "clinic.upload"
    page = render_template("clinic/upload.html", form=form, problems=list(problems),
                           max_mb=csv_io.MAX_BYTES // (1024 * 1024), max_rows=csv_io.MAX_ROWS)
    return page, status


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error):
    # The body was refused unread: the form must not be bound to it (reading it would refuse again).
    return _upload_page(UploadForm(formdata=None), csv_io.too_big().problems, 413)


def _received(form: UploadForm) -> bytes | str | None:
    """The uploaded bytes or the pasted text; None (with the form's error set) when neither or both."""
    upload = request.files.get(form.csv_file.name)
    data = upload.read(csv_io.MAX_BYTES + 1) if upload is not None and upload.filename else None
    text = form.csv_text.data or ""
    if data is not None and text.strip():
        form.csv_file.errors = [str(m.BOTH_SENT)]
        return None
    if data is None and not text.strip():
        form.csv_file.errors = [str(m.NOTHING_SENT)]
        return None
    if (len(data) if data is not None else _text_size(text)) > csv_io.MAX_BYTES:
        raise csv_io.too_big()
    return data if data is not None else text


def _text_size(text: str) -> int:
    """The size of pasted text as the person's file had it: UTF-8, and the CRLF a browser turns
    each line break into counted as the one byte it was."""
    return len(text.encode("utf-8", "replace")) - text.count("\r\n")


@bp.route("/clinic", methods=["GET", "POST"])
def upload():
    form = UploadForm()
    if request.method == "GET":
        return _upload_page(form)
    try:
        data = _received(form)
        if data is None:
            return _upload_page(form, status=400)
        batch = assess_csv(data, g.lang)
    except m.FileProblems as error:
        return _upload_page(form, error.problems, error.status)
    return _results_page(batch)


def _results_page(batch: Batch):
    counts = Counter(row.result["relief"] for row in batch.rows if row.result)
    g.language_menu_endpoint = "clinic.upload"
    totals = [(relief, counts[relief]) for relief in labels.RELIEF if counts[relief]]
    parts = packets.parts(batch.packet_clients)
    return stream_template(
        "clinic/results.html",
        batch=batch,
        problems=batch.problems,
        notices=batch.notices,
        totals=totals,
        parts=[(number, part[0].index, part[-1].index) for number, part in enumerate(parts, start=1)],
        labels=labels,
    )


@bp.route("/clinic/download", methods=["GET", "POST"])
def download():
    if request.method == "GET":
        return redirect(url_for("clinic.upload"))
    text = request.form.get("csv", "")
    if _text_size(text) > csv_io.MAX_BYTES:
        raise RequestEntityTooLarge()
    try:
        batch = assess_csv(text, g.lang)
    except m.FileProblems as error:
        return _upload_page(UploadForm(formdata=None), error.problems, error.status)
    choice = request.form.get("download", "")
    if choice == "results":
        return _attachment(output.results_csv(batch), "text/csv", output.FILE_NAME)
    if choice == "summaries":
        g.language_menu_endpoint = "clinic.upload"
        return render_template(
            "clinic/summaries.html",
            sections=[summaries.section(client, batch.as_of) for client in batch.summary_clients],
        )
    part = _PART_CHOICE.fullmatch(choice)
    if part is not None:
        return _packets(batch, int(part[1]))
    abort(400)


def _packets(batch: Batch, part: int) -> Response:
    parts = packets.parts(batch.packet_clients)
    if not 1 <= part <= len(parts):
        abort(400)
    name = ZIP_NAME if len(parts) == 1 else ZIP_PART_NAME.format(part=part)
    clients = parts[part - 1]
    # Paid before the first packet is made: over the limit is a 429 page, never a cut-off ZIP.
    reservation = limits.reserve(limits.CLINIC, packets.cost(clients))
    # Streamed: the download starts with the first packet instead of after the last one. With the
    # app context, so each render knows the app's settings (webapp/packet/render_pool.py).
    app = current_app._get_current_object()
    total = sum(len(each) for each in parts)
    body = reservation.guard(_in_app_context(app, packets.stream_zip(clients, total)))
    response = _attachment(body, "application/zip", name)
    response.call_on_close(reservation.release)
    return response


def _in_app_context(app, chunks):
    """Each chunk made inside the app's context, so each render knows the app's settings
    (webapp/packet/render_pool.py). Pushed and popped around every chunk, not held for the whole
    download: two downloads read in turn must not pop each other's context."""
    iterator = iter(chunks)
    while True:
        with app.app_context():
            chunk = next(iterator, None)
        if chunk is None:
            return
        yield chunk


def _attachment(body, mimetype: str, name: str) -> Response:
    response = Response(body, mimetype=mimetype)
    # A generic name: never a client's name, which the browser would keep in its downloads list.
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.get("/clinic/help")
def help_page():
    return render_template("clinic/help.html", codes=sorted(REASON_TEXT), columns=columns,
                           help=labels.COLUMN_HELP, groups=labels.COLUMN_GROUPS, values=columns.VALUES,
                           max_mb=csv_io.MAX_BYTES // (1024 * 1024), max_rows=csv_io.MAX_ROWS)


@bp.get("/clinic/template.csv")
def template():
    return _attachment(output.template_csv(), "text/csv", output.TEMPLATE_NAME)
