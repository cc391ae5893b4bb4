"""A RAP sheet read, with the engine's answer for each conviction it lists (``expected_relief``)."""

from __future__ import annotations

from ..eligibility import InputError, assess
from .rap_sheet import parse


def expected_relief(screening: dict) -> dict[str, str]:
    """id -> relief. Empty when nothing was listed (the engine needs at least one conviction)."""
    if not screening["convictions"]:
        return {}
    try:
        result = assess(screening)
    except InputError:
        # The reader emits only contract values; should a county slug ever fall out of the
        # engine's list, the page still shows what was read, without an answer.
        return {}
    return {r["id"]: r["relief"] for r in result["results"]}


def read(text: str) -> dict:
    """``parse`` plus ``expected_relief``; raises NotARapSheet."""
    found = parse(text)
    found["expected_relief"] = expected_relief(found["screening"])
    return found
