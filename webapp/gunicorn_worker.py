"""The gunicorn worker class the Procfile, `make run` and the container use (webapp/gunicorn_conf.py).

gunicorn's threaded worker, with three changes that only the server itself can make:

- Slow clients: a connection that sends part of a request and then stalls holds a thread only
  until ``CLIENT_TIMEOUT`` seconds pass without a byte (reading or writing), then it is closed.
  Connections that send nothing wait in the worker's poller and hold no thread at all. With
  gunicorn's stock threaded worker a half-sent request holds its thread for as long as the
  client keeps the socket open.
- Errors gunicorn writes itself (a request line or header too long, a malformed request) carry
  the site's security headers and say, in every language the site has, what to do next.
- No ``Server: gunicorn`` header: what runs the site is nobody's business.

These patch gunicorn's response and error writers in the worker process only; the versions are
pinned by requirements.lock, and tests/evidence/test_server_limits.py checks each behaviour
against the real server.
"""

from __future__ import annotations

import html
import os

from babel.support import Translations
from gunicorn import util
from gunicorn.http import wsgi
from gunicorn.workers import gthread

from .config import ROOT
from .security import HEADERS

# Long enough for a phone on a poor connection to send a form; short enough that a stalled
# connection gives its thread back within seconds.
CLIENT_TIMEOUT = float(os.environ.get("CLIENT_TIMEOUT_SECONDS") or 10)


def _(message: str) -> str:
    """Marks a sentence for extraction; it is translated when the page is built, per language."""
    return message


# What a person sees for each status gunicorn answers by itself, before the app is reached.
MESSAGES = {
    400: (_("We could not understand that request"), _("Please go back and try again.")),
    403: (_("We could not understand that request"), _("Please go back and try again.")),
    414: (
        _("The web address is too long"),
        _("Please go back and use the links on the page instead of typing a long address."),
    ),
    417: (_("We could not understand that request"), _("Please go back and try again.")),
    431: (
        _("Your browser sent too much information"),
        _("Please clear the cookies for this site, then go back and try again."),
    ),
    500: (
        _("Sorry, something went wrong on our side"),
        _(
            "Please try again in a few minutes. Your answers have not been lost if you answered in"
            " the last 2 hours."
        ),
    ),
    501: (_("We could not understand that request"), _("Please go back and try again.")),
}
START = _("Go to the start page")


def _languages() -> list[tuple[str, Translations | None]]:
    found = [("en", None)]
    folder = ROOT / "translations"
    for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
        if (entry / "LC_MESSAGES" / "messages.mo").is_file():
            found.append((entry.name, Translations.load(str(folder), [entry.name])))
    return found


def error_page(status: int) -> bytes:
    """A small page in every compiled language, each section marked with its own lang."""
    title, advice = MESSAGES.get(status, MESSAGES[400])
    sections = []
    for lang, catalog in _languages():
        say = catalog.gettext if catalog else (lambda text: text)
        sections.append(
            f'<section lang="{lang}"><h1>{html.escape(say(title))}</h1>'
            f"<p>{html.escape(say(advice))}</p>"
            f'<p><a href="/{lang}/">{html.escape(say(START))}</a></p></section>'
        )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head><body>{''.join(sections)}</body></html>"
    ).encode()


def write_error(sock, status_int, reason, mesg):
    # gunicorn's own `mesg` echoes the offending request line or header: never shown or logged.
    body = error_page(status_int)
    headers = {
        **HEADERS,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": str(len(body)),
        "Connection": "close",
    }
    head = f"HTTP/1.1 {status_int} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    util.write_nonblock(sock, head.encode("latin-1") + b"\r\n" + body)


_default_headers = wsgi.Response.default_headers


def default_headers(self):
    return [line for line in _default_headers(self) if not line.startswith("Server:")]


_init = gthread.TConn.init


def init(self):
    # The worker calls init() (a no-op after the first time) right after making the socket
    # blocking for each request, so the timeout is set again on kept-alive connections too.
    _init(self)
    self.sock.settimeout(CLIENT_TIMEOUT)


util.write_error = write_error
wsgi.Response.default_headers = default_headers
gthread.TConn.init = init


class Worker(gthread.ThreadWorker):
    pass
