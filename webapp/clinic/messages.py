"""Every problem the clinic can report, as whole translatable sentences naming the row and column.

A Problem holds a message template and its values; the sentence is made when it is shown, so it
follows the language of the page (or of the command line) that shows it. Row numbers are the
spreadsheet's: the header is row 1, blank lines count, as Excel numbers them.

The engine reports bad input as ``InputError(path, message)`` with an English message. Its
messages are matched here (``from_input_error``) to translated sentences; tests/clinic checks
that every message the engine and the packet can give has a match, so none reaches an advocate
in the wrong language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from flask import has_request_context
from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l

MAX_VALUE_SHOWN = 40


def number(value: int) -> Callable[[], str]:
    """A number written the page's way (50,000 or 50.000), decided when the message is shown."""
    return lambda: format_decimal(value) if has_request_context() else f"{value:,}"


@dataclass(frozen=True)
class Problem:
    template: object  # a lazy_gettext string holding %(row)s, %(column)s and the params
    row: int | None = None
    column: str | None = None
    params: Mapping[str, object] = field(default_factory=dict)
    warning: bool = False  # reported, but nothing was refused

    def text(self) -> str:
        values = {k: (v() if callable(v) else v) for k, v in self.params.items()}
        return str(self.template) % {"row": self.row, "column": self.column, **values}

    __str__ = text


class FileProblems(Exception):
    """The file as a whole cannot be read: no row is assessed."""

    def __init__(self, problems: list[Problem], status: int = 400):
        super().__init__(len(problems))
        self.problems = problems
        self.status = status


def shown(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= MAX_VALUE_SHOWN else value[: MAX_VALUE_SHOWN - 1] + "…"


# --- The file as a whole ----------------------------------------------------------------------

NOTHING_SENT = _l("Choose a CSV file, or paste the rows into the box.")
BOTH_SENT = _l("You chose a file and also pasted rows. Send one or the other.")
EMPTY_FILE = _l("The file is empty. Download the template to see what to put in it.")
NO_ROWS = _l("The file has a header row but no convictions below it.")
TOO_BIG = _l(
    "The file is larger than %(limit)s MB. Split it into smaller files and check them one at a time."
)
TOO_MANY_ROWS = _l(
    "The file has more than %(limit)s rows of convictions. Split it into smaller files and check them "
    "one at a time."
)
SPREADSHEET = _l(
    "This is an older Excel workbook (.xls), or a workbook we cannot open. In Excel, choose File, then "
    "Save As, then “Excel Workbook (.xlsx)” or “CSV UTF-8”, and upload that file."
)
NOT_TEXT = _l("This file is not a CSV text file. Save the spreadsheet as CSV and upload that file.")
# Translators: "commas, semicolons or tabs" are the characters allowed between columns.
ONE_COLUMN = _l(
    "Row %(row)s: we found only one column, “%(value)s”. Separate the columns with commas, semicolons "
    "or tabs, as in the template."
)
UNCLOSED_QUOTE = _l(
    "Row %(row)s: a quotation mark opened in this row is never closed, so the rest of the file cannot "
    "be read. Close the quotation mark or remove it."
)
TEXT_AFTER_QUOTE = _l(
    "Row %(row)s: a cell has text after its closing quotation mark. Put the whole cell inside the "
    "quotation marks."
)
CELL_TOO_LONG = _l(
    "Row %(row)s: a cell is longer than %(limit)s characters. Check for a quotation mark that is never "
    "closed."
)
UNREADABLE_ROW = _l("Row %(row)s cannot be read as CSV. Check its quotation marks and separators.")
DUPLICATE_HEADER = _l(
    "Row %(row)s: columns %(first)s and %(second)s are both named “%(name)s”. Rename or remove one of them."
)
MISSING_COLUMN = _l(
    "Row %(row)s: there is no %(name)s column. The first row must hold the column names, as in the "
    "template."
)

# --- Columns that are reported but do not stop anything ----------------------------------------

UNKNOWN_COLUMN = _l(
    "Column %(letter)s, “%(name)s”, is not a column we know, so we did not use it. It is copied into "
    "the results file unchanged."
)
UNKNOWN_COLUMN_SUGGEST = _l(
    "Column %(letter)s, “%(name)s”, is not a column we know, so we did not use it. Did you mean "
    "%(suggestion)s?"
)
UNNAMED_COLUMN = _l("Column %(letter)s has values but no name in the first row, so we did not use it.")
RESULT_COLUMN_IGNORED = _l(
    "Column “%(name)s” holds results from an earlier check. We did not use it and worked the results "
    "out again."
)

# --- One row ----------------------------------------------------------------------------------

TOO_FEW_CELLS = _l(
    "Row %(row)s, column %(column)s: the row ends here, with %(count)s cells for %(width)s columns. "
    "Check for a missing comma."
)
TOO_MANY_CELLS = _l(
    "Row %(row)s has %(count)s cells but the first row names %(width)s columns. Check for an extra "
    "comma, or a comma inside a cell without quotation marks."
)
NO_CLIENT_ID = _l(
    "Row %(row)s, column %(column)s: this cell is empty. Every row needs the id of the client it "
    "belongs to."
)
CONFLICT = _l(
    "Row %(row)s, column %(column)s: “%(value)s” is different from “%(other)s” in row %(other_row)s for "
    "the same client. Write the client's details the same way on every row, or only once."
)
BAD_LANG = _l(
    "Row %(row)s, column %(column)s: “%(value)s” is not a language we offer. Write en for English or es "
    "for Spanish, or leave the cell empty."
)
NOT_ASSESSED = _l(
    "Row %(row)s was not checked because of a problem with this client's details in row %(other_row)s."
)

# --- The engine's and the packet's checks, by the message they give -----------------------------

BAD_CHOICE = _l(
    "Row %(row)s, column %(column)s: “%(value)s” is not an accepted value. Write one of %(choices)s, or "
    "leave the cell empty."
)
BAD_AGE = _l(
    "Row %(row)s, column %(column)s: “%(value)s” is not an age. Write a whole number of years, or one of "
    "under_18, 18_20, 21_plus."
)
BAD_PRIORS = _l(
    "Row %(row)s, column %(column)s: “%(value)s” is not accepted. Write 0, 1, 2 (for two or more) or "
    "unknown."
)
BAD_DATE = _l(
    "Row %(row)s, column %(column)s: “%(value)s” is not a date. Write it as year-month-day, for example "
    "1980-05-01."
)
BAD_OFFENSE_DATE = _l(
    "Row %(row)s, column %(column)s: “%(value)s” is not a date. Write it as year-month-day, for example "
    "2012-03-01, or write only the year."
)
# Translators: a two-digit year (3/1/12) could be 1912 or 2012, so it is refused.
EXCEL_DATE = _l(
    "Row %(row)s, column %(column)s: “%(value)s” is not written as year-month-day. Excel may have "
    "changed it. Write the year with four digits, like 3/1/2012 or 2012-03-01."
)
BEFORE_BIRTH = _l("Row %(row)s, column %(column)s: the offense date is before the client's date of birth.")
BIRTH_AFTER_AS_OF = _l(
    "Row %(row)s, column %(column)s: the date of birth is later than the date of this check."
)
TOO_LONG = _l("Row %(row)s, column %(column)s: write at most %(limit)s characters.")
REQUIRED = _l("Row %(row)s, column %(column)s: this cell must not be empty.")
UNKNOWN_COUNTY = _l(
    "Row %(row)s, column %(column)s: “%(value)s” is not a California county. Write the county's name, "
    "for example Los Angeles."
)
BAD_SUBDIVISION = _l(
    "Row %(row)s, column %(column)s: “%(value)s” is not a subdivision. Write it like a, or a(2)."
)
SUBDIVISION_MISMATCH = _l(
    "Row %(row)s, column %(column)s: the subdivision is not the one written in the section column."
)
DUPLICATE_ID = _l(
    "Row %(row)s, column %(column)s: the same client already has a conviction with the id “%(value)s”, "
    "in row %(other_row)s."
)
TOO_MANY_CONVICTIONS = _l(
    "Row %(row)s, column %(column)s: this client has %(count)s convictions, and at most %(limit)s can be "
    "checked together. Put the others under a second client id."
)
BAD_STATE = _l("Row %(row)s, column %(column)s: write the state as two letters, for example CA.")
BAD_ZIP = _l("Row %(row)s, column %(column)s: write a ZIP code of 5 digits, for example 94612.")
BAD_PHONE = _l(
    "Row %(row)s, column %(column)s: write the phone number with digits, for example (510) 555-0100."
)
BAD_EMAIL = _l("Row %(row)s, column %(column)s: write an email address like name@example.com.")
BAD_BAR_NUMBER = _l("Row %(row)s, column %(column)s: write the State Bar number as digits only.")
ONE_LINE = _l("Row %(row)s, column %(column)s: write this on one line.")
NAME_NEEDED = _l(
    "Row %(row)s, column %(column)s: the client's name is needed to make the court packet, because "
    "other details for the packet are filled in."
)
NEEDED_FOR_FILING = _l(
    "Row %(row)s, column %(column)s: this conviction has something to ask the court for, so the packet "
    "needs this cell."
)
BAD_CASE_NUMBER = _l(
    "Row %(row)s, column %(column)s: write the case number with letters, digits and dashes only, 40 "
    "characters at most."
)
# Translators: %(detail)s is a technical English message; this is only a fallback.
OTHER = _l("Row %(row)s, column %(column)s: %(detail)s")

# The engine's and the packet's English messages (webapp/eligibility/screening.py,
# webapp/packet/validate.py and model.py), in the order they must be tried.
_ENGINE_MESSAGES: tuple[tuple[re.Pattern, object], ...] = tuple(
    (re.compile(pattern), template)
    for pattern, template in (
        (r"^must be one of 0, 1, 2, unknown$", BAD_PRIORS),
        (r"^must be one of (?P<choices>.+)$", BAD_CHOICE),
        (r"^must be a whole number of years", BAD_AGE),
        (r"^must be a date written YYYY-MM-DD, or a year", BAD_OFFENSE_DATE),
        (r"^must be a date written YYYY-MM-DD$", BAD_DATE),
        (r"^is before person\.date_of_birth$", BEFORE_BIRTH),
        (r"^is after as_of$", BIRTH_AFTER_AS_OF),
        (r"^must be at most (?P<limit>\d+) characters$", TOO_LONG),
        (r"^(is required|must not be empty)$", REQUIRED),
        (r"^(unknown|must be a|is not a) California county", UNKNOWN_COUNTY),
        (r"^must be a subdivision", BAD_SUBDIVISION),
        (r"^does not match the subdivision", SUBDIVISION_MISMATCH),
        (r"is already the id of convictions\[(?P<other>\d+)\]$", DUPLICATE_ID),
        (r"^must be a list of 1 to (?P<limit>\d+) convictions$", TOO_MANY_CONVICTIONS),
        (r"^must be two letters", BAD_STATE),
        (r"^must be 5 or 9 digits", BAD_ZIP),
        (r"^must be 7 to 20 digits", BAD_PHONE),
        (r"^must be an email address", BAD_EMAIL),
        (r"^must be 1 to 7 digits$", BAD_BAR_NUMBER),
        (r"^must be a single line of text$", ONE_LINE),
        (r"^is required for a conviction that needs a court filing$", NEEDED_FOR_FILING),
        (r"^must be letters, digits, spaces", BAD_CASE_NUMBER),
    )
)
_EXCEL_DATE = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$")


def engine_problem(message: str, row: int, column: str, value: str,
                   other_row: Callable[[int], int] | None = None, **extra: object) -> Problem:
    """A translated Problem for one of the engine's (or the packet's) English messages.

    ``other_row`` turns the index of another conviction of the same client, as the engine names
    it, into that conviction's row.
    """
    params: dict[str, object] = {"value": shown(value), **extra}
    for pattern, template in _ENGINE_MESSAGES:
        match = pattern.search(message)
        if not match:
            continue
        found = match.groupdict()
        if template is BAD_DATE and _EXCEL_DATE.match(value.strip()):
            template = EXCEL_DATE
        if template is BAD_OFFENSE_DATE and _EXCEL_DATE.match(value.strip()):
            template = EXCEL_DATE
        if "choices" in found:
            params["choices"] = found["choices"]
        if "limit" in found:
            params["limit"] = found["limit"]
        if "other" in found and other_row is not None:
            params["other_row"] = other_row(int(found["other"]))
        return Problem(template, row, column, params)
    return Problem(OTHER, row, column, {"detail": message})
