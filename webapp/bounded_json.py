"""JSON request bodies read with bounds, so that no body can turn into a 500.

The standard library's parser has three ways to fail that are not ``JSONDecodeError``: nesting
about a thousand deep (``RecursionError``), an integer of more than 4,300 digits (``ValueError``
from ``int``), and ``\\ud800``-style escapes that decode to lone surrogates, which parse fine but
cannot be written back out as UTF-8 (the API's answer, the PDF writer). Each is refused here as an
InputError naming the problem, which both APIs answer with a 400.

The bounds are far above anything the contract needs: a packet request is four levels deep and
its numbers are ages and counts of one to three digits.
"""

from __future__ import annotations

import json
import re

from webapp.eligibility.errors import InputError

MAX_DEPTH = 20
MAX_NUMBER_CHARS = 20  # digits, sign, point and exponent together
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")
SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_MESSAGE = "must not contain a lone surrogate (\\ud800 to \\udfff): send text as UTF-8"


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


def _number(parse):
    def read(text: str):
        if len(text) > MAX_NUMBER_CHARS:
            raise _Refused(f"numbers must be at most {MAX_NUMBER_CHARS} characters long")
        return parse(text)

    return read


def _constant(name: str):
    raise _Refused(f"{name} is not valid JSON; numbers must be finite")


def _depth(text: str) -> int:
    # Strings removed first: a bracket inside a name is not nesting.
    deepest = depth = 0
    for bracket in _BRACKET.findall(_STRING.sub('""', text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _check_text(value, path: str) -> None:
    """Every string, keys included, free of lone surrogates; the path names the first one found."""
    if isinstance(value, str):
        if SURROGATE.search(value):
            raise InputError(path, SURROGATE_MESSAGE)
    elif isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path not in ("", "$") else key
            if SURROGATE.search(key):
                raise InputError(path, "must not have a key with a lone surrogate (\\ud800 to \\udfff)")
            _check_text(item, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_text(item, f"{path}[{index}]")


def loads(raw: bytes | str, root: str = "$", *, detail: bool = False):
    """The parsed body; InputError (path `root`, or the field's path for text) when it is refused.
    `detail` adds where the syntax error is (the command line shows it; the API keeps its contract)."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        raise InputError(root, "must be valid JSON in UTF-8") from None
    if _depth(text) > MAX_DEPTH:
        raise InputError(root, f"must not be nested more than {MAX_DEPTH} levels deep")
    try:
        data = json.loads(text, parse_int=_number(int), parse_float=_number(float), parse_constant=_constant)
    except _Refused as refused:
        raise InputError(root, refused.message) from None
    except json.JSONDecodeError as error:
        raise InputError(root, f"not valid JSON: {error}" if detail else "must be valid JSON") from None
    _check_text(data, root)
    return data
