"""A parsed RAP sheet as clinic-template rows (webapp/clinic/columns.py), one per conviction.

The clinic mode reads these rows like any other: a clinic can paste one RAP sheet per client and
get the rows instead of re-typing each record by hand.
"""

from __future__ import annotations

import csv
import io

from ..clinic import columns

HEADER = columns.TEMPLATE_ORDER


def rows(found: dict, client_id: str, chosen: list[str] | None = None) -> list[list[str]]:
    """Rows in template order; the person's facts on every row (the clinic reads them once)."""
    person = found["screening"].get("person", {})
    out = []
    for conviction in found["screening"]["convictions"]:
        if chosen is not None and conviction["id"] not in chosen:
            continue
        values = {columns.CLIENT_ID: client_id, **person, **conviction}
        out.append([str(values.get(name, "")) for name in HEADER])
    return out


def client_id(file_name: str, number: int) -> str:
    """A client id from an uploaded file's name ("C0012.txt" -> "C0012"), else "client-N"."""
    stem = file_name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0]
    cleaned = "".join(ch for ch in stem if ch.isalnum() or ch in "-_")[:40]
    return cleaned or f"client-{number}"


def csv_text(sheets: list[tuple[str, dict]]) -> str:
    """Clinic-template CSV text for several (client id, parsed RAP sheet) pairs."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for ident, found in sheets:
        writer.writerows(rows(found, ident))
    return out.getvalue()
