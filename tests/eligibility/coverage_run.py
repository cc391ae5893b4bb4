"""Run every scenario through the engine under branch coverage; print the report; exit 1 below 100%.

Run by test_coverage.py in a fresh process (``python -m tests.eligibility.coverage_run``) so that
it measures the engine's first import and never nests inside pytest-cov's own measurement.
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import coverage

ENGINE = Path(__file__).resolve().parents[2] / "webapp" / "eligibility"
# The modules that decide: the gates, the rows, what old law implies, reading sections, putting
# it together, and reading the input. Every line and branch must be reached by a scenario.
MEASURED = [str(ENGINE / name)
            for name in ("gates.py", "rules.py", "old_law.py", "sections.py", "engine.py", "screening.py")]


def main() -> int:
    cov = coverage.Coverage(branch=True, include=MEASURED, data_file=None, config_file=False)
    cov.start()
    # Imported only now, so that the modules' own first import is measured too.
    from webapp.eligibility import InputError, assess

    from .tables import cases, invalid_cases

    for case in cases():
        assess(case.screening)
    for case in invalid_cases():
        with contextlib.suppress(InputError):
            assess(case.screening)
    cov.stop()
    report = io.StringIO()
    total = cov.report(file=report, show_missing=True, precision=2)
    sys.stdout.write(report.getvalue() + f"\nTOTAL BRANCH COVERAGE {total:.2f}\n")
    return 0 if total == 100.0 else 1


if __name__ == "__main__":
    sys.exit(main())
