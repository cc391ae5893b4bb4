"""The scenario tables (scenarios/*.yaml), run through all three entry points of the contract.

The same cases must give the same answers from the Python API, the command line and the HTTP
endpoint: a court or a clinic gets one answer, whichever way they ask.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from webapp.eligibility import assess

from .tables import DEFAULT_AS_OF, cases, check

ROOT = Path(__file__).resolve().parents[2]
CASES = cases()
IDS = [case.name for case in CASES]


def run_cli(args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    """``python -m webapp.eligibility ARGS`` from the repository root, as a clinic would run it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "webapp.eligibility", *args], input=stdin, cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_python_api(case):
    check(case, assess(case.screening))


@pytest.fixture(scope="module")
def cli_results() -> list[dict]:
    # One process for the whole table, fed as JSON Lines on standard input: the batch use.
    lines = "".join(json.dumps(case.screening) + "\n" for case in CASES)
    done = run_cli([], lines)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(CASES)), ids=IDS)
def test_command_line(cli_results, index):
    assert len(cli_results) == len(CASES)
    check(CASES[index], cli_results[index])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_http_endpoint(client, case):
    response = client.post("/api/v1/eligibility", json=case.screening)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    assert "Set-Cookie" not in response.headers
    check(case, response.get_json())


def test_the_three_entry_points_agree_byte_for_byte(client, cli_results):
    """Not just the checked fields: the whole result, key order included, is the same everywhere."""
    for case, from_cli in zip(CASES, cli_results, strict=True):
        from_python = assess(case.screening)
        from_http = json.loads(client.post("/api/v1/eligibility", json=case.screening).get_data())
        assert list(from_python) == ["rules_version", "as_of", "results"]
        assert from_python == from_cli == from_http, case.name
        assert json.dumps(from_python) == json.dumps(from_cli) == json.dumps(from_http), case.name
        assert from_python["as_of"] == case.screening.get("as_of", DEFAULT_AS_OF)
