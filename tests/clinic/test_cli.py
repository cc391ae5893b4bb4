"""python -m webapp.clinic: the same checks on an advocate's own computer."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from webapp.clinic.__main__ import main

from . import sample

ROOT = Path(__file__).resolve().parents[2]


def read_results(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.mark.slow
def test_the_command_line_writes_results_packets_and_summaries(tmp_path):
    source = tmp_path / "clients.csv"
    source.write_bytes(sample.write(sample.client_rows(1, 2, lang="en") + sample.client_rows(2, 1, lang="es")
                                    + sample.client_rows(3, 1, petitioner=False)).encode("cp1252"))
    done = subprocess.run(
        [sys.executable, "-m", "webapp.clinic", str(source), "-o", str(tmp_path / "results.csv"),
         "--packets", str(tmp_path / "packets"), "--summaries", str(tmp_path / "summaries")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    written = read_results(tmp_path / "results.csv")
    assert [r["client_id"] for r in written] == ["C0001", "C0001", "C0002", "C0003"]
    assert sorted(p.name for p in (tmp_path / "packets").iterdir()) == [
        "packet-001-C0001.pdf", "packet-002-C0002.pdf"]
    summaries = sorted((tmp_path / "summaries").iterdir())
    assert [p.name for p in summaries] == [
        "summary-001-C0001.pdf", "summary-002-C0002.pdf", "summary-003-C0003.pdf"]
    for path in summaries:
        assert len(PdfReader(path).pages) == 1, path.name  # one page to print and confirm
    spanish = PdfReader(summaries[1]).pages[0].extract_text()
    assert "Zoë Adams 2" in spanish
    # Presumed (an unknown fact the law resolves in the client's favour): as sure as the law, no surer.
    assert "Esta condena probablemente se puede reducir a un delito menor." in " ".join(spanish.split())


def test_bad_rows_exit_2_name_row_and_column_and_the_good_rows_are_still_written(tmp_path, capsys):
    rows = sample.client_rows(1, 1) + sample.client_rows(2, 1)
    rows[0]["level"] = "felonyx"
    source = tmp_path / "in.csv"
    source.write_text(sample.write(rows), encoding="utf-8")
    assert main([str(source), "-o", str(tmp_path / "out.csv")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{source}: Row 2, column level: “felonyx” is not an accepted value. Write one of felony, "
        "misdemeanor, infraction, unknown, or leave the cell empty."]
    written = read_results(tmp_path / "out.csv")
    assert written[0]["relief"] == ""
    assert written[0]["problems"].startswith("Row 2, column level:")
    assert written[1]["relief"] == sample.expected_relief(rows[1])


def test_an_unreadable_file_exits_2_and_writes_nothing(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("client_id,section,section\nC1,11357,11358\n", encoding="utf-8")
    assert main([str(source), "-o", str(tmp_path / "out.csv")]) == 2
    assert "Row 1: columns B and C are both named “section”." in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()


def test_unknown_columns_are_reported_but_do_not_fail_the_run(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("client_id,section,notes\nC1,11357,x\n", encoding="utf-8")
    assert main([str(source), "-o", str(tmp_path / "out.csv")]) == 0
    assert "Column C, “notes”, is not a column we know" in capsys.readouterr().err
    assert read_results(tmp_path / "out.csv")[0]["notes"] == "x"


def test_a_missing_input_file_is_named(tmp_path, capsys):
    assert main([str(tmp_path / "nope.csv"), "-o", str(tmp_path / "out.csv")]) == 2
    assert "nope.csv: cannot be read" in capsys.readouterr().err


@pytest.mark.slow
def test_the_websites_row_limit_does_not_apply_on_the_command_line(tmp_path):
    from webapp.clinic import csv_io

    count = csv_io.MAX_ROWS + 1
    source = tmp_path / "in.csv"
    source.write_text("client_id,section\n" + "".join(f"C{i // 50},11357\n" for i in range(count)))
    assert main([str(source), "-o", str(tmp_path / "out.csv")]) == 0
    assert len(read_results(tmp_path / "out.csv")) == count
