"""Input that breaks the contract (scenarios/invalid.yaml): every entry point names the same field
path and says the same thing, so a clinic can fix its spreadsheet from any of them."""

from __future__ import annotations

import json

import pytest

from webapp.eligibility import InputError, assess

from .tables import invalid_cases
from .test_scenarios import run_cli

INVALID = invalid_cases()
IDS = [case.name for case in INVALID]


@pytest.mark.parametrize("case", INVALID, ids=IDS)
def test_python_api_names_the_field(case):
    with pytest.raises(InputError) as caught:
        assess(case.screening)
    assert (caught.value.path, caught.value.message) == (case.path, case.message)
    assert str(caught.value) == f"{case.path}: {case.message}"


@pytest.mark.parametrize("case", INVALID, ids=IDS)
def test_http_endpoint_answers_400_with_the_field(client, case):
    response = client.post("/api/v1/eligibility", json=case.screening)
    assert response.status_code == 400
    assert response.get_json() == {"error": {"path": case.path, "message": case.message}}
    assert "Set-Cookie" not in response.headers


@pytest.mark.slow
def test_command_line_reports_each_bad_screening_on_one_line_and_still_prints_the_good_ones():
    good = {"as_of": "2026-11-27", "convictions": [{"section": "HS 11357(b)", "age_at_offense": 30,
                                                    "offense_date": "2014-01-01"}]}
    # Interleave: good, bad, good, bad, ... so order and position are both checked.
    documents = []
    for case in INVALID:
        documents += [good, case.screening]
    documents.append(good)
    done = run_cli([], "".join(json.dumps(d) + "\n" for d in documents))
    assert done.returncode == 2
    errors = done.stderr.splitlines()
    assert errors == [f"stdin:{2 * i + 2}: {case.path}: {case.message}" for i, case in enumerate(INVALID)]
    printed = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(printed) == len(INVALID) + 1
    assert all(result["results"][0]["relief"] == "dismiss" for result in printed)
