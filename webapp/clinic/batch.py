"""Rows -> one screening per client -> the engine's results, each mapped back to its CSV row.

The engine validates (webapp.eligibility): this module only builds the contract's screening
from a client's rows and turns an InputError's path (``convictions[2].level``,
``person.date_of_birth``) back into the row and column an advocate can fix.

The engine reports one problem per screening. So that an advocate can fix a file in one pass,
a client whose screening is refused is checked again row by row: every bad row is reported, and
the good rows still get their results (a conviction's result depends only on its own row and the
client's details). A client with any problem gets no packet and no summary, since both must
cover all of the person's convictions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from webapp import languages
from webapp.eligibility import LAW, InputError, assess, vocabulary
from webapp.eligibility.gates import age_on
from webapp.eligibility.screening import MAX_CONVICTIONS, MAX_ID

from . import columns, csv_io, dates, packets
from . import messages as m

# Text fields that keep their case; every other conviction field is a choice the engine reads in
# lower case, and the packet prints the level it is given, so choices are lower-cased here.
# Cells that may hold a spreadsheet's month/day/year date.
_DATES = frozenset(("offense_date", "date_of_birth"))
_KEEP_CASE = frozenset(("id", "county", "case_number", "section", "subdivision", "offense_date"))
# Every listed language by its code and its own name (webapp/languages.py), plus how people type them.
_LANGS = {
    **{key: language.code for language in languages.LANGUAGES
       for key in (language.code.casefold(), language.catalog.casefold(), language.name.casefold())},
    "english": "en", "inglés": "en", "ingles": "en", "spanish": "es", "espanol": "es",
}
_CONVICTION_PATH = re.compile(r"^(?:screening\.)?convictions\[(\d+)\]\.(\w+)$")
_PERSON_PATH = re.compile(r"^(?:screening\.)?(?:person\.)?(\w+)$")


@dataclass
class RowResult:
    row: csv_io.Row
    client: Client | None = None
    conviction: dict = field(default_factory=dict)  # the contract's conviction, from this row
    result: dict | None = None  # the engine's result for it
    problems: list[m.Problem] = field(default_factory=list)
    blocked_by: int | None = None  # the row of a client-level problem that stopped this row

    @property
    def number(self) -> int:
        return self.row.number


@dataclass
class Client:
    index: int  # 1, 2, … in order of first appearance
    client_id: str
    lang: str
    rows: list[RowResult] = field(default_factory=list)
    details: dict[str, tuple[str, int]] = field(default_factory=dict)  # column -> (value, its row)
    problems: list[m.Problem] = field(default_factory=list)  # about the client's details
    screening: dict | None = None  # set when every row was assessed
    petitioner: dict | None = None
    packet: str = packets.NOT_ASSESSED
    packet_problems: list[m.Problem] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.screening is not None

    @property
    def name(self) -> str | None:
        return self.details.get("name", (None,))[0]

    def value(self, column: str) -> str | None:
        return self.details.get(column, (None,))[0]

    @property
    def codes(self) -> list[str]:
        """The reason codes of the client's results, each once, in the order they first appear."""
        return list(dict.fromkeys(
            reason["code"] for row in self.rows if row.result for reason in row.result["reasons"]))


@dataclass
class Batch:
    sheet: csv_io.Sheet
    layout: columns.Layout
    rows: list[RowResult]
    clients: list[Client]
    as_of: dt.date

    @property
    def notices(self) -> list[m.Problem]:
        return list(self.layout.notices)

    @property
    def problems(self) -> list[m.Problem]:
        """Every problem, in row order: what an advocate has to fix."""
        found = [p for r in self.rows for p in r.problems]
        found += [p for c in self.clients for p in (*c.problems, *c.packet_problems)]
        return sorted(found, key=lambda p: (p.row or 0, p.column or ""))

    @property
    def packet_clients(self) -> list[Client]:
        return [c for c in self.clients if c.packet == packets.READY]

    @property
    def summary_clients(self) -> list[Client]:
        return [c for c in self.clients if c.complete]


def assess_csv(data: bytes | str, default_lang: str = "en", *, today: dt.date | None = None,
               max_rows: int | None = csv_io.MAX_ROWS) -> Batch:
    """Read, group and assess a clinic CSV. FileProblems when no row can be read."""
    text = csv_io.decode(data) if isinstance(data, bytes) else data
    sheet = csv_io.read(text, max_rows)
    has_data = {i for row in sheet.rows for i, cell in enumerate(row.cells) if cell.strip()}
    layout = columns.read_header(sheet.header, sheet.header_row, has_data)
    today = today or dt.date.today()
    rows, clients = _group(sheet, layout, default_lang)
    for client in clients:
        _client_details(client, layout)
        _assess(client, today)
        if client.problems:
            _block(client)
        elif client.complete:
            packets.check(client)
    return Batch(sheet, layout, rows, clients, today)


def _cell(cells: list[str], layout: columns.Layout, column: str) -> str:
    index = layout.where.get(column)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _group(sheet: csv_io.Sheet, layout: columns.Layout, default_lang: str
           ) -> tuple[list[RowResult], list[Client]]:
    rows: list[RowResult] = []
    clients: dict[str, Client] = {}
    for row in sheet.rows:
        result = RowResult(row)
        rows.append(result)
        shape = _shape(row, sheet.header, layout)
        if shape is not None:
            result.problems.append(shape)
        client_id = _cell(row.cells, layout, columns.CLIENT_ID)
        if not client_id:
            if shape is None:
                result.problems.append(m.Problem(m.NO_CLIENT_ID, row.number, columns.CLIENT_ID))
            continue
        if len(client_id) > MAX_ID:
            result.problems.append(m.Problem(m.TOO_LONG, row.number, columns.CLIENT_ID, {"limit": MAX_ID}))
            continue
        client = clients.get(client_id)
        if client is None:
            client = clients[client_id] = Client(len(clients) + 1, client_id, default_lang)
        client.rows.append(result)
        result.client = client
        if shape is None:
            result.conviction = _conviction(row.cells, layout, len(client.rows))
    return rows, list(clients.values())


def _shape(row: csv_io.Row, header: list[str], layout: columns.Layout) -> m.Problem | None:
    """A row with fewer or more cells than the header: its cells may sit under the wrong columns."""
    count = len(row.cells)
    params = {"count": count, "width": layout.width}
    if count < layout.width:
        name = columns.normalise(header[count]) or columns.letter(count)
        return m.Problem(m.TOO_FEW_CELLS, row.number, name, params)
    if count > layout.width and any(cell.strip() for cell in row.cells[layout.width:]):
        return m.Problem(m.TOO_MANY_CELLS, row.number, None, params)
    return None


def _conviction(cells: list[str], layout: columns.Layout, position: int) -> dict:
    conviction: dict[str, str] = {}
    for column in columns.CONVICTION:
        value = _cell(cells, layout, column)
        if value:
            if column in _DATES:
                value = dates.iso(value)
            conviction[column] = value if column in _KEEP_CASE else value.lower()
    # The id the engine would give by position, made explicit so that a client checked row by
    # row keeps the same ids as when checked whole.
    conviction.setdefault("id", str(position))
    return conviction


def _client_details(client: Client, layout: columns.Layout) -> None:
    """The client's own fields, given on one row or repeated identically on several."""
    for result in client.rows:
        if result.problems:
            continue
        for column in columns.CLIENT:
            value = _cell(result.row.cells, layout, column)
            if not value:
                continue
            if column not in client.details:
                client.details[column] = (value, result.number)
                continue
            first, first_row = client.details[column]
            if value.casefold() != first.casefold():
                client.problems.append(m.Problem(m.CONFLICT, result.number, column, {
                    "value": m.shown(value), "other": m.shown(first), "other_row": first_row}))
    lang = client.value(columns.LANG)
    if lang is not None:
        if lang.casefold() in _LANGS:
            client.lang = _LANGS[lang.casefold()]
        else:
            client.problems.append(m.Problem(m.BAD_LANG, client.details[columns.LANG][1], columns.LANG,
                                             {"value": m.shown(lang)}))
    usable = [r for r in client.rows if not r.problems]
    if len(usable) > MAX_CONVICTIONS:
        first = client.rows[0].number
        client.problems.append(m.Problem(m.TOO_MANY_CONVICTIONS, first, columns.CLIENT_ID,
                                         {"count": len(usable), "limit": MAX_CONVICTIONS}))


def _person(client: Client) -> dict:
    person = {}
    for column in columns.PERSON:
        value = client.value(column)
        if value is not None:
            person[column] = dates.iso(value) if column in _DATES else value.lower()
    return person


def _was_a_minor(conviction: dict, person: dict) -> bool:
    """True when the row shows the client was under 18 at the offense: an age band or number, or a
    date of birth and a full offense date. A bare year cannot tell, and is left to the engine."""
    age = conviction.get("age_at_offense", "")
    if age == vocabulary.UNDER_18:
        return True
    if age.isascii() and age.isdigit():
        return int(age) < LAW.adult_age
    try:
        born = dt.date.fromisoformat(person.get("date_of_birth", ""))
        offense = dt.date.fromisoformat(conviction.get("offense_date", ""))
    except ValueError:
        return False
    return age_on(born, offense) < LAW.adult_age


def _court_for_minors(conviction: dict, person: dict) -> dict:
    # An empty court column means adult court, but a minor's case was usually in juvenile court
    # (11361.8(m), form JV-744): rather than hand such a client an adult CR-400, say we do not know.
    if "court" not in conviction and _was_a_minor(conviction, person):
        return {**conviction, "court": vocabulary.UNKNOWN}
    return conviction


def _screening(client: Client, rows: list[RowResult]) -> dict:
    person = _person(client)
    screening: dict = {"person": person,
                       "convictions": [_court_for_minors(r.conviction, person) for r in rows]}
    as_of = client.value(columns.AS_OF)
    if as_of is not None:
        screening["as_of"] = dates.iso(as_of)
    return screening


def _assess(client: Client, today: dt.date) -> None:
    rows = [r for r in client.rows if not r.problems]
    if not rows:
        return
    if not client.problems:
        try:
            _keep(client, rows, assess(_screening(client, rows), today=today))
            return
        except InputError:
            pass
    # Refused, or the client's details are already wrong: find every bad row all the same, so
    # that one upload shows everything there is to fix.
    good = _assess_rows(client, rows, today)
    if good is None or client.problems:
        return
    _keep(client, *_assess_remaining(client, good, today))


def _keep(client: Client, rows: list[RowResult], result: dict | None) -> None:
    if result is None:
        return
    for row, item in zip(rows, result["results"], strict=True):
        row.result = item
    if len(rows) == len(client.rows):
        client.screening = _screening(client, rows)


def _assess_rows(client: Client, rows: list[RowResult], today: dt.date) -> list[RowResult] | None:
    """Each row on its own, to report every problem: None when the client's details are wrong.

    The engine stops at the first bad field, so a bad field is set aside and the row checked
    again, until the rest of the row passes: an advocate sees all of a row's problems at once.
    """
    good = []
    for row in rows:
        conviction = dict(row.conviction)
        while True:
            screening = {**_screening(client, []), "convictions": [conviction]}
            try:
                assess(screening, today=today)
                break
            except InputError as error:
                match = _CONVICTION_PATH.match(error.path)
                if match is None:  # person.* or as_of: the client's details, shared by every row
                    problem = _detail_problem(client, error)
                    client.problems.append(problem)
                    if client.details.pop(problem.column, None) is None:
                        return None
                    continue
                column = match[2]
                row.problems.append(m.engine_problem(error.message, row.number, column,
                                                     conviction.get(column, "")))
                if conviction.pop(column, None) is None:
                    break
        if not row.problems:
            good.append(row)
    return None if client.problems else good


def _assess_remaining(client: Client, rows: list[RowResult], today: dt.date
                      ) -> tuple[list[RowResult], dict | None]:
    """The good rows together: what only shows across rows (two convictions with one id)."""
    rows = list(rows)
    while rows:
        try:
            return rows, assess(_screening(client, rows), today=today)
        except InputError as error:
            match = _CONVICTION_PATH.match(error.path)
            if match is None:
                client.problems.append(_detail_problem(client, error))
                return rows, None
            row, column = rows[int(match[1])], match[2]
            row.problems.append(m.engine_problem(
                error.message, row.number, column, row.conviction.get(column, ""),
                other_row=[r.number for r in rows].__getitem__))
            rows.remove(row)
    return rows, None


def _detail_problem(client: Client, error: InputError) -> m.Problem:
    match = _PERSON_PATH.match(error.path)
    column = match[1] if match else error.path
    value, row = client.details.get(column, ("", client.rows[0].number))
    return m.engine_problem(error.message, row, column, value)


def _block(client: Client) -> None:
    """A client whose details are wrong: no row is assessed, and each row says where to look."""
    at = {p.row for p in client.problems}
    first = min(row for row in at if row is not None)
    for row in client.rows:
        row.result = None
        if not row.problems and row.number not in at:
            row.blocked_by = first
    client.screening = None
