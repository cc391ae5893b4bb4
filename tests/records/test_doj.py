"""The DOJ bulk runner (records-import §3): the sample, a generated 20,000-subject file, the CLI."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from webapp.clinic import csv_io
from webapp.eligibility import assess
from webapp.records import bulk, doj
from webapp.records.bulk import run_file
from webapp.records.doj import RESULT_COLUMNS

from . import synthetic
from .samples import DOJ_EXPECTED, DOJ_SAMPLE

AS_OF = "2026-11-27"


def _results(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("jobs", [1, 3])
def test_sample_gives_the_expected_rows(tmp_path, jobs):
    out = tmp_path / "results.csv"
    summary = run_file(str(DOJ_SAMPLE), str(out), as_of=AS_OF, jobs=jobs)
    got, expected = _results(out), _results(DOJ_EXPECTED)
    assert list(got[0]) == list(RESULT_COLUMNS)
    assert [{k: g[k] for k in e} for g, e in zip(got, expected, strict=True)] == expected
    assert summary["skipped"] == [
        {"row": 5, "reason": "field_count", "detail": "94 fields"},
        {"row": 25, "reason": "blank_row", "detail": ""},
        {"row": 34, "reason": "bad_date", "detail": "STP_EVENT_DATE"},
    ]
    assert (summary["rows_read"], summary["blank_lines"], summary["subjects"]) == (36, 1, 6)
    assert summary["convictions"] == len(expected)
    assert summary["already_relieved"] == 1


def test_one_county_only(tmp_path):
    out = tmp_path / "results.csv"
    summary = run_file(str(DOJ_SAMPLE), str(out), as_of=AS_OF, county="san-diego")
    assert {row["county"] for row in _results(out)} == {"san-diego"}
    assert summary["by_county"] == {"san-diego": {"dismiss": 1, "not_eligible": 1}}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The generated file, its expected counts, and one run of it with one process."""
    folder = tmp_path_factory.mktemp("doj")
    path = folder / "statewide.csv"
    expected = synthetic.write(path, subjects=20_000)
    summary = run_file(str(path), str(folder / "results-1.csv"), as_of=AS_OF, jobs=1)
    return path, expected, summary, folder / "results-1.csv"


def test_generated_file_gives_every_expected_count(generated):
    _, expected, summary, results = generated
    assert summary["subjects"] == expected.subjects
    assert summary["rows_read"] == expected.rows_read
    assert summary["blank_lines"] == expected.blank_lines
    assert summary["skipped_by_reason"] == dict(expected.skipped_by_reason)
    assert summary["rows_skipped"] == sum(expected.skipped_by_reason.values())
    assert len(summary["skipped"]) == 1000
    assert summary["convictions"] == expected.convictions == len(_results(results))
    assert summary["already_relieved"] == expected.already_relieved
    assert summary["by_relief"] == dict(expected.by_relief)
    assert summary["by_county"] == {k: dict(v) for k, v in expected.by_county.items()}


def test_two_processes_write_the_same_file(generated, tmp_path):
    path, _, summary, results = generated
    two = tmp_path / "results-2.csv"
    assert run_file(str(path), str(two), as_of=AS_OF, jobs=2) == summary
    assert two.read_bytes() == results.read_bytes()


@pytest.mark.parametrize("name", ["=HYPERLINK(1)", " =1+1", "＝1+1", "@SUM(A1)", "-2+3", "Alex Q"])
def test_cells_are_neutralised_as_in_the_clinic_csv(tmp_path, name):
    source = DOJ_SAMPLE.read_text(encoding="utf-8").replace('"TESTPERSON,ALEX Q"', f'"{name}"')
    path = tmp_path / "in.csv"
    path.write_text(source, encoding="utf-8")
    run_file(str(path), str(tmp_path / "out.csv"), as_of=AS_OF)
    # The reader trims each cell, as the clinic reader does; what is left is made safe.
    assert _results(tmp_path / "out.csv")[0]["name"] == csv_io.neutralise(name.strip())


def _cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "webapp.records", *args], input=stdin,
                          capture_output=True, text=True, check=False)


def test_cli_writes_results_and_summary(tmp_path):
    out, summary = tmp_path / "r.csv", tmp_path / "s.json"
    done = _cli("doj", str(DOJ_SAMPLE), "-o", str(out), "--summary", str(summary), "--as-of", AS_OF)
    assert done.returncode == 0, done.stderr
    data = json.loads(summary.read_text())
    assert data["as_of"] == AS_OF
    assert data["rules_version"]
    assert len(_results(out)) == data["convictions"] == 11


@pytest.mark.parametrize("args", [
    ("doj", "/nonexistent.csv", "-o", "{tmp}/x.csv"),
    ("doj", str(DOJ_SAMPLE), "-o", "{tmp}/x.csv", "--as-of", "2026-13-01"),
    ("doj", str(DOJ_SAMPLE), "-o", "{tmp}/x.csv", "--county", "Narnia"),
    ("doj", str(DOJ_SAMPLE), "-o", "{tmp}/x.csv", "--jobs", "0"),
    ("doj", str(DOJ_SAMPLE), "-o", "/nonexistent/dir/x.csv"),
    ("doj", str(DOJ_SAMPLE)),
])
def test_cli_refuses_bad_options_in_one_line(tmp_path, args):
    done = _cli(*(arg.format(tmp=tmp_path) for arg in args))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("section", ["11357", "11359", "11360"])
@pytest.mark.parametrize("born", ["1990-11-09", "1998-11-09", "1999-03-01", "2000-01-01"])
@pytest.mark.parametrize("offense", ["2016-11-08", "2016-11-09", "2017-01-01", "2019-03-01"])
def test_the_answer_cache_gives_the_engine_answer(section, born, offense):
    """The runner hands the engine an age band instead of the date of birth; the answer is the same."""
    person = {"date_of_birth": born}
    conviction = {"id": "1", "section": section, "level": "felony", "court": "adult", "offense_date": offense,
                  "county": "fresno"}
    direct = assess({"as_of": AS_OF, "person": person, "convictions": [conviction]})["results"][0]
    relief, track, form, presumed, reasons = doj._answer(section, "", "felony", offense, "fresno", "adult",
                                                         born, None, AS_OF)
    assert (relief, track, form or None, presumed == "yes") == (
        direct["relief"], direct["track"], direct["form"], direct["presumed"])
    assert reasons == ";".join(r["code"] for r in direct["reasons"])


def test_partitions_start_at_a_new_subject_and_know_their_line(generated):
    path = generated[0]
    data = path.read_bytes()
    parts = bulk.partitions(str(path), 7)
    assert parts[0][0] == 0
    assert parts[-1][1] == len(data)
    for (_, end, _), (start, _, _) in zip(parts, parts[1:], strict=False):
        assert end == start
    for start, _, line in parts:
        assert data[:start].count(b"\n") + 1 == line
        if start:
            before = data[:start].rstrip(b"\n").rsplit(b"\n", 1)[-1]
            assert bulk._subject_of(before) != bulk._subject_of(data[start:].split(b"\n", 1)[0])
