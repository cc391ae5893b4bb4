"""JSON log lines for the server and the app, one object a line, with nothing personal in them.

What may be logged is a whitelist, not a filter of known secrets:

- an access line is method, path (never the query string), status, size and milliseconds: no
  client address, no cookie, no header, no body. Paths hold question names and positions,
  never answers;
- gunicorn's own messages that quote the request (a malformed request line or header, a failed
  request's URI) keep only the path, or the kind of error without its text;
- the app logs exception types and URL rules, never values (webapp/__init__.py).

gunicorn_conf.py installs ``LOGCONFIG`` for gunicorn's loggers and the app's.
"""

from __future__ import annotations

import logging
import re

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
