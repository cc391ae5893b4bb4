"""The results CSV (the input, row for row, with the results added) and the blank template.

Results columns, after the input's own: relief, track, form, presumed, reasons (the reason codes,
joined with ";"), then automatic_review and problems, so a row that could not be checked says why
in the file itself. Every cell goes through csv_io.write, which neutralises formulas.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import columns, csv_io
from . import messages as m
from .batch import Batch, RowResult

FILE_NAME = "prop64-clinic-results.csv"
TEMPLATE_NAME = "prop64-clinic-template.csv"


def _problems(row: RowResult) -> str:
    found = list(row.problems)
    if row.client is not None:
        found += [p for p in (*row.client.problems, *row.client.packet_problems) if p.row == row.number]
    if row.blocked_by is not None:
        found.append(m.Problem(m.NOT_ASSESSED, row.number, params={"other_row": row.blocked_by}))
    return " ".join(p.text() for p in found)


def _result_cells(row: RowResult) -> list[str]:
    r = row.result
    if r is None:
        return ["", "", "", "", "", "", _problems(row)]
    return [
        r["relief"],
        r["track"],
        r["form"] or "",
        "yes" if r["presumed"] else "no",
        ";".join(reason["code"] for reason in r["reasons"]),
        r["automatic_review"],
        _problems(row),
    ]


def results_rows(batch: Batch) -> Iterator[list[str]]:
    echoed = batch.layout.echoed
    yield [batch.sheet.header[i] for i in echoed] + list(columns.RESULT)
    for row in batch.rows:
        cells = row.row.cells
        yield [cells[i] if i < len(cells) else "" for i in echoed] + _result_cells(row)


def results_csv(batch: Batch) -> bytes:
    return csv_io.write(results_rows(batch))


# Two people, one per language, with facts whose outcome the law leaves no doubt about.
_EXAMPLES = (
    {"client_id": "EXAMPLE-1", "lang": "en", "name": "Alex Example", "street": "100 Main St",
     "city": "Fresno", "state": "CA", "zip": "93721", "phone": "(559) 555-0100",
     "date_of_birth": "1980-05-01",
     "prior_super_strike": "no", "sex_offender_registrant": "no", "county": "Fresno",
     "case_number": "F12-345678", "section": "11357", "level": "misdemeanor", "offense_date": "2012-03-01",
     "amount": "within_personal_limit", "school_grounds": "no", "sentence": "completed"},
    {"client_id": "EXAMPLE-2", "lang": "es", "name": "Rosa Ejemplo", "city": "Oakland", "state": "CA",
     "zip": "94612", "date_of_birth": "1975-09-15", "prior_super_strike": "no",
     "sex_offender_registrant": "no", "county": "Alameda", "case_number": "AB-15-0099",
     "section": "11359", "level": "felony", "offense_date": "2015-06-30", "sale_to_minor": "no",
     "used_minor": "no", "prior_same_offense_convictions": "0", "sentence": "serving"},
)


def template_csv() -> bytes:
    header = list(columns.TEMPLATE_ORDER)
    return csv_io.write([header, *([example.get(c, "") for c in header] for example in _EXAMPLES)])
