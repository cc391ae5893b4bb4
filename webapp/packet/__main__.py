"""python -m webapp.packet INPUT.json -o OUT.pdf [--lang es]

INPUT holds {"screening": ..., "petitioner": ...} ("-" reads standard input). Invalid input:
one line on standard error naming the field, exit 2, and no output file is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from webapp import bounded_json
from webapp.eligibility.errors import InputError
from webapp.packet import render

MAX_INPUT_BYTES = 64 * 1024  # the same bound as the HTTP endpoint


def parse_request(raw: bytes) -> tuple[dict, dict]:
    """The screening and petitioner of a packet request body (shared with the HTTP view)."""
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError("", f"input is larger than {MAX_INPUT_BYTES // 1024} KiB")
    data = bounded_json.loads(raw, "", detail=True)
    if not isinstance(data, dict):
        raise InputError("", "must be an object with screening and petitioner")
    for key in ("screening", "petitioner"):
        if key not in data:
            raise InputError(key, "is required")
    return data["screening"], data["petitioner"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webapp.packet", description=__doc__.splitlines()[0])
    parser.add_argument("input", help='JSON file with "screening" and "petitioner" ("-" for standard input)')
    parser.add_argument("-o", "--output", required=True, help="where to write the PDF")
    parser.add_argument("--lang", default="en", help="language of the instructions: en (default) or es")
    args = parser.parse_args(argv)
    try:
        raw = sys.stdin.buffer.read() if args.input == "-" else Path(args.input).read_bytes()
    except OSError as error:
        print(f"cannot read {args.input}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        screening, petitioner = parse_request(raw)
        pdf = render(screening, petitioner, args.lang)
    except InputError as error:
        message = " ".join(str(error).split())  # one line, whatever the message holds
        print(message if error.path else error.message, file=sys.stderr)
        return 2
    Path(args.output).write_bytes(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
