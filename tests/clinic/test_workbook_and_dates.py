"""An Excel workbook and US month/day/year dates give the same results as the ISO CSV."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from webapp.clinic import batch, csv_io, dates, workbook
from webapp.clinic import messages as m

from . import sample

TODAY = dt.date(2026, 11, 27)


def xlsx(rows: list[dict], header: list[str]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        values = []
        for column in header:
            value = row.get(column, "")
            if column in ("offense_date", "date_of_birth") and len(value) == 10:
                value = dt.datetime.fromisoformat(value)  # a real Excel date cell
            values.append(value)
        sheet.append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_xlsx_workbook_gives_exactly_the_results_of_the_same_csv():
    rows = sample.clinic(4)
    from_csv = batch.assess_csv(sample.write(rows), today=TODAY)
    from_book = batch.assess_csv(xlsx(rows, sample.HEADER), today=TODAY)
    assert not from_book.problems
    assert [r.result for r in from_book.rows] == [r.result for r in from_csv.rows]
    assert [r.number for r in from_book.rows] == [r.number for r in from_csv.rows]


def test_a_section_typed_as_a_number_in_excel_is_the_section():
    # Before 2011-01-01, when a small amount could still be a misdemeanor: now plainly legal.
    rows = [{"client_id": "A", "county": "Fresno", "section": 11357, "level": "misdemeanor",
             "offense_date": "2010-03-01", "amount": "within_personal_limit", "school_grounds": "no",
             "concentrated": "no", "sentence": "completed", "age_at_offense": 30}]
    result = batch.assess_csv(xlsx(rows, list(rows[0])), today=TODAY)
    assert not result.problems
    assert result.rows[0].result["relief"] == "dismiss"


@pytest.mark.parametrize("data", [b"PK\x03\x04" + bytes(60), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(60)])
def test_a_broken_or_old_workbook_is_one_clear_problem(data):
    with pytest.raises(m.FileProblems) as problems:
        csv_io.decode(data)
    assert "Excel Workbook (.xlsx)" in problems.value.problems[0].text()


def test_a_workbook_over_the_row_limit_is_refused_not_read_whole():
    rows = [{"client_id": f"C{i}", "section": "11357"} for i in range(30)]
    text = workbook.to_csv(xlsx(rows, ["client_id", "section"]), max_rows=10)
    assert len(text.splitlines()) == 12  # header, ten rows and the one that shows the limit
    with pytest.raises(m.FileProblems) as problems:
        csv_io.read(text, max_rows=10)
    assert problems.value.status == 413


@pytest.mark.parametrize(("typed", "read"), [
    ("3/1/2012", "2012-03-01"), ("03/01/2012", "2012-03-01"), ("12/31/1999", "1999-12-31"),
    ("2012-03-01", "2012-03-01"), ("2012", "2012"), ("2/30/2012", "2/30/2012"), ("3/1/12", "3/1/12"),
    ("３/1/2012", "３/1/2012"), ("13/1/2012", "13/1/2012"),
])
def test_us_dates_become_iso_and_anything_doubtful_is_left_for_the_engine_to_refuse(typed, read):
    assert dates.iso(typed) == read


def test_a_us_date_in_a_csv_cell_gives_the_same_result_as_the_iso_date():
    iso_rows = sample.clinic(3)
    us_rows = [dict(r, offense_date=dt.date.fromisoformat(r["offense_date"]).strftime("%-m/%-d/%Y"))
               if len(r.get("offense_date", "")) == 10 else r for r in iso_rows]
    assert any("/" in r.get("offense_date", "") for r in us_rows)
    iso_result = batch.assess_csv(sample.write(iso_rows), today=TODAY)
    us_result = batch.assess_csv(sample.write(us_rows), today=TODAY)
    assert not us_result.problems
    assert [r.result for r in us_result.rows] == [r.result for r in iso_result.rows]
