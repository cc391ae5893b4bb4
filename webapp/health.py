"""``/healthz`` (the process answers) and ``/readyz`` (it can do its job) for a platform's probes.

Ready means what a request needs and a deploy can break: the compiled translation catalogs, the
packet's fonts and the Pango library WeasyPrint draws them with, and the county data. Not Redis:
the rate limiter falls back to per-instance counts when the store is down, so the site still
works and must not be taken out of rotation for it. Neither answer sets a cookie or is limited.
"""

from __future__ import annotations

from babel.support import Translations
from flask import Blueprint, jsonify

from . import languages
from .config import ROOT
from .packet.fetcher import FONTS_DIR, PACKET_DIR

bp = Blueprint("health", __name__)

FONT_FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
              "LiberationSans-BoldItalic.ttf")
# The Traditional Chinese and Korean face (built by make packet-fonts, or the image's build): without
# it the renderer drops the @font-face and those pages, and any name typed in either script, print
# as empty boxes while the download still answers 200.
CJK_DIR = PACKET_DIR / "fonts"
CJK_FONT_FILES = ("PacketCJK-Regular.otf", "PacketCJK-Bold.otf")
_TRUETYPE = (b"\x00\x01\x00\x00", b"true")
_OPENTYPE_CFF = (b"OTTO",)


def _catalogs() -> str | None:
    folder = ROOT / "translations"
    missing = []
    for language in languages.LANGUAGES:
        if language.source:
            continue
        if not (folder / language.catalog / "LC_MESSAGES" / "messages.mo").is_file():
            missing.append(language.code)
            continue
        catalog = Translations.load(str(folder), [language.catalog])
        if not getattr(catalog, "_catalog", None):
            missing.append(language.code)
    return f"not compiled: {', '.join(missing)}" if missing else None


def _fonts() -> str | None:
    bad = []
    expected = [(FONTS_DIR / name, _TRUETYPE) for name in FONT_FILES]
    expected += [(CJK_DIR / name, _OPENTYPE_CFF) for name in CJK_FONT_FILES]
    for path, magic in expected:
        try:
            with path.open("rb") as font:
                if font.read(4) not in magic:
                    bad.append(path.name)
        except OSError:
            bad.append(path.name)
    if bad:
        return f"unreadable: {', '.join(bad)}"
    try:
        import weasyprint  # noqa: F401 (loads Pango and HarfBuzz from the system, or fails)
    except OSError as error:
        return f"system libraries missing: {type(error).__name__}"
    return None


def _counties() -> str | None:
    from . import counties

    try:
        return None if counties.all_counties() else "empty"
    except (OSError, ValueError) as error:
        return f"cannot be read: {type(error).__name__}"


CHECKS = {"catalogs": _catalogs, "fonts": _fonts, "county_data": _counties}


@bp.get("/healthz")
def healthz():
    return jsonify(status="alive")


@bp.get("/readyz")
def readyz():
    problems = {name: check() for name, check in CHECKS.items()}
    checks = {name: problem or "ok" for name, problem in problems.items()}
    if any(problems.values()):
        return jsonify(status="not ready", checks=checks), 503
    return jsonify(status="ready", checks=checks)
