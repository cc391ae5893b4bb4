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
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..counties import find as find_county
from ..eligibility import InputError, assess
from ..eligibility.gates import age_on, band_of
from .fields import county_of, read_agency, read_charge, read_date

FIELDS = 95
(SUBJECT_ID, CII_NUMBER, PRI_NAME, PRI_DOB, CYC_DATE, STP_EVENT_DATE, STP_TYPE_DESCR, STP_ORI_DESCR,
 STP_ORI_CNTY_NAME, CNT_ORDER, DISP_DATE, OFN, OFFENSE_DESCR, OFFENSE_TOC, DISP_DESCR, CONV_STAT_DESCR,
 COMMENT_TEXT) = (2, 11, 12, 14, 37, 40, 42, 46, 48, 50, 51, 52, 54, 55, 80, 82, 93)

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
        reliefs = self.by_county.get(county or "unknown")
        if reliefs is None:
            reliefs = self.by_county[county or "unknown"] = Counter()
        reliefs[relief] += 1

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


_good_dates: set[str] = set()


def _check_date(raw: str) -> bool:
    """Whether a raw (maybe space-padded) date cell is blank or a date; good ones are remembered."""
    text = raw.strip()
    if text and _date(text) is None:
        return False
    if len(_good_dates) > 200_000:
        _good_dates.clear()
    _good_dates.add(raw)
    return True


def run(lines: Iterable[str], emit: Callable[[list[str]], None], tally: Tally, *, as_of: str,
        county: str | None = None, first_line: int = 1) -> None:
    """Read ``lines`` (the file from line ``first_line``), call ``emit`` with each result row."""
    # The hot loop: local names only, and rare cases (bad rows, the header) off the main path.
    reader = csv.reader(lines)
    subject_rows: list[Row] = []
    append = subject_rows.append
    current = None
    previous_end = offset = first_line - 1
    rows_read = blank_lines = 0
    good = _good_dates
    skip = tally.skip
    for fields in reader:
        row = previous_end + 1
        previous_end = reader.line_num + offset
        if len(fields) != FIELDS:
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                blank_lines += 1
            elif not (row == 1 and _is_header(fields)):
                rows_read += 1
                skip(row, FIELD_COUNT, f"{len(fields)} fields")
            continue
        rows_read += 1
        sid = fields[2].strip()  # SUBJECT_ID
        cnt = fields[50].strip()  # CNT_ORDER
        if not sid or len(cnt) != 12 or not cnt.isdigit():
            if row == 1 and _is_header(fields):
                rows_read -= 1
            elif not "".join(fields).strip():
                skip(row, BLANK_ROW, "")
            else:
                skip(row, BAD_KEY, "SUBJECT_ID" if not sid else "CNT_ORDER")
            continue
        # PRI_DOB, CYC_DATE, STP_EVENT_DATE, DISP_DATE: a cell seen before is known good.
        a, b, c, d = fields[14], fields[37], fields[40], fields[51]
        if (a and a not in good) or (b and b not in good) or (c and c not in good) or (d and d not in good):
            bad = _bad_date(a, b, c, d)
            if bad:
                skip(row, BAD_DATE, bad)
                continue
        if sid != current:
            if subject_rows:
                _subject(subject_rows, emit, tally, as_of, county)
                subject_rows.clear()
            current = sid
        append((row, fields, cnt))
    if subject_rows:
        _subject(subject_rows, emit, tally, as_of, county)
    tally.rows_read += rows_read
    tally.blank_lines += blank_lines


def _is_header(fields: list[str]) -> bool:
    return fields[0].strip().upper().startswith("RECORD_ID")


def _bad_date(*cells: str) -> str | None:
    for cell, name in zip(cells, ("PRI_DOB", "CYC_DATE", "STP_EVENT_DATE", "DISP_DATE"), strict=True):
        if cell and cell not in _good_dates and not _check_date(cell):
            return name
    return None


def _event_date(fields: list[str]) -> str | None:
    text = fields[STP_EVENT_DATE].strip() or fields[CYC_DATE].strip()
    return _date(text) if text else None


def _charge_text(fields: list[str]):
    return _charge(fields[OFFENSE_DESCR], fields[COMMENT_TEXT])


@lru_cache(maxsize=8192)
def _charge(described: str, comment: str):
    """The count's section: OFFENSE_DESCR, else (or when it names another section) COMMENT_TEXT."""
    described = described.strip()
    comment = comment.strip().lstrip(":- ").strip()
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


Row = tuple[int, list[str], str]  # (line number, the 95 cells, CNT_ORDER)


def _subject(rows: list[Row], emit, tally: Tally, as_of: str, only: str | None) -> None:
    """One subject's rows (all kept, in file order): a result row per cannabis conviction count."""
    tally.subjects += 1
    counts: dict[str, list[Row]] = {}
    convicted: dict[str, list[str]] = {}  # count -> its first convicted COURT ACTION row
    arrests: dict[str, list[tuple[str, str | None]]] = {}  # cycle -> (step, date) of arrest rows
    registrations: list[str | None] = []
    court_ofn: dict[str, str] = {}  # cycle + step -> first case number of that court event
    for item in rows:
        f, key = item[1], item[2]
        group = counts.get(key)
        if group is None:
            counts[key] = [item]
        else:
            group.append(item)
        kind = f[STP_TYPE_DESCR].strip()
        if kind == COURT:
            if key not in convicted and f[DISP_DESCR].lstrip().upper().startswith("CONVICTED"):
                convicted[key] = f
            ofn = f[OFN].strip()
            if ofn and key[:6] not in court_ofn:
                court_ofn[key[:6]] = ofn
        elif kind == ARREST:
            arrests.setdefault(key[:3], []).append((key[3:6], _event_date(f)))
        elif kind == REGISTRATION and f[OFFENSE_DESCR].strip().startswith("290"):
            registrations.append(_event_date(f))
    if not convicted:
        return
    head = rows[0][1]
    dob = _date(head[PRI_DOB].strip()) if head[PRI_DOB].strip() else None
    for key, items in counts.items():  # file order of each count's first row
        first = convicted.get(key)
        if first is None:
            continue
        charge = _charge_text(first)
        if charge is None or not charge.listed:
            continue
        county, court = _county(first[STP_ORI_CNTY_NAME].strip(), first[STP_ORI_DESCR].strip())
        if only is not None and county != only:
            continue
        disposition = _event_date(first)
        steps = [(step, date) for step, date in arrests.get(key[:3], ()) if step < key[3:6]]
        offense = min(steps)[1] if steps else disposition
        fields_rows = [item[1] for item in items]
        level = _level(fields_rows)
        case = next((f[OFN].strip() for f in fields_rows if f[OFN].strip()), "") or court_ofn.get(key[:6], "")
        relieved = any("1203.4" in f[DISP_DESCR] or "11361.8" in f[DISP_DESCR] for f in fields_rows)
        registrant = None
        if registrations:
            registrant = "yes" if offense and any(d and d < offense for d in registrations) else "unknown"
        section = charge.section
        subdivision = (charge.subdivision or "") if charge.cannabis else ""
        answer = _answer(section, subdivision, level, offense, county, court, dob, registrant, as_of)
        relief, track, form, presumed, reasons = answer
        tally.count(county, relief, relieved)
        emit([
            str(items[0][0]), first[SUBJECT_ID].strip(), first[CII_NUMBER].strip(), first[PRI_NAME].strip(),
            county, case if len(case) <= 40 else "", key, section, subdivision, level, disposition or "",
            "yes" if relieved else "no", relief, track, form, presumed, reasons,
        ])


def _answer(section, subdivision, level, offense, county, court, dob, registrant, as_of) -> tuple:
    """One conviction, assessed alone.

    The engine reads the date of birth only to work out the age band on the offense date
    (gates.age_bands), so with both dates known the band, worked out by the engine's own functions,
    stands in for the date of birth: everyone's birthday differs, but bands and facts repeat, and
    the cached answer is reused. A date of birth after the offense or after as_of goes to the
    engine as it is, which reports it.
    """
    age = None
    if dob and offense and dob <= offense and dob <= as_of:
        age = band_of(age_on(dt.date.fromisoformat(dob), dt.date.fromisoformat(offense)))
        dob = None
    return _assess(section, subdivision, level, offense, county, court, dob, age, registrant, as_of)


@lru_cache(maxsize=65536)
def _assess(section, subdivision, level, offense, county, court, dob, age, registrant, as_of) -> tuple:
    conviction: dict = {"id": "1", "section": section, "level": level, "court": court}
    if age:
        conviction["age_at_offense"] = age
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
