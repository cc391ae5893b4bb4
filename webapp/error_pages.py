"""The 400, 404, 405, 413, 429 and 500 pages, in the language of the URL; JSON under /api/."""

import logging

from flask import Flask, g, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .languages import from_path
from .packet.render_pool import RenderFailed, RenderTimeout
from .page_chrome import no_kept_chrome

log = logging.getLogger("webapp")

KINDS = {400: "bad_request", 404: "not_found", 405: "not_allowed", 413: "too_large", 429: "too_many"}


def error_page(status: int, kind: str, headers: dict | None = None):
    g.lang = getattr(g, "lang", None) or from_path(request.path)
    if request.path.startswith("/api/"):
        return {"error": {"path": "", "message": kind}}, status, headers or {}
    no_kept_chrome()  # the address of an error page may be anything typed
    return render_template("error.html", status=status, kind=kind), status, headers or {}


def _kept_headers(error: HTTPException) -> dict:
    # Allow on a 405 and Retry-After on a 429 are part of the answer; the body is ours.
    return {k: v for k, v in error.get_headers() if k.lower() in ("allow", "retry-after")}


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        # Expired or missing token: the answers are still in the cookie; say so and offer a way on.
        return error_page(400, "csrf")

    @app.errorhandler(HTTPException)
    def http_error(error):
        return error_page(error.code or 500, KINDS.get(error.code, "bad_request"), _kept_headers(error))

    @app.errorhandler(RenderTimeout)
    @app.errorhandler(RenderFailed)
    def render_busy(error):
        # The render was stopped (webapp/packet/render_pool.py); nothing typed is lost.
        response = app.make_response(error_page(503, "busy"))
        response.headers["Retry-After"] = "60"
        return response

    @app.errorhandler(Exception)
    def server_error(error):
        # Log the type and where, never the request: bodies and cookies hold personal answers.
        log.error("Unhandled %s on %s %s", type(error).__name__, request.method, request.url_rule)
        return error_page(500, "server_error")
