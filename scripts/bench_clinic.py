"""Clinic mode: a 5,000-conviction CSV through the batch, the page and the results CSV, and a
ZIP of 50 packets.

    .venv/bin/python -m scripts.bench_clinic

The CSV is tests/clinic/sample.py's (1,000 clients with five convictions each, accents, petitioner
details), so every run measures the same work. "Engine time" is the time spent inside
``webapp.eligibility.assess`` alone; "batch" adds reading, grouping, mapping and the packet checks.
run() returns a flat dict of figures for docs/performance.md; figures report, nothing passes or
fails. Aims: 5,000 rows in under 2 s of engine time, 50 packets in under 30 s.
"""

from __future__ import annotations

import io
import time
from contextlib import contextmanager

from scripts.timing import best
from tests.clinic import sample
from webapp.clinic import batch, csv_io, output, packets


@contextmanager
def _engine_clock():
    """Time spent inside the engine, however many times the batch calls it."""
    spent = [0.0]
    real = batch.assess

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    batch.assess = timed
    try:
        yield spent
    finally:
        batch.assess = real


def _five_thousand(rounds: int) -> dict:
    data = sample.write(sample.clinic(1000, 5)).encode("utf-8")
    read_s, _ = best(rounds, lambda: csv_io.read(csv_io.decode(data)))
    engine = []
    for _ in range(rounds):
        with _engine_clock() as spent:
            result = batch.assess_csv(data)
        engine.append(spent[0])
    batch_s, result = best(rounds, lambda: batch.assess_csv(data))
    csv_s, _ = best(rounds, lambda: output.results_csv(result))
    page_s, first_s, size = _page(data)
    return {
        "5,000-row CSV, size": f"{len(data) / 1024 / 1024:.1f} MB",
        "5,000 rows, read and decode": f"{read_s * 1000:.0f} ms",
        "5,000 rows, engine time (aim < 2 s)": f"{min(engine) * 1000:.0f} ms",
        "5,000 rows, whole batch (read, group, engine, packet checks)": f"{batch_s * 1000:.0f} ms",
        "5,000 rows, results CSV written": f"{csv_s * 1000:.0f} ms",
        "5,000 rows, results page: first bytes": f"{first_s * 1000:.0f} ms",
        "5,000 rows, results page: complete": f"{page_s * 1000:.0f} ms ({size / 1024 / 1024:.1f} MB of HTML)",
    }


def _page(data: bytes) -> tuple[float, float, int]:
    """The upload as the browser sends it, through the app: time to the first chunk and to the end."""
    from werkzeug.datastructures import FileStorage
    from werkzeug.test import encode_multipart

    from webapp import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    boundary, body = encode_multipart({"csv_file": FileStorage(io.BytesIO(data), filename="c.csv")})
    start = time.perf_counter()
    response = client.post("/en/clinic", data=body, content_type=f"multipart/form-data; boundary={boundary}",
                           buffered=False)
    chunks = iter(response.response)
    first = next(chunks)
    first_s = time.perf_counter() - start
    size = len(first) + sum(len(chunk) for chunk in chunks)
    response.close()
    return time.perf_counter() - start, first_s, size


def _zip_of_fifty() -> dict:
    dismissal = sample.CONVICTIONS[0][0]
    rows = [{**sample.client_rows(n, 1)[0], **dismissal} for n in range(1, 51)]
    result = batch.assess_csv(sample.write(rows))
    clients = result.packet_clients
    if len(clients) != 50:
        raise RuntimeError(f"expected 50 packets, the sample gives {len(clients)}")
    packets.render(clients[0].screening, clients[0].petitioner, clients[0].lang)  # warm-up: fonts, catalogs
    start = time.perf_counter()
    stream = packets.stream_zip(clients)
    size = len(next(stream))
    first_s = time.perf_counter() - start
    size += sum(len(chunk) for chunk in stream)
    total_s = time.perf_counter() - start
    return {
        "ZIP of 50 packets, first packet streamed": f"{first_s * 1000:.0f} ms",
        "ZIP of 50 packets, complete (aim < 30 s)": f"{total_s:.1f} s ({size / 1024 / 1024:.1f} MB)",
        "ZIP of 50 packets, per packet": f"{total_s / 50 * 1000:.0f} ms",
    }


def run(rounds: int = 3) -> dict:
    return {**_five_thousand(rounds), **_zip_of_fifty()}


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
