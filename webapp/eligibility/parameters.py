"""Load and check law.toml, the one dated file of legal constants.

It is read once, when the engine is imported. A missing entry, a wrong type or a reason code
without a citation stops the import with a message naming the entry: an engine that quietly ran
on a broken law file could tell people the wrong thing about their record.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import reasons, remedy_codes

LAW_FILE = Path(__file__).resolve().parent / "law.toml"

_ENTRY_KEYS = frozenset({"value", "description", "source", "url", "confidence"})
_CONFIDENCE = frozenset({"H", "M", "L"})


class LawFileError(RuntimeError):
    """law.toml is missing an entry, or an entry is malformed."""


@dataclass(frozen=True)
class Entry:
    """One constant with where it comes from, for pages that show their sources."""

    value: Any
    description: str
    source: str
    url: str
    confidence: str


@dataclass(frozen=True)
class Law:
    rules_version: dt.date
    prop64_effective_date: dt.date
    small_possession_infraction_date: dt.date
    cannabis_limit_grams: float
    concentrate_limit_grams: float
    import_export_concentrate_grams: float
    plant_limit: int
    adult_age: int
    adult_use_age: int
    server_minimum_age: int
    in_scope_sections: tuple[str, ...]
    prison_sections: tuple[str, ...]
    super_strike_categories: MappingProxyType  # "I".."VIII" -> description
    prop47_application_deadline: dt.date
    clean_slate_felony_year: int
    citations: MappingProxyType  # reason code -> citation text
    remedy_citations: MappingProxyType  # remedy code -> citation text
    remedy_urls: MappingProxyType  # remedy code -> official https URL
    citation_urls: MappingProxyType  # reason code -> official https URL
    entries: MappingProxyType  # entry name -> Entry (value plus its source)


def _is_date(v: object) -> bool:
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_text_list(v: object) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, str) and x for x in v)


def _is_text_table(v: object) -> bool:
    return isinstance(v, dict) and bool(v) and all(isinstance(x, str) and x for x in v.values())


# entry name -> (check, what the check wants, for the error message)
_SCHEMA = {
    "rules_version": (_is_date, "a date"),
    "prop64_effective_date": (_is_date, "a date"),
    "small_possession_infraction_date": (_is_date, "a date"),
    "cannabis_limit_grams": (lambda v: isinstance(v, float), "a decimal number"),
    "concentrate_limit_grams": (lambda v: isinstance(v, float), "a decimal number"),
    "import_export_concentrate_grams": (lambda v: isinstance(v, float), "a decimal number"),
    "plant_limit": (_is_int, "a whole number"),
    "adult_age": (_is_int, "a whole number"),
    "adult_use_age": (_is_int, "a whole number"),
    "server_minimum_age": (_is_int, "a whole number"),
    "in_scope_sections": (_is_text_list, "a non-empty list of section numbers"),
    "prison_sections": (_is_text_list, "a non-empty list of section numbers"),
    "super_strike_categories": (_is_text_table, "a table of category -> description"),
    "prop47_application_deadline": (_is_date, "a date"),
    "clean_slate_felony_year": (_is_int, "a whole number"),
    "remedy_citations": (lambda v: isinstance(v, dict) and bool(v), "a table of remedy code -> citation"),
    "citations": (lambda v: isinstance(v, dict) and bool(v), "a table of reason code -> citation"),
}


def _check_entry(name: str, raw: object, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise LawFileError(f"{where}: [{name}] is missing or is not a table")
    if set(raw) != _ENTRY_KEYS:
        raise LawFileError(f"{where}: [{name}] must have exactly the keys {', '.join(sorted(_ENTRY_KEYS))}")
    check, wanted = _SCHEMA[name]
    if not check(raw["value"]):
        raise LawFileError(f"{where}: [{name}] value must be {wanted}")
    description = raw["description"]
    if not (isinstance(description, str) and description.strip().endswith(".")):
        raise LawFileError(f"{where}: [{name}] description must be one sentence ending with a full stop")
    _check_source(f"[{name}]", raw["source"], raw["url"], raw["confidence"], where)
    return Entry(raw["value"], description, raw["source"], raw["url"], raw["confidence"])


def _check_source(label: str, source: object, url: object, confidence: object, where: str) -> None:
    if not (isinstance(source, str) and source.strip()):
        raise LawFileError(f"{where}: {label} source must name the statute")
    if not (isinstance(url, str) and url.startswith("https://")):
        raise LawFileError(f"{where}: {label} url must be an https URL")
    if confidence not in _CONFIDENCE:
        raise LawFileError(f"{where}: {label} confidence must be one of H, M, L")


def _check_citations(table: dict, where: str, codes: tuple[str, ...] = reasons.ALL_CODES,
                     name: str = "citations") -> tuple[dict[str, str], dict[str, str]]:
    known = set(codes)
    missing = sorted(known - set(table))
    if missing:
        raise LawFileError(f"{where}: [{name}] has no citation for {', '.join(missing)}")
    extra = sorted(set(table) - known)
    if extra:
        raise LawFileError(f"{where}: [{name}] names codes the engine does not know: {', '.join(extra)}")
    texts, urls = {}, {}
    for code in codes:
        item = table[code]
        label = f"[{name}] {code}"
        if not (isinstance(item, dict) and set(item) == {"citation", "url", "confidence"}):
            raise LawFileError(f"{where}: {label} must have exactly citation, url and confidence")
        _check_source(label, item["citation"], item["url"], item["confidence"], where)
        texts[code], urls[code] = item["citation"], item["url"]
    return texts, urls


def load(path: Path = LAW_FILE) -> Law:
    """Read and check a law file; raise LawFileError naming the first problem."""
    where = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise LawFileError(f"{where}: cannot be read: {error}") from error
    unknown = sorted(set(data) - set(_SCHEMA))
    if unknown:
        raise LawFileError(f"{where}: unknown entries {', '.join(unknown)}")
    entries = {name: _check_entry(name, data.get(name), where) for name in _SCHEMA}
    citations, urls = _check_citations(entries["citations"].value, where)
    remedy_citations, remedy_urls = _check_citations(entries["remedy_citations"].value, where,
                                                     remedy_codes.ALL_REMEDIES, "remedy_citations")
    value = {name: entry.value for name, entry in entries.items()}
    if not value["adult_age"] < value["adult_use_age"]:
        raise LawFileError(f"{where}: adult_age must be below adult_use_age")
    if value["small_possession_infraction_date"].timetuple()[1:3] != (1, 1):
        # old_law.level() lets a bare offense year decide the old level; that needs January 1.
        raise LawFileError(f"{where}: small_possession_infraction_date must be a January 1")
    return Law(
        rules_version=value["rules_version"],
        prop64_effective_date=value["prop64_effective_date"],
        small_possession_infraction_date=value["small_possession_infraction_date"],
        cannabis_limit_grams=value["cannabis_limit_grams"],
        concentrate_limit_grams=value["concentrate_limit_grams"],
        import_export_concentrate_grams=value["import_export_concentrate_grams"],
        plant_limit=value["plant_limit"],
        adult_age=value["adult_age"],
        adult_use_age=value["adult_use_age"],
        server_minimum_age=value["server_minimum_age"],
        in_scope_sections=tuple(value["in_scope_sections"]),
        prison_sections=tuple(value["prison_sections"]),
        super_strike_categories=MappingProxyType(dict(value["super_strike_categories"])),
        prop47_application_deadline=value["prop47_application_deadline"],
        clean_slate_felony_year=value["clean_slate_felony_year"],
        citations=MappingProxyType(citations),
        remedy_citations=MappingProxyType(remedy_citations),
        remedy_urls=MappingProxyType(remedy_urls),
        citation_urls=MappingProxyType(urls),
        entries=MappingProxyType(entries),
    )


LAW: Law = load()
