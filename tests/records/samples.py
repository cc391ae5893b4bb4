"""The shared samples (shared/reference/records) and small builders for tests."""

import json
from pathlib import Path

SAMPLES = Path("/work/shared/reference/records")
if not SAMPLES.is_dir():  # the repository's own copy, if the shared folder is not mounted
    SAMPLES = Path(__file__).resolve().parent / "data"

RAP_SAMPLES = sorted(p.stem for p in SAMPLES.glob("sample-*.txt"))


def rap_text(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


def rap_expected(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))


DOJ_SAMPLE = SAMPLES / "doj-sample.csv"
DOJ_EXPECTED = SAMPLES / "doj-sample.expected.csv"
