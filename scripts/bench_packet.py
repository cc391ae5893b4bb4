"""Packet render times: a one-case packet and a five-case, three-county packet.

    .venv/bin/python -m scripts.bench_packet

run() returns a flat dict of figures for docs/performance.md (via scripts/bench.py). Figures
report; nothing here passes or fails. Aim (issue 13): a one-case packet <= 10x WeasyPrint's own
floor, a one-line page rendered in the same process. The machine's CPU is shared, so absolute
times drift from run to run: each repetition times the floor and the packet back to back, and
the ratio is of the two medians. A render process keeps each court's checklist laid out
(webapp/packet/layout_cache.py), so the packets after the first of a kind are the ones timed;
the first of its kind is timed too, with the cache emptied before each.
"""

from __future__ import annotations

import statistics
import time
from io import BytesIO

from pypdf import PdfReader
from weasyprint import HTML

from webapp.packet import layout_cache, render
from webapp.packet.render_pool import _settle as settle

PERSON = {"prior_super_strike": "no", "sex_offender_registrant": "no"}
PETITIONER = {"name": "Maria Example Lopez", "street": "123 Main St", "city": "Fresno", "state": "CA",
              "zip": "93721", "phone": "(559) 555-0100"}


def _conviction(county: str, case_number: str, section: str, level: str, sentence: str, **extra) -> dict:
    return {"county": county, "case_number": case_number, "section": section, "level": level,
            "sentence": sentence, "age_at_offense": "21_plus", "offense_date": "2012-03-01",
            "prior_same_offense_convictions": 0, **extra}


ONE_CASE = {"person": PERSON, "convictions": [
    _conviction("Fresno", "F12-345678", "11359", "felony", "completed", sale_to_minor="no", used_minor="no"),
]}
FIVE_CASES = {"person": PERSON, "convictions": [
    _conviction("Fresno", "F12-345678", "11359", "felony", "completed", sale_to_minor="no", used_minor="no"),
    _conviction("Fresno", "F13-000111", "11357", "misdemeanor", "completed", amount="within_personal_limit",
                school_grounds="no"),
    _conviction("Alameda", "AB-15-0099", "11358", "felony", "serving", amount="over_personal_limit",
                environmental_violation="no"),
    _conviction("Alameda", "AB-10-0042", "11360", "felony", "completed", conduct="transport_personal",
                amount="within_personal_limit"),
    _conviction("Los Angeles", "LA-09-7777", "11357", "misdemeanor", "completed",
                amount="within_personal_limit", school_grounds="no"),
]}


def _floor() -> bytes:
    return HTML(string="<p>Hello</p>").write_pdf()


def _medians(screening: dict, runs: int, *, cold: bool = False) -> tuple[float, float, int]:
    """(floor ms, packet ms, pages), medians of `runs` interleaved repetitions. cold: each packet
    is the first of its kind in the process (its checklists laid out and kept again first)."""
    _floor()
    render(screening, PETITIONER, "en")  # warm-up: fonts, templates, catalogs load once per process
    settle()  # as a render child does after its first render (webapp/packet/render_pool.py)
    floors, times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        _floor()
        floors.append((time.perf_counter() - start) * 1000)
        if cold:
            layout_cache.clear()
        start = time.perf_counter()
        pdf = render(screening, PETITIONER, "en")
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(floors), statistics.median(times), len(PdfReader(BytesIO(pdf)).pages)


def run(runs: int = 15) -> dict:
    floor_ms, one_ms, one_pages = _medians(ONE_CASE, runs)
    five_floor_ms, five_ms, five_pages = _medians(FIVE_CASES, max(5, runs // 3))
    cold_floor_ms, cold_ms, _ = _medians(ONE_CASE, max(5, runs // 3), cold=True)
    return {
        "WeasyPrint floor (one-line page), median": f"{floor_ms:.1f} ms",
        "one-case packet, median": f"{one_ms:.0f} ms",
        "one-case packet / floor (aim <= 10x)": f"{one_ms / floor_ms:.1f}x",
        "one-case packet, pages": one_pages,
        "one-case packet, per page": f"{one_ms / one_pages:.0f} ms",
        "one-case packet, first of its county and language in the process": f"{cold_ms:.0f} ms",
        "one-case packet, first of its kind / floor": f"{cold_ms / cold_floor_ms:.1f}x",
        "five cases in three counties, median": f"{five_ms:.0f} ms",
        "five cases in three counties / floor": f"{five_ms / five_floor_ms:.1f}x",
        "five cases in three counties, pages": five_pages,
        "five cases in three counties, per page": f"{five_ms / five_pages:.0f} ms",
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
