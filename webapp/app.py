"""The application factory: configuration, extensions and blueprints, nothing else.

The pages outside the check live in ``pages.py``, the error pages in ``error_pages.py``.
"""

import os
from urllib.parse import urlsplit, urlunsplit

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import RequestRedirect

from .config import ROOT, build_config
from .fixed_links import install as install_fixed_links
from .form_token import KeptTokenProtect
from .form_token import install as install_form_token
from .i18n import init_babel
from .kept_pages import install as install_kept_pages
from .limits import init_app as init_limits
from .packet import render_pool
from .security import SecurityHeaders
from .session_cookie import EncryptedCookieSessionInterface
from .static_files import init_app as init_static
from .templating import SiteEnvironment

csrf = KeptTokenProtect()


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(
        "webapp",
        template_folder=str(ROOT / "templates"),
        static_folder="static",
    )
    app.jinja_environment = SiteEnvironment  # before anything reads app.jinja_env
    # The packet's partials (free help, links, the court's name) are shown on pages too; they import
    # each other by their packet names, so the site also looks in templates/packet/, after templates/.
    app.jinja_loader = ChoiceLoader([FileSystemLoader(str(ROOT / "templates")),
                                     FileSystemLoader(str(ROOT / "templates" / "packet"))])
    app.config.update(build_config(overrides))
    app.config.setdefault("RENDER_INLINE", app.config.get("TESTING", False))
    render_pool.render_inline_when(_render_inline)
    app.session_interface = EncryptedCookieSessionInterface()
    app.wsgi_app = SecurityHeaders(app.wsgi_app)  # innermost: static files have their own
    _trust_proxies(app)
    app.raise_routing_exception = _relative_redirects(app.raise_routing_exception)
    init_static(app)
    install_fixed_links(app)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    # {% trans %} blocks are extracted with trimmed whitespace (babel.cfg); render them the same way.
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    init_babel(app)
    csrf.init_app(app)
    install_form_token(app)
    install_kept_pages(app)
    init_limits(app)

    from . import error_pages, pages
    from .api import bp as api_bp
    from .clinic.views import bp as clinic_bp
    from .flow.views import bp as check_bp
    from .health import bp as health_bp
    from .keep.views import bp as keep_bp
    from .packet.views import bp as packet_api_bp
    from .petition import bp as petition_bp
    from .records.views import api as records_api_bp
    from .records.views import bp as records_bp

    for blueprint in (check_bp, api_bp, packet_api_bp, petition_bp, clinic_bp, keep_bp, records_bp,
                      records_api_bp, health_bp):
        app.register_blueprint(blueprint)
    # The JSON APIs take no cookies, so there is no session for a forged request to ride on.
    csrf.exempt(api_bp)
    csrf.exempt(packet_api_bp)
    csrf.exempt(records_api_bp)

    pages.init_app(app)
    error_pages.init_app(app)
    return app


def _render_inline() -> bool:
    # Asked per render: in-process test apps render in the test's thread, servers in the pool.
    from flask import current_app, has_app_context

    return has_app_context() and bool(current_app.config.get("RENDER_INLINE"))


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
