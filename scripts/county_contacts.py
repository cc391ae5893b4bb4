"""One county's contact research (county-contacts*.csv rows) as the facts the packet prints.

Used by build_counties.py. Rules kept here:

* A value is copied from its row; nothing is completed. An address is only ever a piece cut out
  of the row's own value (the part from the street number on), so it cannot say more than the row.
* Every fact keeps its source_url, verbatim excerpt, kind, confidence, source_date and note.
* ``check_first``: anything that is not an official, high-confidence, recent source is printed
  with "check this before you rely on it" and the office's phone or site.
* Where rows disagree, the official one wins, then the newer, then the more confident; the others
  stay in the list after it, so the disagreement is still visible in the data.
"""

from __future__ import annotations

import re
import unicodedata

# The research's fact names -> the names in counties.json.
FIELDS = {
    "da_address": "prosecutor_address",
    "da_phone": "prosecutor_phone",
    "da_prop64_contact": "prop64_contact",
    "court_phone": "court_phone",
    "pd_office": "public_defender",
    "pd_record_clearance_url": "record_clearance",
    "legal_aid": "legal_aid",
    "self_help_center": "self_help",
}
CLERK = "court_criminal_clerk"
KINDS = ("official", "third_party")
CONFIDENCE = {"high": 2, "medium": 1, "low": 0}
OLDEST_CURRENT_YEAR = 2021  # sources dated before this are "old": five years before the research
# "phone not found", "ZIP not given in source", "address not in source": the research's own
# words for a part it did not find. Such a part is not a value.
_NOT_GIVEN = re.compile(r"\bnot (?:found|given|in source|shown|stated)\b|^\(?phone not", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s)|;,]+")
# An address starts at a street number ("211 West Temple Street, ...", "46-200 Oasis Street").
_ADDRESS = re.compile(r"(?:^|,\s*|\|\s*)(\d[\d-]*\s+[^|]+?)\s*$")


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def parts(value: str) -> list[str | None]:
    """'Name | address | phone' -> its parts; a blank or "not found" part is None."""
    out = []
    for part in value.split("|"):
        part = part.strip()
        out.append(None if not part or _NOT_GIVEN.search(part) else part)
    return out


def year(text: str) -> int | None:
    if "current" in text.lower():
        return 9999  # "current county site": the page as it stands when the research was done
    years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", text)]
    return max(years) if years else None


def address_in(text: str | None) -> str | None:
    """The street address inside a value, from the street number on; None when there is none.

    In a 'Name | address | ...' value only the parts are looked at, one by one.
    """
    if not text:
        return None
    for part in parts(text):
        match = _ADDRESS.search(part or "")
        if match:
            return match[1].strip()
    return None


def fact(row: dict) -> dict:
    kind = row["source_kind"].strip()
    confidence = row["confidence"].strip()
    if kind not in KINDS or confidence not in CONFIDENCE:
        raise SystemExit(f"county-contacts: unknown kind or confidence in {row!r}")
    for column in ("value", "source_url", "excerpt"):
        if not row[column].strip():
            raise SystemExit(f"county-contacts: {column} is blank in {row!r}")
    when = row["source_date"].strip() or None
    note = row["note"].strip() or None
    dated = year(when or "")
    old = dated is not None and dated < OLDEST_CURRENT_YEAR
    return {
        "value": row["value"].strip(),
        "urls": _URL.findall(row["value"]),
        "source_url": row["source_url"].strip(),
        "excerpt": row["excerpt"].strip(),
        "kind": kind,
        "confidence": confidence,
        "source_date": when,
        "note": note,
        "check_first": kind != "official" or confidence != "high" or old,
    }


def rank(item: dict) -> tuple:
    """Sort key: official first, then newer, then more confident (best first)."""
    recency = year(item["source_date"] or "") or 0
    return (item["kind"] != "official", -recency, -CONFIDENCE[item["confidence"]])


def _office_key(name: str) -> str:
    # "Orange County Superior Court, Central Justice Center (Criminal Division)" -> "central justice";
    # "Wiley W. Manuel Courthouse - Oakland" and "Wiley Manuel Courthouse" -> "wiley manuel".
    tail = re.sub(r"\(.*?\)", "", name).split(",")[-1]
    words = [w for w in slugify(tail).split("-") if len(w) > 1]
    return " ".join(words[:2])


def clerk_offices(rows: list[dict]) -> list[dict]:
    """Each criminal clerk's office once, with its own address and phone facts.

    Two rows about one courthouse (one gives the phone, the other the address) become one office;
    rows that name no address and no phone are research notes, not offices to choose from.
    """
    offices: list[dict] = []
    for row in sorted(rows, key=lambda r: rank(fact(r))):
        name, address, phone, handles = (parts(row["value"]) + [None] * 4)[:4]
        address = address_in(address)
        if not name or not (address or phone):
            continue
        source = fact(row)
        key = _office_key(name)
        same = next((o for o in offices if o["_key"] == key
                     and not (address and o["address"]) and not (phone and o["phone"])), None)
        if same is None:
            same = {"_key": key, "name": name, "handles": handles, "address": None, "phone": None}
            offices.append(same)
        if address:
            same["address"] = {**source, "value": address}
        if phone:
            same["phone"] = {**source, "value": phone}
        same["handles"] = same["handles"] or handles
    ids: set[str] = set()
    for office in offices:
        office.pop("_key")
        base = slugify(re.sub(r"\(.*?\)", "", office["name"]))[:60].strip("-") or "office"
        office_id, n = base, 2
        while office_id in ids or office_id == "unknown":
            office_id, n = f"{base}-{n}", n + 1
        ids.add(office_id)
        office["id"] = office_id
    return [{"id": o["id"], **{k: v for k, v in o.items() if k != "id"}} for o in offices]


def build(rows: list[dict]) -> dict:
    out: dict = {name: [] for name in FIELDS.values()}
    out["city_prosecutor_notes"] = []
    clerk_rows = []
    for row in rows:
        name = row["fact"].strip()
        if name == CLERK:
            clerk_rows.append(row)
            continue
        if name not in FIELDS:
            raise SystemExit(f"county-contacts: unknown fact {name!r}")
        item = fact(row)
        if (item["note"] or "").lower().startswith("city prosecutor:"):
            # A city attorney's office filed under the DA's fact: it is not the DA.
            out["city_prosecutor_notes"].append(item)
            continue
        if name == "da_address":
            item["address"] = address_in(item["value"])
        out[FIELDS[name]].append(item)
    for name in out:
        out[name].sort(key=rank)
    out["clerk_offices"] = clerk_offices(clerk_rows)
    return out
