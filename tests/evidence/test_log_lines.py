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


class _Response:
    status, sent = "303 SEE OTHER", 0
    headers = [("Set-Cookie", "crr=gAAAAsecret; HttpOnly"), ("Location", "/es/check/1/county")]


class _Request:
    headers = [("COOKIE", "crr=gAAAAsecret"), ("X-FORWARDED-FOR", "203.0.113.9"), ("USER-AGENT", NAME)]


def test_the_access_record_itself_holds_only_the_five_fields_an_access_line_shows():
    # Defence in depth: a format or handler added later (a platform's own, or
    # --access-logformat with a header atom) finds nothing else in the record to print.
    from datetime import timedelta

    from gunicorn.config import Config

    from webapp.log_format import AccessLogger

    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", "%(h)s %(q)s %({cookie}i)s %({set-cookie}o)s %({x-forwarded-for}i)s "
                                    "%(a)s %({wsgi.input}e)s %(m)s %(U)s %(s)s %(M)s")
    logger = AccessLogger(config)
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger.access_log.handlers = [handler]
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/es/check/1/county", "QUERY_STRING": f"case={CASE}",
               "RAW_URI": f"/es/check/1/county?case={CASE}", "SERVER_PROTOCOL": "HTTP/1.1",
               "REMOTE_ADDR": "203.0.113.9", "HTTP_COOKIE": "crr=gAAAAsecret", "wsgi.input": NAME}
    logger.access(_Response(), _Request(), environ, timedelta(milliseconds=12))
    (record,) = records
    assert dict(record.args) == {"m": "POST", "U": "/es/check/1/county", "s": "303", "B": 0, "M": 12}
    message = record.getMessage()
    assert message == "- - - - - - - POST /es/check/1/county 303 12"
    for secret in ("gAAAAsecret", "203.0.113.9", CASE, NAME):
        assert secret not in message
    line = json.loads(AccessFormatter().format(record))
    assert (line["method"], line["path"], line["status"], line["ms"]) == (
        "POST", "/es/check/1/county", "303", 12)


def test_the_server_logs_through_that_record(monkeypatch, tmp_path):
    import importlib

    # Set, so that importing the settings changes nothing another test would see.
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "memory://")
    monkeypatch.setenv("RENDER_LOCK_DIR", str(tmp_path))

    conf = importlib.import_module("webapp.gunicorn_conf")
    from webapp.log_format import AccessLogger

    assert conf.logger_class is AccessLogger
