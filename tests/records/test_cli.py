"""``python -m webapp.records rap-sheet FILE|-``: the samples round-trip; bad input exits 2."""

import json
import subprocess
import sys

import pytest

from .samples import RAP_SAMPLES, SAMPLES, rap_expected

pytestmark = pytest.mark.slow


def _run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "webapp.records", "rap-sheet", *args], input=stdin,
                          capture_output=True, check=False)


@pytest.mark.parametrize("name", RAP_SAMPLES)
def test_each_sample_round_trips(name):
    done = _run(str(SAMPLES / f"{name}.txt"))
    assert done.returncode == 0, done.stderr
    got, expected = json.loads(done.stdout), rap_expected(name)
    for key in ("screening", "already_relieved", "skipped", "subject"):
        assert got[key] == expected[key]
    for ident, relief in expected.get("expected_relief", {}).items():
        assert got["expected_relief"][ident] == relief


def test_standard_input_with_a_byte_order_mark():
    text = (SAMPLES / "sample-5.txt").read_bytes()
    done = _run("-", stdin=b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n"))
    assert done.returncode == 0
    assert json.loads(done.stdout)["screening"]["convictions"][0]["id"] == "1-2-1"


@pytest.mark.parametrize(("stdin", "message"), [
    (b"hello\n", b"not a RAP sheet: no event header and count found\n"),
    (b"COURT:\n\xff\xfe", b"not a RAP sheet: the text is not UTF-8\n"),
])
def test_not_a_rap_sheet_is_one_line_and_exit_2(stdin, message):
    done = _run("-", stdin=stdin)
    assert (done.returncode, done.stdout, done.stderr) == (2, b"", message)


def test_a_missing_file_is_one_line_and_exit_2(tmp_path):
    done = _run(str(tmp_path / "missing.txt"))
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
