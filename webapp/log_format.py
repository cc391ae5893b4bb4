"""JSON log lines for the server and the app, one object a line, with nothing personal in them.

What may be logged is a whitelist, not a filter of known secrets:

- an access line is method, path (never the query string), status, size and milliseconds: no
  client address, no cookie, no header, no body. Paths hold question names and positions,
  never answers. The access record itself holds only those five (``AccessLogger``), so no
  handler or format added later can reach anything else;
- gunicorn's own messages that quote the request (a malformed request line or header, a failed
  request's URI) keep only the path, or the kind of error without its text;
- the app logs exception types and URL rules, never values (webapp/__init__.py).

gunicorn_conf.py installs ``LOGCONFIG`` for gunicorn's loggers and the app's.
"""

from __future__ import annotations

import logging
import re

from gunicorn.glogging import Logger
from pythonjsonlogger.json import JsonFormatter

_INVALID_REQUEST = re.compile(r"^Invalid request from ip=\S*: ")


def _path_only(uri) -> str:
    return str(uri).split("?", 1)[0].split("#", 1)[0]


class Redact(logging.Filter):
    """Rewrite gunicorn's error-log messages that would quote what a person sent."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if _INVALID_REQUEST.match(message):
            # The exception text echoes the offending line or header; its class name does not.
            record.msg, record.args = "Invalid request refused", ()
        elif message.startswith("Error handling request") and record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = (*args[:-1], _path_only(args[-1]))
        return True


class LineFormatter(JsonFormatter):
    """{"time", "level", "logger", "message"}; an exception adds only its type, never its text."""

    def add_fields(self, log_record, record, message_dict) -> None:
        log_record["time"] = self.formatTime(record)
        log_record["level"] = record.levelname
        log_record["logger"] = record.name
        log_record["message"] = record.getMessage()
        if record.exc_info and record.exc_info[0] is not None:
            log_record["error"] = record.exc_info[0].__name__

    def format(self, record: logging.LogRecord) -> str:
        # Tracebacks quote local values (a form field, a file name): the type is enough to search.
        exc_info, record.exc_info, record.exc_text = record.exc_info, None, None
        try:
            log_record: dict = {}
            self.add_fields(log_record, record, {})
            if exc_info and exc_info[0] is not None:
                log_record["error"] = exc_info[0].__name__
            return self.serialize_log_record(self.process_log_record(log_record))
        finally:
            record.exc_info = exc_info


class AccessFormatter(LineFormatter):
    """gunicorn's access record carries its atoms as ``record.args``: keep five of them."""

    ATOMS = {"m": "method", "U": "path", "s": "status", "B": "bytes", "M": "ms"}

    def add_fields(self, log_record, record, message_dict) -> None:
        log_record["time"] = self.formatTime(record)
        log_record["level"] = record.levelname
        log_record["logger"] = record.name
        atoms = record.args if isinstance(record.args, dict) else {}
        for atom, field in self.ATOMS.items():
            if atom in atoms:
                value = atoms[atom]
                log_record[field] = _path_only(value) if atom == "U" else value


class AccessLogger(Logger):
    """gunicorn's logger, whose access record carries only the five atoms an access line may show.

    gunicorn's own ``atoms`` hands the record every request and response header (the answers
    cookie, Set-Cookie, X-Forwarded-For) and the whole WSGI environ, for the formatter to leave
    out; here they are never put in, so a format or handler added later (``--access-logformat``
    with ``%({cookie}i)s``, a platform's own handler) prints "-" for them instead of a person's
    data. It is also less work: gunicorn built those dicts on every request, 10 to 20 µs of a
    worker's time for a question page with its sixteen headers (thread CPU, 2026-12-03)."""

    def atoms(self, resp, req, environ, request_time) -> dict:
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        return {
            "m": environ.get("REQUEST_METHOD"),
            "U": environ.get("PATH_INFO"),  # the path alone: the query is QUERY_STRING's
            "s": status,
            "B": getattr(resp, "sent", None),
            "M": request_time.seconds * 1000 + request_time.microseconds // 1000,
        }


LOGCONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": Redact}},
    "formatters": {
        "line": {"()": LineFormatter},
        "access": {"()": AccessFormatter},
    },
    "handlers": {
        "error": {"class": "logging.StreamHandler", "formatter": "line", "filters": ["redact"],
                  "stream": "ext://sys.stderr"},
        "access": {"class": "logging.StreamHandler", "formatter": "access", "stream": "ext://sys.stdout"},
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["access"], "propagate": False},
        "webapp": {"level": "INFO", "handlers": ["error"], "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": ["error"]},
}
