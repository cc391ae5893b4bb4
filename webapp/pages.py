"""The pages outside a language (the chooser at /) and what every template is given: the page's
language, its chrome (page_chrome.py) and the result-sentence helpers."""

from functools import lru_cache

from flask import Flask, current_app, g, render_template, request
from flask_babel import force_locale
from markupsafe import Markup

from . import counties, languages
from .i18n import catalog, gettext, lazy_text, pgettext
from .page_chrome import page_chrome


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
        page_chrome=page_chrome,
        reason_text=lambda code: lazy_text(REASON_TEXT.get(code, code)),
        remedy_text=lambda code: lazy_text(REMEDY_TEXT.get(code, code)),
    )

    @app.context_processor
    def page_context():
        # What base.html shows around the content comes from page_chrome(lang).
        return {"lang": getattr(g._get_current_object(), "lang", None) or languages.from_path(request.path)}
