"""Cannabis Record Relief: the application factory."""

import logging
import os
from urllib.parse import urlsplit, urlunsplit

from flask import Flask, g, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import RequestRedirect

from .config import ROOT, build_config
from .i18n import LANGUAGE_NAMES, init_babel, locale_from_path, other_language
from .limits import init_app as init_limits
from .security import add_security_headers
from .session_cookie import EncryptedCookieSessionInterface

csrf = CSRFProtect()
log = logging.getLogger(__name__)


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder="static",
    )
    app.config.update(build_config(overrides))
    app.session_interface = EncryptedCookieSessionInterface()
    _trust_proxies(app)
    app.raise_routing_exception = _relative_redirects(app.raise_routing_exception)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    # {% trans %} blocks are extracted with trimmed whitespace (babel.cfg); render them the same way.
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    init_babel(app)
    csrf.init_app(app)
    init_limits(app)

    from .api import bp as api_bp
    from .flow.views import bp as check_bp

    app.register_blueprint(check_bp)
    app.register_blueprint(api_bp)
    csrf.exempt(api_bp)
    _register_packet(app)

    app.after_request(add_security_headers)
    _register_pages(app)
    _register_errors(app)
    _register_template_helpers(app)
    return app


def proxy_hops(value) -> int:
    """TRUSTED_PROXY_HOPS: how many proxies in front of the app append to X-Forwarded-For."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or int(text) > 5:
        raise RuntimeError(f"TRUSTED_PROXY_HOPS must be a whole number from 0 to 5, not {text!r}")
    return int(text)


def _trust_proxies(app: Flask) -> None:
    # Default none: without a proxy in front, anyone can send X-Forwarded-For, and trusting it
    # would let a client pick a new address (and a fresh rate limit) with every request.
    hops = proxy_hops(app.config.get("TRUSTED_PROXY_HOPS", os.environ.get("TRUSTED_PROXY_HOPS", "0")))
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


def _relative_redirects(raise_routing_exception):
    """Werkzeug's own redirects ("/en" to "/en/", doubled slashes merged) are built from the Host
    header, which the client writes: send the path alone, as every other redirect here does."""

    def wrapped(request):
        error = request.routing_exception
        if isinstance(error, RequestRedirect):
            parts = urlsplit(error.new_url)
            # One leading slash: "//host/path" would be read as another site's address.
            error.new_url = urlunsplit(("", "", "/" + parts.path.lstrip("/"), parts.query, ""))
        return raise_routing_exception(request)

    return wrapped


def _register_packet(app: Flask) -> None:
    from .clinic.views import bp as clinic_bp
    from .packet.views import bp as packet_api_bp
    from .petition import bp as petition_bp

    app.register_blueprint(packet_api_bp)
    csrf.exempt(packet_api_bp)
    app.register_blueprint(petition_bp)
    app.register_blueprint(clinic_bp)


def _register_pages(app: Flask) -> None:
    @app.get("/")
    def choose_language():
        g.lang = "en"
        return render_template("choose_language.html")


def _error_page(status: int, kind: str, headers: dict | None = None):
    g.lang = getattr(g, "lang", None) or locale_from_path(request.path)
    if request.path.startswith("/api/"):
        return {"error": {"path": "", "message": kind}}, status, headers or {}
    return render_template("error.html", status=status, kind=kind), status, headers or {}


def _kept_headers(error: HTTPException) -> dict:
    # Allow on a 405 and Retry-After on a 429 are part of the answer; the body is ours.
    return {k: v for k, v in error.get_headers() if k.lower() in ("allow", "retry-after")}


def _register_errors(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        # Expired or missing token: the answers are still in the cookie; say so and offer a way on.
        return _error_page(400, "csrf")

    @app.errorhandler(HTTPException)
    def http_error(error):
        kinds = {400: "bad_request", 404: "not_found", 405: "not_allowed", 413: "too_large", 429: "too_many"}
        return _error_page(error.code or 500, kinds.get(error.code, "bad_request"), _kept_headers(error))

    @app.errorhandler(Exception)
    def server_error(error):
        # Log the type and where, never the request: bodies and cookies hold personal answers.
        log.error("Unhandled %s on %s %s", type(error).__name__, request.method, request.url_rule)
        return _error_page(500, "server_error")


def _register_template_helpers(app: Flask) -> None:
    from flask import url_for

    from .flow.result_text import cite, relief_text, track_text
    from .reason_text import REASON_TEXT

    app.jinja_env.globals.update(
        relief_text=relief_text,
        track_text=track_text,
        cite=cite,
        reason_text=lambda code: str(REASON_TEXT.get(code, code)),
    )

    @app.context_processor
    def page_context():
        lang = getattr(g, "lang", None) or locale_from_path(request.path)
        other = other_language(lang)
        if request.url_rule is not None and "<lang>" in request.url_rule.rule:
            # The same page, with the same answers and query, in the other language.
            args = {**request.args.to_dict(), **(request.view_args or {}), "lang": other}
            switch_url = url_for(request.endpoint, **args)
        elif request.endpoint == "choose_language":
            switch_url = None  # the chooser is already in both languages
        else:
            switch_url = f"/{other}/"  # error pages outside a language route
        return {
            "lang": lang,
            "other_lang": other,
            "other_lang_name": LANGUAGE_NAMES[other],
            "switch_url": switch_url,
        }
