"""Clinic CSVs for the tests and the benchmark: realistic rows, as an advocate's spreadsheet has them.

The facts are ones whose outcome the law leaves no doubt about (tests/packet/conftest.py uses the
same), so a test can pin the relief as well as compare with the engine.
"""

from __future__ import annotations

import csv
import io

from webapp.clinic import columns

HEADER = ["client_id", "lang", "name", "street", "city", "state", "zip", "date_of_birth",
          "prior_super_strike", "sex_offender_registrant", "county", "case_number", "section", "level",
          "offense_date", "age_at_offense", "amount", "school_grounds", "concentrated", "sentence",
          "sale_to_minor", "used_minor", "prior_same_offense_convictions", "environmental_violation",
          "conduct"]

# (facts, the relief the law gives)
CONVICTIONS = [
    ({"county": "Fresno", "section": "11357", "level": "misdemeanor", "offense_date": "2010-03-01",
      "amount": "within_personal_limit", "school_grounds": "no", "concentrated": "no",
      "sentence": "completed"}, "dismiss"),
    ({"county": "Alameda", "section": "11359", "level": "felony", "offense_date": "2015-06-30",
      "sale_to_minor": "no", "used_minor": "no", "prior_same_offense_convictions": "0",
      "sentence": "serving"}, "reduce_to_misdemeanor"),
    ({"county": "Los Angeles", "section": "11358", "level": "felony", "offense_date": "2014",
      "amount": "over_personal_limit", "environmental_violation": "no", "sentence": "completed"},
     "reduce_to_misdemeanor"),
    ({"county": "Sacramento", "section": "11357", "level": "misdemeanor", "offense_date": "2018-01-05",
      "sentence": "completed"}, "not_eligible"),
    ({"county": "Kern", "section": "PC 4573.6", "level": "felony", "offense_date": "2011",
      "sentence": "completed"}, "not_eligible"),
]
# Accents are what breaks when Excel saves Windows-1252.
NAMES = ["José Núñez", "María Peña", "Zoë Adams", "Ana Gómez", "Iñaki López", "Renée Dubois"]


def write(rows: list[dict], header: list[str] | None = None, delimiter: str = ",") -> str:
    header = header or HEADER
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return out.getvalue()


def client_rows(number: int, convictions: int = 3, *, petitioner: bool = True,
                lang: str | None = None) -> list[dict]:
    """One client's rows. The client's own details are on the first row only, as advocates often do."""
    rows = []
    for k in range(convictions):
        facts, _ = CONVICTIONS[(number + k) % len(CONVICTIONS)]
        row = {"client_id": f"C{number:04d}", **facts, "case_number": f"CASE-{number}-{k + 1}"}
        if k == 0:
            row.update({"lang": lang or ("es" if number % 2 else "en"), "date_of_birth": "1980-05-01",
                        "prior_super_strike": "no", "sex_offender_registrant": "no"})
            if petitioner:
                row.update({"name": f"{NAMES[number % len(NAMES)]} {number}", "street": "1 Main St",
                            "city": "Fresno", "state": "CA", "zip": "93721"})
        rows.append(row)
    return rows


def clinic(clients: int, convictions: int = 3, *, petitioners: int | None = None) -> list[dict]:
    """Rows for `clients` clients; only the first `petitioners` carry petitioner details (all if None)."""
    rows = []
    for number in range(1, clients + 1):
        rows += client_rows(number, convictions, petitioner=petitioners is None or number <= petitioners)
    return rows


def expected_relief(row: dict) -> str:
    for facts, relief in CONVICTIONS:
        if all(row.get(k) == v for k, v in facts.items()):
            return relief
    raise KeyError(row)


def assert_known_columns():
    assert set(HEADER) <= columns.KNOWN
