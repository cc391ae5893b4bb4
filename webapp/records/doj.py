"""The DOJ bulk research file (AB 1793), read subject by subject (spec records-import §3).

``run(lines, ...)`` takes the file's lines (any iterable of str) and yields nothing but fills a
``Tally`` and calls ``emit`` for every cannabis conviction count with the engine's answer. A
subject's rows are held until the next subject starts, so memory is bounded by one subject
(SUBJECT_ID rows are contiguous in DOJ files **[U]**: a subject whose rows come back later is read
as a second subject with only those rows, and counted twice in ``subjects``).

The hot loop does as little as it can per row: csv's C reader, a length check, a key check and four
date checks (cached: dates repeat). Everything else waits until a subject is complete, and only the
counts with a court conviction are looked at closely. Pure Python, no Flask, nothing logged.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..counties import find as find_county
from ..eligibility import InputError, assess
from .fields import county_of, read_agency, read_charge, read_date

FIELDS = 95
(SUBJECT_ID, CII_NUMBER, PRI_NAME, PRI_DOB, CYC_DATE, STP_EVENT_DATE, STP_TYPE_DESCR, STP_ORI_DESCR,
 STP_ORI_CNTY_NAME, CNT_ORDER, DISP_DATE, OFN, OFFENSE_DESCR, OFFENSE_TOC, DISP_DESCR, CONV_STAT_DESCR,
 COMMENT_TEXT) = (2, 11, 12, 14, 37, 40, 42, 46, 48, 50, 51, 52, 54, 55, 80, 82, 93)
DATE_FIELDS = ((PRI_DOB, "PRI_DOB"), (CYC_DATE, "CYC_DATE"), (STP_EVENT_DATE, "STP_EVENT_DATE"),
               (DISP_DATE, "DISP_DATE"))

ARREST, COURT, REGISTRATION = "ARREST/DETAINED/CITED", "COURT ACTION", "REGISTRATION"
MAX_SKIPPED_LISTED = 1000

RESULT_COLUMNS = ("row", "subject_id", "cii", "name", "county", "case_number", "cnt_order", "section",
                  "subdivision", "level", "disposition_date", "already_relieved", "relief", "track", "form",
                  "presumed", "reasons")

FIELD_COUNT, BLANK_ROW, BAD_KEY, BAD_DATE = "field_count", "blank_row", "bad_key", "bad_date"


@dataclass
class Tally:
    """What the summary reports; two tallies of a file's parts add up (``merge``)."""

    rows_read: int = 0
    blank_lines: int = 0
    skipped_by_reason: Counter = field(default_factory=Counter)
    skipped: list[dict] = field(default_factory=list)
    subjects: int = 0
    convictions: int = 0
    already_relieved: int = 0
    by_relief: Counter = field(default_factory=Counter)
    by_county: dict[str, Counter] = field(default_factory=dict)

    def skip(self, row: int, reason: str, detail: str) -> None:
        self.skipped_by_reason[reason] += 1
        if len(self.skipped) < MAX_SKIPPED_LISTED:
            self.skipped.append({"row": row, "reason": reason, "detail": detail})

    def count(self, county: str, relief: str, relieved: bool) -> None:
        self.convictions += 1
        self.already_relieved += relieved
        self.by_relief[relief] += 1
        self.by_county.setdefault(county or "unknown", Counter())[relief] += 1

    def merge(self, other: Tally) -> None:
        self.rows_read += other.rows_read
        self.blank_lines += other.blank_lines
        self.skipped_by_reason.update(other.skipped_by_reason)
        room = MAX_SKIPPED_LISTED - len(self.skipped)
        self.skipped.extend(other.skipped[:max(room, 0)])
        self.subjects += other.subjects
        self.convictions += other.convictions
        self.already_relieved += other.already_relieved
        self.by_relief.update(other.by_relief)
        for county, reliefs in other.by_county.items():
            self.by_county.setdefault(county, Counter()).update(reliefs)

    def summary(self, rules_version: str, as_of: str) -> dict:
        return {
            "rules_version": rules_version,
            "as_of": as_of,
            "rows_read": self.rows_read,
            "blank_lines": self.blank_lines,
            "rows_skipped": sum(self.skipped_by_reason.values()),
            "skipped_by_reason": dict(self.skipped_by_reason),
            "skipped": self.skipped,
            "subjects": self.subjects,
            "convictions": self.convictions,
            "already_relieved": self.already_relieved,
            "by_relief": dict(sorted(self.by_relief.items())),
            "by_county": {k: dict(sorted(v.items())) for k, v in sorted(self.by_county.items())},
        }


_dates: dict[str, str | None] = {}


def _date(text: str) -> str | None:
    # Dates repeat across a file (a subject's every row carries the same DOB and cycle date).
    try:
        return _dates[text]
    except KeyError:
        if len(_dates) > 200_000:
            _dates.clear()
        value = _dates[text] = read_date(text)
        return value


def _is_key(cnt_order: str) -> bool:
    return len(cnt_order) == 12 and cnt_order.isdigit()


def run(lines: Iterable[str], emit: Callable[[list[str]], None], tally: Tally, *, as_of: str,
        county: str | None = None, first_line: int = 1) -> None:
    """Read ``lines`` (the file from line ``first_line``), call ``emit`` with each result row."""
    reader = csv.reader(lines)
    subject_rows: list[tuple[int, list[str]]] = []
    current = None
    previous_end = first_line - 1
    offset = first_line - 1
    for fields in reader:
        row = previous_end + 1
        previous_end = reader.line_num + offset
        n = len(fields)
        if n != FIELDS:
            if n == 0 or (n == 1 and not fields[0].strip()):
                tally.blank_lines += 1
                continue
            if row == 1 and fields[0].strip().upper().startswith("RECORD_ID"):
                continue
            tally.rows_read += 1
            tally.skip(row, FIELD_COUNT, f"{n} fields")
            continue
        if row == 1 and fields[0].strip().upper().startswith("RECORD_ID"):
            continue
        tally.rows_read += 1
        sid = fields[SUBJECT_ID].strip()
        cnt = fields[CNT_ORDER].strip()
        if not sid or not _is_key(cnt):
            if not any(f.strip() for f in fields):
                tally.skip(row, BLANK_ROW, "")
            else:
                tally.skip(row, BAD_KEY, "SUBJECT_ID" if not sid else "CNT_ORDER")
            continue
        bad = None
        for index, name in DATE_FIELDS:
            text = fields[index].strip()
            if text and _date(text) is None:
                bad = name
                break
        if bad:
            tally.skip(row, BAD_DATE, bad)
            continue
        if sid != current:
            if subject_rows:
                _subject(subject_rows, emit, tally, as_of, county)
            subject_rows = []
            current = sid
        subject_rows.append((row, fields))
    if subject_rows:
        _subject(subject_rows, emit, tally, as_of, county)


def _event_date(fields: list[str]) -> str | None:
    text = fields[STP_EVENT_DATE].strip() or fields[CYC_DATE].strip()
    return _date(text) if text else None


def _charge_text(fields: list[str]):
    """The count's section: OFFENSE_DESCR, else (or when it names another section) COMMENT_TEXT."""
    described = fields[OFFENSE_DESCR].strip()
    comment = fields[COMMENT_TEXT].strip().lstrip(":- ").strip()
    from_comment = None
    if comment:
        named = comment.upper().startswith("CHRG")
        comment_text = comment[4:].lstrip(":- ") if named else comment
        from_comment = read_charge(comment_text.split("-", 1)[0]), named
    if not described or described.upper().startswith("SEE COMMENT FOR CHARGE"):
        return from_comment[0] if from_comment else None
    printed = read_charge(described.split("-", 1)[0])
    if from_comment and from_comment[1] and from_comment[0] is not None and printed != from_comment[0]:
        return from_comment[0]  # COMMENT_TEXT "CHRG 11359 HS" corrects the printed charge [U]
    return printed


def _level(rows: list[list[str]]) -> str:
    for fields in reversed(rows):
        status = fields[CONV_STAT_DESCR].strip().upper()
        if status:
            for word in ("FELONY", "MISDEMEANOR", "INFRACTION"):
                if word in status:
                    return word.lower()
            return "unknown"
    for fields in rows:
        toc = fields[OFFENSE_TOC].strip().upper()
        if toc in ("F", "M", "I"):
            return {"F": "felony", "M": "misdemeanor", "I": "infraction"}[toc]
    return "unknown"


@lru_cache(maxsize=4096)
def _county(county_name: str, ori: str) -> tuple[str, str]:
    """(slug or "", court) for a court row: the county column if it names a county, else the court."""
    agency = read_agency(ori) if ori else None
    court = "juvenile" if agency is not None and agency.court == "juvenile" else "adult"
    found = find_county(county_name) if county_name else None
    if found is not None:
        return found.slug, court
    if agency is not None and agency.court:
        return county_of(agency.name) or "", court
    return "", court


def _subject(rows: list[tuple[int, list[str]]], emit, tally: Tally, as_of: str, only: str | None) -> None:
    tally.subjects += 1
    counts: dict[str, list[tuple[int, list[str]]]] = {}
    for item in rows:
        counts.setdefault(item[1][CNT_ORDER].strip(), []).append(item)
    convicted: list[tuple[str, list[tuple[int, list[str]]], list[str]]] = []
    for key, items in counts.items():
        first = next((f for _, f in items if f[STP_TYPE_DESCR].strip() == COURT
                      and f[DISP_DESCR].strip().upper().startswith("CONVICTED")), None)
        if first is not None:
            convicted.append((key, items, first))
    if not convicted:
        return
    arrests: dict[str, list[tuple[str, str | None]]] = {}
    registrations: list[str | None] = []
    court_ofn: dict[str, str] = {}
    for _, f in rows:
        kind = f[STP_TYPE_DESCR].strip()
        key = f[CNT_ORDER].strip()
        if kind == ARREST:
            arrests.setdefault(key[:3], []).append((key[3:6], _event_date(f)))
        elif kind == REGISTRATION and f[OFFENSE_DESCR].strip().startswith("290"):
            registrations.append(_event_date(f))
        elif kind == COURT:
            ofn = f[OFN].strip()
            if ofn:
                court_ofn.setdefault(key[:6], ofn)
    head = rows[0][1]
    dob = _date(head[PRI_DOB].strip()) if head[PRI_DOB].strip() else None
    for key, items, first in convicted:
        charge = _charge_text(first)
        if charge is None or not charge.listed:
            continue
        county, court = _county(first[STP_ORI_CNTY_NAME].strip(), first[STP_ORI_DESCR].strip())
        if only is not None and county != only:
            continue
        disposition = _event_date(first)
        steps = [(step, date) for step, date in arrests.get(key[:3], ()) if step < key[3:6]]
        offense = min(steps)[1] if steps else disposition
        fields_rows = [f for _, f in items]
        level = _level(fields_rows)
        case = next((f[OFN].strip() for f in fields_rows if f[OFN].strip()), "") or court_ofn.get(key[:6], "")
        relieved = any("1203.4" in f[DISP_DESCR] or "11361.8" in f[DISP_DESCR] for f in fields_rows)
        registrant = None
        if registrations:
            registrant = "yes" if offense and any(d and d < offense for d in registrations) else "unknown"
        section = charge.section
        subdivision = (charge.subdivision or "") if charge.cannabis else ""
        answer = _assess(section, subdivision, level, offense, county, court, dob, registrant, as_of)
        relief, track, form, presumed, reasons = answer
        tally.count(county, relief, relieved)
        emit([
            str(items[0][0]), first[SUBJECT_ID].strip(), first[CII_NUMBER].strip(), first[PRI_NAME].strip(),
            county, case if len(case) <= 40 else "", key, section, subdivision, level, disposition or "",
            "yes" if relieved else "no", relief, track, form, presumed, reasons,
        ])


@lru_cache(maxsize=65536)
def _assess(section, subdivision, level, offense, county, court, dob, registrant, as_of) -> tuple:
    """One conviction, assessed alone. Cached: a statewide file repeats the same facts often."""
    conviction: dict = {"id": "1", "section": section, "level": level, "court": court}
    if subdivision:
        conviction["subdivision"] = subdivision
    if offense:
        conviction["offense_date"] = offense
    if county:
        conviction["county"] = county
    person: dict = {}
    if dob:
        person["date_of_birth"] = dob
    if registrant:
        person["sex_offender_registrant"] = registrant
    try:
        result = assess({"as_of": as_of, "person": person, "convictions": [conviction]})["results"][0]
    except InputError as error:
        # The runner only sends contract values; if one slips (a date of birth after the offense),
        # the row says so rather than stopping the run.
        return "needs_review", "unknown", "", "no", f"INPUT_ERROR:{error.path}"
    return (result["relief"], result["track"], result["form"] or "", "yes" if result["presumed"] else "no",
            ";".join(r["code"] for r in result["reasons"]))
