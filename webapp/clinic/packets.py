"""One court packet per client that has petitioner details, and a ZIP of them streamed out.

Whether a client's packet can be made is checked when the CSV is read (cheap: no PDF), so the
results page can say so and the ZIP, made later, cannot fail half-way through a download. The
checks are the packet's own (webapp.packet.validate); this module only maps them to rows.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator

from webapp import limits
from webapp.eligibility import InputError, vocabulary
from webapp.packet import build, model, render, validate
from webapp.packet.render_pool import render_in_pool

from . import columns
from . import messages as m

READY = "ready"
NOTHING_TO_FILE = "nothing_to_file"
NO_DETAILS = "no_details"
PROBLEM = "problem"
NOT_ASSESSED = "not_assessed"

# At most 50 packets in a ZIP, and no more forms than one request may render (webapp/limits.py):
# 50 one-conviction packets took 25 s on a busy core here, too close to the 30 s worker timeout.
PER_ZIP = 50
_YES_NO = {"yes": True, "no": False}
_PETITIONER_PATH = re.compile(r"^petitioner\.(?:(attorney)\.)?(\w+)$")
_CONVICTION_PATH = re.compile(r"^screening\.convictions\[(\d+)\]\.(\w+)$")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def _first_row(client) -> int:
    return min(row for _, row in (client.details[c] for c in columns.PACKET if c in client.details))


def _petitioner(client) -> tuple[dict, list[m.Problem]]:
    problems = []
    petitioner: dict = {c: client.value(c) for c in columns.PETITIONER if client.value(c) is not None}
    attorney_columns = {**columns.ATTORNEY, **columns.ATTORNEY_CONTACT}
    attorney = {key: client.value(c) for c, key in attorney_columns.items() if client.value(c) is not None}
    if attorney:
        petitioner["attorney"] = attorney
    for column in columns.WAIVERS:
        value = client.value(column)
        if value is None:
            continue
        if value.lower() in _YES_NO:
            petitioner[column] = _YES_NO[value.lower()]
        else:
            problems.append(m.Problem(m.BAD_CHOICE, client.details[column][1], column,
                                      {"value": m.shown(value), "choices": "yes, no"}))
    if "name" not in petitioner:
        problems.append(m.Problem(m.NAME_NEEDED, _first_row(client), "name"))
    return petitioner, problems


def _petitioner_problem(client, error: InputError) -> m.Problem:
    match = _PETITIONER_PATH.match(error.path)
    column = error.path
    if match:
        column = f"attorney_{match[2]}" if match[1] else match[2]
    value, row = client.details.get(column, ("", _first_row(client)))
    return m.engine_problem(error.message, row, column, value)


def _conviction_problem(client, error: InputError) -> m.Problem:
    match = _CONVICTION_PATH.match(error.path)
    if match is None:
        return m.engine_problem(error.message, _first_row(client), error.path, "")
    row = client.rows[int(match[1])]
    return m.engine_problem(error.message, row.number, match[2], row.conviction.get(match[2], ""))


def _result(client) -> dict:
    # A client has a screening only when every row was assessed, together: the rows' results are
    # the engine's result for it, so neither the check nor the ZIP runs the engine again.
    return {"results": [row.result for row in client.rows]}


def check(client) -> None:
    """Set ``client.packet`` (READY, NOTHING_TO_FILE, NO_DETAILS or PROBLEM) and its problems."""
    if not any(c in client.details for c in columns.PACKET):
        client.packet = NO_DETAILS
        return
    petitioner, problems = _petitioner(client)
    if not problems:
        try:
            validate.petitioner(petitioner)
        except InputError as error:
            problems.append(_petitioner_problem(client, error))
    # Every missing or malformed case number at once, not one per upload.
    for position, row in enumerate(client.rows):
        if vocabulary.needs_filing(row.result):
            try:
                validate.filing_fields(row.conviction, f"screening.convictions[{position}]")
            except InputError as error:
                problems.append(_conviction_problem(client, error))
    if not problems:
        try:
            build(client.screening, petitioner, client.lang, _result(client))
        except InputError as error:
            if error.message == model.NOTHING_TO_FILE:
                client.packet = NOTHING_TO_FILE
                return
            problems.append(_conviction_problem(client, error))
    client.petitioner = petitioner
    client.packet_problems = problems
    client.packet = PROBLEM if problems else READY


def packet_pdf(client) -> bytes:
    """A READY client's packet, from the results already worked out for the CSV."""
    return render(client.screening, client.petitioner, client.lang, _result(client))


def file_name(client, kind: str = "packet") -> str:
    # The client id, not the person's name: a ZIP's listing is seen by whoever opens it.
    safe = _UNSAFE.sub("-", client.client_id).strip("-")[:40] or "client"
    return f"{kind}-{client.index:03d}-{safe}.pdf"


def cost(clients: Iterable) -> int:
    """The forms a ZIP of these clients' packets costs to render."""
    return sum(limits.packet_cost(len(client.rows)) for client in clients)


def parts(clients: list) -> list[list]:
    """Consecutive groups that each fit in one request's render budget (a client is never split)."""
    groups: list[list] = []
    for client in clients:
        if groups and len(groups[-1]) < PER_ZIP and cost([*groups[-1], client]) <= limits.RENDER_BUDGET:
            groups[-1].append(client)
        else:
            groups.append([client])
    return groups


class _Sink(io.RawIOBase):
    """A write-only buffer: zipfile writes into it, the response takes what is there so far."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        out, self._chunks = b"".join(self._chunks), []
        return out


def zip_name(client, total: int | None) -> str:
    """A packet's name inside a ZIP: with "of N" when the batch is known, so a download cut off
    part-way shows how far it got (packet-031-of-060-…: thirty packets still to get)."""
    if total is None:
        return file_name(client)
    safe = file_name(client).removeprefix(f"packet-{client.index:03d}-")
    return f"packet-{client.index:03d}-of-{total:03d}-{safe}"


def stream_zip(clients: Iterable, total: int | None = None) -> Iterator[bytes]:
    """The ZIP, one packet at a time, so the download starts with the first packet and no file
    is written to disk. The sink cannot seek, so zipfile writes data descriptors instead."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for client in clients:
            archive.writestr(zip_name(client, total), render_in_pool(packet_pdf, client))
            yield sink.take()
    yield sink.take()
