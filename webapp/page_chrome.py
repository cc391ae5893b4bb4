"""What every page shows around its content: the stylesheet and alternate-language links, the
header with the language menu, the translation note and the footer's fixed sentences.

They depend on the page's language and address alone, and drawing them (the menu's address in
every language, a dozen translated sentences) was about a tenth of a question page. So each is
drawn once per language and route (templates/chrome/) and kept, in a bounded table per process.

What the key holds, and why that is safe to keep: the catalog and language, the route's endpoint
and the values in its address (a conviction's number, a question's name), never an answer, a
form value or a query string. A page with a query string, or an error page (whose address may be
anything typed), is drawn afresh and not kept, so the table cannot grow past the site's routes
and holds nothing a person typed.
"""

from dataclasses import dataclass
from functools import lru_cache

from flask import current_app, g, request, url_for
from markupsafe import Markup

from . import languages
from .i18n import catalog

# Stands for the language code while this page's address is built once for every language.
_SLOT = "crr-language-slot"


def _same_page_in(code: str) -> str | None:
    """This page, with the same answers and query, in another language (None on the chooser)."""
    # The request itself, not its proxy: each read through the proxy costs a failed lookup first.
    req = request._get_current_object()
    endpoint = getattr(g._get_current_object(), "language_menu_endpoint", None)
    if endpoint:
        return url_for(endpoint, lang=code)  # a page that answers a POST cannot be fetched again
    rule = req.url_rule
    if rule is not None and "<lang>" in rule.rule:
        args = {**req.args.to_dict(), **(req.view_args or {}), "lang": code}
        return url_for(req.endpoint, **args)
    if req.endpoint == "choose_language":
        return None  # the chooser is already in every language
    return f"/{code}/"  # error pages outside a language route


def _same_page_in_each() -> dict[str, str | None]:
    """``_same_page_in`` for every listed language. The address is built once, with a stand-in
    for the code, when the code is a path segment of its own (every language blueprint's
    /<lang> prefix): building it afresh for each language cost a tenth of a question page."""
    codes = [language.code for language in languages.LANGUAGES]
    template = _same_page_in(_SLOT)
    if template is None or f"/{_SLOT}/" not in template + "/":
        return {code: _same_page_in(code) for code in codes}
    return {code: template.replace(f"/{_SLOT}", f"/{code}", 1) for code in codes}


@dataclass(frozen=True, slots=True)
class MenuEntry:
    """One language in the menu. Not a dict: the template reads ``entry.href`` and Jinja tries
    an attribute before a key, so a dict costs a caught AttributeError per read (36 a page)."""

    language: languages.Language
    href: str | None
    current: bool


def language_menu(current: str) -> list[MenuEntry]:
    hrefs = _same_page_in_each()
    return [MenuEntry(language, hrefs[language.code], language.code == current)
            for language in languages.LANGUAGES]


# Five languages' routes, the question pages of up to fifty convictions included, fit easily.
KEPT_PAGES = 2048


@dataclass(frozen=True, slots=True)
class Chrome:
    """Not a dict: the template reads ``chrome.head``, and Jinja tries an attribute first."""

    head: Markup
    header: Markup
    footer: Markup


def no_kept_chrome() -> None:
    """Draw this response's chrome afresh and do not keep it (error pages call this)."""
    g.crr_chrome_fresh = True


def page_chrome(lang: str) -> Chrome:
    """The chrome of this request's page in ``lang``, the page's language that every template is
    given (pages.py); base.html calls this once."""
    key = route_key()
    return _draw(lang) if key is None else _kept(key, lang)


def route_key() -> tuple | None:
    """What this page's chrome depends on besides its language, or None when it must be drawn
    afresh and not kept: a query string, an address no route matched, an error page."""
    req = request._get_current_object()  # read many times: not through the proxy
    state = g._get_current_object()
    if req.query_string or req.url_rule is None or getattr(state, "crr_chrome_fresh", False):
        return None
    view_args = tuple(sorted((req.view_args or {}).items()))
    return (current_app.jinja_env, catalog(), req.script_root, req.endpoint, view_args,
            getattr(state, "language_menu_endpoint", None))


@lru_cache(maxsize=KEPT_PAGES)
def _kept(key: tuple, lang: str) -> Chrome:
    # Everything _draw reads from the request is in the key or the language.
    return _draw(lang)


def _draw(lang: str) -> Chrome:
    menu = language_menu(lang)
    listed = languages.get(lang)
    unreviewed = listed is not None and not listed.reviewed
    context = {
        "lang": lang,
        "language_menu": menu if menu[0].href is not None else [],
        "unreviewed": unreviewed,
        # Only an unreviewed translation links to English; the menu has built that address.
        "english_url": next(e.href for e in menu if e.language.code == languages.DEFAULT)
        if unreviewed else None,
    }
    environment = current_app.jinja_env
    return Chrome(*(Markup(environment.get_template(f"chrome/{part}.html").render(context))  # noqa: S704 (our templates, autoescaped)
                    for part in ("head", "header", "footer")))
