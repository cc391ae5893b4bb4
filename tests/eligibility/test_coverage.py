"""The scenario tables reach every line and every branch of the modules that decide.

A branch no scenario reaches is a rule nobody has written down as an expected answer: either a
scenario is missing from the tables or the branch is dead code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_scenarios_cover_every_branch_of_the_rules_and_gates():
    # A fresh interpreter, with pytest-cov's subprocess hooks switched off, so the two
    # measurements never nest.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COV_CORE_", "COVERAGE_"))}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-m", "tests.eligibility.coverage_run"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "TOTAL BRANCH COVERAGE 100.00" in done.stdout
