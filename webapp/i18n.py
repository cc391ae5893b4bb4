"""The URL is the source of truth for the language: every page lives under /<code>/ (webapp.languages).

There is no language cookie and no redirect from Accept-Language: a printed flyer's /es/ link
always opens in Spanish, and the language menu on each page leads to the same page in each language.
"""

import logging
from types import SimpleNamespace

import flask_babel
from babel import Locale, support
from flask import Blueprint, abort, current_app, g, request
from flask.globals import _cv_app
from flask_babel import Babel, Domain, LazyString, get_locale, get_translations
from jinja2 import pass_context
from markupsafe import Markup

from . import languages
from .languages import from_path as locale_from_path

log = logging.getLogger(__name__)

__all__ = [
    "catalog", "gettext", "init_babel", "language_blueprint", "lazy_text", "locale_from_path", "pgettext",
    "select_locale",
]


class CatalogError(RuntimeError):
    """A listed language's catalog is missing or older than its source: production will not start."""


def select_locale() -> str:
    lang = getattr(g._get_current_object(), "lang", None)
    if lang not in current_app.config["SUPPORTED_LOCALES"]:
        # Error pages outside a language blueprint (404 under /es/…, 413) still follow the URL.
        lang = locale_from_path(request.path) if request else languages.DEFAULT
    return languages.catalog_locale(lang)


def _remembered():
    """This request's catalog as get_translations last found it, while its locale is unchanged;
    None when it has to be looked up. Reads the app context directly: each ``g`` access through
    its proxy costs about as much as the lookup it saves."""
    app_context = _cv_app.get(None)
    context = app_context.g.__dict__.get("_flask_babel") if app_context is not None else None
    memo = getattr(context, "crr_translations", None)
    if memo is not None and memo[0] is not None and memo[0] is getattr(context, "babel_locale", None):
        return memo[1]
    return None


def catalog():
    """This request's catalog (Flask-Babel's ``get_translations``), the remembered one if it can."""
    remembered = _remembered()
    return _first_lookup() if remembered is None else remembered


def _first_lookup():
    """A request's first catalog, as Flask-Babel finds it, without its eleven steps each time.

    Flask-Babel's first lookup in a request (its context made, the domain looked up, the
    selector asked, its answer parsed into a Locale, the cache read under the locale's name) was
    9% of a question page (callgrind: 0.18M instructions). While nothing in this request has
    looked a catalog up or forced a locale yet, what it would find follows from what the
    selector says: the same Locale and catalog as the first request that asked in that
    language, which Flask-Babel keeps for the life of the process (its domain's cache). So that
    first answer is kept per app and handed to Flask-Babel's context as its own lookup would
    leave it; anything else (a forced locale, a later lookup) goes Flask-Babel's own way."""
    app_context = _cv_app.get(None)
    if app_context is None or "_flask_babel" in app_context.g.__dict__:
        return get_translations()
    kept = app_context.app.extensions["crr_first_catalogs"]
    selected = select_locale()
    found = kept.get(selected)
    if found is None:
        translations = get_translations()
        locale = getattr(app_context.g.__dict__.get("_flask_babel"), "babel_locale", None)
        if locale is not None and str(locale) == str(Locale.parse(selected)):
            kept[selected] = (locale, translations)
        return translations
    locale, translations = found
    app_context.g._flask_babel = SimpleNamespace(babel_locale=locale, crr_translations=found)
    return translations


def lazy_text(value):
    """What ``str()`` of a lazy sentence gives, through this request's remembered catalog.

    A question page reads a dozen lazy sentences (the question, its hint, each choice), and each
    ``str()`` goes through Flask-Babel's four lookups (about 4.5 µs; this, under half a µs). Only
    a plain ``lazy_gettext`` is taken the short way, formatted as Flask-Babel formats it; any other
    lazy string (a date, a pgettext) translates itself as before."""
    if type(value) is LazyString and value._func is flask_babel.gettext and len(value._args) == 1:
        text = catalog().ugettext(value._args[0])
        return text % value._kwargs if value._kwargs else text
    return str(value)


def gettext(string: str, **variables) -> str:
    """Flask-Babel's ``gettext``, through this request's remembered catalog: the results and
    check-answers pages translate sixty sentences or more each, and each call of Flask-Babel's own
    looks its domain and context up again first. Same catalog, same formatting as there."""
    text = catalog().ugettext(string)
    return text % variables if variables else text


def pgettext(context: str, string: str, **variables) -> str:
    """Flask-Babel's ``pgettext``, the same way as ``gettext``."""
    text = catalog().upgettext(context, string)
    return text % variables if variables else text


@pass_context
def _template_gettext(context, message: str, **variables):
    """The templates' ``_()`` and ``gettext()``: what Jinja's new-style gettext returns, in one
    call. Jinja's own goes through three context calls per sentence (the ``_`` alias, the
    new-style wrapper, then the catalog), which made the sixty sentences of a results page cost
    about 7 µs each. As there, the result is Markup under autoescape and always a format string
    (``%%`` prints ``%``); formatting a sentence with no ``%`` and no variables changes nothing,
    so it is skipped."""
    text = catalog().ugettext(message)
    if context.eval_ctx.autoescape:
        text = Markup(text)  # noqa: S704 (our own catalog's sentence, as Jinja's gettext does)
    return text % variables if variables or "%" in text else text


def _install_template_gettext(app) -> None:
    """The templates' ``_()`` and friends, as Flask-Babel installs them, through the remembered
    catalog (a page calls them a dozen times or more)."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: catalog().ugettext(s),
        ngettext=lambda s, p, n: catalog().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: catalog().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalog().unpgettext(c, s, p, n),
    )
    app.jinja_env.globals.update(_=_template_gettext, gettext=_template_gettext)


class FallbackDomain(Domain):
    """Flask-Babel's domain, except that a catalog that cannot be read means English, not a 500.

    A corrupt or truncated .mo file makes the stock loader raise on every page in that language,
    the error page included. Here the fault is logged once, when the catalog is first needed, and
    the empty catalog is cached in its place so that pages in that language fall back to English.
    """

    def get_translations(self):
        # A page asks for its catalog once per translated string (about fifty times, more with
        # lazy strings, which translate again on every use). Flask-Babel looks the locale and its
        # cache up anew each time; here the answer is kept on the request for as long as its locale
        # object is the same one (force_locale swaps the object, so a switch is still seen).
        remembered = _remembered()
        if remembered is not None:
            return remembered
        translations = self._load_translations()
        context = getattr(g, "_flask_babel", None) if g else None
        if context is not None and getattr(context, "babel_locale", None) is not None:
            context.crr_translations = (context.babel_locale, translations)
        return translations

    def _load_translations(self):
        try:
            return super().get_translations()
        except Exception as error:  # any parse error: OSError (bad magic), struct.error, ...
            locale = str(get_locale())
            log.error("Translation catalog for %r cannot be read (%s); those pages fall back to English.",
                      locale, type(error).__name__)
            fallback = support.Translations()
            self.get_translations_cache(None)[locale, self.domain[0]] = fallback
            return fallback


def init_babel(app) -> Babel:
    babel = Babel(app, locale_selector=select_locale)
    app.extensions["crr_first_catalogs"] = {}  # see _first_lookup
    # Flask-Babel builds its domain lazily (a cached property); set ours in its place.
    babel.domain_instance = FallbackDomain(domain=app.config.get("BABEL_DOMAIN", "messages"))
    _install_template_gettext(app)
    _check_catalogs(app)
    return babel


def _check_catalogs(app) -> None:
    listed = [languages.BY_CODE[code] for code in app.config["SUPPORTED_LOCALES"]]
    problems = languages.catalog_problems(app.config["BABEL_TRANSLATION_DIRECTORIES"], listed)
    if not problems:
        return
    if app.config["PRODUCTION"]:
        # In production a missing or stale catalog is a deployment fault: stop, rather than serve
        # English (or last month's Spanish) under /es/ to someone who cannot read it.
        raise CatalogError("Translation catalogs are not ready (run pybabel compile -d translations): "
                           + "; ".join(problems))
    # Locally a missing catalog must not take the site down: pages fall back to English.
    log.warning("Translation catalogs not ready, those pages fall back to English: %s", "; ".join(problems))


def language_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint whose every URL starts with a listed language code: the language is taken off the URL into
    ``g.lang`` (404 for any other code) and put back on every ``url_for`` made while serving it."""
    bp = Blueprint(name, import_name, url_prefix="/<lang>")

    @bp.url_value_preprocessor
    def pull_lang(endpoint, values):
        lang = (values or {}).pop("lang", None)
        g.lang = lang
        if lang not in current_app.config["SUPPORTED_LOCALES"]:
            abort(404)

    @bp.url_defaults
    def add_lang(endpoint, values):
        lang = getattr(g._get_current_object(), "lang", None)  # every url_for: no proxy reads
        if "lang" not in values and lang:
            values["lang"] = lang

    return bp
