"""The URL is the source of truth for the language: every page lives under /en/ or /es/.

There is no language cookie and no redirect from Accept-Language: a printed flyer's /es/ link
always opens in Spanish, and the switch on each page leads to the same page in the other language.
"""

import logging

from babel import support
from flask import Blueprint, abort, current_app, g, request
from flask_babel import Babel, Domain, get_locale

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def locale_from_path(path: str) -> str:
    first = path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGE_NAMES else "en"


def select_locale() -> str:
    lang = getattr(g, "lang", None)
    if lang in current_app.config["SUPPORTED_LOCALES"]:
        return lang
    # Error pages outside a language blueprint (404 under /es/…, 413) still follow the URL.
    if request:
        return locale_from_path(request.path)
    return "en"


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
        context = g._get_current_object().__dict__.get("_flask_babel") if g else None
        locale = getattr(context, "babel_locale", None)
        memo = getattr(context, "crr_translations", None)
        if memo is not None and locale is not None and memo[0] is locale:
            return memo[1]
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
    # Flask-Babel builds its domain lazily (a cached property); set ours in its place.
    babel.domain_instance = FallbackDomain(domain=app.config.get("BABEL_DOMAIN", "messages"))
    with app.app_context():
        _warn_about_missing_catalogs(app, babel)
    return babel


def _warn_about_missing_catalogs(app, babel) -> None:
    available = {str(locale) for locale in babel.list_translations()}
    missing = [loc for loc in app.config["SUPPORTED_LOCALES"] if loc != "en" and loc not in available]
    if missing:
        # A missing catalog must not take the site down: pages fall back to English.
        log.warning("Translation catalogs missing for %s; those pages fall back to English.", missing)


def other_language(lang: str) -> str:
    return "es" if lang == "en" else "en"


def language_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint whose every URL starts with /en/ or /es/: the language is taken off the URL into
    ``g.lang`` (404 for any other code) and put back on every ``url_for`` made while serving it."""
    bp = Blueprint(name, import_name, url_prefix="/<lang>")

    @bp.url_value_preprocessor
    def pull_lang(endpoint, values):
        g.lang = (values or {}).pop("lang", None)
        if g.lang not in current_app.config["SUPPORTED_LOCALES"]:
            abort(404)

    @bp.url_defaults
    def add_lang(endpoint, values):
        if "lang" not in values and getattr(g, "lang", None):
            values["lang"] = g.lang

    return bp
