"""Shared inputs for the packet tests, and PDF text helpers.

The screenings use facts whose outcome the law leaves no doubt about, so they hold against the
real engine (webapp.eligibility.assess), which the packet always calls.
"""

import copy
import re
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLEAN = {"prior_super_strike": "no", "sex_offender_registrant": "no"}


def conviction(**fields) -> dict:
    base = {"age_at_offense": "21_plus", "offense_date": "2012-03-01", "prior_same_offense_convictions": 0}
    return {**base, **fields}


# Fresno, sentence completed: application track. 11359 felony -> misdemeanor; 11357 -> dismissal.
FRESNO_APPLICATION = [
    conviction(county="Fresno", case_number="F12-345678", section="11359", subdivision="b", level="felony",
               sentence="completed", sale_to_minor="no", used_minor="no"),
    # A small-amount misdemeanor from before 2011, when it was still one (issue 10 item 2: an
    # 11357(c) record answered "within the limit" would now go to review).
    conviction(county="Fresno", case_number="F12-345678", section="HS 11357(b)", level="misdemeanor",
               offense_date="2010-03-01", sentence="completed", amount="within_personal_limit",
               school_grounds="no"),
]
# Alameda, still serving: petition track. 11358 felony over six plants -> misdemeanor.
ALAMEDA_PETITION = [
    conviction(county="alameda", case_number="AB-15-0099", section="11358", level="felony",
               offense_date="2015-06-30", sentence="serving", amount="over_personal_limit",
               environmental_violation="no"),
]
# A Fresno application and an Alameda petition: two courts, two checklists, one packet.
TWO_COUNTIES = {"person": CLEAN, "convictions": FRESNO_APPLICATION + ALAMEDA_PETITION}

PETITIONER = {
    "name": "Maria Example Lopez",
    "street": "123 Main St",
    "city": "Fresno",
    "state": "ca",
    "zip": "93721",
    "phone": "(559) 555-0100",
    "email": "maria@example.com",
}


@pytest.fixture
def two_county_request():
    # A deep copy: tests edit it, and the module-level convictions must stay as written.
    screening = {"person": CLEAN, "convictions": FRESNO_APPLICATION + ALAMEDA_PETITION}
    return copy.deepcopy({"screening": screening, "petitioner": PETITIONER})


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def normal(text: str) -> str:
    return " ".join(text.split())


def official_pieces(form: str, page: int = 1) -> list[str]:
    """Every printed string of page `page` of the official form, in reading order, from the
    research text.md.

    A line is split where the official form leaves a gap (` | `) or prints a check box (`[ ]`),
    because our filled values and check marks go exactly there.
    """
    text = (FIXTURES / f"{form.lower()}-2024.text.md").read_text(encoding="utf-8")
    body = re.split(rf"^## Page {page} of \d+$", text, maxsplit=1, flags=re.M)[1]
    body = re.split(r"^## Page ", body, maxsplit=1, flags=re.M)[0]
    pieces = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ">")):
            continue
        line = re.sub(r"\*{1,3}", "", line)
        pieces += [normal(p) for p in re.split(r"\s*\|\s*|\s*\[ \]\s*", line) if p.strip()]
    return pieces


def assert_in_order(pieces: list[str], text: str) -> None:
    haystack = normal(text)
    position = 0
    for piece in pieces:
        found = haystack.find(piece, position)
        before = haystack[max(0, position - 60) : position]
        assert found >= 0, f"missing or out of order: {piece!r} (after …{before!r})"
        position = found + len(piece)
