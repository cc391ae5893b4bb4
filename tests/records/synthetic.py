"""A generated DOJ bulk file: the sample's six subjects repeated under new SUBJECT_IDs, with noise.

    write(path, subjects=20_000)  -> Expected (the counts the run must give)

Each copy of a sample subject keeps its rows (and the sample's own noise: a 94-field row, a blank
line, an all-blank row, an impossible date); every 97th subject also gets a line of garbage and a
row with a broken CNT_ORDER. The expected counts come from doj-sample.expected.csv and the sample's
known noise, not from the runner, so a test can fail.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .samples import DOJ_EXPECTED, DOJ_SAMPLE

# The sample's own noise, by template subject: (field_count, blank_row, bad_date, blank_lines).
SAMPLE_NOISE = {"30000001": (1, 0, 0, 0), "30000004": (0, 1, 0, 1), "30000005": (0, 0, 1, 0)}


# The template subjects' dates of birth (PRI_DOB in doj-sample.csv).
DOBS = {"30000001": "19700214", "30000002": "19750830", "30000003": "19681103", "30000004": "19790421",
        "30000005": "19920615", "30000006": "19600101"}


def _iso(yyyymmdd: str) -> str:
    return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}"


@dataclass
class Expected:
    subjects: int = 0
    rows_read: int = 0
    blank_lines: int = 0
    skipped_by_reason: Counter = field(default_factory=Counter)
    by_relief: Counter = field(default_factory=Counter)
    by_county: dict = field(default_factory=dict)
    convictions: int = 0
    already_relieved: int = 0


def _templates() -> tuple[str, dict[str, list[str]]]:
    lines = DOJ_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    header, groups, current = lines[0], {}, None
    for line in lines[1:]:
        parts = line.split(",", 3)
        if len(parts) > 2 and parts[2].strip():
            current = parts[2].strip()
        groups.setdefault(current, []).append(line)
    return header, groups


def write(path: Path, subjects: int = 20_000, seed: int = 64) -> Expected:
    rng = random.Random(seed)  # noqa: S311 - a repeatable test file, not a secret
    header, groups = _templates()
    order = sorted(groups)
    with DOJ_EXPECTED.open(encoding="utf-8", newline="") as handle:
        results = list(csv.DictReader(handle))
    expected = Expected(subjects=subjects)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(header)
        for number in range(subjects):
            template = order[number % len(order)]
            new_id = f"{40000000 + number}"
            # Everyone's own birthday (up to 60 days either side of the template's: no sample
            # subject is that close to turning 18 or 21 on an offense date, so no answer changes).
            born = dt.date.fromisoformat(_iso(DOBS[template])) + dt.timedelta(days=number % 121 - 60)
            rows = [line.replace(f",{template},", f",{new_id},", 1).replace(
                f",{DOBS[template]},", f",{born:%Y%m%d},") for line in groups[template]]
            if number % 97 == 0:
                broken = next(csv.reader([rows[0]]))
                broken[50] = "10100100100X"
                text = io.StringIO()
                csv.writer(text, lineterminator="\n").writerow(broken)
                at = rng.randrange(len(rows) + 1)
                rows[at:at] = ["GARBAGE,LINE\n", text.getvalue()]
                expected.skipped_by_reason["field_count"] += 1
                expected.skipped_by_reason["bad_key"] += 1
                expected.rows_read += 2
            out.writelines(rows)
            field_count, blank_row, bad_date, blank_lines = SAMPLE_NOISE.get(template, (0, 0, 0, 0))
            expected.skipped_by_reason["field_count"] += field_count
            expected.skipped_by_reason["blank_row"] += blank_row
            expected.skipped_by_reason["bad_date"] += bad_date
            expected.blank_lines += blank_lines
            expected.rows_read += len(groups[template]) - blank_lines
            for result in results:
                if result["subject_id"] == template:
                    expected.convictions += 1
                    expected.already_relieved += result["already_relieved"] == "yes"
                    expected.by_relief[result["relief"]] += 1
                    county = expected.by_county.setdefault(result["county"] or "unknown", Counter())
                    county[result["relief"]] += 1
    return expected
