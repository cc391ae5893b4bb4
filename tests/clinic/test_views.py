"""The clinic pages as an advocate uses them: upload, results, every bad file, and the downloads."""

import csv
import io
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from webapp.clinic import csv_io

from ..conftest import csrf_token
from ..web.pages import check_page
from . import sample
from .conftest import carried_csv, download, upload

LANGS = ["en", "es"]


def soup_of(response, lang, **kwargs) -> BeautifulSoup:
    return check_page(response.get_data(as_text=True), lang, **kwargs)


def file_problems(soup) -> list[str]:
    box = soup.select_one("[data-file-problems]")
    return [li.get_text(" ", strip=True) for li in box.select("li")] if box else []


def row_problems(soup) -> list[str]:
    box = soup.select_one("[data-problems]")
    return [li.get_text(" ", strip=True) for li in box.select("li")] if box else []


@pytest.mark.parametrize("lang", LANGS)
def test_the_upload_and_help_pages_keep_the_site_invariants(client, lang):
    for url in (f"/{lang}/clinic", f"/{lang}/clinic/help"):
        response = client.get(url)
        assert response.status_code == 200
        soup = soup_of(response, lang)
        other = "es" if lang == "en" else "en"
        assert soup.select_one("a.lang-switch")["href"] == url.replace(f"/{lang}/", f"/{other}/")
    form = soup_of(client.get(f"/{lang}/clinic"), lang).select_one("main form")
    assert form["enctype"] == "multipart/form-data"
    assert form.select_one("input[type=file][name=csv_file]")
    assert form.select_one("textarea[name=csv_text]")


def test_the_help_page_explains_every_column_and_reason_code(client):
    soup = soup_of(client.get("/en/clinic/help"), "en")
    listed = " ".join(th.get_text() for th in soup.select("tbody th[scope=row]"))
    from webapp.clinic import columns
    from webapp.eligibility import REASON_CODES

    for column in columns.KNOWN:
        assert column in listed, column
    assert {dt.get_text() for dt in soup.select(".clinic-glossary dt")} == set(REASON_CODES)


def test_the_template_has_a_header_and_two_example_rows_that_check_cleanly(client):
    response = client.get("/en/clinic/template.csv")
    assert response.headers["Content-Disposition"] == 'attachment; filename="prop64-clinic-template.csv"'
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert len(rows) == 3
    assert rows[0][0] == "client_id"
    results = upload(client, "en", response.data)
    soup = soup_of(results, "en")
    assert not row_problems(soup)
    assert [s["data-packet"] for s in soup.select("section[data-client-id]")] == ["ready", "ready"]


@pytest.mark.parametrize("lang", LANGS)
def test_results_are_grouped_by_client_with_the_contracts_hooks(client, lang):
    rows = sample.clinic(3, 2)
    response = upload(client, lang, sample.write(rows).encode("utf-8"))
    assert response.status_code == 200
    soup = soup_of(response, lang)
    sections = soup.select("section[data-client-id]")
    assert [s["data-client-id"] for s in sections] == ["C0001", "C0002", "C0003"]
    first = sections[0].select("tr[data-relief]")
    assert [(tr["data-row"], tr["data-conviction-id"]) for tr in first] == [("2", "1"), ("3", "2")]
    reliefs = [tr["data-relief"] for tr in soup.select("tr[data-relief]")]
    assert reliefs == [sample.expected_relief(r) for r in rows]
    assert all(tr["data-track"] in ("application", "petition") for tr in soup.select("tr[data-relief]"))
    # The page's language switch leads to the upload page, since results cannot be fetched again.
    assert soup.select_one("a.lang-switch")["href"] == f"/{'es' if lang == 'en' else 'en'}/clinic"


def test_presumed_and_needs_review_are_flagged_in_the_table(client):
    rows = [{"client_id": "A", "section": "11357", "level": "misdemeanor", "offense_date": "2010-03-01",
             "age_at_offense": "30", "sentence": "completed"},
            {"client_id": "A", "section": "11357", "offense_date": "2012-03-01",
             "amount": "within_personal_limit", "school_grounds": "no", "sentence": "completed"}]
    soup = soup_of(upload(client, "en", sample.write(rows, ["client_id", "section", "level", "offense_date",
                                                           "age_at_offense", "amount", "school_grounds",
                                                           "sentence"])), "en")
    presumed, review = soup.select("tr[data-relief]")
    assert presumed["data-relief"] == "dismiss"
    assert presumed.select_one("[data-flag=presumed]")
    assert review["data-relief"] == "needs_review"
    assert "Needs a lawyer's review" in review.get_text()


def test_an_excel_windows_1252_file_with_crlf_and_accents_reads_correctly(client):
    data = sample.write(sample.clinic(2)).encode("cp1252")
    soup = soup_of(upload(client, "en", data), "en")
    assert "José Núñez 6" not in soup.get_text()  # only two clients
    assert "Zoë Adams 2" in soup.select_one("#client-2-title").get_text()
    assert not row_problems(soup)


def test_a_utf8_file_with_a_byte_order_mark_reads_correctly(client):
    data = b"\xef\xbb\xbf" + sample.write(sample.clinic(1)).encode("utf-8")
    soup = soup_of(upload(client, "en", data), "en")
    assert soup.select_one("section[data-client-id=C0001]")
    assert not soup.select_one("[data-notices]")  # the BOM did not turn client_id into an unknown column


def test_blank_lines_keep_spreadsheet_row_numbers(client):
    text = sample.write(sample.clinic(1, 2)).replace("\r\n", "\r\n\r\n", 1)
    soup = soup_of(upload(client, "en", text), "en")
    assert [tr["data-row"] for tr in soup.select("tr[data-relief]")] == ["3", "4"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_file_that_cannot_be_read_gives_400_with_the_row_and_the_fix(client, lang):
    response = upload(client, lang, b"client_id|section|level\r\nC1|11357|felony\r\n")
    assert response.status_code == 400
    soup = soup_of(response, lang, has_error=True)
    expected = {"en": "Row 1: we found only one column", "es": "Fila 1: solo encontramos una columna"}
    assert file_problems(soup)[0].startswith(expected[lang])


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"client_id,section,level,Level\nC1,11357,felony,felony\n",
         "Row 1: columns C and D are both named “Level”."),
        (b"name,section\nAna,11357\n", "Row 1: there is no client_id column."),
        (b"", "The file is empty."),
        (b"client_id,section\n", "The file has a header row but no convictions below it."),
        (b"PK\x03\x04" + bytes(100), "This is an older Excel workbook (.xls), or a workbook we cannot open."),
        (b'client_id,section\nC1,"11357\n', "Row 2: a quotation mark opened in this row is never closed"),
    ],
)
def test_each_unreadable_file_says_what_is_wrong(client, data, expected):
    response = upload(client, "en", data)
    assert response.status_code == 400
    assert file_problems(soup_of(response, "en", has_error=True))[0].startswith(expected)


def test_bad_rows_are_listed_with_links_to_their_rows_and_the_rest_are_checked(client):
    text = ("client_id,section,level,county\r\nC1,11357,misdemeanor,Fresno\r\nC1,11357,felony\r\n"
            "C2,11359,felony,Gotham\r\nC3,11358,felony,Kern\r\n")
    response = upload(client, "en", text)
    assert response.status_code == 200
    soup = soup_of(response, "en", has_error=True)
    assert row_problems(soup) == [
        "Row 3, column county: the row ends here, with 3 cells for 4 columns. Check for a missing comma.",
        "Row 4, column county: “Gotham” is not a California county. Write the county's name, for example "
        "Los Angeles.",
    ]
    links = [a["href"] for a in soup.select("[data-problems] a")]
    assert links == ["#row-3", "#row-4"]
    assert all(soup.select_one(link) for link in links)
    assert soup.select_one("#row-4 [data-not-checked]")
    assert soup.select_one("#row-5")["data-relief"]  # C3 checked all the same


def test_unknown_columns_are_reported_on_the_page(client):
    soup = soup_of(upload(client, "en", "client_id,section,levle\nC1,11357,felony\n"), "en")
    notices = soup.select_one("[data-notices]").get_text(" ", strip=True)
    assert "Column C, “levle”, is not a column we know, so we did not use it. Did you mean level?" in notices


@pytest.mark.parametrize(
    ("form", "expected"),
    [({"csv_text": "  "}, "Choose a CSV file, or paste the rows into the box."),
     ({"csv_text": "client_id,section\nC1,11357\n", "csv_file": (io.BytesIO(b"x"), "a.csv")},
      "You chose a file and also pasted rows. Send one or the other.")],
)
def test_sending_nothing_or_both_asks_for_one(client, form, expected):
    response = client.post("/en/clinic", data=form, content_type="multipart/form-data")
    assert response.status_code == 400
    soup = soup_of(response, "en", has_error=True)
    assert soup.select_one(".error-summary a[href='#csv_file']").get_text() == expected


def test_pasted_rows_come_back_in_the_box_after_a_problem(client):
    response = upload(client, "en", "client_id|section\nC1|11357\n")
    box = soup_of(response, "en", has_error=True).select_one("textarea")
    assert box.get_text() == "client_id|section\nC1|11357\n"


@pytest.mark.parametrize("lang", LANGS)
def test_a_file_over_2_mb_is_413_with_a_clear_message(client, lang):
    data = b"client_id,section\n" + b"C1,11357\n" * (csv_io.MAX_BYTES // 9 + 1)
    assert csv_io.MAX_BYTES < len(data) < csv_io.MAX_BYTES + 64 * 1024
    response = upload(client, lang, data)
    assert response.status_code == 413
    soup = soup_of(response, lang, has_error=True)
    expected = {
        "en": "The file is larger than 2 MB. Split it into smaller files and check them one at a time.",
        "es": "El archivo pesa más de 2 MB. Divídalo en archivos más pequeños y verifíquelos uno por uno.",
    }
    assert file_problems(soup) == [expected[lang]]


def test_a_body_declared_far_over_the_limit_is_refused_unread_with_the_same_message(client):
    response = client.post("/en/clinic", data=b"x" * 100, content_type="multipart/form-data; boundary=x",
                           environ_overrides={"CONTENT_LENGTH": str(50 * 1024 * 1024)})
    assert response.status_code == 413
    assert "larger than 2 MB" in response.get_data(as_text=True)


def test_pasted_text_over_2_mb_is_413(client):
    response = upload(client, "en", "client_id,section\n" + "C1,11357\n" * (csv_io.MAX_BYTES // 9 + 1))
    assert response.status_code == 413


def test_more_than_10000_rows_is_413_with_a_clear_message(client):
    data = b"client_id,section\n" + b"C,1\n" * (csv_io.MAX_ROWS + 1)
    response = upload(client, "es", data)
    assert response.status_code == 413
    assert file_problems(soup_of(response, "es", has_error=True)) == [
        "El archivo tiene más de 10.000 filas de condenas. Divídalo en archivos más pequeños y "
        "verifíquelos uno por uno."]


def test_a_large_upload_is_kept_in_memory_not_spooled_to_disk(client, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise AssertionError("an upload reached the disk")

    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", refuse)
    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    rows = sample.write(sample.clinic(1, 1))
    data = (rows + rows.split("\r\n", 1)[1] * 6000).encode()
    assert len(data) > 600 * 1024
    assert upload(client, "en", data).status_code == 200


def test_the_upload_needs_the_forms_csrf_token(csrf_client):
    data = sample.write(sample.clinic(1)).encode()
    refused = csrf_client.post("/en/clinic", data={"csv_file": (io.BytesIO(data), "a.csv")},
                               content_type="multipart/form-data")
    assert refused.status_code == 400
    token = csrf_token(csrf_client.get("/en/clinic").get_data(as_text=True))
    form = {"csrf_token": token, "csv_file": (io.BytesIO(data), "a.csv")}
    accepted = csrf_client.post("/en/clinic", data=form, content_type="multipart/form-data")
    assert accepted.status_code == 200
    assert carried_csv(accepted.get_data(as_text=True)) == data.decode()


GARBAGE = [
    b"\xff\xfe\x00",  # a broken UTF-16 file
    b"\x00\x00\x00",
    b'"',
    b"client_id\n",
    b"client_id,section\n" + b"," * 5000 + b"\n",
    b"client_id,section\nC1," + b"9" * 200_000 + b"\n",
    b"client_id,section,county,age_at_offense,offense_date\nC1,11357,los angeles,-5,0000-00-00\n",
    b"client_id,section,id\n" + b"C1,11357,\n" * 60,
    "client_id,section,name\nC1,11357,\u202e\u0000x\n".encode(),
]


@pytest.mark.parametrize("data", GARBAGE)
def test_no_file_makes_the_server_fail(client, data):
    response = upload(client, "en", data)
    assert response.status_code in (200, 400, 413)
    check_page(response.get_data(as_text=True), "en", has_error=response.status_code != 200)


# --- Downloads -----------------------------------------------------------------------------------


def results_table(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_the_results_csv_is_the_input_row_for_row_with_the_results_added(client):
    rows = sample.clinic(2, 2)
    header = [*sample.HEADER, "notes"]
    rows[0]["notes"] = "met at the Fresno event"
    text = carried_csv(upload(client, "en", sample.write(rows, header)).get_data(as_text=True))
    response = download(client, "en", text, "results")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="prop64-clinic-results.csv"'
    assert response.headers["Cache-Control"] == "no-store"
    table = results_table(response)
    assert list(table[0]) == [*header, "relief", "track", "form", "presumed", "reasons", "automatic_review",
                              "problems"]
    assert table[0]["notes"] == "met at the Fresno event"
    assert [r["relief"] for r in table] == [sample.expected_relief(r) for r in rows]
    assert table[0]["reasons"].split(";")[0].isupper()


def test_formulas_in_the_input_come_back_as_text_in_the_results_csv(client):
    rows = sample.client_rows(1, 1)
    rows[0]["name"] = '=HYPERLINK("http://evil.example","Click")'
    rows[0]["case_number"] = "-12345"
    text = sample.write(rows)
    table = results_table(download(client, "en", text, "results"))
    assert table[0]["name"] == "'" + rows[0]["name"]
    assert table[0]["case_number"] == "'-12345"


def test_problems_are_written_into_the_results_csv_row_by_row(client):
    text = "client_id,section,level\nC1,11357,felonyx\nC1,11358,felony\n"
    table = results_table(download(client, "en", text, "results"))
    assert table[0]["relief"] == ""
    assert table[0]["problems"].startswith("Row 2, column level:")
    assert table[1]["relief"] == "needs_review"


@pytest.mark.parametrize("lang", LANGS)
def test_the_summaries_page_has_one_section_per_client_in_the_clients_language(client, lang):
    rows = sample.clinic(4, 2)
    rows[0]["lang"], rows[2]["lang"], rows[4]["lang"] = "es", "en", ""
    rows[6]["level"] = "felonyx"  # client 4 has a problem: no summary until it is fixed
    response = download(client, lang, sample.write(rows), "summaries")
    soup = soup_of(response, lang)
    sections = soup.select("section.clinic-summary")
    assert [(s["data-client-id"], s["lang"]) for s in sections] == [
        ("C0001", "es"), ("C0002", "en"), ("C0003", lang)]
    first = sections[0]
    assert "José Núñez 1" not in first.get_text()
    assert [tr["data-relief"] for tr in first.select("tbody tr")] == [
        sample.expected_relief(r) for r in rows[:2]]
    assert "CASE-1-1" in first.get_text()


def test_a_spanish_clients_summary_uses_the_spanish_catalog(client):
    rows = sample.client_rows(1, 1, lang="es")
    section = soup_of(download(client, "en", sample.write(rows), "summaries"), "en").select_one("section")
    assert section["lang"] == "es"
    assert "Esta condena se puede reducir a un delito menor." in section.get_text()  # RELIEF_TEXT, translated


def test_download_problems_are_answered_not_crashed(client):
    assert client.get("/en/clinic/download").status_code == 302
    text = sample.write(sample.clinic(1))
    assert download(client, "en", text, "packets-2").status_code == 400
    assert download(client, "en", text, "nonsense").status_code == 400
    # Forged part numbers: digits that are not ASCII, signs, padding, huge numbers.
    for forged in ("packets-²", "packets-①", "packets-١", "packets-0", "packets-01", "packets--1",
                   "packets-1 ", "packets-" + "9" * 5000, "packets-1\n"):
        assert download(client, "en", text, forged).status_code == 400, forged
    assert download(client, "en", text, "packets-1").status_code == 200
    assert download(client, "en", "", "results").status_code == 400


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("column", "value"), [("age_at_offense", "²"), ("age_at_offense", "①"),
                                           ("prior_same_offense_convictions", "٣"),
                                           ("offense_date", "２０１２"), ("zip", "９４６１２")])
def test_a_number_cell_in_other_digits_is_a_row_problem_not_a_failed_upload(client, lang, column, value):
    rows = sample.clinic(3, 1)
    rows[1][column] = value
    response = upload(client, lang, sample.write(rows))
    assert response.status_code == 200
    soup = soup_of(response, lang)
    row = {"en": "Row 3, column", "es": "Fila 3, columna"}[lang]
    assert [text.startswith(f"{row} {column}") for text in row_problems(soup)] == [True], row_problems(soup)
    # The other clients still get their results.
    assert len(soup.select("[data-relief]")) >= 2


@pytest.mark.parametrize("lang", LANGS)
def test_a_header_line_over_128_kb_is_a_clear_problem(client, lang):
    response = upload(client, lang, "client_id," + "x" * 140_000 + "\n1,2\n")
    assert response.status_code == 400
    assert file_problems(soup_of(response, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_a_paste_is_measured_as_the_text_pasted_not_its_urlencoded_size(client, lang):
    # Accented names triple in size urlencoded (é is %C3%A9): a paste well inside the limit
    # must not be refused as too large because of how the form was sent.
    row = "C{n}," + "ÁÉÍÓÚÑáéíóúñ" * 4 + ",11357\n"
    text = "client_id,name,section\n" + "".join(row.format(n=n) for n in range(9_000))
    size = len(text.encode("utf-8"))
    assert size < csv_io.MAX_BYTES < len(urlencode({"csv_text": text}))
    response = client.post(f"/{lang}/clinic", data={"csv_text": text},
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    # Over the limit once decoded is still refused, with the clear message.
    more = (csv_io.MAX_BYTES - size) // 100 + 200
    bigger = text + "".join(row.format(n=n) for n in range(9_000, 9_000 + more))
    response = client.post(f"/{lang}/clinic", data={"csv_text": bigger},
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert file_problems(soup_of(response, lang, has_error=True))


def test_the_line_breaks_a_browser_adds_to_a_paste_are_not_counted_against_it():
    # Browsers send each line break of a textarea as CRLF; the file had one byte there.
    from webapp.clinic.views import _text_size

    assert _text_size("client_id,section\r\nC1,11357\r\n") == len("client_id,section\nC1,11357\n")
    assert _text_size("José\r\n") == len("José\n".encode())
    assert _text_size("\ud800") == 1  # a lone surrogate is measured, not a crash
