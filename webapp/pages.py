"""The pages outside a language (the chooser at /) and what every template is given: the
language menu, the translation note, and the result-sentence helpers."""

from dataclasses import dataclass
from functools import lru_cache

from flask import Flask, current_app, g, render_template, request, url_for
from flask_babel import force_locale
from markupsafe import Markup

from . import counties, languages
from .i18n import catalog, gettext, lazy_text, pgettext

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


def _chooser_entry(language: languages.Language) -> dict:
    """What the chooser at / says about one language, in that language (from its own catalog)."""
    with force_locale(language.catalog):
        return {
            "language": language,
            "title": gettext("Cannabis Record Relief"),
            "lead": gettext(
                "Check if an old California cannabis conviction can be cleared under Proposition 64."
            ),
            # Translators: the button on the first page that starts the site in your language.
            "start": pgettext("language chooser", "Start in English"),
        }


@lru_cache(maxsize=32)  # one entry per language's catalog
def _free_help_in(language_catalog, environment, report_address: str) -> dict[str, Markup]:
    """Each county's free-help block (packet/free_help.html) drawn at once for the language of
    ``language_catalog``, which is this request's own, and the wrong-fact address it links to.
    It is sourced county data and fixed sentences, the same for everyone, and a results page
    draws one per conviction, a sixth of its cost. Every county, so the table is the same
    whoever asked first."""
    template = environment.get_template("packet/free_help.html")
    return {county.slug: Markup(template.render(county=county))  # noqa: S704 (our template, autoescaped)
            for county in counties.all_counties()}


def free_help(county: counties.County) -> Markup:
    """The free-help block of ``county`` in this page's language."""
    drawn = _free_help_in(catalog(), current_app.jinja_env, counties.fact_report_address())
    return drawn[county.slug]


def init_app(app: Flask) -> None:
    from .flow.result_text import cite, relief_text, track_text
    from .reason_text import REASON_TEXT
    from .remedy_text import REMEDY_TEXT

    @app.get("/")
    def choose_language():
        g.lang = languages.DEFAULT
        entries = [_chooser_entry(language) for language in languages.LANGUAGES]
        return render_template("choose_language.html", entries=entries)

    app.jinja_env.globals.update(
        relief_text=relief_text,
        track_text=track_text,
        cite=cite,
        free_help=free_help,
        reason_text=lambda code: lazy_text(REASON_TEXT.get(code, code)),
        remedy_text=lambda code: lazy_text(REMEDY_TEXT.get(code, code)),
    )

    @app.context_processor
    def page_context():
        lang = getattr(g._get_current_object(), "lang", None) or languages.from_path(request.path)
        menu = language_menu(lang)
        listed = languages.get(lang)
        unreviewed = listed is not None and not listed.reviewed
        return {
            "lang": lang,
            "language_menu": menu if menu[0].href is not None else [],
            "unreviewed": unreviewed,
            # Only an unreviewed translation links to English (base.html); the menu has built it.
            "english_url": next(e.href for e in menu if e.language.code == languages.DEFAULT)
            if unreviewed else None,
        }
