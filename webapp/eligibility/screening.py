"""Check a screening against the contract and turn it into frozen, normalised values.

Every problem is an InputError naming the field path (``convictions[1].level``) and a one-line
message that says what would be accepted. Only the first problem is reported, in the order the
contract lists the fields, so the same bad input always gives the same message.

Absent and null mean "unknown" (or "none given") everywhere: the contract says so, and web forms
and clinic spreadsheets both leave blanks. Text choices are accepted in any case ("Felony").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from webapp import counties

# The vocabulary and the filing rule live in vocabulary.py; the names stay importable here.
from . import vocabulary
from .errors import InputError
from .sections import IN_SCOPE, Section, normalize_subdivision, parse
from .vocabulary import ADULT as ADULT
from .vocabulary import AGE_18_20 as AGE_18_20
from .vocabulary import AGE_21_PLUS as AGE_21_PLUS
from .vocabulary import CHOICES as _CHOICES
from .vocabulary import COMPLETED as COMPLETED
from .vocabulary import CULTIVATION as CULTIVATION
from .vocabulary import FELONY as FELONY
from .vocabulary import GIVE_AWAY as GIVE_AWAY
from .vocabulary import IMPORT_EXPORT as IMPORT_EXPORT
from .vocabulary import INFRACTION as INFRACTION
from .vocabulary import JUVENILE as JUVENILE
from .vocabulary import MISDEMEANOR as MISDEMEANOR
from .vocabulary import NO as NO
from .vocabulary import OVER as OVER
from .vocabulary import POSSESSION as POSSESSION
from .vocabulary import POSSESSION_FOR_SALE as POSSESSION_FOR_SALE
from .vocabulary import SALE as SALE
from .vocabulary import SERVING as SERVING
from .vocabulary import TRANSPORT_FOR_SALE as TRANSPORT_FOR_SALE
from .vocabulary import TRANSPORT_PERSONAL as TRANSPORT_PERSONAL
from .vocabulary import UNDER_18 as UNDER_18
from .vocabulary import UNKNOWN as UNKNOWN
from .vocabulary import WITHIN as WITHIN
from .vocabulary import YES as YES

MAX_CONVICTIONS = 50
MAX_CASE_NUMBER = 40
MAX_SECTION = 60
MAX_ID = 64
MAX_AGE = 120
ROOT = "$"  # the path of the screening itself, as in JSONPath

_DEFAULTS = {"court": ADULT}
_CHOICE_MESSAGES = {field: "must be one of " + ", ".join(values) for field, values in _CHOICES.items()}
_CHOICE_SETS = {field: frozenset(values) for field, values in _CHOICES.items()}

# The conduct a section names when the person does not say (contract: 11360 -> unknown).
_DEFAULT_CONDUCT = {"11357": POSSESSION, "11358": CULTIVATION, "11359": POSSESSION_FOR_SALE,
                    "11362.1": POSSESSION}

_SCREENING_FIELDS = frozenset(("as_of", "person", "convictions"))
_PERSON_FIELDS = frozenset(vocabulary.PERSON_FIELDS)
_CONVICTION_FIELDS = vocabulary.CONVICTION_FIELDS
# Read by the packet (webapp/counties.py FILING_FIELDS); checked here so the API rejects them too.
_CONVICTION_FIELD_SET = frozenset((*_CONVICTION_FIELDS, *counties.FILING_FIELDS))
_CONVICTION_CHOICES = tuple(f for f in _CONVICTION_FIELDS if f in _CHOICES)
# What _choice needs for each conviction choice, looked up once per process: the loop in
# _conviction runs eleven times per conviction and was the largest part of validating one.
_CONVICTION_CHOICE_SPECS = tuple(
    (field, _CHOICE_SETS[field], _DEFAULTS.get(field, UNKNOWN)) for field in _CONVICTION_CHOICES
)
_CONDUCT_AT = _CONVICTION_CHOICES.index("conduct")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)  # ASCII digits only, as every number here
_YEAR = re.compile(r"^\d{4}$", re.ASCII)
_AGE_WORDS = (UNDER_18, AGE_18_20, AGE_21_PLUS)
_AGE_MESSAGE = f"must be a whole number of years from 0 to {MAX_AGE}, or one of " + ", ".join(_AGE_WORDS)
_PRIORS_MESSAGE = "must be one of 0, 1, 2, unknown"
_DATE_MESSAGE = "must be a date written YYYY-MM-DD"
_OFFENSE_DATE_MESSAGE = "must be a date written YYYY-MM-DD, or a year written YYYY"
_EARLIEST_YEAR = 1900


@dataclass(frozen=True, slots=True)
class Person:
    date_of_birth: dt.date | None
    prior_super_strike: str
    sex_offender_registrant: str


class Conviction(NamedTuple):
    """One conviction, normalised. Unknown facts are the string "unknown", or None for values.

    A NamedTuple rather than a frozen dataclass: just as immutable and as quick to read, but made
    in a sixth of the time (a frozen dataclass sets its 19 fields one object.__setattr__ call at a
    time), and one is made for every conviction assessed. The choice fields come last, in the
    order of _CONVICTION_CHOICES, so _conviction can pass them in one go.
    """

    id: str
    county: counties.County | None
    case_number: str | None
    section: Section
    offense_date: dt.date | None  # a full date
    offense_year: int | None  # a bare year, or the year of offense_date
    age_at_offense: int | str | None  # an integer, an age band, or None
    prior_same_offense_convictions: int | None  # 0, 1, 2 (two or more), or None for unknown
    level: str
    conduct: str
    amount: str
    concentrated: str
    school_grounds: str
    sentence: str
    court: str
    sale_to_minor: str
    used_minor: str
    import_export_over_limit: str
    environmental_violation: str


@dataclass(frozen=True, slots=True)
class Screening:
    as_of: dt.date
    person: Person
    convictions: tuple[Conviction, ...]


def _date(value: object, path: str, message: str = _DATE_MESSAGE) -> dt.date:
    if isinstance(value, str) and _DATE.match(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            day = None
        if day is not None and day.year >= _EARLIEST_YEAR:
            return day
    raise InputError(path, message)


def _choice(obj: dict, field: str, path: str) -> str:
    value = obj.get(field)
    if value is None:
        return _DEFAULTS.get(field, UNKNOWN)
    if isinstance(value, str):
        allowed = _CHOICE_SETS[field]
        if value in allowed:  # the usual case, without making new strings
            return value
        value = value.strip().lower()
        if value in allowed:
            return value
    raise InputError(f"{path}.{field}", _CHOICE_MESSAGES[field])


def _object(value: object, path: str, fields: frozenset[str]) -> dict:
    if not isinstance(value, dict):
        raise InputError(path, "must be an object")
    if not fields.issuperset(value):  # one C call in the usual case, instead of a loop over the keys
        key = next(key for key in value if key not in fields)  # the first unknown one, as written
        raise InputError(f"{path}.{key}" if path != ROOT else str(key), "is not a known field")
    return value


def _text(value: object, path: str, limit: int) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # clinic spreadsheets write plain numbers for ids and case numbers
    if not isinstance(value, str):
        raise InputError(path, "must be a string")
    value = value.strip()
    if len(value) > limit:
        raise InputError(path, f"must be at most {limit} characters")
    return value


def _ascii_digits(text: str) -> bool:
    # Not str.isdigit or isdecimal: "²" and "①" pass isdigit and int() then fails; "٣" is decimal
    # but no form or spreadsheet here means it. Three digits bound the size before int() runs.
    return 0 < len(text) <= 3 and text.isascii() and text.isdigit()


@lru_cache(maxsize=512)
def _county(text: str) -> counties.County | None:
    return counties.find(text)


def _age(value: object, path: str) -> int | str | None:
    if isinstance(value, str):
        value = value.strip().lower()
        if value in _AGE_WORDS:
            return value
        if value == UNKNOWN:
            return None
        if _ascii_digits(value):
            value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_AGE:
        return value
    raise InputError(path, _AGE_MESSAGE)


def _priors(value: object, path: str) -> int | None:
    if isinstance(value, str):
        value = value.strip().lower()
        if value == UNKNOWN:
            return None
        if _ascii_digits(value):
            value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return min(value, 2)  # the contract's 2 means "two or more"
    raise InputError(path, _PRIORS_MESSAGE)


def _offense_date(value: object, path: str) -> tuple[dt.date | None, int | None]:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        value = value.strip()
        if _YEAR.match(value) and int(value) >= _EARLIEST_YEAR:
            return None, int(value)
    day = _date(value, path, _OFFENSE_DATE_MESSAGE)
    return day, day.year


def _check_offense_date(day: dt.date | None, year: int, born: dt.date | None, as_of: dt.date,
                        path: str) -> None:
    # A bare year is only impossible when the whole year is before the birth date (31 December
    # of it is), or after as_of (1 January of it is); comparing years says the same.
    if born is not None and (day < born if day is not None else year < born.year):
        raise InputError(f"{path}.offense_date", "is before person.date_of_birth")
    if day > as_of if day is not None else year > as_of.year:
        raise InputError(f"{path}.offense_date", "is after as_of")


def _section(obj: dict, path: str) -> Section:
    raw = obj.get("section")
    if raw is None:
        raise InputError(f"{path}.section", "is required")
    text = _text(raw, f"{path}.section", MAX_SECTION)
    if not text:
        raise InputError(f"{path}.section", "must not be empty")
    section = parse(text)
    given = obj.get("subdivision")
    if given is None:
        return section
    sub_path = f"{path}.subdivision"
    if not isinstance(given, str) or (subdivision := normalize_subdivision(given)) is None:
        raise InputError(sub_path, 'must be a subdivision such as "a" or "a(2)"')
    if section.kind != IN_SCOPE:
        return section
    if section.subdivision is not None and section.subdivision[0] != subdivision[0]:
        raise InputError(sub_path, f'does not match the subdivision in section "{text}"')
    return section._replace(subdivision=section.subdivision or subdivision)


def _conviction(obj: object, index: int, person: Person, as_of: dt.date) -> Conviction:
    path = f"convictions[{index}]"
    obj = _object(obj, path, _CONVICTION_FIELD_SET)
    raw_id = obj.get("id")
    conviction_id = str(index + 1) if raw_id is None else _text(raw_id, f"{path}.id", MAX_ID)
    if not conviction_id:
        raise InputError(f"{path}.id", "must not be empty")
    county = None
    raw_county = obj.get("county")
    if raw_county is not None:
        if not isinstance(raw_county, str) or not raw_county.strip():
            raise InputError(f"{path}.county", "must be a California county name or slug")
        county = _county(raw_county)
        if county is None:
            raise InputError(f"{path}.county", f'unknown California county "{raw_county.strip()}"')
    for field in counties.FILING_FIELDS:
        value = obj.get(field)
        if value is not None and (problem := counties.filing_choice_problem(county, field, value)):
            raise InputError(f"{path}.{field}", problem)
    raw_case = obj.get("case_number")
    case_number = None
    if raw_case is not None:
        case_number = _text(raw_case, f"{path}.case_number", MAX_CASE_NUMBER) or None
    section = _section(obj, path)
    choices = []
    for field, allowed, default in _CONVICTION_CHOICE_SPECS:
        # _choice, inlined: a call per field cost more than the check itself.
        value = obj.get(field)
        if value is None:
            choices.append(default)
        elif isinstance(value, str) and value in allowed:
            choices.append(value)
        else:
            choices.append(_choice(obj, field, path))  # normalises the case, or raises
    # Absent or null is unknown (None); that is settled here so that the usual blank costs no
    # call and no path string.
    offense_date = offense_year = age = priors = None
    if (raw := obj.get("offense_date")) is not None:
        offense_date, offense_year = _offense_date(raw, f"{path}.offense_date")
    if (raw := obj.get("age_at_offense")) is not None:
        age = _age(raw, f"{path}.age_at_offense")
    if (raw := obj.get("prior_same_offense_convictions")) is not None:
        priors = _priors(raw, f"{path}.prior_same_offense_convictions")
    if offense_year is not None:  # after the fields above, so the first problem is still reported first
        _check_offense_date(offense_date, offense_year, person.date_of_birth, as_of, path)
    if choices[_CONDUCT_AT] == UNKNOWN and obj.get("conduct") is None:
        choices[_CONDUCT_AT] = _DEFAULT_CONDUCT.get(section.number, UNKNOWN)
    return Conviction(conviction_id, county, case_number, section, offense_date, offense_year, age, priors,
                      *choices)


def _person(value: object, as_of: dt.date) -> Person:
    if value is None:
        return Person(None, UNKNOWN, UNKNOWN)
    obj = _object(value, "person", _PERSON_FIELDS)
    born = obj.get("date_of_birth")
    date_of_birth = None if born is None else _date(born, "person.date_of_birth")
    if date_of_birth is not None and date_of_birth > as_of:
        raise InputError("person.date_of_birth", "is after as_of")
    return Person(
        date_of_birth,
        _choice(obj, "prior_super_strike", "person"),
        _choice(obj, "sex_offender_registrant", "person"),
    )


def validate(data: object, today: dt.date | None = None) -> Screening:
    """The screening as frozen values, or InputError for the first field that breaks the contract."""
    obj = _object(data, ROOT, _SCREENING_FIELDS)
    raw_as_of = obj.get("as_of")
    as_of = (today or dt.date.today()) if raw_as_of is None else _date(raw_as_of, "as_of")
    person = _person(obj.get("person"), as_of)
    items = obj.get("convictions")
    if items is None:
        raise InputError("convictions", "is required")
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_CONVICTIONS:
        raise InputError("convictions", f"must be a list of 1 to {MAX_CONVICTIONS} convictions")
    convictions = tuple(_conviction(item, i, person, as_of) for i, item in enumerate(items))
    seen: dict[str, int] = {}
    for i, conviction in enumerate(convictions):
        if conviction.id in seen:
            raise InputError(f"convictions[{i}].id", f'"{conviction.id}" is already the id of '
                                                     f"convictions[{seen[conviction.id]}]")
        seen[conviction.id] = i
    return Screening(as_of, person, convictions)
