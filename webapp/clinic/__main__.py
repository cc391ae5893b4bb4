"""Command line: ``python -m webapp.clinic INPUT.csv -o RESULTS.csv [--packets DIR] [--summaries DIR]``.

The same checks as the clinic page, for an advocate's own computer. RESULTS.csv gets every row
with its results; --packets writes one court packet PDF per client with petitioner details, and
--summaries one summary PDF per client in the client's language. Each problem is one line on
standard error, "INPUT.csv: Row 7, column level: …"; the valid rows' results are still written,
and the exit status is then 2. The file-size and row limits of the website do not apply here.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path

from flask import g

from .. import languages
from . import messages as m
from . import output, packets, summaries
from .batch import assess_csv

STDIN = "-"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m webapp.clinic",
        description="Check a clinic's CSV of cannabis convictions under Proposition 64 (HSC 11361.8).",
    )
    parser.add_argument("input", metavar="INPUT.csv", help="one row per conviction; - for standard input")
    parser.add_argument("-o", "--output", required=True, metavar="RESULTS.csv",
                        help="where to write the results")
    parser.add_argument("--packets", metavar="DIR", help="write a court packet PDF per client with a name")
    parser.add_argument("--summaries", metavar="DIR", help="write a one-page summary PDF per client")
    parser.add_argument("--lang", choices=languages.CODES, default="en",
                        help="language of the messages, and of clients whose lang cell is empty")
    return parser.parse_args(argv)


def _write_all(directory: str, files) -> None:
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in files:
        (folder / name).write_bytes(make())


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    label = "stdin" if args.input == STDIN else args.input
    try:
        data = sys.stdin.buffer.read() if args.input == STDIN else Path(args.input).read_bytes()
    except OSError as error:
        print(f"{label}: cannot be read ({error.strerror})", file=sys.stderr)
        return 2
    from webapp import create_app

    # An app only for its templates and translations: a throwaway key, no request is ever served.
    app = create_app({"SECRET_KEY": secrets.token_urlsafe(32)})
    with app.test_request_context(f"/{args.lang}/clinic"):
        g.lang = args.lang
        try:
            batch = assess_csv(data, args.lang, max_rows=None)
        except m.FileProblems as error:
            for problem in error.problems:
                print(f"{label}: {problem.text()}", file=sys.stderr)
            return 2
        Path(args.output).write_bytes(output.results_csv(batch))
        for problem in [*batch.notices, *batch.problems]:
            print(f"{label}: {problem.text()}", file=sys.stderr)
        if args.packets:
            _write_all(args.packets, [
                (packets.file_name(c), lambda c=c: packets.packet_pdf(c))
                for c in batch.packet_clients
            ])
        if args.summaries:
            _write_all(args.summaries, [
                (packets.file_name(c, "summary"), lambda c=c: summaries.pdf(c, batch.as_of))
                for c in batch.summary_clients
            ])
    return 2 if batch.problems else 0


if __name__ == "__main__":
    sys.exit(main())
