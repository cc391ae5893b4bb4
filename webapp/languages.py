"""The languages of the site: the one list that every page, menu, catalog check and packet reads.

Pure data, no Flask. Adding a language is its catalog in ``translations/<catalog>/`` and one line
in ``LANGUAGES``. Each language has two names for two machines: ``code`` is the BCP 47 tag used in
the URL (``/zh-Hant/``) and in ``lang``/``hreflang``; ``catalog`` is the Babel locale of its
directory (``zh_Hant``). They differ only where BCP 47 and gettext spell a script differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


@dataclass(frozen=True)
class Language:
    code: str  # URL segment and lang/hreflang value, BCP 47: "es", "zh-Hant"
    catalog: str  # Babel locale and translations/ directory: "es", "zh_Hant"
    name: str  # the language's name in itself, as the menu shows it
    # False until a certified court interpreter has reviewed the translation: every page in the
    # language then says so, because legal words translated loosely can mislead.
    reviewed: bool = False

    @property
    def source(self) -> bool:
        """English is the language the strings are written in: it has no catalog to check."""
        return self.code == DEFAULT


DEFAULT = "en"

LANGUAGES: tuple[Language, ...] = (
    Language("en", "en", "English", reviewed=True),
    Language("es", "es", "Español"),
    Language("vi", "vi", "Tiếng Việt"),
    Language("zh-Hant", "zh_Hant", "繁體中文"),
    Language("ko", "ko", "한국어"),
)

BY_CODE = {language.code: language for language in LANGUAGES}
CODES = tuple(BY_CODE)


def get(code: str | None) -> Language | None:
    return BY_CODE.get(code or "")


def catalog_locale(code: str) -> str:
    """The Babel locale for a URL code; English for anything unknown."""
    language = BY_CODE.get(code)
    return language.catalog if language else DEFAULT


def from_path(path: str) -> str:
    """The language code a URL starts with (``/es/check`` -> ``es``), English when none."""
    first = path.strip("/").split("/", 1)[0]
    return first if first in BY_CODE else DEFAULT


def catalog_problems(directory: Path | None = None, languages=None) -> list[str]:
    """What is wrong with the catalogs of the listed languages, one sentence each: no compiled
    ``.mo`` (what the site reads), or a ``.mo`` older than its ``.po`` (compiled before the last edit)."""
    problems = []
    for language in LANGUAGES if languages is None else languages:
        if language.source:
            continue
        folder = Path(directory or TRANSLATIONS) / language.catalog / "LC_MESSAGES"
        po, mo = folder / "messages.po", folder / "messages.mo"
        if not mo.is_file():
            problems.append(f"{language.code}: no compiled catalog at {mo}")
        elif po.is_file() and mo.stat().st_mtime < po.stat().st_mtime:
            problems.append(f"{language.code}: {mo} is older than {po.name}; compile the catalogs again")
    return problems
