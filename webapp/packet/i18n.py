"""Translations for the packet's instruction pages, without Flask.

The packet renders from the command line too, so it reads the compiled catalogs itself. The
forms and the attachment are always English (they are filed with the court); only the pages
written for the person are translated.
"""

from __future__ import annotations

import gettext
import logging
from functools import cache
from pathlib import Path

from babel.support import Translations

from webapp import languages

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "translations"
log = logging.getLogger(__name__)


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog for `lang`; English (no translation) when it is missing.

    A missing Spanish catalog must not stop a person from getting their forms: the packet falls
    back to English and the fault is logged once per process (cache), not on every render.
    """
    if lang == languages.DEFAULT:
        return gettext.NullTranslations()
    try:
        loaded = Translations.load(str(TRANSLATIONS_DIR), [languages.catalog_locale(lang)])
    except Exception as error:  # a corrupt .mo: bad magic number, truncated tables, ...
        log.error("Compiled catalog for %r cannot be read (%s); packet instructions fall back to English.",
                  lang, type(error).__name__)
        return gettext.NullTranslations()
    if not isinstance(loaded, Translations):
        log.warning("No compiled catalog for %r in %s; packet instructions fall back to English.",
                    lang, TRANSLATIONS_DIR)
    return loaded
