"""Turn the stored answer codes into the engine's screening (the contract's input).

Each question's declaration says how its answer reaches the engine (``to_contract``) or that it
does not (``page_only``); only the offense date is put together from two page-only answers.
"""

from .. import counties
from ..eligibility import LAW, vocabulary
from .questions import BY_NAME, CONVICTION_QUESTIONS, CUTOFF_YEAR, PERSON_QUESTIONS


def offense_date(c: dict) -> str | None:
    """The year as given, or for the cutoff year the side of the cutoff the person told us."""
    year = c.get("offense_date")
    if not year or year == vocabulary.UNKNOWN:
        return None
    if year == str(CUTOFF_YEAR):
        effective = LAW.prop64_effective_date
        before = effective.fromordinal(effective.toordinal() - 1)
        side = {vocabulary.YES: before, vocabulary.NO: effective}.get(c.get("offense_before_cutoff"))
        return side.isoformat() if side else year
    return year


def _contract_fields(answers: dict, names: tuple[str, ...]) -> dict:
    out: dict = {}
    for name in names:
        question = BY_NAME[name]
        if question.page_only or name not in answers:
            continue
        value = question.to_contract(answers[name])
        if value is not None:
            out[name] = value
    return out


def conviction_to_contract(position: int, c: dict, filing: bool = False) -> dict:
    out: dict = {"id": str(position + 1), "section": c.get("section", vocabulary.UNKNOWN)}
    out.update(_contract_fields(c, CONVICTION_QUESTIONS))
    if filing:
        # Where to file and whom to serve change no outcome; only the packet reads them.
        out.update({name: c[name] for name in counties.FILING_FIELDS if c.get(name)})
    date = offense_date(c)
    if date:
        out["offense_date"] = date
    return out


def build_screening(answers: dict, as_of: str | None = None, *, filing: bool = False) -> dict:
    """The engine's screening; with ``filing``, also the courthouse and prosecuting city the packet
    prints (webapp/counties.py FILING_FIELDS)."""
    screening = {
        "person": _contract_fields(answers.get("person", {}), PERSON_QUESTIONS),
        "convictions": [
            conviction_to_contract(i, c, filing) for i, c in enumerate(answers.get("convictions", []))
        ],
    }
    if as_of:
        screening["as_of"] = as_of
    return screening
