"""Read the code section as people and court records write it.

"11357", "HS 11357(a)", "H&S 11359", "HSC11360(a)(2)", "11358(c) HS", "PC 4573.6", "HS 11350".
The answer is one of four kinds:

- ``in_scope``: a Health and Safety Code section that section 11361.8 covers (G2);
- ``prison``: Penal Code 4573.6 / 4573.8, cannabis in a prison or jail (X1, People v. Raybon);
- ``other``: any other section, which section 11361.8 does not reach;
- ``unclear``: text we cannot read with confidence but that mentions a covered section (an attempt
  such as "664/11357", a Prop 64 number under another code's name such as "PC 11357"), or that has
  no section number at all ("unknown", "marijuana"). Guessing "not eligible" there could turn
  someone away who qualifies, so those go to a person (needs_review).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .parameters import LAW

IN_SCOPE, PRISON, OTHER, UNCLEAR = "in_scope", "prison", "other", "unclear"

_STRICT = re.compile(
    r"""^(?P<pre>[A-Z&.\s]*?)\s*(?:§+|SECTION|SEC\.?)?\s*
        (?P<number>\d{1,6}(?:\.\d{1,3})?)
        (?P<sub>(?:\s*\(\s*[A-Z0-9]{1,3}\s*\))*)
        \s*(?P<post>[A-Z&.\s]*)$""",
    re.VERBOSE,
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SUBDIVISION = re.compile(r"^\(?\s*([A-Z])\s*\)?((?:\s*\(\s*[A-Z0-9]{1,3}\s*\))*)$")

# What a code's name looks like once spaces and dots are gone.
_HEALTH_AND_SAFETY = frozenset({"", "HS", "H&S", "HSC", "H&SC", "HANDS", "HEALTHANDSAFETY", "HEALTH&SAFETY",
                                "HEALTHANDSAFETYCODE", "HEALTH&SAFETYCODE"})
_PENAL = frozenset({"", "PC", "PEN", "PENAL", "PENALCODE"})


class Section(NamedTuple):
    kind: str  # IN_SCOPE | PRISON | OTHER | UNCLEAR
    number: str | None  # "11357" for a covered section, else None
    subdivision: str | None  # "a", "a(2)": as written, lower case, without the outer brackets


def _code(pre: str, post: str) -> str:
    # "11358(c) HS" puts the code after the number; words after it ("HS 11350 POSSESSION") do not.
    text = pre if pre.strip() else post
    return re.sub(r"[\s.]", "", text)


def normalize_subdivision(text: str) -> str | None:
    """ "a", "(a)", "A(2)", "(a)(2)" -> "a" / "a(2)"; None when it is not a subdivision."""
    match = _SUBDIVISION.match(text.strip().upper())
    if not match:
        return None
    rest = re.sub(r"\s", "", match[2])
    return (match[1] + rest).lower()


# The guided check's "Something else" answer: the person says it was not a cannabis offense.
OTHER_KEYWORD = "OTHER"


@lru_cache(maxsize=2048)
def parse(text: str) -> Section:
    upper = text.strip().upper()
    if upper == OTHER_KEYWORD:
        return Section(OTHER, None, None)
    match = _STRICT.match(upper)
    if match is None:
        numbers = set(_NUMBER.findall(upper))
        if not numbers or numbers & set(LAW.in_scope_sections) or numbers & set(LAW.prison_sections):
            return Section(UNCLEAR, None, None)
        return Section(OTHER, None, None)
    number, code = match["number"], _code(match["pre"], match["post"])
    if number in LAW.in_scope_sections:
        if code not in _HEALTH_AND_SAFETY:
            return Section(UNCLEAR, None, None)
        subdivision = normalize_subdivision(match["sub"]) if match["sub"].strip() else None
        return Section(IN_SCOPE, number, subdivision)
    if number in LAW.prison_sections:
        return Section(PRISON if code in _PENAL else UNCLEAR, None, None)
    return Section(OTHER, None, None)
