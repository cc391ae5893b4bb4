"""Fuzzing: RAP-sheet text and DOJ rows built from real lines and noise never crash either reader.

The readers may refuse a text (NotARapSheet, a 400) or skip a row, but never raise anything else,
and what they list is always a screening the engine accepts.
"""

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from webapp import create_app
from webapp.eligibility import assess
from webapp.records.doj import FIELDS, RESULT_COLUMNS, Tally, run
from webapp.records.rap_sheet import NotARapSheet, parse

from .samples import DOJ_SAMPLE, RAP_SAMPLES, rap_text

REAL_LINES = sorted({line for name in RAP_SAMPLES for line in rap_text(name).splitlines()})
NOISE_CHARACTERS = "0123456789ABCHSPCNT:/#*-.() \t\u00a0\u2013\u2022\f\rÍ'"
NOISE = st.text(alphabet=st.sampled_from(NOISE_CHARACTERS), max_size=40)


def _mutate(line: str, cut: int, insert: str) -> str:
    cut = cut % (len(line) + 1)
    return line[:cut] + insert + line[cut:]


rap_lines = st.one_of(
    st.sampled_from(REAL_LINES),
    st.builds(_mutate, st.sampled_from(REAL_LINES), st.integers(0, 80), NOISE),
    NOISE,
    st.text(max_size=30),
)


@st.composite
def damaged_samples(draw):
    """A whole sample with a few lines damaged, dropped, repeated or inserted."""
    lines = rap_text(draw(st.sampled_from(RAP_SAMPLES))).splitlines()
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(("damage", "drop", "repeat", "insert")))
        if action == "damage":
            lines[at] = _mutate(lines[at], draw(st.integers(0, 80)), draw(NOISE))
        elif action == "drop" and len(lines) > 1:
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at])
        else:
            lines.insert(at, draw(rap_lines))
    return "\n".join(lines)


rap_texts = st.one_of(st.lists(rap_lines, max_size=80).map("\n".join), damaged_samples())

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(rap_texts)
def test_rap_sheet_reader_never_crashes(text):
    try:
        found = parse(text)
    except NotARapSheet:
        return
    screening = found["screening"]
    assert len(screening["convictions"]) <= 50
    if screening["convictions"]:
        assess(screening)  # raises InputError if the reader produced anything off-contract
    assert [s["line"] for s in found["skipped"]] == sorted(s["line"] for s in found["skipped"])


_APP = create_app({"TESTING": True, "SECRET_KEY": "fuzz", "WTF_CSRF_ENABLED": False})


@SETTINGS
@given(st.one_of(rap_texts.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=200)))
def test_the_api_never_answers_5xx(body):
    response = _APP.test_client().post("/api/v1/records/rap-sheet", data=body, content_type="text/plain")
    assert response.status_code in (200, 400)


@SETTINGS
@given(rap_texts)
def test_the_page_never_answers_5xx(text):
    client = _APP.test_client()
    form = {"rap_sheet_text": text, "action": "continue", "include": "1-1-1"}
    response = client.post("/en/records", data=form)
    assert response.status_code in (200, 302, 400, 413)


def _sample_rows() -> list[list[str]]:
    with DOJ_SAMPLE.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.reader(handle) if len(row) == FIELDS][1:]


SAMPLE_ROWS = _sample_rows()
IMPORTANT = (2, 12, 14, 37, 40, 42, 46, 48, 50, 52, 54, 55, 80, 82, 93)


@st.composite
def doj_rows(draw):
    row = list(draw(st.sampled_from(SAMPLE_ROWS)))
    for _ in range(draw(st.integers(0, 4))):
        index = draw(st.sampled_from(IMPORTANT))
        row[index] = draw(st.one_of(NOISE, st.sampled_from([r[index] for r in SAMPLE_ROWS])))
    if draw(st.integers(0, 9)) == 0:
        row = row[: draw(st.integers(0, FIELDS + 3))]
    return row


@SETTINGS
@given(st.lists(doj_rows(), max_size=40))
def test_doj_runner_never_crashes(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(rows)
    emitted, tally = [], Tally()
    run(io.StringIO(out.getvalue()), emitted.append, tally, as_of="2026-11-27")
    assert all(len(row) == len(RESULT_COLUMNS) for row in emitted)
    assert tally.convictions == len(emitted)
    assert tally.rows_read + tally.blank_lines >= sum(tally.skipped_by_reason.values())
