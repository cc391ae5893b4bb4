"""The clinic CSV's columns: the contract's field names, and what a header row means.

Column names are the contract's names (shared/spec/eligibility-contract.md) so that a clinic's
spreadsheet, the JSON API and the web check all speak one vocabulary. Headers are matched after
trimming, lower-casing and turning spaces and hyphens into underscores, because spreadsheets
are typed by people ("Client ID", "date-of-birth").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from webapp import languages
from webapp.eligibility import vocabulary

from . import messages as m

CLIENT_ID = "client_id"
LANG = "lang"
AS_OF = "as_of"

# One per conviction: exactly the contract's conviction fields, as the engine lists them.
CONVICTION = vocabulary.CONVICTION_FIELDS
# One per client, repeated on each of the client's rows or given once (on any row).
PERSON = vocabulary.PERSON_FIELDS
PETITIONER = ("name", "street", "city", "state", "zip", "phone", "email")
# The contract's petitioner.attorney object, flattened: a clinic files on its clients' behalf.
ATTORNEY = {"attorney_name": "name", "attorney_bar_number": "bar_number", "attorney_firm": "firm"}
# The attorney's or firm's own address, phone and email for the form captions (never the client's).
ATTORNEY_CONTACT = {f"attorney_{key}": key for key in ("street", "city", "state", "zip", "phone", "email")}
# The packet's CR-400 items 3 and 4, as yes/no.
WAIVERS = ("waive_original_judge", "waive_appearance")
CLIENT = (LANG, AS_OF, *PERSON, *PETITIONER, *ATTORNEY, *ATTORNEY_CONTACT, *WAIVERS)
PACKET = (*PETITIONER, *ATTORNEY, *ATTORNEY_CONTACT, *WAIVERS)

KNOWN = frozenset((CLIENT_ID, *CONVICTION, *CLIENT))
REQUIRED = (CLIENT_ID, "section")

# What we add to each row of the results CSV. When a results file comes back (an advocate fixes
# a row and uploads it again), these are recognised and worked out afresh, not echoed twice.
RESULT = ("relief", "track", "form", "presumed", "reasons", "automatic_review", "problems")

# The template's column order: who, then how to reach them, then each conviction, then extras.
TEMPLATE_ORDER = (
    CLIENT_ID, LANG, *PETITIONER, *PERSON, *CONVICTION, *ATTORNEY, *ATTORNEY_CONTACT, *WAIVERS,
)

_SEPARATORS = re.compile(r"[\s\-]+")


def normalise(name: str) -> str:
    return _SEPARATORS.sub("_", name.strip().strip("\ufeff\u200b").strip()).lower()


def letter(index: int) -> str:
    """A column's spreadsheet letter: 0 -> A, 25 -> Z, 26 -> AA (advocates see these in Excel)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


@dataclass(frozen=True)
class Layout:
    """Which cell of a row holds which field, and the input columns echoed in the results."""

    width: int  # cells in the header row
    where: dict[str, int]  # field -> index of its cell
    echoed: tuple[int, ...]  # indexes of the input columns written back (result columns dropped)
    notices: tuple[m.Problem, ...]  # unknown or ignored columns: reported, never silently dropped


def read_header(cells: list[str], row: int, has_data: set[int]) -> Layout:
    """The layout of a header row, or HeaderError listing every problem with it.

    ``has_data`` holds the indexes of columns with a value in some row: an unnamed column that
    is empty everywhere (Excel's trailing commas) is harmless, one with data is reported.
    """
    where: dict[str, int] = {}
    errors: list[m.Problem] = []
    notices: list[m.Problem] = []
    echoed: list[int] = []
    for index, raw in enumerate(cells):
        name = normalise(raw)
        if name in where:
            errors.append(m.Problem(m.DUPLICATE_HEADER, row, raw.strip(), {
                "first": letter(where[name]), "second": letter(index), "name": raw.strip()}))
            continue
        if name in KNOWN:
            where[name] = index
            echoed.append(index)
        elif name in RESULT:
            notices.append(m.Problem(m.RESULT_COLUMN_IGNORED, row, raw.strip(), {"name": raw.strip()},
                                     warning=True))
        elif not name:
            if index in has_data:
                notices.append(m.Problem(m.UNNAMED_COLUMN, row, None, {"letter": letter(index)},
                                         warning=True))
        else:
            echoed.append(index)
            notices.append(_unknown(raw.strip(), index, row))
    if not errors:
        errors += [m.Problem(m.MISSING_COLUMN, row, name, {"name": name}) for name in REQUIRED
                   if name not in where]
    if errors:
        raise m.FileProblems(errors)
    return Layout(len(cells), where, tuple(echoed), tuple(notices))


def _unknown(name: str, index: int, row: int) -> m.Problem:
    close = difflib.get_close_matches(normalise(name), sorted(KNOWN), n=1, cutoff=0.75)
    params = {"letter": letter(index), "name": name}
    if close:
        return m.Problem(m.UNKNOWN_COLUMN_SUGGEST, row, name, {**params, "suggestion": close[0]},
                         warning=True)
    return m.Problem(m.UNKNOWN_COLUMN, row, name, params, warning=True)


def _values() -> dict[str, str]:
    # The engine's own vocabulary, so the help page cannot drift from what is accepted.
    from webapp.eligibility import screening

    values = {name: ", ".join(choices) for name, choices in vocabulary.CHOICES.items()}
    values.update({
        LANG: ", ".join(languages.CODES),
        AS_OF: "YYYY-MM-DD",
        "date_of_birth": "YYYY-MM-DD",
        "offense_date": "YYYY-MM-DD, YYYY",
        "age_at_offense": f"0 … {screening.MAX_AGE}, " + ", ".join(vocabulary.AGE_BANDS),
        "prior_same_offense_convictions": ", ".join((*map(str, vocabulary.PRIOR_COUNTS), vocabulary.UNKNOWN)),
        "waive_original_judge": "yes, no",
        "waive_appearance": "yes, no",
    })
    return values


VALUES = _values()
