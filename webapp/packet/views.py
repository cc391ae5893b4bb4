"""POST /api/v1/packet?lang=es: the packet as a PDF download.

The body is the command line's input, {"screening": ..., "petitioner": ..., "options": ...}. The person's name
never reaches the file name, a log line or a cookie: the response is a generic attachment,
marked no-store.
"""

from __future__ import annotations

from io import BytesIO

from flask import Blueprint, jsonify, request, send_file

from webapp import limits
from webapp.eligibility.errors import InputError
from webapp.eligibility.screening import MAX_CONVICTIONS, ROOT
from webapp.packet import render
from webapp.packet.__main__ import MAX_INPUT_BYTES, parse_request
from webapp.packet.render_pool import render_in_pool

bp = Blueprint("packet_api", __name__, url_prefix="/api/v1")

FILE_NAME = "prop64-petition-packet.pdf"


@bp.before_request
def limit_body():
    # Werkzeug answers 413 as soon as the declared or streamed body passes this bound.
    request.max_content_length = MAX_INPUT_BYTES


@bp.post("/packet")
def packet():
    if not request.is_json:
        # The same answer as the eligibility API gives: the contract says "400/413 as for eligibility".
        return _error(InputError(ROOT, "must be sent with Content-Type: application/json"))
    try:
        screening, petitioner, options = parse_request(request.get_data(cache=False))
        # Paid before rendering, given back if the input is refused (the reservation's exit).
        with limits.reserve(limits.PACKET, _cost(screening)):
            pdf = render_in_pool(render, screening, petitioner, request.args.get("lang", "en"), **options)
    except InputError as error:
        return _error(error)
    # Cache-Control: no-store comes with every response (webapp/security.py).
    return send_file(BytesIO(pdf), mimetype="application/pdf", as_attachment=True, download_name=FILE_NAME)


def _cost(screening) -> int:
    convictions = screening.get("convictions") if isinstance(screening, dict) else None
    # Over 50 is refused by the engine before any rendering; it never costs more than the largest.
    count = len(convictions) if isinstance(convictions, list) else 1
    return limits.packet_cost(min(count, MAX_CONVICTIONS))


def _error(error: InputError):
    return jsonify(error.as_json()), 400
