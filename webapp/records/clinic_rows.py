"""A parsed RAP sheet as clinic-template rows (webapp/clinic/columns.py), one per conviction.

The clinic mode reads these rows like any other: a clinic can paste one RAP sheet per client and
get the rows instead of re-typing each record by hand.
"""

from __future__ import annotations

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
