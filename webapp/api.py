"""The JSON API: ``POST /api/v1/eligibility`` (shared/spec/eligibility-contract.md).

One screening object in, the engine's result out, byte for byte what ``assess`` returns (key order
included, so no ``jsonify``, which sorts keys). Errors are JSON too:

- 400 ``{"error": {"path": ..., "message": ...}}`` for input that breaks the contract. A body that
  is not JSON, or not sent as ``Content-Type: application/json``, has the path ``$`` (the whole
  body, as in JSONPath); a field's path is written like ``convictions[1].level``.
- 413 for a body over 64 KiB (one screening of 50 convictions is well under 20 KiB).

The blueprint never touches the session, so no cookie is set; the app registers it CSRF-exempt,
because a JSON client has no form token and a cross-site form cannot send application/json.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, request
from werkzeug.exceptions import RequestEntityTooLarge

from . import bounded_json
from .config import MAX_BODY_BYTES as MAX_BODY
from .eligibility import InputError, assess
from .eligibility.screening import ROOT

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _json(payload: dict, status: int = 200) -> Response:
    return Response(json.dumps(payload, ensure_ascii=False), status=status, mimetype="application/json")


def _error(path: str, message: str, status: int) -> Response:
    return _json(InputError(path, message).as_json(), status)


@bp.before_request
def _limit_body() -> Response | None:
    # Per request, so the rest of the site keeps its own limit. A declared length over the limit
    # is refused before reading anything. A streamed body (no Content-Length) is cut by Werkzeug
    # at max_content_length without an error, so allow one byte more than the limit and refuse
    # the body in the view if that byte arrives: a cut body could otherwise still parse.
    request.max_content_length = MAX_BODY + 1
    if request.content_length is not None and request.content_length > MAX_BODY:
        return _too_large()
    return None


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(error: Exception | None = None) -> Response:
    return _error(ROOT, f"the request body must be at most {MAX_BODY // 1024} KiB", 413)


@bp.post("/eligibility")
def eligibility() -> Response:
    if not request.is_json:
        return _error(ROOT, "must be sent with Content-Type: application/json", 400)
    body = request.get_data(cache=False)
    if len(body) > MAX_BODY:
        return _too_large()
    try:
        # Bounded: depth, number size and lone surrogates are 400s, never a RecursionError or a 500.
        screening = bounded_json.loads(body, ROOT)
        return _json(assess(screening))
    except InputError as error:
        return _json(error.as_json(), 400)


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI document of this API (webapp/openapi.py)."""
    from .openapi import document_json

    return Response(document_json(), mimetype="application/json")
