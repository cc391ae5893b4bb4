"""Plain-language sentences for the results page that depend on the track and relief.

The reason sentences live in ``webapp.reason_text`` beside the engine's codes; this module holds
the headline and what to do next, which depend on the whole result rather than on one reason.
Headlines are no surer than the law (issue 10 item 6): a presumed result "can probably" be
granted, a still-serving petition can be refused for an unreasonable risk to public safety, and
a felony the law keeps is called that, not "not covered".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from ..eligibility import LAW
from ..i18n import catalog, gettext, lazy_text, pgettext
from ..reason_text import FELONY_KEPT_TEXT, PRESUMED_RELIEF_TEXT, RELIEF_TEXT

_ASKS = ("dismiss", "reduce_to_infraction", "reduce_to_misdemeanor")


def _codes(result: Mapping) -> list[str]:
    return [reason["code"] if isinstance(reason, Mapping) else reason for reason in result.get("reasons", ())]


def relief_text(result: Mapping | str) -> str:
    """The headline for one result (or, given only a relief, the plain headline for it)."""
    if isinstance(result, str):
        return lazy_text(RELIEF_TEXT.get(result, result))
    relief = result["relief"]
    if relief == "not_eligible" and any(code.endswith("_KEEPS_FELONY") for code in _codes(result)):
        return lazy_text(FELONY_KEPT_TEXT)
    if relief not in _ASKS:
        return lazy_text(RELIEF_TEXT.get(relief, relief))
    headline = lazy_text((PRESUMED_RELIEF_TEXT if result.get("presumed") else RELIEF_TEXT)[relief])
    if result.get("track") == "petition":
        # Two whole sentences, each translated as a whole.
        return headline + " " + gettext(
            "The court can still say no if it finds you would be an unreasonable risk to public safety."
        )
    return headline


def track_text(track: str, relief: str) -> str:
    if relief in ("no_change", "not_eligible"):
        return gettext(
            "There is nothing to file under Proposition 64 for this conviction. The other options "
            "below may still help."
        )
    if relief == "needs_review":
        # Not "the court must grant it": the conviction is not yet known to qualify (item 9).
        return gettext(
            "Have a lawyer check this conviction before you file. If it qualifies, you would file "
            "with the court that convicted you, and the lawyer can tell you which form to use."
        )
    if track == "juvenile":
        return gettext(
            "Because the case was in juvenile court, you ask the juvenile court in that county. You "
            "use form JV-744 (Request to Reduce Juvenile Marijuana Offense). The public defender or "
            "the court's self-help center can help you fill it in."
        )
    if track == "petition":
        return gettext(
            "Because you are still serving the sentence, you file a petition (form CR-400, item 2a) "
            "with the court that convicted you. The court must grant it unless the prosecutor proves "
            "you do not qualify. It can also say no if it finds you are an unreasonable risk to "
            "public safety. There may be a hearing."
        )
    if track == "application":
        # HS 11361.8(g): a hearing is not necessary unless the applicant asks for one (law.md 1.1 [M]).
        return gettext(
            "Because you have finished the sentence, you file an application (form CR-400, item 2b) "
            "with the court that convicted you. The court must grant it unless the prosecutor proves "
            "you do not qualify. The court may decide without a hearing."
        )
    return gettext(
        "If you are still serving any part of the sentence, you file a petition. If you have "
        "finished it, you file an application. Both use form CR-400. The court clerk or the public "
        "defender can tell you which applies."
    )


_CODE_NAMES = {
    "Health and Safety Code": lambda: gettext("Health and Safety Code"),
    "Penal Code": lambda: gettext("Penal Code"),
    "Welfare and Institutions Code": lambda: gettext("Welfare and Institutions Code"),
}
# "Health and Safety Code section 11361.8(b), (f)" and "Penal Code sections 4573.6 and 4573.8":
# the code, "section(s)", then the numbers up to a ";", a bracket or the end.
_CITATION = re.compile(
    r"(?P<code>Health and Safety Code|Penal Code|Welfare and Institutions Code) "
    r"(?P<word>sections?) (?P<numbers>[0-9][^;(]*?(?:\([^;)]*\)[^;(]*?)*)(?=;|$| \((?!\w\))| as )"
)


def _one_citation(match: re.Match) -> str:
    code = _CODE_NAMES[match["code"]]()
    numbers = match["numbers"].replace(" and ", " " + pgettext("between section numbers", "and") + " ")
    numbers = numbers.replace(" to ", " " + pgettext("between section numbers", "to") + " ")
    if match["word"] == "sections":
        # Translators: Spanish puts the numbers first: "secciones 11357 a 11360 del Código ...".
        return gettext("%(code)s sections %(numbers)s", code=code, numbers=numbers)
    # Translators: Spanish puts the number first: "sección 11361.9 del Código de Salud y Seguridad".
    return gettext("%(code)s section %(numbers)s", code=code, numbers=numbers)


def cite(citation: str) -> str:
    """Citations stay exact for lawyers; the code's name and the order of words follow the page's
    language, in one style ("sección 11361.9 del Código de Salud y Seguridad")."""
    known = _engine_citations_in(catalog())
    return known[citation] if citation in known else _cited(citation)


@lru_cache(maxsize=32)  # one entry per language's catalog
def _engine_citations_in(language_catalog) -> dict[str, str]:
    """Every citation the engine can give (its reasons' and remedies'), worked out at once for the
    language of ``language_catalog``, which is this request's own: a results page cites a dozen,
    the same few on every page. All of them, so the table is the same whoever asked first."""
    every = {*LAW.citations.values(), *LAW.remedy_citations.values()}
    return {citation: _cited(citation) for citation in every}


def _cited(citation: str) -> str:
    text = _CITATION.sub(_one_citation, citation)
    for english, translated in _CODE_NAMES.items():
        if english in text:
            text = text.replace(english, translated())
    return text
