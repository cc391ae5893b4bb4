"""A packet with everything the person typed replaced by a placeholder.

Why: webapp/packet/layout_cache.py lays out each court's checklist once per process and keeps
the pages that hold no personal data. It lays them out from this copy, never from the person's
packet, so what it keeps cannot hold a name, a case number, an address, a phone number or a
date, whatever the templates print. What stays is what the checklist is about and the person
chose from lists, not typed: the county, the chosen clerk's office and prosecutor's city, the
level, track and relief of each count, the waivers, whether an attorney files, the number of
cases. The placeholders are about as wide as the real values, so that the pages they are on lay
out like the person's (layout_cache.py checks that they did before reusing anything).
"""

from __future__ import annotations

import dataclasses

from webapp.packet import model, validate

NAME = "Petitioner Name"
ATTORNEY = "Attorney Name"
DATE = "2000-01-01"


def case_number(index: int) -> str:
    """The placeholder of the index-th case (from 1): one word, ten characters, like F12-345678."""
    return f"CASE{index:06d}"


def placeholders(packet: model.Packet) -> tuple[str, ...]:
    """Every placeholder redact(packet) can print: the names, a date, one number per case."""
    count = sum(len(bundle.all_cases) for bundle in packet.bundles)
    return (NAME, ATTORNEY, DATE, *(case_number(k) for k in range(1, count + 1)))


def redact(packet: model.Packet) -> model.Packet:
    numbers = iter(case_number(k) for k in range(1, 1 + sum(len(b.all_cases) for b in packet.bundles)))

    def case(original: model.Case) -> model.Case:
        return model.Case(original.county, next(numbers), tuple(_count(c) for c in original.counts))

    bundles = tuple(
        dataclasses.replace(b, cases=tuple(map(case, b.cases)), juvenile=tuple(map(case, b.juvenile)))
        for b in packet.bundles
    )
    return dataclasses.replace(packet, petitioner=_petitioner(packet.petitioner), bundles=bundles)


def _count(count: model.Count) -> model.Count:
    # The section is kept only when it is one the forms list: otherwise it is text as typed.
    known = count.section in model.ITEM_1
    return dataclasses.replace(
        count,
        id=str(count.position + 1),
        section=count.section if known else "",
        subdivision=None,
        offense_date=DATE if count.offense_date else None,
    )


def _petitioner(person: validate.Petitioner) -> validate.Petitioner:
    attorney = person.attorney and validate.Attorney(
        name=ATTORNEY, bar_number="", firm="", contact=validate.Contact()
    )
    return dataclasses.replace(person, name=NAME, contact=validate.Contact(), attorney=attorney)
