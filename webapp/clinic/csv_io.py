"""Reading a clinic's CSV from memory, and writing CSV that a spreadsheet cannot run.

Reading accepts what spreadsheets really produce: UTF-8 with or without a byte-order mark ("CSV
UTF-8" in Excel), UTF-16 ("Unicode Text"), Windows-1252 ("CSV (Comma delimited)" on Windows, the
usual source of accented names), commas or the semicolons a Spanish-language Excel writes, tabs,
CRLF line ends and blank lines. Anything else is a Problem naming the row.

Rows are numbered as a spreadsheet numbers them (header = row 1, blank lines counted), so an
advocate can go straight to the row a message names.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from webapp.spreadsheet_safety import neutralise

from . import columns, workbook
from . import messages as m

# What one request really finishes inside gunicorn's 30 s worker timeout, with room for a busy
# machine: a 10,000-row, 2.1 MB file took 3.1 s of CPU (15.9 s on a machine shared by nine jobs)
# for its 11.9 MB results page, and 3.2 s (14.8 s) for its summaries. The earlier 50,000 rows and
# 10 MB were cut off at 31 s with no error shown (issue 12), so they are no longer offered.
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 10_000
DELIMITERS = (",", ";", "\t")
_OLD_WORKBOOK = b"\xd0\xcf\x11\xe0"  # the older .xls format, which we do not read


@dataclass(frozen=True)
class Row:
    number: int  # the spreadsheet's row number
    cells: list[str]


@dataclass(frozen=True)
class Sheet:
    header: list[str]
    header_row: int
    rows: list[Row]  # non-blank rows below the header
    text: str  # the decoded text: the download buttons send it back


def too_big() -> m.FileProblems:
    return m.FileProblems([m.Problem(m.TOO_BIG, params={"limit": MAX_BYTES // (1024 * 1024)})], 413)


def decode(data: bytes) -> str:
    """The text of an uploaded file, whichever of the spreadsheets' encodings it is in."""
    if workbook.is_workbook(data):
        return workbook.to_csv(data, MAX_ROWS)
    if data.startswith(_OLD_WORKBOOK):
        raise m.FileProblems([m.Problem(m.SPREADSHEET)])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise m.FileProblems([m.Problem(m.NOT_TEXT)]) from None
    else:
        data = data.removeprefix(codecs.BOM_UTF8)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Not UTF-8: Excel's "CSV (Comma delimited)" on Windows writes Windows-1252, which
            # leaves five byte values undefined; Latin-1 reads any byte, for those rare files.
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    if "\x00" in text:
        raise m.FileProblems([m.Problem(m.NOT_TEXT)])
    return text


def _delimiter(text: str) -> str:
    """The separator that makes the most sense of the header row: the most known column names,
    then the most columns."""
    first = next((line for line in text.splitlines() if line.strip()), "")

    def score(delimiter: str) -> tuple[int, int]:
        try:
            cells = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            # A header cell over the field limit (128 kB): read() reports it on its row.
            return 0, 0
        return sum(columns.normalise(c) in columns.KNOWN for c in cells), len(cells)

    return max(DELIMITERS, key=score)


def _blank(cells: list[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def read(text: str, max_rows: int | None = MAX_ROWS) -> Sheet:
    """The header and the non-blank rows; FileProblems when the file cannot be read at all."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise m.FileProblems([m.Problem(m.EMPTY_FILE)])
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    header_row = 0
    rows: list[Row] = []
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if _blank(cells):
                continue
            if header is None:
                header, header_row = cells, number
                if len(cells) == 1:
                    _one_column(cells[0], number)
                continue
            if max_rows is not None and len(rows) >= max_rows:
                raise m.FileProblems([m.Problem(m.TOO_MANY_ROWS, params={"limit": m.number(max_rows)})], 413)
            rows.append(Row(number, cells))
    except csv.Error as error:
        raise m.FileProblems([_csv_problem(str(error), number + 1)]) from None
    if header is None or not rows:
        raise m.FileProblems([m.Problem(m.NO_ROWS)])
    return Sheet(header, header_row, rows, text)


def _one_column(cell: str, row: int) -> None:
    # A lone known name ("client_id") is a short file, reported as missing columns later on.
    if columns.normalise(cell) not in columns.KNOWN:
        raise m.FileProblems([m.Problem(m.ONE_COLUMN, row, params={"value": m.shown(cell)})])


def _csv_problem(message: str, row: int) -> m.Problem:
    if "unexpected end of data" in message:
        return m.Problem(m.UNCLOSED_QUOTE, row)
    if "expected after" in message:
        return m.Problem(m.TEXT_AFTER_QUOTE, row)
    if "field larger than field limit" in message:
        return m.Problem(m.CELL_TOO_LONG, row, params={"limit": m.number(csv.field_size_limit())})
    return m.Problem(m.UNREADABLE_ROW, row)


def write(rows: Iterable[Iterable[str]]) -> bytes:
    """CSV for Excel: UTF-8 with a byte-order mark (so accents survive), CRLF, every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")
