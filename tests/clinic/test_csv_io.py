"""Reading what spreadsheets really write, and writing CSV that a spreadsheet will not run."""

import codecs
import csv
import io

import pytest

from webapp.clinic import csv_io
from webapp.clinic.messages import FileProblems

HEADER = "client_id,name,section\r\n"
ROW = "C1,José Núñez,11357\r\n"


def read_bytes(data: bytes, **kwargs) -> csv_io.Sheet:
    return csv_io.read(csv_io.decode(data), **kwargs)


def problem_text(error: pytest.ExceptionInfo) -> str:
    return " ".join(p.text() for p in error.value.problems)


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("Excel CSV UTF-8 (with a byte-order mark)", codecs.BOM_UTF8 + (HEADER + ROW).encode("utf-8")),
        ("plain UTF-8", (HEADER + ROW).encode("utf-8")),
        ("Excel CSV (Comma delimited), Windows-1252", (HEADER + ROW).encode("cp1252")),
        ("Latin-1", (HEADER + ROW).encode("latin-1")),
        ("Excel Unicode Text, UTF-16", (HEADER + ROW).encode("utf-16")),
    ],
)
def test_accented_names_survive_every_encoding_excel_writes(label, data):
    sheet = read_bytes(data)
    assert sheet.header == ["client_id", "name", "section"], label
    assert sheet.rows[0].cells == ["C1", "José Núñez", "11357"], label


def test_windows_1252_punctuation_is_read_as_the_advocate_typed_it():
    # Smart quotes and the en dash are where Windows-1252 differs from Latin-1.
    data = (HEADER + "C1,“Chuy” Ortiz – Jr.,11357\r\n").encode("cp1252")
    assert read_bytes(data).rows[0].cells[1] == "“Chuy” Ortiz – Jr."


def test_bytes_undefined_in_windows_1252_still_read_rather_than_refused():
    data = HEADER.encode() + b"C1,Ana\x81,11357\r\n"
    assert read_bytes(data).rows[0].cells[1] == "Ana\x81"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolons_from_a_spanish_excel_and_tabs_are_understood(delimiter):
    text = f"client_id{delimiter}section{delimiter}level\nC1{delimiter}11357{delimiter}felony\n"
    sheet = csv_io.read(text)
    assert sheet.rows[0].cells == ["C1", "11357", "felony"]


def test_a_comma_inside_a_quoted_name_does_not_make_semicolons_win():
    text = 'client_id,name,section\nC1,"Lopez; Maria",11357\n'
    assert csv_io.read(text).rows[0].cells == ["C1", "Lopez; Maria", "11357"]


def test_an_unknown_separator_names_row_1_and_says_what_to_use():
    with pytest.raises(FileProblems) as error:
        csv_io.read("client_id|section|level\nC1|11357|felony\n")
    assert error.value.status == 400
    text = problem_text(error)
    assert text.startswith("Row 1:")
    assert "client_id|section|level" in text
    assert "commas, semicolons or tabs" in text


def test_blank_lines_are_skipped_but_still_counted_like_spreadsheet_rows():
    sheet = csv_io.read("\nclient_id,section\n\nC1,11357\n , \nC2,11358\n\n")
    assert sheet.header_row == 2
    assert [(r.number, r.cells[0]) for r in sheet.rows] == [(4, "C1"), (6, "C2")]


def test_a_cell_spanning_two_lines_counts_as_one_row_as_in_excel():
    sheet = csv_io.read('client_id,name,section\nC1,"Ana\nGómez",11357\nC2,Bo,11358\n')
    assert [r.number for r in sheet.rows] == [2, 3]


def test_an_unclosed_quotation_mark_names_the_row_where_it_opens():
    with pytest.raises(FileProblems) as error:
        csv_io.read('client_id,name,section\nC1,Ana,11357\nC2,"Bo,11358\nC3,Cy,11357\n')
    assert problem_text(error).startswith("Row 3: a quotation mark opened in this row is never closed")


def test_text_after_a_closing_quotation_mark_names_the_row():
    with pytest.raises(FileProblems) as error:
        csv_io.read('client_id,name,section\nC1,"Ana" Gómez,11357\n')
    assert problem_text(error).startswith("Row 2: a cell has text after its closing quotation mark")


def test_a_cell_too_long_to_be_real_names_its_row():
    with pytest.raises(FileProblems) as error:
        csv_io.read("client_id,name,section\nC1,Ana,11357\nC2," + "x" * 200_000 + ",11357\n")
    assert problem_text(error).startswith("Row 3: a cell is longer than 131,072 characters.")


@pytest.mark.parametrize("text", ["", "\n\n  \n", "\ufeff"])
def test_an_empty_file_says_so(text):
    with pytest.raises(FileProblems) as error:
        csv_io.read(text)
    assert "The file is empty" in problem_text(error)


def test_a_header_without_rows_says_there_are_no_convictions():
    with pytest.raises(FileProblems) as error:
        csv_io.read("client_id,section\n\n")
    assert "no convictions" in problem_text(error)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"PK\x03\x04" + b"\x00" * 40, "Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "Excel workbook"),
        (b"client_id,section\n\x00\x01\x02", "not a CSV text file"),
    ],
)
def test_a_workbook_or_binary_file_is_refused_with_what_to_do(data, expected):
    with pytest.raises(FileProblems) as error:
        csv_io.decode(data)
    assert expected in problem_text(error)


def test_more_rows_than_the_limit_is_413_and_names_the_limit():
    text = "client_id,section\n" + "C1,11357\n" * 4
    assert len(csv_io.read(text, max_rows=4).rows) == 4
    with pytest.raises(FileProblems) as error:
        csv_io.read(text + "C1,11357\n", max_rows=4)
    assert error.value.status == 413
    assert "more than 4 rows" in problem_text(error)


def test_the_limits_are_what_one_request_finishes_in_time():
    # Measured in webapp/clinic/csv_io.py; served completely by a real server in
    # tests/evidence/test_abuse_server.py.
    assert csv_io.MAX_ROWS == 10_000
    assert csv_io.MAX_BYTES == 2 * 1024 * 1024


@pytest.mark.parametrize(
    "cell",
    ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1",
     # Spreadsheets skip leading spaces before a formula and read full-width signs as ASCII ones.
     " =1+1", "   @SUM(A1)", "\u3000=1", "\uff1dHYPERLINK(\"http://evil\")", "\uff0b1", "\uff0d1",
     "\uff20SUM(A1)", " \uff1d1"],
)
def test_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text(cell):
    assert csv_io.neutralise(cell) == "'" + cell
    written = csv_io.write([["x"], [cell]]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(written, newline="")))[1] == ["'" + cell]


@pytest.mark.parametrize("cell", ["11357", "José", "F12-345", "a=b", "", "'already", " José", "Ana ＝ Lee"])
def test_ordinary_cells_are_written_unchanged(cell):
    assert csv_io.neutralise(cell) == cell


def test_written_csv_opens_in_excel_with_accents_intact():
    data = csv_io.write([["name"], ["José Núñez"]])
    assert data.startswith(codecs.BOM_UTF8)
    assert data.endswith(b"\r\n")
    assert "José Núñez".encode() in data


def test_a_header_cell_over_the_field_limit_is_a_problem_on_row_one_not_a_crash():
    with pytest.raises(FileProblems) as error:
        csv_io.read("client_id," + "x" * 140_000 + "\n1,2\n")
    assert problem_text(error).startswith("Row 1: a cell is longer than 131,072 characters.")
