"""HTML to PDF: the Jinja environment for the packet templates and the WeasyPrint call.

No Flask here: the command line and the batch tools render packets outside a request.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import jinja2
import pydyf
from weasyprint import CSS, HTML
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from webapp.eligibility.parameters import LAW
from webapp.packet import faster_pydyf, forms, i18n, layout_cache, markers, replay
from webapp.packet.fetcher import PACKET_DIR, PacketURLFetcher

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates" / "packet"
STYLESHEET = PACKET_DIR / "packet.css"
log = logging.getLogger(__name__)

# WeasyPrint shares fontconfig/Pango state: one render at a time per process.
_LOCK = threading.Lock()
# Parsed images by URL, kept across renders: only our two form drawings can ever be in it.
_IMAGES: dict = {}


@cache
def environment(lang: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # babel.cfg extracts {% trans %} blocks trimmed; look them up the same way.
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)
    env.filters["pt"] = _pt
    env.globals["split"] = forms.split
    # Legal numbers the instructions quote, from law.toml only (never typed into a sentence).
    env.globals["law"] = {"server_age": LAW.server_minimum_age}
    return env


def _pt(value: float) -> str:
    """12.0 -> "12pt", 36.3456 -> "36.346pt": short CSS lengths keep the markup small."""
    return f"{round(value, 3):g}pt"


class RenderError(RuntimeError):
    """The renderer refused a URL. WeasyPrint's fatal fetch errors are BaseExceptions, which would
    skip Flask's error handlers and end the gunicorn worker mid-request; this one is an Exception."""


_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")
_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


def _stylesheet() -> str:
    """packet.css, less any @font-face whose file is missing: the text then falls back to a system
    sans-serif font. The fetcher would refuse the missing file and stop every render; a packet in
    another typeface is better than no packet. Logged once: the result is cached by _styles."""

    def keep(rule: re.Match) -> str:
        missing = [url for url in _URL.findall(rule[0]) if not (PACKET_DIR / url).resolve().is_file()]
        if missing:
            log.error("Packet font missing (%s); the PDF uses a system font instead.", ", ".join(missing))
            return ""
        return rule[0]

    return _FONT_FACE.sub(keep, STYLESHEET.read_text(encoding="utf-8"))


@cache
def _styles() -> tuple[CSS, FontConfiguration]:
    # Parsed once per process: loading four font files on every render would cost more than
    # laying out the pages.
    fonts = FontConfiguration()
    css = CSS(
        string=_stylesheet(),
        base_url=PACKET_DIR.as_uri() + "/",
        font_config=fonts,
        url_fetcher=PacketURLFetcher(),
    )
    return css, fonts


def html(template: str, lang: str, **context) -> str:
    return environment(lang).get_template(template).render(**context)


# PDF/UA-1: tagged, titled, language set, so screen readers can read the forms.
_OPTIONS = {"pdf_variant": "pdf/ua-1", "cache": _IMAGES}


def _parse(markup: str) -> HTML:
    return HTML(string=markup, base_url=PACKET_DIR.as_uri() + "/", url_fetcher=PacketURLFetcher())


def _lay_out(html: HTML):
    css, fonts = _styles()
    return html.render(stylesheets=[css], font_config=fonts, **_OPTIONS)


def _render(markup: str):
    return _lay_out(_parse(markup))


def write_pdf(markup: str, checklists: Sequence[layout_cache.Checklist] = ()) -> bytes:
    """The PDF of `markup`; its <title> and <html lang> become the document's title and language.

    checklists: each court's checklist from the redacted packet, in the order of the markup's:
    what follows its last personal line is then laid out once per process (layout_cache.py).
    """
    try:
        with _LOCK:
            faster_pydyf.install()
            markers.install()
            document = layout_cache.lay_out(markup, checklists, _parse, _lay_out)
            replay.record_images(_IMAGES)
            for page in document.pages:
                _restore_printed_words(page._page_box)
            return document.write_pdf(finisher=_one_sided, **_OPTIONS)
    except FatalURLFetchingError as error:
        raise RenderError(str(error)) from error


# Laying out a form's printed words (about 90 positioned paragraphs a page) was most of a
# packet's render time, and they are the same in every packet. So a packet's form pages hold
# only the person's values and X marks (templates/packet/form.html), and each page gets back the
# words of its blank page, laid out once per process. The boxes are only read after layout
# (drawing and PDF/UA tagging), which WeasyPrint already does once per write_pdf call of a
# Document, so one laid-out copy can be drawn into every packet. Keyed by (form, page).
_BLANK_WORDS: dict[tuple[str, int], list] = {}


def _blank_words(form: str, number: int) -> list:
    key = (form, number)
    if key not in _BLANK_WORDS:
        template = '{% from "form.html" import blank_page %}<html><body>{{ blank_page(p) }}</body></html>'
        markup = environment("en").from_string(template).render(p=forms.blank(form, number))
        page_box = _render(markup).pages[0]._page_box
        section = _form_sections(page_box)[0]
        if replay.install():
            for word in section.children:
                replay.record(word, page_box)
        _BLANK_WORDS[key] = list(section.children)
    return _BLANK_WORDS[key]


def _form_sections(box) -> list:
    """The form-page <section> boxes of a page: children of <body> (templates/packet/packet.html).
    Only the page, <html> and <body> are searched: walking every box of the checklist pages too
    cost 2% of a packet."""
    tag = getattr(box, "element_tag", None)
    if tag == "section" and "form-page" in (box.element.get("class") or ""):
        return [box]
    if tag in ("html", "body") or isinstance(box, boxes.PageBox):
        return [found for child in getattr(box, "children", ()) for found in _form_sections(child)]
    return []


def _restore_printed_words(page_box) -> None:
    for section in _form_sections(page_box):
        order = section.element.get("data-order")
        if order is None:
            continue  # a blank page's own layout
        words = _blank_words(section.element.get("data-form"), int(section.element.get("data-page")))
        added = list(section.children)
        section.children = [words[k] if k >= 0 else added[-k - 1] for k in map(int, order.split())]


def _one_sided(document, pdf: pydyf.PDF) -> None:
    # Court papers go on one side of the paper (California Rules of Court, rule 2.102): ask the
    # print dialog for simplex, and show the document title rather than the file name.
    del document
    pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"Duplex": "/Simplex", "DisplayDocTitle": "true"})
