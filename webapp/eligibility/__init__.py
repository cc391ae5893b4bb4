"""The Proposition 64 eligibility engine (Health and Safety Code section 11361.8).

Pure Python, no Flask, no I/O: ``assess(screening) -> result`` as fixed by
shared/spec/eligibility-contract.md. The web flow, the petition packet, the clinic command line
(``python -m webapp.eligibility``) and the JSON API all call it.

Where things live:
- law.toml / parameters.py  the dated legal constants and each reason's citation, checked at import
- screening.py              the contract's input: validation with field paths, frozen values
- sections.py               reading "HS 11357(a)", "PC 4573.6" and the like
- old_law.py                what an old subdivision and date imply (amount, level, age)
- rules.py                  the decision table, one function per section (11357 ... 11362.1)
- gates.py                  gate rules G1-G4, age bands, the juvenile route, track and form
- engine.py                 putting it together; the result's shape
- automatic_review.py       whether the county's automatic review (11361.9) probably gave it, and why
- remedies.py               the other remedies that fit a result (codes in remedy_codes.py)
- reasons.py                the reason codes
"""

from .engine import RULES_VERSION, assess, decide, evaluate
from .errors import InputError
from .gates import CR_400, JV_744, RELIEFS, TRACKS
from .parameters import LAW, LawFileError
from .reasons import ALL_CODES, PRESUMPTIONS
from .screening import Screening, validate

REASON_CODES: tuple[str, ...] = ALL_CODES
REASON_CITATIONS = LAW.citations  # code -> "Health and Safety Code section 11362.1(a)(1)"
REASON_URLS = LAW.citation_urls  # code -> the official text on leginfo.legislature.ca.gov
FORMS = (CR_400, JV_744)

__all__ = [
    "FORMS",
    "LAW",
    "PRESUMPTIONS",
    "REASON_CITATIONS",
    "REASON_CODES",
    "REASON_URLS",
    "RELIEFS",
    "RULES_VERSION",
    "TRACKS",
    "InputError",
    "LawFileError",
    "Screening",
    "assess",
    "decide",
    "evaluate",
    "validate",
]
