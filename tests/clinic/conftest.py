"""Helpers for posting a clinic CSV the way the page's forms do."""

import builtins
import io
import os
import re
import tempfile
from html import unescape

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart


def post_multipart(client, url: str, form: dict):
    # Encoded here, in memory: the test client would spool a large body to a temporary file and
    # never close it.
    boundary, body = encode_multipart(form)
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def upload(client, lang: str, data: bytes | str, filename: str = "clients.csv"):
    """Post a CSV as the upload form does: bytes as a chosen file, text as pasted rows."""
    if isinstance(data, bytes):
        form = {"csv_file": FileStorage(io.BytesIO(data), filename=filename), "csv_text": ""}
    else:
        form = {"csv_text": data}
    return post_multipart(client, f"/{lang}/clinic", form)


def carried_csv(html: str) -> str:
    """The CSV the results page keeps for its download buttons (a regular expression: parsing a
    5,000-row page with BeautifulSoup takes seconds)."""
    match = re.search(r'<input type="hidden" name="csv" form="downloads" value="([^"]*)">', html)
    assert match, "the results page carries no CSV for its downloads"
    return unescape(match[1])


def download(client, lang: str, text: str, choice: str):
    return post_multipart(client, f"/{lang}/clinic/download", {"csv": text, "download": choice})


@pytest.fixture
def no_disk_writes(monkeypatch):
    """Fail on any attempt, from Python, to create or write a file."""
    written = []
    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            written.append(str(file))
            raise AssertionError(f"wrote {file}")
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            written.append(str(path))
            raise AssertionError(f"wrote {path}")
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    for name in ("TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile", "mkstemp", "mkdtemp"):
        monkeypatch.setattr(tempfile, name, lambda *a, _n=name, **k: written.append(_n) or 1 / 0)
    yield written
    assert written == []
