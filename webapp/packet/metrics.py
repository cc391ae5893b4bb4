"""Text widths in the bundled Liberation Sans, to shrink a long value until it fits its field.

A filled-in value must never spill over the printed labels next to it, and must never be cut
off either (a clerk would read a truncated name or case number as a different one).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONT = Path(__file__).resolve().parent.parent / "static" / "fonts" / "LiberationSans-Regular.ttf"


@cache
def _advances() -> tuple[dict[int, int], int, int]:
    with TTFont(FONT, lazy=True) as font:
        hmtx = font["hmtx"]
        widths = {code: hmtx[name][0] for code, name in font.getBestCmap().items()}
        return widths, font["head"].unitsPerEm, hmtx[".notdef"][0]


def width_em(text: str) -> float:
    widths, units, missing = _advances()
    return sum(widths.get(ord(ch), missing) for ch in text) / units


def fit_size(text: str, width_pt: float, preferred: float, minimum: float) -> float:
    """The largest size up to `preferred` at which `text` fits `width_pt`, but never below `minimum`."""
    em = width_em(text)
    if em == 0:
        return preferred
    return round(max(minimum, min(preferred, width_pt / em)), 2)
