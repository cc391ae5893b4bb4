"""5,000 convictions through the page and back out as the results CSV, row for row."""

import csv
import io
import re
import time

from webapp.clinic import batch

from . import sample
from .conftest import carried_csv, download, upload


def test_five_thousand_rows_round_trip_through_the_page_and_the_results_csv(client):
    rows = sample.clinic(1000, 5)
    assert len(rows) == 5000
    text = sample.write(rows)
    page = upload(client, "en", text.encode("utf-8"))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    # Counted with regular expressions: BeautifulSoup takes seconds on a page this size.
    assert len(re.findall(r'<section class="clinic-client"[^>]* data-client-id=', html)) == 1000
    reliefs = re.findall(r'<tr id="row-\d+" data-row="\d+" data-relief="(\w+)"', html)
    assert reliefs == [sample.expected_relief(row) for row in rows]
    assert "data-problems" not in html

    response = download(client, "en", carried_csv(html), "results")
    table = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert len(table) == 5000
    for written, row in zip(table, rows, strict=True):
        assert {k: written[k] for k in row} == row  # the input, unchanged
        assert written["relief"] == sample.expected_relief(row)
        assert written["problems"] == ""


def test_five_thousand_rows_are_read_and_assessed_well_within_the_pages_time(monkeypatch):
    # Not a benchmark (scripts/bench_clinic.py is): a guard against an accidental quadratic step.
    text = sample.write(sample.clinic(1000, 5))
    start = time.perf_counter()
    result = batch.assess_csv(text)
    assert time.perf_counter() - start < 20
    assert sum(r.result is not None for r in result.rows) == 5000
