"""Command line.

``python -m webapp.records rap-sheet FILE|-``: one JSON object on standard output, exit 0 (also
when nothing is found); a text that is not a RAP sheet, or not UTF-8: one line on standard
error, exit 2.

``python -m webapp.records doj FILE -o RESULTS.csv [--summary SUMMARY.json] [--as-of DATE]
[--county NAME] [--jobs N]``: exit 0 when the run completes (bad rows are in the summary); exit 2
with one line on standard error when FILE cannot be read or an option is invalid.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from .rap_sheet import NotARapSheet
from .screen import read

STDIN = "-"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as everywhere else
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(2)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = _Parser(prog="python -m webapp.records",
                     description="Read criminal records into Proposition 64 screenings.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    rap = commands.add_parser("rap-sheet", help="read one RAP sheet's text; print a JSON screening")
    rap.add_argument("file", metavar="FILE", help="the RAP sheet as text; - for standard input")
    doj = commands.add_parser("doj", help="run a DOJ bulk research file; write results and a summary")
    doj.add_argument("file", metavar="FILE")
    doj.add_argument("-o", "--output", required=True, metavar="RESULTS.csv")
    doj.add_argument("--summary", metavar="SUMMARY.json")
    doj.add_argument("--as-of", metavar="DATE", help="the evaluation date, YYYY-MM-DD (default: today)")
    doj.add_argument("--county", metavar="NAME", help="only convictions in this county")
    doj.add_argument("--jobs", type=int, default=1, metavar="N", help="processes to use (default 1)")
    return parser.parse_args(argv)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def rap_sheet(source: str) -> int:
    try:
        data = sys.stdin.buffer.read() if source == STDIN else Path(source).read_bytes()
    except OSError as error:
        return _fail(f"{source}: cannot read: {error.strerror}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _fail("not a RAP sheet: the text is not UTF-8")
    try:
        found = read(text)
    except NotARapSheet as error:
        return _fail(str(error))
    print(json.dumps(found, ensure_ascii=False))
    return 0


def doj(options: argparse.Namespace) -> int:
    from ..counties import find
    from .bulk import run_file

    as_of = options.as_of or dt.date.today().isoformat()
    try:
        dt.date.fromisoformat(as_of)
    except ValueError:
        return _fail(f"--as-of: {as_of!r} is not a date (YYYY-MM-DD)")
    county = None
    if options.county:
        found = find(options.county)
        if found is None:
            return _fail(f"--county: {options.county!r} is not a California county")
        county = found.slug
    if options.jobs < 1 or options.jobs > (os.cpu_count() or 1) * 4:
        return _fail(f"--jobs: must be between 1 and {(os.cpu_count() or 1) * 4}")
    if not os.path.isfile(options.file) or not os.access(options.file, os.R_OK):
        return _fail(f"{options.file}: cannot read the file")
    try:
        summary = run_file(options.file, options.output, as_of=as_of, county=county, jobs=options.jobs)
    except OSError as error:
        return _fail(f"{error.filename or options.output}: {error.strerror}")
    if options.summary:
        try:
            with open(options.summary, "w", encoding="utf-8") as handle:
                json.dump(summary, handle, ensure_ascii=False, indent=1)
        except OSError as error:
            return _fail(f"{options.summary}: {error.strerror}")
    return 0


def main(argv: list[str] | None = None) -> int:
    options = _arguments(argv)
    if options.command == "rap-sheet":
        return rap_sheet(options.file)
    return doj(options)


if __name__ == "__main__":
    sys.exit(main())
