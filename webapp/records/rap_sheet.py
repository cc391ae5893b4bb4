"""Read a California DOJ RAP sheet (criminal-history record) pasted as text (spec records-import §2).

``parse(text) -> dict``: the cannabis convictions as a contract-v1 screening, the convictions whose
record already shows relief, the person's date of birth and PC 290 registration, and every line we
could not read (``skipped``), never guessed. Pure Python: no Flask, no I/O, nothing logged.

The reader works line by line with a little state (cycle, event, count), as the record is laid out:
a row of 3-4 stars opens a cycle (an arrest and what followed), ``- - - -`` or a header such as
``COURT:`` opens an event, ``CNT:01`` a count. OCR and copy-paste noise is cleaned in ``_clean``, and
only the repairs the spec lists are made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fields import Agency, Charge, county_of, read_agency, read_charge, read_date

MAX_CONVICTIONS = 50  # the contract's limit on one screening
MAX_CASE_NUMBER = 40

NOT_A_RAP_SHEET = "not a RAP sheet: no event header and count found"

# Skipped-line reasons (the page explains each in the person's language).
UNREADABLE_CHARGE = "unreadable_charge"
NO_DISPOSITION = "no_disposition"
UNREADABLE_DATE = "unreadable_date"
UNKNOWN_COURT = "unknown_court"
UNREADABLE_LEVEL = "unreadable_level"
UNREADABLE_DOB = "unreadable_dob"
OVER_LIMIT = "over_limit"
SKIP_REASONS = (UNREADABLE_CHARGE, NO_DISPOSITION, UNREADABLE_DATE, UNKNOWN_COURT, UNREADABLE_LEVEL,
                UNREADABLE_DOB, OVER_LIMIT)


class NotARapSheet(ValueError):
    """The text has no event header or no count: it is not a RAP sheet."""

    def __init__(self) -> None:
        super().__init__(NOT_A_RAP_SHEET)


COURT, ARREST, SUPPLEMENTAL_ARREST, REGISTRATION = "COURT", "ARR/DET/CITE", "SUPPLEMENTAL ARR", "REGISTRATION"
ARRESTS = (ARREST, SUPPLEMENTAL_ARREST)

_CYCLE = re.compile(r"^\*(?:[\s.]*\*){2,3}$")
_EVENT = re.compile(r"^-(?:\s*-){2,}$")
_PAGE = re.compile(r"^PAGE\s+\d+\s+OF\s+\d+$")
_HEADER = re.compile(
    r"^(ARR/DET/CITE|SUPPLEMENTAL ARR|COURT|CUSTODY|PROBATION|REGISTRATION|DECEASED|APPLICANT"
    r"|MENTAL HLTH CUS/SUPV)(?:\s*:|\s+NAM:|\s+DOB:|\s*$)"
)
_DATE_LINE = re.compile(r"^(\S*\d\S*)(?:\s+(.*))?$")
_LONE_DATE = re.compile(r"^\d{6,10}$")
_UPDATE = re.compile(r"^\d{8}\s+(DISPO:.*)$")
_CNT = re.compile(r"^CNT:\s*(\d{1,3})(?:\s*-\s*(\d{1,3}))?\s*(?:#\s*(.*))?$")
_TOC = re.compile(r"\bTOC:\s*\S*")
_CHRG = re.compile(r"\bCHRG\s*[-:]?\s*(.*)$")
_SEVENTEEN_B = re.compile(r"\b17\s*\(\s*B\s*\)")
_STRAY = " .\u2022-'*:"

# The OCR slips the spec lists, and no others.
_OCR = (
    (re.compile(r"^NAME:"), "NAM:"),
    (re.compile(r"^CN[IÍ]:"), "CNT:"),
    (re.compile(r"^(DISPO|CNT|SEN|COM|CONV STATUS)\s+:"), r"\1:"),
    (re.compile(r"^CONV\s+STATIS[.:]"), "CONV STATUS:"),
    (re.compile(r"^ARR/PET/CITE"), "ARR/DET/CITE"),
    (re.compile(r"^COURI\b"), "COURT"),
    (re.compile(r"\bTNFRACTION\b"), "INFRACTION"),
)
_LEVELS = ("FELONY", "MISDEMEANOR", "INFRACTION")


@dataclass
class _Count:
    line: int
    position: int
    case_number: str | None
    charge_seen: bool = False
    charge: Charge | None = None
    comment_charge: Charge | None = None
    dispositions: list[str] = field(default_factory=list)
    levels: list[tuple[int, str | None]] = field(default_factory=list)  # (line, level or None)


@dataclass
class _Event:
    kind: str | None
    line: int
    date_line: int | None = None
    date: str | None = None
    agency: Agency | None = None
    agency_line: int | None = None
    counts: list[_Count] = field(default_factory=list)

    @property
    def dispositions(self) -> list[str]:
        return [d for count in self.counts for d in count.dispositions]


@dataclass
class _Subject:
    cii: str | None = None
    name: str | None = None
    dob: str | None = None
    dob_line: int | None = None
    dob_seen: bool = False


def _lines(text: str) -> list[str]:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _squash(line: str) -> str:
    """Upper case, one space for any run of whitespace, dashes for en/em dashes."""
    line = line.replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(line.upper().split())


# One search tells whether any repair applies, so a clean line costs one regex, not seven.
_OCR_HINT = re.compile(r"^(?:NAME:|CN[IÍ]:|(?:DISPO|CNT|SEN|COM|CONV STATUS)\s+:|CONV\s+STATIS|ARR/PET|COURI)"
                       r"|TNFRACTION")


def _clean(line: str) -> str:
    line = line.lstrip(_STRAY)
    if _OCR_HINT.search(line):
        for pattern, repl in _OCR:
            line = pattern.sub(repl, line)
    return line


def _level(text: str) -> str | None:
    found = [word for word in _LEVELS if word in text]
    return found[0].lower() if len(found) == 1 else None


class _Reader:
    def __init__(self) -> None:
        self.cycles: list[list[_Event]] = []
        self.subject = _Subject()
        self.event: _Event | None = None
        self.count: _Count | None = None
        self.pending_event = False  # "- - - -" seen: the next header belongs to that event
        self.awaiting = None  # "date" | "agency": the header's next line
        self.any_header = False
        self.any_count = False

    # --- structure ---
    def _cycle(self) -> list[_Event]:
        if not self.cycles:
            self.cycles.append([])
        return self.cycles[-1]

    def _new_event(self, kind: str | None, line: int) -> _Event:
        event = _Event(kind, line)
        self._cycle().append(event)
        self.event, self.count = event, None
        return event

    def feed(self, number: int, raw: str) -> None:
        line = _squash(raw)
        if not line or _PAGE.match(line):
            return
        if _CYCLE.match(line):
            self.cycles.append([])
            self.event = self.count = None
            self.pending_event, self.awaiting = False, None
            return
        if _EVENT.match(line):
            self._new_event(None, number)
            self.pending_event, self.awaiting = True, None
            return
        flag = line.startswith("-")
        line = _clean(line)
        if not line:
            return
        if self.awaiting and self._date_or_agency(number, line):
            return
        header = _HEADER.match(line)
        if header:
            self._header(number, header[1])
            return
        if self.event is None:
            self._preamble(number, line)
            return
        self._body(number, line, flag)

    def _header(self, number: int, kind: str) -> None:
        self.any_header = True
        event = self.event
        if self.pending_event and event is not None and not event.counts and event.kind is None:
            event.kind, event.line = kind, number
        else:
            self._new_event(kind, number)
        self.pending_event, self.awaiting = False, "date"

    def _date_or_agency(self, number: int, line: str) -> bool:
        event = self.event
        if event is None:  # a header always opens an event first; never reached
            return False
        if self.awaiting == "agency":
            self.awaiting = None
            if line.startswith("CNT:") or _HEADER.match(line):
                return False
            event.agency, event.agency_line = read_agency(_TOC.sub("", line)), number
            return True
        self.awaiting = None
        match = _DATE_LINE.match(line)
        if match is None or sum(ch.isdigit() for ch in match[1]) < 4 or line.startswith("CNT:"):
            return False
        event.date_line, event.date = number, read_date(match[1])
        rest = _TOC.sub("", match[2] or "").strip()
        if rest:
            event.agency, event.agency_line = read_agency(rest), number
        else:
            self.awaiting = "agency"
        return True

    def _preamble(self, number: int, line: str) -> None:
        subject = self.subject
        if line.startswith("CII/") and subject.cii is None:
            subject.cii = line[4:].split(" ")[0] or None
        elif line.startswith("DOB/") and not subject.dob_seen:
            subject.dob_seen, subject.dob_line = True, number
            subject.dob = read_date(line[4:].split(" ")[0])
        elif line.startswith("NAM/") and subject.name is None:
            parts = line[4:].split(" ", 1)
            subject.name = parts[1].strip() if len(parts) == 2 and parts[1].strip() else None
        elif line.startswith("CNT:"):
            # A count before any header: an event of unknown kind, so it is never listed.
            self._new_event(None, number)
            self._body(number, line, False)

    def _body(self, number: int, line: str, flag: bool) -> None:
        event = self.event
        if event is None:
            return
        cnt = _CNT.match(line)
        if cnt:
            self.any_count = True
            first = int(cnt[1])
            last = int(cnt[2]) if cnt[2] else first
            case = " ".join(cnt[3].split()) if cnt[3] else None
            for _ in range(max(1, min(last - first + 1, 99))):
                self.count = _Count(number, len(event.counts) + 1, case)
                event.counts.append(self.count)
            return
        count = self.count
        update = _UPDATE.match(line)
        if update:
            line = update[1]
        elif _LONE_DATE.match(line):
            return  # an update's date: what follows belongs to the count above
        if count is None:
            return
        for sibling in self._range(count):
            self._count_line(sibling, number, line, flag)

    def _range(self, count: _Count) -> list[_Count]:
        """The counts a line belongs to: ``CNT:01-03`` makes three like counts."""
        counts = self.event.counts if self.event is not None else [count]
        return [c for c in counts if c.line == count.line]

    def _count_line(self, count: _Count, number: int, line: str, flag: bool) -> None:
        if line.startswith("DISPO:"):
            text = line[6:].strip()
            count.dispositions.append(text)
            if _SEVENTEEN_B.search(text):
                count.levels.append((number, "misdemeanor"))
        elif line.startswith("CONV STATUS:"):
            count.levels.append((number, _level(line[12:])))
        elif line.startswith("COM:"):
            chrg = _CHRG.search(line)
            if chrg:
                charge = read_charge(chrg[1])
                if charge is not None:
                    count.comment_charge = charge
        elif line.startswith(("SEN:", "ARR BY:", "TOC:", "SEN FROM:")):
            return
        elif not count.charge_seen:
            charge = read_charge(line)
            if flag and charge is None:
                return  # a flag such as "-WARRANT", not the charge
            count.charge_seen, count.charge = True, charge


def _collect(text: str) -> _Reader:
    reader = _Reader()
    for number, raw in enumerate(_lines(text), start=1):
        reader.feed(number, raw)
    if not (reader.any_header and reader.any_count):
        raise NotARapSheet()
    return reader


def _convicted(event: _Event, count: _Count) -> bool:
    juvenile = event.agency is not None and event.agency.court == "juvenile"
    words = ("CONVICTED", "SUSTAINED") if juvenile else ("CONVICTED",)
    return any(d.startswith(words) for d in count.dispositions)


def _relieved(event: _Event) -> bool:
    for text in event.dispositions:
        if "11361.8" in text:
            return True
        if "1203.4" in text and ("DISM" in text or "SET ASIDE" in text):
            return True
    return False


def _case_number(event: _Event, count: _Count) -> str | None:
    for earlier in reversed(event.counts[: event.counts.index(count) + 1]):
        if earlier.case_number:
            return earlier.case_number if len(earlier.case_number) <= MAX_CASE_NUMBER else None
    return None


def parse(text: str) -> dict:
    """The RAP sheet's cannabis convictions and what could not be read; raises NotARapSheet."""
    reader = _collect(text)
    skipped: set[tuple[int, str]] = set()
    convictions: list[dict] = []
    sources: dict[str, dict] = {}
    relieved: list[str] = []
    listed = 0
    subject = reader.subject

    for c_index, cycle in enumerate(reader.cycles, start=1):
        for e_index, event in enumerate(cycle, start=1):
            if event.kind != COURT:
                continue
            for count in event.counts:
                charge = count.comment_charge or count.charge
                if not _convicted(event, count):
                    if charge is not None and charge.listed and not count.dispositions:
                        skipped.add((count.line, NO_DISPOSITION))
                    continue
                if charge is None:
                    skipped.add((count.line, UNREADABLE_CHARGE))
                    continue
                if not charge.listed:
                    continue
                listed += 1
                if listed > MAX_CONVICTIONS:
                    skipped.add((count.line, OVER_LIMIT))
                    continue
                ident = f"{c_index}-{e_index}-{count.position}"
                conviction, source = _conviction(ident, cycle, event, count, charge, skipped)
                convictions.append(conviction)
                sources[ident] = source
                if _relieved(event):
                    relieved.append(ident)

    person: dict = {}
    if subject.dob_seen:
        if subject.dob:
            person["date_of_birth"] = subject.dob
        else:
            skipped.add((subject.dob_line or 0, UNREADABLE_DOB))
    registrant = _registrant(reader.cycles, convictions, skipped)
    if registrant:
        person["sex_offender_registrant"] = registrant

    found = {key: value for key, value in (("cii", subject.cii), ("name", subject.name)) if value}
    return {
        "screening": {"person": person, "convictions": convictions},
        "already_relieved": relieved,
        "skipped": [{"line": line, "reason": reason} for line, reason in sorted(skipped)],
        "subject": found,
        "sources": sources,
    }


def _conviction(ident: str, cycle: list[_Event], event: _Event, count: _Count, charge: Charge,
                skipped: set[tuple[int, str]]) -> tuple[dict, dict]:
    conviction: dict = {"id": ident, "section": charge.section}
    if charge.subdivision and charge.cannabis:
        conviction["subdivision"] = charge.subdivision
    if count.levels:
        for line, value in count.levels:
            if value is None:
                skipped.add((line, UNREADABLE_LEVEL))
        if count.levels[-1][1]:
            conviction["level"] = count.levels[-1][1]
    # No offense date is recorded: the arrest that began the cycle is the closer bound (law.md G1).
    position = cycle.index(event)
    arrest = next((e for e in cycle[:position] if e.kind in ARRESTS), None)
    origin = arrest or event
    if origin.date:
        conviction["offense_date"] = origin.date
    else:
        skipped.add((origin.date_line or origin.line, UNREADABLE_DATE))
    agency = event.agency
    county = county_of(agency.name) if agency is not None and agency.court else None
    if county:
        conviction["county"] = county
    else:
        skipped.add((event.agency_line or event.date_line or event.line, UNKNOWN_COURT))
    case = _case_number(event, count)
    if case:
        conviction["case_number"] = case
    conviction["court"] = "juvenile" if agency is not None and agency.court == "juvenile" else "adult"
    source: dict = {"line": count.line}
    if agency is not None:
        source["agency"] = str(agency)
    source["offense_date_from"] = "arrest" if arrest else "court"
    return conviction, source


def _is_290(charge: Charge | None) -> bool:
    return charge is not None and re.match(r"^290\b.*\bPC$", charge.section) is not None


def _registrant(cycles: list[list[_Event]], convictions: list[dict],
                skipped: set[tuple[int, str]]) -> str | None:
    registrations = [e for cycle in cycles for e in cycle if e.kind == REGISTRATION
                     and any(_is_290(c.comment_charge or c.charge) for c in e.counts)]
    if not registrations:
        return None
    for event in registrations:
        if not event.date:
            skipped.add((event.date_line or event.line, UNREADABLE_DATE))
    dates = [c.get("offense_date") for c in convictions]
    if dates and all(dates):
        earliest = min(dates)
        if any(e.date and e.date < earliest for e in registrations):
            return "yes"
    return "unknown"
