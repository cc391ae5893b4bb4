"""Build webapp/data/counties.json from the research CSVs.

The three court/prosecutor CSVs are read from ../shared/reference/; the per-fact contact research
(data/research/county-contacts.csv, copied from the reference, plus the facts this project added
in data/research/county-contacts-added.csv) is read from the repository.

Run: .venv/bin/python scripts/build_counties.py [REFERENCE_DIR]

The JSON is committed so the running site never reads ../shared. Rules kept here:

* Nothing is invented: every value is copied verbatim from a CSV cell; a blank cell becomes null.
* Every non-blank fact carries its ``source`` (the CSV's own source text) and one date:
  ``verified`` when the research states the date the fact was checked against an official page
  (the SC-DS small-claims dataset: 2026-09-11; the Judicial Council local-rules index: 2026-10-10),
  otherwise ``compiled`` = the date the reference research was compiled (COMPILED below).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import county_contacts as contacts

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
OUTPUT = ROOT / "webapp" / "data" / "counties.json"
RESEARCH = ROOT / "data" / "research"
CONTACT_FILES = ("county-contacts.csv", "county-contacts-added.csv")

COMPILED = "2026-11-27"  # the research files carry no retrieval date of their own; this is the day compiled
SC_DS_VERIFIED = "2026-09-11"  # "verified 2026-09-11 against the court's official website" (law.md section 6)

# How each city-prosecutor row's notes state the office's role for state misdemeanours. Matched in
# order against the CSV's own words, so a reworded row fails the build instead of being guessed.
PROSECUTES_PATTERNS = (
    (r"^Prosecutes misdemeanors: YES", "yes"),
    (r"^Prosecutes misdemeanors: probably YES", "probably"),
    (r"^Prosecutes STATE misdemeanors: UNVERIFIED", "unverified"),
    (r"misdemeanors are prosecuted by Redondo Beach under contract", "yes"),
    (r"Scope \(state misdemeanors vs city ordinances\) not visible", "unverified"),
    (r"^Negative check", "no"),
    (r"^UNVERIFIED negative", "no"),
)

# Words in the research notes that say the county has more than one criminal courthouse, so the
# packet must not print one courthouse's address on a form that may belong in another.
SEVERAL_COURTHOUSES = re.compile(
    r"several|many regional|dozens|branch|courthouses in|second courthouse|where the case (was|is) heard"
    r"|justice centers|Porterville|Santa Maria courthouses|Vallejo|their own criminal business offices"
    r"|East County courthouse|also Auburn|misdemeanors at the Metropolitan|Location of filing",
    re.IGNORECASE,
)


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def fact(value: str | None, source: str, verified: str | None = None) -> dict | None:
    if value is None:
        return None
    out = {"value": value, "source": source}
    if verified:
        out["verified"] = verified
    else:
        out["compiled"] = COMPILED
    return out


def dated(entry: dict, verified: str | None = None) -> dict:
    if verified:
        entry["verified"] = verified
    else:
        entry["compiled"] = COMPILED
    return entry


def split_note(note: str) -> tuple[str, str]:
    """counties.csv source_note = '<address/phone evidence> Clearance: <clearance evidence>'."""
    head, sep, tail = note.partition("Clearance:")
    return head.strip(), tail.strip() if sep else ""


def read_csv(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def court_facts(row: dict) -> dict:
    address_note, clearance_note = split_note(row["source_note"])
    # SC-DS entries state their verification date; other address sources do not.
    address_verified = SC_DS_VERIFIED if "SC-DS" in address_note else None
    note_source = f"counties.csv source_note: {address_note}"
    return {
        "court_name": fact(
            row["court_name"], "counties.csv court_name (statutory name of the court, law.md section 6)"
        ),
        "website": fact(
            blank(row["url"]),
            "counties.csv url (court site origin from the SC-DS dataset's source URLs, law.md section 6)",
            SC_DS_VERIFIED,
        ),
        "court_address": fact(blank(row["address"]), note_source, address_verified),
        "phone": fact(blank(row["phone"]), note_source, address_verified),
        "automatic_review": {
            "value": "likely" if row["automatic_clearance"].strip() == "yes" else "unknown",
            "evidence": clearance_note or None,
            "source": "counties.csv automatic_clearance and source_note (Clearance part)",
            "compiled": COMPILED,
        },
    }


def da_entry(row: dict) -> dict:
    source = blank(row["da_source"]) or "office title only; no address, phone or URL found"
    return dated(
        {
            "name": row["da_office_name"].strip(),
            "address": blank(row["da_mailing_address"]),
            "phone": blank(row["da_phone"]),
            "url": blank(row["da_url"]),
            "notes": blank(row["notes"]),
            "source": f"counties-da.csv: {source}",
        }
    )


def filing_entries(row: dict) -> list[dict]:
    courthouse, address = blank(row["criminal_filing_courthouse"]), blank(row["criminal_filing_address"])
    if not courthouse and not address:
        return []
    source = blank(row["filing_source"]) or "counties-da.csv"
    verified = SC_DS_VERIFIED if source.startswith("counties.csv (SC-DS") else None
    entry = {"courthouse": courthouse, "address": address, "source": f"counties-da.csv: {source}"}
    return [dated(entry, verified)]


def prosecutes(notes: str) -> str:
    for pattern, value in PROSECUTES_PATTERNS:
        if re.search(pattern, notes):
            return value
    raise SystemExit(f"city-prosecutors.csv: cannot tell the office's role from notes: {notes!r}")


def city_entry(row: dict) -> dict:
    return dated(
        {
            "city": row["city"].strip(),
            "office_name": row["office_name"].strip(),
            "address": blank(row["address"]),
            "url": blank(row["url"]),
            "prosecutes_misdemeanors": prosecutes(row["notes"]),
            "notes": blank(row["notes"]),
            "source": f"city-prosecutors.csv: {row['source'].strip()}",
        }
    )


def several_courthouses(court_row: dict, da_row: dict) -> dict:
    address_note = split_note(court_row["source_note"])[0]
    text = " ".join([address_note, da_row["criminal_filing_courthouse"], da_row["notes"]])
    match = SEVERAL_COURTHOUSES.search(text)
    return {
        "value": bool(match),
        "evidence": match.group(0) if match else None,
        "source": "counties.csv source_note; counties-da.csv criminal_filing_courthouse and notes",
        "compiled": COMPILED,
    }


def build(reference: Path) -> dict:
    courts = read_csv(reference / "counties.csv")
    das = {r["county"]: r for r in read_csv(reference / "counties-da.csv")}
    cities = read_csv(reference / "city-prosecutors.csv")
    contact_rows: dict[str, list[dict]] = {}
    for file in CONTACT_FILES:
        for row in read_csv(RESEARCH / file):
            contact_rows.setdefault(row["county"].strip(), []).append(row)
    unknown = set(contact_rows) - {r["county"].strip() for r in courts}
    if unknown:
        raise SystemExit(f"contact research names counties that do not exist: {sorted(unknown)}")
    counties = []
    for row in sorted(courts, key=lambda r: r["county"]):
        name = row["county"].strip()
        da_row = das[name]
        counties.append(
            {
                "slug": slugify(name),
                "name": name,
                **court_facts(row),
                "several_courthouses": several_courthouses(row, da_row),
                "filing": filing_entries(da_row),
                "da": da_entry(da_row),
                "city_prosecutors": [city_entry(c) for c in cities if c["county"].strip() == name],
                "contacts": contacts.build(contact_rows.get(name, [])),
            }
        )
    return {
        "schema_version": 2,
        "compiled": COMPILED,
        "about": (
            "Built by scripts/build_counties.py from counties.csv, counties-da.csv and city-prosecutors.csv "
            "(project research). Every non-blank fact has 'source' and either 'verified' (date the "
            "source states it was checked against the official page) or 'compiled' (date the research "
            "was compiled). "
            "Blank cells are null: nothing is filled in by guess. 'contacts' holds the per-fact "
            "research (data/research/county-contacts*.csv): each fact keeps its source_url, verbatim "
            "excerpt, kind, confidence and source_date, and check_first when it must be confirmed."
        ),
        "counties": counties,
    }


def main(argv: list[str]) -> int:
    reference = Path(argv[1]) if len(argv) > 1 else DEFAULT_REFERENCE
    data = build(reference)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(data['counties'])} counties")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
