"""python -m webapp.packet INPUT.json -o OUT.pdf [--lang es]

INPUT holds {"screening": ..., "petitioner": ...} and, optionally, "options": {"proposed_order":
true} ("-" reads standard input). Invalid input:
one line on standard error naming the field, exit 2, and no output file is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from webapp import bounded_json, languages
from webapp.config import MAX_BODY_BYTES as MAX_INPUT_BYTES  # the same bound as the HTTP endpoint
from webapp.eligibility.errors import InputError
from webapp.packet import render, validate


def parse_request(raw: bytes) -> tuple[dict, dict, dict]:
    """The screening, petitioner and render options of a packet request body (shared with the
    HTTP view); the options are keyword arguments for render()."""
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError("", f"input is larger than {MAX_INPUT_BYTES // 1024} KiB")
    data = bounded_json.loads(raw, "", detail=True)
    if not isinstance(data, dict):
        raise InputError("", "must be an object with screening and petitioner")
    for key in ("screening", "petitioner"):
        if key not in data:
            raise InputError(key, "is required")
    return data["screening"], data["petitioner"], validate.options(data.get("options"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webapp.packet", description=__doc__.splitlines()[0])
    parser.add_argument("input", help='JSON file with "screening" and "petitioner" ("-" for standard input)')
    parser.add_argument("-o", "--output", required=True, help="where to write the PDF")
    parser.add_argument("--lang", default=languages.DEFAULT, choices=languages.CODES,
                        help="language of the instructions (default en)")
    args = parser.parse_args(argv)
    listed = languages.get(args.lang)
    problems = languages.catalog_problems(languages=[listed])
    if problems:
        # Asked for a language by name: English instructions instead would be a silent surprise.
        print(f"cannot write the instructions in {args.lang}: {problems[0]}", file=sys.stderr)
        return 2
    try:
        raw = sys.stdin.buffer.read() if args.input == "-" else Path(args.input).read_bytes()
    except OSError as error:
        print(f"cannot read {args.input}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        screening, petitioner, options = parse_request(raw)
        pdf = render(screening, petitioner, args.lang, **options)
    except InputError as error:
        message = " ".join(str(error).split())  # one line, whatever the message holds
        print(message if error.path else error.message, file=sys.stderr)
        return 2
    Path(args.output).write_bytes(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
