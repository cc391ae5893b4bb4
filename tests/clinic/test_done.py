"""The issue's "done": 40 clients from Excel in, every result, every download, nothing kept."""

import csv
import io
import logging
import re
import zipfile

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from webapp import form_token

from ..conftest import csrf_token
from ..web.pages import check_page
from . import sample
from .conftest import carried_csv, post_multipart

pytestmark = pytest.mark.slow


def excel_export(rows: list[dict]) -> bytes:
    """What Excel's "CSV (Comma delimited)" writes on Windows: Windows-1252, CRLF, and the empty
    cells of columns the advocate once touched."""
    header = [*sample.HEADER, "notes", ""]
    return sample.write(rows, header).encode("cp1252")


def test_an_advocate_checks_forty_clients_from_excel_and_downloads_everything(csrf_client, no_disk_writes,
                                                                              caplog):
    caplog.set_level(logging.DEBUG)
    rows = sample.clinic(40, 3, petitioners=10)
    token = csrf_token(csrf_client.get("/es/clinic").get_data(as_text=True))
    page = post_multipart(csrf_client, "/es/clinic", {
        "csrf_token": token, "csv_file": _file(excel_export(rows))})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    soup = check_page(html, "es")

    # Every client, every conviction, with the law's answer.
    sections = soup.select("section[data-client-id]")
    assert [s["data-client-id"] for s in sections] == [f"C{n:04d}" for n in range(1, 41)]
    assert [tr["data-relief"] for tr in soup.select("tr[data-relief]")] == [
        sample.expected_relief(r) for r in rows]
    assert "María Peña 1" in sections[0].get_text()  # the accents survived Windows-1252
    assert [s["data-packet"] for s in sections[:10]] == ["ready"] * 10
    assert {s["data-packet"] for s in sections[10:]} == {"no_details"}

    carried = carried_csv(html)

    def fetch(choice):
        response = post_multipart(csrf_client, "/es/clinic/download",
                                  {"csrf_token": token, "csv": carried, "download": choice})
        assert response.status_code == 200, choice
        return response

    table = list(csv.DictReader(io.StringIO(fetch("results").data.decode("utf-8-sig"))))
    assert len(table) == 120
    assert [r["relief"] for r in table] == [sample.expected_relief(r) for r in rows]

    archive = zipfile.ZipFile(io.BytesIO(fetch("packets-1").data))
    assert len(archive.namelist()) == 10
    for number, name in enumerate(archive.namelist(), start=1):
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.read(name))).pages)
        assert f"{sample.NAMES[number % len(sample.NAMES)]} {number}" in text
        assert f"CASE-{number}-" in text

    summaries = check_page(fetch("summaries").get_data(as_text=True), "es")
    langs = [(s["data-client-id"], s["lang"]) for s in summaries.select("section.clinic-summary")]
    assert langs == [(f"C{n:04d}", "es" if n % 2 else "en") for n in range(1, 41)]

    # Nothing about them on the server: no file written (no_disk_writes), nothing logged, and
    # the cookie holds only the form token (its secret, and the same token signed: form_token.py).
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert not re.search(r"CASE-\d|María|1980-05-01", logged)
    with csrf_client.session_transaction() as session:
        assert set(session) <= {"csrf_token", form_token.KEPT}


def _file(data: bytes):
    from werkzeug.datastructures import FileStorage

    return FileStorage(io.BytesIO(data), filename="clinic export.csv", content_type="text/csv")


def test_the_page_shows_results_without_making_any_packet(client, monkeypatch):
    from webapp.clinic import packets

    monkeypatch.setattr(packets, "render", lambda *a, **k: pytest.fail("a packet was rendered"))
    response = post_multipart(client, "/en/clinic", {"csv_text": sample.write(sample.clinic(5))})
    assert response.status_code == 200
    assert BeautifulSoup(response.get_data(as_text=True), "html.parser").select("tr[data-relief]")


def test_checking_and_zipping_packets_reuse_the_results_instead_of_running_the_engine_again(monkeypatch):
    import webapp.packet
    from webapp.clinic import packets
    from webapp.clinic.batch import assess_csv

    batch = assess_csv(sample.write(sample.clinic(3)), "en")
    ready = batch.packet_clients
    assert ready, "the sample has clients with packets"
    monkeypatch.setattr(webapp.packet, "_assess", lambda s: pytest.fail("the engine ran again"))
    for client in ready:
        packets.check(client)
        assert client.packet == packets.READY
    rendered = []
    monkeypatch.setattr(packets, "render", lambda *args: rendered.append(args[3]) or b"%PDF-")
    assert len(zipfile.ZipFile(io.BytesIO(b"".join(packets.stream_zip(ready)))).namelist()) == len(ready)
    assert all(result is not None for result in rendered), "each packet is given the rows' results"
