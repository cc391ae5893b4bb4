"""The ZIP of packets read back as text, and nothing about the clients left on the server."""

import io
import logging
import zipfile

import pytest
from pypdf import PdfReader

from webapp import form_token

from ..conftest import csrf_token
from . import sample
from .conftest import carried_csv, post_multipart

pytestmark = pytest.mark.slow


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def three_clients() -> str:
    """An English client and a Spanish client with petitioner details, and one without a name."""
    rows = sample.client_rows(1, 2, lang="en") + sample.client_rows(2, 1, lang="es")
    rows += sample.client_rows(3, 1, petitioner=False)
    return sample.write(rows)


def test_the_zip_holds_one_packet_per_client_with_details_each_for_that_client(client):
    form = {"csv": three_clients(), "download": "packets-1"}
    response = post_multipart(client, "/en/clinic/download", form)
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"] == 'attachment; filename="prop64-clinic-packets.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert archive.testzip() is None
    # "of 2": a download cut off part-way shows how far it got.
    assert archive.namelist() == ["packet-001-of-002-C0001.pdf", "packet-002-of-002-C0002.pdf"]
    first, second = (pdf_text(archive.read(name)) for name in archive.namelist())
    # Each packet is the client's own: their name, their case numbers, the court's form.
    assert "María Peña 1" in first
    assert "CASE-1-1" in first
    assert "CASE-1-2" in first
    assert "Zoë Adams 2" not in first
    assert "Zoë Adams 2" in second
    assert "CASE-2-1" in second
    assert "CR-400" in first
    assert "CR-400" in second
    # Instructions in the client's language; the forms stay in English for the court.
    assert "Your checklist for case" in first
    assert "Su lista de pasos para el caso" in second
    assert "PETITION/APPLICATION" in second.upper()


def test_more_packets_than_one_request_may_render_come_in_parts_the_page_offers_one_button_each(client):
    # One conviction each: 2 forms a packet, so 30 fill one part's budget of 60 (webapp/limits.py).
    dismissal = sample.CONVICTIONS[0][0]
    text = sample.write([{**sample.client_rows(n, 1)[0], **dismissal} for n in range(1, 32)])
    page = post_multipart(client, "/en/clinic", {"csv_text": text}).get_data(as_text=True)
    assert 'value="packets-1"' in page
    assert 'value="packets-2"' in page
    assert "clients 1 to 30" in page
    assert "clients 31 to 31" in page
    response = post_multipart(client, "/en/clinic/download", {"csv": text, "download": "packets-2"})
    disposition = response.headers["Content-Disposition"]
    assert disposition == 'attachment; filename="prop64-clinic-packets-part-2.zip"'
    names = zipfile.ZipFile(io.BytesIO(response.data)).namelist()
    assert names == ["packet-031-of-031-C0031.pdf"]


def test_a_whole_clinic_round_trip_leaves_nothing_about_the_clients_on_the_server(
        csrf_client, no_disk_writes, caplog):
    caplog.set_level(logging.DEBUG)
    text = three_clients()
    token = csrf_token(csrf_client.get("/en/clinic").get_data(as_text=True))
    page = post_multipart(csrf_client, "/en/clinic", {"csrf_token": token, "csv_text": text})
    assert page.status_code == 200
    carried = carried_csv(page.get_data(as_text=True))
    for choice in ("results", "summaries", "packets-1"):
        response = post_multipart(csrf_client, "/en/clinic/download",
                                  {"csrf_token": token, "csv": carried, "download": choice})
        assert response.status_code == 200, choice
        assert response.headers["Cache-Control"] == "no-store"
        assert "Peña" not in response.headers.get("Content-Disposition", "")
    # Nothing logged about them, and the cookie holds only the form token (form_token.py).
    logged = " ".join(record.getMessage() for record in caplog.records)
    for secret in ("María Peña", "Zoë Adams", "CASE-1-1", "1980-05-01"):
        assert secret not in logged
    with csrf_client.session_transaction() as session:
        assert set(session) <= {"csrf_token", form_token.KEPT}
