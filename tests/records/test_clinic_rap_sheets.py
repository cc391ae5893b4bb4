"""Clinic mode from RAP sheets: one text file per client gives that client's clinic rows."""

import io

import pytest
from bs4 import BeautifulSoup

from webapp.records import clinic_rows
from webapp.records.rap_sheet import parse

from ..web.pages import check_page
from .samples import rap_text


def _post(client, files, lang="en"):
    data = {"rap_sheets": [(io.BytesIO(body), name) for name, body in files]}
    return client.post(f"/{lang}/records/clinic", data=data, content_type="multipart/form-data")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_file_is_one_client_with_its_convictions(client, lang):
    check_page(client.get(f"/{lang}/records/clinic").get_data(as_text=True), lang)
    files = [(f"C000{i}.txt", rap_text(f"sample-{i}").encode()) for i in (1, 3, 4)]
    response = _post(client, files, lang)
    assert response.status_code == 200
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    reliefs = [tag["data-relief"] for tag in soup.select("[data-relief]")]
    # sample-1: one dismissal; sample-3: four convictions; sample-4: two (one 290-blocked felony).
    assert len(reliefs) == 7
    assert reliefs.count("not_eligible") == 1


def test_files_that_are_not_rap_sheets_are_named(client):
    response = _post(client, [("C1.txt", rap_text("sample-1").encode()), ("notes.txt", b"hello"),
                              ("scan.txt", b"\xff\xfe\x00")])
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True), "en", has_error=True)
    problems = soup.select_one("[data-file-problems]").get_text(" ")
    assert "notes:" in problems
    assert "scan:" in problems
    assert "C1:" not in problems


def test_no_file_is_a_clear_message(client):
    response = client.post("/en/records/clinic", data={}, content_type="multipart/form-data")
    assert response.status_code == 400


def test_rows_follow_the_clinic_template():
    found = parse(rap_text("sample-2"))
    text = clinic_rows.csv_text([("C9", found)])
    header, row = text.splitlines()[:2]
    assert header.split(",")[:3] == ["client_id", "lang", "name"]
    assert row.startswith("C9,")
    assert "11359" in row


@pytest.mark.parametrize(("name", "expected"), [("C0012.txt", "C0012"), ("../x/Ana María.txt", "AnaMaría"),
                                                (".txt", "client-3")])
def test_client_ids_come_from_file_names(name, expected):
    assert clinic_rows.client_id(name, 3) == expected


def test_more_than_10_mb_of_files_is_refused_unread(client):
    response = client.post("/en/records/clinic", data=b"x", content_type="multipart/form-data; boundary=x",
                           environ_overrides={"CONTENT_LENGTH": str(11 * 1024 * 1024)})
    assert response.status_code == 413
    check_page(response.get_data(as_text=True), "en", has_error=True)
