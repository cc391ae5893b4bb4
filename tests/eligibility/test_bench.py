"""The engine benchmark (scripts/bench_engine.py) runs and measures a valid workload.

It reports figures for docs/performance.md; this checks only that it works, never a time."""

from __future__ import annotations

from scripts import bench_engine
from webapp.eligibility import RELIEFS, assess


def test_the_synthetic_workload_is_valid_and_reaches_every_relief():
    screenings = bench_engine.synthetic_screenings(convictions=2_000)
    assert sum(len(s["convictions"]) for s in screenings) == 2_000
    assert bench_engine.synthetic_screenings(50) == bench_engine.synthetic_screenings(50)
    reliefs = {r["relief"] for s in screenings for r in assess(s)["results"]}
    assert reliefs == set(RELIEFS)


def test_run_reports_its_figures():
    figures = bench_engine.run(convictions=100, rounds=1)
    assert figures["workload"] == "100 convictions in 20 screenings of 5"
    assert "convictions per second (best round)" in figures
