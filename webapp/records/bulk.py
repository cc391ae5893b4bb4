"""Running the DOJ reader over a whole file, with N processes on one machine.

The file is cut into N byte ranges; each cut is moved forward to the first line whose SUBJECT_ID
differs from the line where the cut fell, so a subject is never split between two processes (the
same rule on both sides of a cut). Each process streams its range into a part file; the parts are
joined in order, so RESULTS.csv is the same whatever N is. Row numbers stay the file's own: each
range starts at a known line, found by counting newlines (fast, in C).

Assumption: a quoted field never holds a line break where a cut falls. DOJ fields do not contain
line breaks; a file that did would still be read correctly with --jobs 1.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..eligibility import RULES_VERSION
from ..spreadsheet_safety import RISKY_FIRST, neutralise
from .doj import RESULT_COLUMNS, Tally, run

# subject_id, cii, name, case_number, section: the result columns copied from the DOJ file.
FREE_TEXT = (1, 2, 3, 5, 7)
_CHUNK = 1 << 24


def _subject_of(line: bytes) -> bytes:
    parts = line.split(b",", 3)
    return parts[2].strip().strip(b'"').strip() if len(parts) > 2 else b""


def _boundary(handle, position: int, size: int) -> int:
    """The start of the first line at or after ``position`` that begins a new subject."""
    if position <= 0:
        return 0
    if position >= size:
        return size
    handle.seek(position - 1)
    if handle.read(1) != b"\n":
        handle.readline()
    first = None
    while True:
        start = handle.tell()
        line = handle.readline()
        if not line:
            return size
        subject = _subject_of(line)
        if not subject:
            continue  # padding or a row the reader skips: it belongs to no subject
        if first is None:
            first = subject
        elif subject != first:
            return start


def _first_lines(handle, cuts: list[int]) -> list[int]:
    """The 1-based line number at each (sorted) byte offset, in one pass over the file."""
    handle.seek(0)
    lines, position, newlines = [], 0, 0
    for cut in cuts:
        while position < cut:
            block = handle.read(min(_CHUNK, cut - position))
            if not block:
                break
            newlines += block.count(b"\n")
            position += len(block)
        lines.append(newlines + 1)
    return lines


def partitions(path: str, jobs: int) -> list[tuple[int, int, int]]:
    """(start, end, first line) of each part; fewer than ``jobs`` if the file is small."""
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        cuts = sorted({_boundary(handle, size * i // jobs, size) for i in range(jobs)} | {size})
        firsts = _first_lines(handle, cuts)
        parts = [(a, b, line) for a, b, line in zip(cuts, cuts[1:], firsts, strict=False) if b > a]
        return parts or [(0, size, 1)]


class _Range(io.RawIOBase):
    """Bytes ``start`` to ``end`` of a file, so the C text and csv readers stream a part at full speed."""

    def __init__(self, path: str, start: int, end: int) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 - closed in close()
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._left <= 0:
            return 0
        view = memoryview(buffer)[: min(len(buffer), self._left)]
        count = self._file.readinto(view)
        self._left -= count or 0
        return count or 0

    def close(self) -> None:
        self._file.close()
        super().close()


def _text(path: str, start: int, end: int) -> io.TextIOWrapper:
    raw = io.BufferedReader(_Range(path, start, end), buffer_size=1 << 20)
    encoding = "utf-8-sig" if start == 0 else "utf-8"  # a byte-order mark can only open the file
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")


def _writer(handle):
    return csv.writer(handle, lineterminator="\n")


def run_part(path: str, start: int, end: int, first_line: int, out_path: str, as_of: str,
             county: str | None) -> Tally:
    tally = Tally()
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        write = _writer(out).writerow

        def emit(row: list[str]) -> None:
            # Only the cells copied from the file can start with a formula character; the rest
            # are our own codes, numbers and dates.
            for index in FREE_TEXT:
                cell = row[index]
                if cell and cell[0] in RISKY_FIRST:
                    row[index] = neutralise(cell)
            write(row)

        with _text(path, start, end) as lines:
            run(lines, emit, tally, as_of=as_of, county=county, first_line=first_line)
    return tally


def run_file(path: str, results: str, *, as_of: str, county: str | None = None, jobs: int = 1) -> dict:
    """Read the DOJ file at ``path``, write RESULTS.csv, return the summary object."""
    parts = partitions(path, jobs) if jobs > 1 else [(0, os.path.getsize(path), 1)]
    with tempfile.TemporaryDirectory(prefix="doj-") as work:
        outputs = [str(Path(work) / f"part-{i:04d}.csv") for i in range(len(parts))]
        arguments = [(path, a, b, line, out, as_of, county)
                     for (a, b, line), out in zip(parts, outputs, strict=True)]
        if len(parts) == 1:
            tallies = [run_part(*arguments[0])]
        else:
            with ProcessPoolExecutor(max_workers=min(jobs, len(parts))) as pool:
                tallies = list(pool.map(run_part, *zip(*arguments, strict=False)))
        with open(results, "w", encoding="utf-8", newline="") as out:
            _writer(out).writerow(RESULT_COLUMNS)
            for part in outputs:
                with open(part, encoding="utf-8", newline="") as handle:
                    shutil.copyfileobj(handle, out)
    total = Tally()
    for tally in tallies:
        total.merge(tally)
    return total.summary(RULES_VERSION, as_of)
