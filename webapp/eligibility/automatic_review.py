"""Was the conviction probably already cleared by the county's automatic review (HSC 11361.9)?

"likely" must rest on enough evidence, and on the relief (issue 10 item 4):
- the county's record shows its review completed: a DOJ compliance report ("full compliance",
  "nearly all ... sealed"), or a documented share cleared of 90% or more; or the prosecutor's own
  bulk motion or order is documented (San Francisco's DA dismissed and sealed misdemeanors back
  to 1975): that is what the prosecutor itself did, whatever DOJ's later tally says;
- a partial figure (14.6%, 38.8%, "notes marked progress", "3,211 outstanding") is "unknown",
  with the figure kept so the page can show it;
- where the county's program reduced convictions but this person is owed a dismissal, a
  reduction on the record is not the end, and the detail says so.

The evidence is the research note in counties.json (webapp/counties.py), read here rather than
copied, so a corrected note changes the answer. tests/eligibility/test_automatic_review.py pins
the answer for every county.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from webapp.counties import County

LIKELY, UNLIKELY, UNKNOWN = "likely", "unlikely", "unknown"

# Why the answer is what it is; the results page has a sentence for each.
NO_RELIEF = "no_relief"  # nothing for a review to give
NEEDS_REVIEW = "needs_review"  # whether it qualifies is itself open
JUVENILE = "juvenile"  # 11361.9 had DOJ search adult criminal-history records
NO_COUNTY = "no_county"
NO_REPORT = "no_report"
PARTIAL = "partial"
COMPLETED = "completed"
SHARE_CLEARED = "share_cleared"
PROSECUTOR_PROGRAM = "prosecutor_program"
UNMEASURED = "unmeasured"  # a report exists, but it gives no count of what was cleared
BASES = (NO_RELIEF, NEEDS_REVIEW, JUVENILE, NO_COUNTY, NO_REPORT, PARTIAL, COMPLETED, SHARE_CLEARED,
         PROSECUTOR_PROGRAM, UNMEASURED)

COMPLETE_SHARE = 90.0

_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")
_CLEARED_OUTSTANDING = re.compile(r"([\d,]+) cleared, ([\d,]+) outstanding")
_COMPLETE = re.compile(r"full (?:AB 1793/1706 )?compliance|nearly all eligible records|completed by", re.I)
_PARTIAL = re.compile(r"partial|outstanding|marked progress", re.I)
_PROSECUTOR = re.compile(r"\bDA\b")
_COUNTED = re.compile(r"\d[\d,]* (?:convictions|cases|felonies|misdemeanors|eligible cases)")
_NO_REPORT = re.compile(r"no county-specific report", re.I)


class Review(NamedTuple):
    value: str  # likely | unlikely | unknown (the contract's automatic_review)
    basis: str  # one of BASES
    figure: str | None  # the share cleared, as the evidence gives it ("14.6%"), if any
    program_reduced: bool  # the county's program reduced, and this person is owed a dismissal


def _share(evidence: str) -> float | None:
    shares = [float(p) for p in _PERCENT.findall(evidence)]
    counted = _CLEARED_OUTSTANDING.search(evidence)
    if counted:
        cleared, left = (int(n.replace(",", "")) for n in counted.groups())
        shares.append(100.0 * cleared / (cleared + left))
    # The figures are dated snapshots of one review that only moves forward: the largest is the latest.
    return max(shares) if shares else None


def _figure(share: float) -> str:
    return f"{share:.1f}%".replace(".0%", "%")


def county_review(county: County) -> tuple[str, str, str | None]:
    """(value, basis, figure) from the county's evidence alone, before the relief is known."""
    return _evidence_review(county.automatic_review_evidence.evidence or "")


# Keyed on the evidence text, not the county, so a corrected note still changes the answer; the
# regexes would otherwise run for every conviction (they led the engine's profile). 58 counties,
# so the bound only matters for tests that build counties of their own.
@lru_cache(maxsize=256)
def _evidence_review(evidence: str) -> tuple[str, str, str | None]:
    if not evidence or _NO_REPORT.search(evidence):
        return UNKNOWN, NO_REPORT, None
    share = _share(evidence)
    if share is not None:
        if share >= COMPLETE_SHARE:
            return LIKELY, SHARE_CLEARED, _figure(share)
        return UNKNOWN, PARTIAL, _figure(share)
    if _PARTIAL.search(evidence):
        return UNKNOWN, PARTIAL, None
    if _COMPLETE.search(evidence):
        return LIKELY, COMPLETED, None
    if _PROSECUTOR.search(evidence) and _COUNTED.search(evidence):
        return LIKELY, PROSECUTOR_PROGRAM, None
    return UNKNOWN, UNMEASURED, None


def _reduced_only(county: County) -> bool:
    return _reduced_only_text(county.automatic_review_evidence.evidence or "")


@lru_cache(maxsize=256)
def _reduced_only_text(evidence: str) -> bool:
    evidence = evidence.lower()
    return "reduc" in evidence and "dismiss" not in evidence


# The answers that do not depend on the county's evidence, made once (a Review is immutable).
_NOTHING_TO_GIVE = Review(UNLIKELY, NO_RELIEF, None, False)
_OPEN = Review(UNKNOWN, NEEDS_REVIEW, None, False)
_JUVENILE = Review(UNKNOWN, JUVENILE, None, False)
_NO_COUNTY = Review(UNKNOWN, NO_COUNTY, None, False)


def review(county: County | None, *, relief: str, juvenile: bool) -> Review:
    if relief in ("not_eligible", "no_change"):
        return _NOTHING_TO_GIVE
    if relief == "needs_review":
        return _OPEN
    if juvenile:
        return _JUVENILE
    if county is None:
        return _NO_COUNTY
    value, basis, figure = county_review(county)
    return Review(value, basis, figure, value == LIKELY and relief == "dismiss" and _reduced_only(county))
