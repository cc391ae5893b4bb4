"""Log lines are JSON and hold nothing a person typed (webapp/log_format.py)."""

import json
import logging

import pytest

from webapp.log_format import AccessFormatter, LineFormatter, Redact

NAME, CASE = "Rosa Example", "F12-345678"


def _record(name, msg, args=(), exc_info=None):
    return logging.LogRecord(name, logging.WARNING, __file__, 1, msg, args, exc_info)


def test_an_access_line_keeps_the_path_and_drops_the_query_the_address_and_headers():
    atoms = {"m": "POST", "U": f"/es/petition?name={NAME}", "s": "200", "B": 81234, "M": 412,
             "h": "203.0.113.9", "{cookie}i": "crr=secret", "a": "Mozilla", "q": f"case={CASE}"}
    line = json.loads(AccessFormatter().format(_record("gunicorn.access", "%(m)s", atoms)))
    assert {k: line[k] for k in ("method", "path", "status", "bytes", "ms")} == {
        "method": "POST", "path": "/es/petition", "status": "200", "bytes": 81234, "ms": 412}
    assert set(line) == {"time", "level", "logger", "method", "path", "status", "bytes", "ms"}


@pytest.mark.parametrize(
    ("msg", "args"),
    [
        (f"Invalid request from ip=203.0.113.9: Invalid header value 'name={NAME}'", ()),
        ("Error handling request %s %s", ("GET", f"/es/check?case={CASE}&name={NAME}")),
    ],
)
def test_gunicorn_messages_that_quote_the_request_are_cut_to_what_is_safe(msg, args):
    record = _record("gunicorn.error", msg, args)
    assert Redact().filter(record)
    line = json.loads(LineFormatter().format(record))
    assert NAME not in json.dumps(line)
    assert CASE not in json.dumps(line)
    assert "203.0.113.9" not in json.dumps(line)


def test_an_exception_is_logged_by_its_type_never_its_text_or_traceback():
    try:
        raise ValueError(f"case number {CASE} for {NAME}")
    except ValueError:
        import sys

        record = _record("webapp", "Unhandled %s on %s", ("ValueError", "/<lang>/petition"), sys.exc_info())
    line = json.loads(LineFormatter().format(record))
    assert line["error"] == "ValueError"
    assert line["message"] == "Unhandled ValueError on /<lang>/petition"
    assert CASE not in json.dumps(line)
    assert "Traceback" not in json.dumps(line)
