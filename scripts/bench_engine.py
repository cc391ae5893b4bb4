"""Eligibility engine throughput: assessments per second on 10,000 synthetic convictions.

    .venv/bin/python -m scripts.bench_engine

The convictions are a fixed pseudo-random mix (seeded, so every run measures the same work) of
all five sections, ages, levels, dates and unknown facts, in screenings of five, as a clinic's
batch would send them. Each round calls ``assess`` on every screening (validation included) in
one process on one core; the best of several rounds is reported, as the least disturbed by other
work on the machine. run() returns a flat dict of figures for docs/performance.md (via
scripts/bench.py). Figures report; nothing here passes or fails. Aim: >= 50,000 convictions/s.
"""

from __future__ import annotations

import random
import statistics
import time

from webapp.eligibility import assess

AIM = 50_000
_SECTIONS = ("HS 11357(a)", "HS 11357(b)", "11357(c)", "11357", "11358", "H&S 11359", "11360", "HSC11360(b)",
             "11362.1", "PC 4573.6", "HS 11350")
_AGES = (None, None, 16, 19, 20, 21, 35, "under_18", "18_20", "21_plus")
_DATES = (None, "2009-06-01", "2012-03-04", "2015", "2016", "2016-11-08", "2017-01-01")
_TRI = ("yes", "no", "unknown", None, None)
_CONDUCTS = (None, None, "sale", "give_away", "transport_personal", "transport_for_sale")
_COUNTIES = (None, "Los Angeles", "fresno", "San Francisco", "alameda")


def synthetic_screenings(convictions: int = 10_000, per_screening: int = 5, seed: int = 64) -> list[dict]:
    rng = random.Random(seed)  # noqa: S311 - a reproducible workload, not a secret
    pick = rng.choice
    screenings = []
    for start in range(0, convictions, per_screening):
        batch = []
        for offset in range(min(per_screening, convictions - start)):
            conviction = {
                "id": str(offset + 1),
                "county": pick(_COUNTIES),
                "section": pick(_SECTIONS),
                "level": pick(("felony", "misdemeanor", "infraction", "unknown", None)),
                "offense_date": pick(_DATES),
                "age_at_offense": pick(_AGES),
                "conduct": pick(_CONDUCTS),
                "amount": pick(("within_personal_limit", "over_personal_limit", "unknown", None)),
                "school_grounds": pick(_TRI),
                "sentence": pick(("serving", "completed", "unknown", None)),
                "court": pick(("adult", "adult", "adult", "juvenile")),
                "prior_same_offense_convictions": pick((0, 1, 2, "unknown", None)),
                "sale_to_minor": pick(_TRI),
                "used_minor": pick(_TRI),
                "import_export_over_limit": pick(_TRI),
                "environmental_violation": pick(_TRI),
            }
            batch.append({key: value for key, value in conviction.items() if value is not None})
        person = {"date_of_birth": pick((None, "1970-01-01", "1990-05-01", "1995-12-31")),
                  "prior_super_strike": pick(_TRI), "sex_offender_registrant": pick(_TRI)}
        screenings.append({"as_of": "2026-11-27", "convictions": batch,
                           "person": {key: value for key, value in person.items() if value is not None}})
    return screenings


def _round(screenings: list[dict]) -> float:
    start = time.perf_counter()
    for screening in screenings:
        assess(screening)
    return time.perf_counter() - start


def run(convictions: int = 10_000, per_screening: int = 5, rounds: int = 7) -> dict:
    screenings = synthetic_screenings(convictions, per_screening)
    _round(screenings[:50])  # warm-up: first-use caches (county table, section parsing)
    times = [_round(screenings) for _ in range(rounds)]
    best = min(times)
    rate = convictions / best
    return {
        "workload": f"{convictions:,} convictions in {len(screenings):,} screenings of {per_screening}",
        "rounds (one core)": str(rounds),
        "best round": f"{best * 1000:.0f} ms",
        "median round": f"{statistics.median(times) * 1000:.0f} ms",
        "convictions per second (best round)": f"{rate:,.0f}",
        "screenings per second (best round)": f"{len(screenings) / best:,.0f}",
        "per conviction (best round)": f"{best / convictions * 1e6:.1f} µs",
        "aim": f">= {AIM:,} convictions per second ({'met' if rate >= AIM else 'NOT met'})",
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
