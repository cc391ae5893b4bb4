"""An Excel workbook (.xlsx) read as if it were the CSV the clinic would otherwise have to export.

Advocates keep their client lists in Excel; asking them to "Save as CSV" first loses dates to
locale formats and accents to the wrong encoding. The first sheet is turned into CSV text here,
so every later step (columns, row numbers in messages, the download buttons that send the text
back) is the same as for a CSV. Dates become YYYY-MM-DD, the contract's form.

openpyxl reads in read-only (streaming) mode, with defusedxml installed so that no XML entity
tricks are expanded, and stops at the clinic's row and column limits rather than reading a
workbook that only claims to be small.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

from . import messages as m

MAX_COLUMNS = 200


def is_workbook(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        # Excel has no date-only type: a date typed as 3/1/2012 is midnight of that day.
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 11357.0 -> "11357": a section typed as a number
    return str(value)


def to_csv(data: bytes, max_rows: int) -> str:
    """The first worksheet as CSV text; FileProblems when it is not a readable workbook."""
    from openpyxl import load_workbook  # imported here: only workbook uploads pay for it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise m.FileProblems([m.Problem(m.SPREADSHEET)]) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise m.FileProblems([m.Problem(m.NO_ROWS)])
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        # One header row plus the clinic's row limit, and a row over it so the limit is reported.
        for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
            if number > max_rows + 2:
                break
            writer.writerow([_cell(v) for v in values])
        return out.getvalue()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise m.FileProblems([m.Problem(m.SPREADSHEET)]) from None
    finally:
        book.close()
