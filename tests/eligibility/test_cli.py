"""The command line, ``python -m webapp.eligibility [FILE ...]``, as a clinic uses it for a batch.

Inputs: files, standard input, ``-``; one object, a JSON array, or JSON Lines. Output: one JSON
result per screening, in input order. A bad screening costs one line on standard error naming
where it is and which field, exit status 2, and never the other screenings' results.
"""

from __future__ import annotations

import io
import json

import pytest

from webapp.eligibility import assess

from .test_scenarios import run_cli

pytestmark = pytest.mark.slow

DISMISS = {"as_of": "2026-11-27",
           "convictions": [{"section": "HS 11357(b)", "age_at_offense": 30, "offense_date": "2014-01-01"}]}
REDUCE = {"as_of": "2026-11-27",
          "convictions": [{"section": "HS 11357(b)", "age_at_offense": 19, "offense_date": "2009-01-01"}]}
BAD_LEVEL = {"as_of": "2026-11-27", "convictions": [{"section": "11357"}, {"section": "11357", "level": "x"}]}
LEVEL_MESSAGE = "convictions[1].level: must be one of felony, misdemeanor, infraction, unknown"


def reliefs(stdout: str) -> list[str]:
    return [json.loads(line)["results"][0]["relief"] for line in stdout.splitlines()]


def test_a_file_holding_one_pretty_printed_screening(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(DISMISS, indent=2))
    done = run_cli([str(path)])
    assert (done.returncode, done.stderr) == (0, "")
    assert [json.loads(line) for line in done.stdout.splitlines()] == [assess(DISMISS)]


def test_a_json_array_gives_one_line_per_screening_in_order(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([DISMISS, REDUCE, DISMISS]))
    done = run_cli([str(path)])
    assert done.returncode == 0
    assert reliefs(done.stdout) == ["dismiss", "reduce_to_infraction", "dismiss"]


def test_json_lines_on_standard_input_with_blank_lines():
    done = run_cli([], json.dumps(REDUCE) + "\n\n" + json.dumps(DISMISS) + "\n")
    assert (done.returncode, done.stderr) == (0, "")
    assert reliefs(done.stdout) == ["reduce_to_infraction", "dismiss"]


def test_a_dash_reads_standard_input_between_files(tmp_path):
    first, last = tmp_path / "first.json", tmp_path / "last.jsonl"
    first.write_text(json.dumps(DISMISS))
    last.write_text(json.dumps(DISMISS) + "\n" + json.dumps(DISMISS) + "\n")
    done = run_cli([str(first), "-", str(last)], json.dumps([REDUCE]))
    assert done.returncode == 0
    assert reliefs(done.stdout) == ["dismiss", "reduce_to_infraction", "dismiss", "dismiss"]


def test_a_bad_screening_is_one_stderr_line_naming_the_field_and_the_good_ones_still_print(tmp_path):
    path = tmp_path / "clients.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in (DISMISS, BAD_LEVEL, REDUCE)) + "\n")
    done = run_cli([str(path)])
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"{path}:2: {LEVEL_MESSAGE}"]
    assert reliefs(done.stdout) == ["dismiss", "reduce_to_infraction"]


def test_in_a_json_array_the_bad_screening_is_named_by_its_position(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([DISMISS, REDUCE, BAD_LEVEL]))
    done = run_cli([str(path)])
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"{path}[2]: {LEVEL_MESSAGE}"]
    assert reliefs(done.stdout) == ["dismiss", "reduce_to_infraction"]


def test_a_line_that_is_not_json_is_reported_and_the_rest_still_run():
    done = run_cli([], json.dumps(DISMISS) + "\n{not json\n" + json.dumps(REDUCE) + "\n")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "stdin:2: $: not valid JSON (Expecting property name enclosed in double quotes)"]
    assert reliefs(done.stdout) == ["dismiss", "reduce_to_infraction"]


def test_one_bad_screening_alone_gets_exactly_the_path_and_message():
    done = run_cli([], json.dumps(BAD_LEVEL))
    assert done.returncode == 2
    assert done.stderr == LEVEL_MESSAGE + "\n"
    assert done.stdout == ""


def test_a_broken_single_document_is_one_error_naming_its_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "convictions": [\n    {"section": "11357",}\n  ]\n}\n')
    done = run_cli([str(path)])
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "$: not valid JSON (Expecting property name enclosed in double quotes, line 3 column 25)"]
    assert done.stdout == ""


def test_a_missing_file_is_reported_and_the_other_files_still_run(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(DISMISS))
    missing = tmp_path / "missing.json"
    done = run_cli([str(missing), str(good)])
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"{missing}: $: cannot be read (No such file or directory)"]
    assert reliefs(done.stdout) == ["dismiss"]


def test_empty_input_is_an_error_not_silence():
    done = run_cli([], "  \n")
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["$: no screening found (expected a JSON object, array or JSON Lines)"]
    assert done.stdout == ""


def test_help_names_the_command():
    done = run_cli(["--help"])
    assert done.returncode == 0
    assert "python -m webapp.eligibility" in done.stdout


def test_in_process_the_entry_point_returns_the_exit_status(tmp_path, monkeypatch, capsys):
    """The same main() a subprocess runs, called directly, so its lines count in coverage reports."""
    from webapp.eligibility.__main__ import main

    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([DISMISS, BAD_LEVEL]))
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(REDUCE)))
    assert main([str(path), "-"]) == 2
    out, err = capsys.readouterr()
    assert reliefs(out) == ["dismiss", "reduce_to_infraction"]
    assert err.splitlines() == [f"{path}[1]: {LEVEL_MESSAGE}"]
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(DISMISS)))
    assert main([]) == 0
