"""The scenario tables in scenarios/*.yaml, read once and shared by the three runners.

Each runner (the Python API, the command line, the HTTP endpoint) takes the same cases and must
give the same answers, so a rule is tested once and every entry point is held to it.

A table file is YAML:

    cases:                        # expected results
      - name: A 21-year-old's 11357(b) possession of under an ounce is dismissed
        row: P1                   # the decision-table row or gate it covers (law.md section 3)
        conviction: {section: HS 11357(b), age_at_offense: 21, offense_date: 2014-03-01}
        person: {...}             # optional
        as_of: 2026-11-27         # optional; the runner fixes it to DEFAULT_AS_OF otherwise
        expect: {relief: dismiss, track: unknown, form: CR-400, presumed: false,
                 reasons: [AGE_21_PLUS_WITHIN_LIMIT_NOW_LEGAL]}

    or, for several convictions, ``convictions: [...]`` and ``results: [{...}, ...]``;
    ``repeat: 50`` repeats the one conviction and its expectation.

    invalid:                      # input errors
      - name: A made-up level is refused, naming the conviction it is in
        screening: {...}          # the whole screening, or any JSON value
        repeat: 51                # optional: the screening's one conviction, 51 times
        path: convictions[1].level
        message: must be one of felony, misdemeanor, infraction, unknown

The YAML is read without YAML 1.1's surprises: yes/no/on/off stay text (they are contract
values), dates stay text (the contract's dates are strings), 11362.1 stays text (not a float) and
18_20 stays text (not the number 1820). Only true/false are booleans and only plain digits are
numbers.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

SCENARIOS = Path(__file__).resolve().parent / "scenarios"
DEFAULT_AS_OF = "2026-11-27"
CHECKED = ("relief", "track", "form", "presumed", "reasons")  # every expectation states these


class _Loader(yaml.SafeLoader):
    pass


_REPLACED = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int",
             "tag:yaml.org,2002:float")
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^-?[0-9]+$"), list("-0123456789"))


@dataclass(frozen=True)
class Case:
    file: str
    name: str
    screening: dict
    results: tuple[dict, ...]
    row: str | None = None


@dataclass(frozen=True)
class Invalid:
    file: str
    name: str
    screening: object
    path: str
    message: str
    tags: tuple[str, ...] = field(default=())


def _load(path: Path) -> dict:
    # _Loader is a SafeLoader with stricter scalars: no arbitrary objects are ever built.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}  # noqa: S506


def _screening(raw: dict) -> dict:
    if "screening" in raw:
        screening = copy.deepcopy(raw["screening"])
    else:
        convictions = raw["convictions"] if "convictions" in raw else [raw["conviction"]]
        screening = {"convictions": copy.deepcopy(convictions)}
        if "person" in raw:
            screening["person"] = copy.deepcopy(raw["person"])
    if isinstance(screening, dict):
        screening.setdefault("as_of", raw.get("as_of", DEFAULT_AS_OF))
    return screening


@cache
def cases() -> tuple[Case, ...]:
    found = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        for raw in _load(path).get("cases", []):
            results = tuple(raw["results"]) if "results" in raw else (raw["expect"],)
            for result in results:
                missing = [key for key in CHECKED if key not in result]
                assert not missing, f"{path.name}: {raw['name']!r} does not state {missing}"
            screening = _screening(raw)
            if "repeat" in raw:
                screening["convictions"] *= raw["repeat"]
                results *= raw["repeat"]
            found.append(Case(path.name, raw["name"], screening, results, raw.get("row")))
    names = [c.name for c in found]
    assert len(names) == len(set(names)), "two scenarios share a name"
    return tuple(found)


@cache
def invalid_cases() -> tuple[Invalid, ...]:
    found = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        for raw in _load(path).get("invalid", []):
            screening = _screening(raw)
            if "repeat" in raw:
                screening["convictions"] = screening["convictions"] * raw["repeat"]
            found.append(Invalid(path.name, raw["name"], screening, raw["path"], raw["message"],
                                 tuple(raw.get("tags", ()))))
    return tuple(found)


def check(case: Case, result: dict) -> None:
    """Assert the engine's result matches every field the case states, naming the case on failure."""
    got = result["results"]
    assert len(got) == len(case.results), f"{case.name}: {len(got)} results for {len(case.results)} expected"
    for index, (expected, actual) in enumerate(zip(case.results, got, strict=True)):
        codes = [reason["code"] for reason in actual["reasons"]]
        view = {key: codes if key == "reasons" else actual[key] for key in expected}
        assert view == expected, f"{case.name} (conviction {index})"
