"""Turn the stored answer codes into the engine's screening (the contract's input)."""

from .path import CONVICTION_QUESTIONS

# Answers that are page-only and do not map one-to-one onto a contract field.
_PAGE_ONLY = {"offense_date", "offense_before_cutoff"}


def offense_date(c: dict) -> str | None:
    """The year as given, or for 2016 the side of 2016-11-09 the person told us."""
    year = c.get("offense_date")
    if not year or year == "unknown":
        return None
    if year == "2016":
        return {"yes": "2016-11-08", "no": "2016-11-09"}.get(c.get("offense_before_cutoff"), "2016")
    return year


def conviction_to_contract(position: int, c: dict) -> dict:
    out: dict = {"id": str(position + 1), "section": c.get("section", "unknown")}
    for question in CONVICTION_QUESTIONS:
        if question in _PAGE_ONLY or question == "section" or question not in c:
            continue
        value = c[question]
        # An unknown county is left out (the engine then says it cannot tell); an unknown court
        # is passed on, so the engine sends the case to review rather than to adult court.
        if value == "unknown" and question == "county":
            continue
        if question == "prior_same_offense_convictions" and value != "unknown":
            value = int(value)
        out[question] = value
    date = offense_date(c)
    if date:
        out["offense_date"] = date
    return out


def build_screening(answers: dict, as_of: str | None = None) -> dict:
    screening = {
        "person": dict(answers.get("person", {})),
        "convictions": [conviction_to_contract(i, c) for i, c in enumerate(answers.get("convictions", []))],
    }
    if as_of:
        screening["as_of"] = as_of
    return screening
