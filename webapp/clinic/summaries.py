"""The one-page summary a client reads and confirms before anything is filed, in their language.

Each client's section is rendered under the client's own locale, so a Spanish-speaking
client's page is in Spanish whatever the language of the advocate's page. The web page puts all
sections on one printable page (a page break between clients); the command line writes one PDF
per client with the same template and the site's stylesheet.
"""

from __future__ import annotations

from functools import cache

from flask import render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from webapp import counties
from webapp.config import ROOT
from webapp.flow.labels import answer_label
from webapp.flow.result_text import relief_text
from webapp.languages import catalog_locale

LEVELS = {
    "felony": _l("Felony"),
    "misdemeanor": _l("Misdemeanor"),
    "infraction": _l("Infraction"),
}
NOT_KNOWN = _l("Not known")
IN_SCOPE = ("11357", "11358", "11359", "11360")
STYLESHEET = ROOT / "webapp" / "static" / "css" / "site.css"


def _line(row) -> dict:
    """What the client checks for one conviction: the facts as we read them, and the outcome."""
    conviction, result = row.conviction, row.result
    county = counties.find(result["county"]) if result.get("county") else None
    section = conviction.get("section", "")
    if conviction.get("subdivision"):
        section = f"{section}({conviction['subdivision']})"
    return {
        "row": row.number,
        "id": result["id"],
        "section": section,
        "description": answer_label("section", result["section"]) if result["section"] in IN_SCOPE else None,
        "county": county.name if county else None,
        "case_number": result.get("case_number"),
        "offense_date": conviction.get("offense_date"),
        "level": str(LEVELS.get(conviction.get("level", ""), NOT_KNOWN)),
        "relief": result["relief"],
        # The same headline as the results page: as sure as the law ("can probably be…" when presumed,
        # the public-safety refusal on the serving track, kept felonies named as such).
        "relief_text": relief_text(result),
        "presumed": result["presumed"],
    }


def _counties(client) -> list:
    """The counties of the client's convictions, each once, in the order of the rows."""
    found = {}
    for row in client.rows:
        slug = row.result.get("county")
        county = counties.find(slug) if slug else None
        if county:
            found.setdefault(county.slug, county)
    return list(found.values())


def section(client, as_of) -> Markup:
    """One client's summary as HTML, in the client's language."""
    with force_locale(catalog_locale(client.lang)):
        html = render_template(
            "clinic/_summary.html",
            client=client,
            lines=[_line(row) for row in client.rows],
            help_counties=_counties(client),
            as_of=as_of,
            summary_lang=client.lang,
        )
    return Markup(html)  # noqa: S704 (rendered by our own autoescaping template)


@cache
def _stylesheet():
    from weasyprint import CSS

    return CSS(filename=str(STYLESHEET))


def pdf(client, as_of) -> bytes:
    """The client's summary as a one-page PDF (the command line's --summaries), no site chrome."""
    from weasyprint import HTML

    with force_locale(catalog_locale(client.lang)):
        html = render_template("clinic/summary_document.html", summary=section(client, as_of),
                               summary_lang=client.lang)
    return HTML(string=html).write_pdf(stylesheets=[_stylesheet()])
