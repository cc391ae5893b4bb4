"""Plain-language sentences for the results page that depend on the track and relief.

The reason sentences live in ``webapp.reason_text`` beside the engine's codes; this module holds
what to do next, which is about the web journey rather than the law's reasons.
"""

from flask_babel import gettext

from ..reason_text import RELIEF_TEXT


def relief_text(relief: str) -> str:
    return str(RELIEF_TEXT.get(relief, relief))


def track_text(track: str, relief: str) -> str:
    if relief in ("no_change", "not_eligible"):
        return gettext(
            "There is nothing to file under Proposition 64 for this conviction. The other options "
            "below may still help."
        )
    if track == "juvenile":
        return gettext(
            "Because the case was in juvenile court, you ask the juvenile court in that county, "
            "using form JV-744 (Request to Reduce Juvenile Marijuana Offense). The public defender "
            "or the court's self-help center can help you fill it in."
        )
    if track == "petition":
        return gettext(
            "Because you are still serving the sentence, you file a petition (form CR-400, item 2a) "
            "with the court that convicted you. The court must grant it unless the prosecutor proves "
            "you do not qualify, or the court finds you would pose an unreasonable risk to public "
            "safety. There may be a hearing."
        )
    if track == "application":
        return gettext(
            "Because you have finished the sentence, you file an application (form CR-400, item 2b) "
            "with the court that convicted you. The court must grant it unless the prosecutor proves "
            "you do not qualify. There is no hearing unless you ask for one."
        )
    return gettext(
        "If you are still serving any part of the sentence, you file a petition; if you have finished "
        "it, an application. Both use form CR-400. The court clerk or the public defender can tell "
        "you which applies."
    )


_CODE_NAMES = {
    "Health and Safety Code": lambda: gettext("Health and Safety Code"),
    "Penal Code": lambda: gettext("Penal Code"),
    "Welfare and Institutions Code": lambda: gettext("Welfare and Institutions Code"),
}


def cite(citation: str) -> str:
    """Citations stay exact for lawyers; only the names of the codes follow the page's language."""
    text = citation
    for english, translated in _CODE_NAMES.items():
        if english in text:
            text = text.replace(english, translated())
    return text.replace(" section ", " " + gettext("section") + " ")
