"""Command line: ``python -m webapp.eligibility [FILE ...]``, for clinics screening in bulk.

Each FILE (standard input when there is none, or for ``-``) holds one screening object, a JSON
array of them, or JSON Lines (one object per line). One result per screening is printed to
standard output as JSON Lines, in input order. A screening that breaks the contract gets one line
on standard error naming the field path, ``PATH: MESSAGE`` (for example
``convictions[1].level: must be one of felony, misdemeanor, infraction, unknown``); the other
screenings are still assessed and printed, and the exit status is 2.

When the run holds more than one screening, the line starts with WHERE the screening is, as in
``clients.jsonl:3: convictions[1].level: ...``: the file (``stdin`` for standard input), then
``[i]`` for the i-th element (from 0) of a JSON array or ``:n`` for line n of JSON Lines.
PATH ``$`` is the screening itself.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from . import assess
from .errors import InputError
from .screening import ROOT

STDIN = "-"


def _documents(text: str, label: str) -> Iterator[tuple[str, object]]:
    """(where, parsed JSON or an InputError) for each screening in one input."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        yield label, InputError(ROOT, "no screening found (expected a JSON object, array or JSON Lines)")
        return
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg != "Extra data":  # one broken document, not several documents in a row
            where = f"line {error.lineno} column {error.colno}"
            yield f"{label}:{error.lineno}", InputError(ROOT, f"not valid JSON ({error.msg}, {where})")
            return
        yield from _lines(text, label)
        return
    if isinstance(whole, list):
        for index, item in enumerate(whole):
            yield f"{label}[{index}]", item
    else:
        yield label, whole


def _lines(text: str, label: str) -> Iterator[tuple[str, object]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"{label}:{number}", json.loads(line)
        except json.JSONDecodeError as error:
            yield f"{label}:{number}", InputError(ROOT, f"not valid JSON ({error.msg})")


def _read(name: str) -> str:
    if name == STDIN:
        return sys.stdin.read()
    return Path(name).read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m webapp.eligibility",
        description="Assess Proposition 64 screenings (HSC 11361.8) and print one JSON result per line.",
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE",
        help="a screening object, a JSON array of them, or JSON Lines; - or none for standard input",
    )
    names = parser.parse_args(argv).files or [STDIN]
    failed = False
    documents: list[tuple[str, object]] = []
    for name in names:
        label = "stdin" if name == STDIN else name
        try:
            documents += _documents(_read(name), label)
        except (OSError, UnicodeDecodeError) as error:
            why = getattr(error, "strerror", None) or error
            print(f"{label}: {ROOT}: cannot be read ({why})", file=sys.stderr)
            failed = True
    # One screening needs no "where"; in a batch the line must say which screening it is.
    single = len(documents) == 1
    for where, document in documents:
        try:
            if isinstance(document, InputError):
                raise document
            result = assess(document)
        except InputError as error:
            prefix = "" if single else f"{where}: "
            print(f"{prefix}{error.path}: {error.message}", file=sys.stderr)
            failed = True
            continue
        sys.stdout.write(json.dumps(result) + "\n")
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
