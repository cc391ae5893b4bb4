"""How a stored answer code reads on the check-answers page, in the page's language."""

from functools import lru_cache

from .. import counties
from ..eligibility import vocabulary
from ..i18n import catalog, lazy_text
from ..i18n import gettext as _
from .questions import BY_NAME

NAMED_SECTIONS = (*vocabulary.HSC_SECTIONS, vocabulary.PRISON_SECTION)


def answer_label(question: str, value: str, conviction: dict | None = None) -> str:
    return BY_NAME[question].label(value, conviction)


def question_text(question: str, several: bool = False, conviction: dict | None = None) -> str:
    return lazy_text(BY_NAME[question].asked_text(several, conviction))


def conviction_title(number: int, c: dict) -> str:
    """A conviction named in context: its number, what it was for in plain words, and its county."""
    county, section = c.get("county"), c.get("section")
    return _title(catalog(), number, county if isinstance(county, str) else None,
                  section if isinstance(section, str) else None)


@lru_cache(maxsize=4096)
def _title(language, number: int, county_slug: str | None, section: str | None) -> str:
    # Made once per language and answers: every question page about one of several convictions
    # is captioned with it (about 8% of such a page: a county lookup, a label, a sentence).
    # ``language`` is the request's catalog, which the sentences below are read through.
    county = counties.find(county_slug) if county_slug not in (None, vocabulary.UNKNOWN) else None
    # "Something else" or "I'm not sure" would not name the case; only a known section does.
    words = answer_label("section", section) if section in NAMED_SECTIONS else None
    if county and words:
        return _("Conviction %(number)s: %(section)s, %(county)s County", number=number, section=words,
                 county=county.name)
    if county:
        return _("Conviction %(number)s: %(county)s County", number=number, county=county.name)
    if words:
        return _("Conviction %(number)s: %(section)s", number=number, section=words)
    return _("Conviction %(number)s", number=number)


def removed_message(number: int, county_slug: str | None) -> str:
    county = counties.find(county_slug) if county_slug else None
    if county:
        return _("Conviction %(number)s (%(county)s County) was removed.", number=number, county=county.name)
    return _("Conviction %(number)s was removed.", number=number)
