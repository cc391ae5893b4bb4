"""The gunicorn worker class the Procfile, `make run` and the container use (webapp/gunicorn_conf.py).

gunicorn's threaded worker, with four changes that only the server itself can make:

- Slow clients: a connection that sends part of a request and then stalls holds a thread only
  until ``CLIENT_TIMEOUT`` seconds pass without a byte (reading or writing), then it is closed.
  Connections that send nothing wait in the worker's poller and hold no thread at all. With
  gunicorn's stock threaded worker a half-sent request holds its thread for as long as the
  client keeps the socket open.
- Errors gunicorn writes itself (a request line or header too long, a malformed request) carry
  the site's security headers and say, in every language the site has, what to do next.
- No ``Server: gunicorn`` header: what runs the site is nobody's business.
- Connections are spread over the workers. The workers share one listening socket, and a burst
  of new connections (a proxy opening its pool, a browser its six) is taken by whichever worker
  is awake first: measured here, 32 connections opened at once went 33/1, 30/4 and 16/18 in
  three tries, and a worker holds the connections it took. The threads of one worker share one
  core (Python's lock), so with most connections on one worker the other core went idle and the
  server answered half as many requests. Each worker now writes how many connections it has
  where the others can read it (memory the master maps before it forks); a worker that has more
  than ``BALANCE_SLACK`` above the least loaded one stops listening for up to ``HOLD_SECONDS``
  (20 ms), so that another takes the next connection, and takes it itself if it is still waiting
  then. The least loaded one never holds back, so no connection waits longer than that.

These patch gunicorn's response and error writers in the worker process only; the versions are
pinned by requirements.lock, and tests/evidence/test_server_limits.py checks each behaviour
against the real server.
"""

from __future__ import annotations

import html
import mmap
import os
import struct
import time

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


BALANCE_SLACK = 2
# How long a worker ahead of the others leaves a new connection to them before taking it itself.
HOLD_SECONDS = 0.02
_SLOTS = 64  # more than any worker count this server runs with
_SLOT = struct.Struct("qqd")  # pid, open connections, when last written (time.monotonic)
_STALE_SECONDS = 3.0  # a worker's loop writes at least every second; an older slot is gone
# Made at import, in the master (which loads the worker class before it forks): shared by every
# worker it starts. An anonymous mapping holds only counts and process ids.
_shared = mmap.mmap(-1, _SLOTS * _SLOT.size)


class Worker(gthread.ThreadWorker):
    _held_since: float | None = None  # this worker has been leaving a connection to the others
    _last_offered = 0.0
    _paused_until = 0.0

    def _publish(self) -> None:
        slot = (self.age % _SLOTS) * _SLOT.size
        _SLOT.pack_into(_shared, slot, os.getpid(), self.nr_conns, time.monotonic())

    def _least_loaded(self, now: float) -> int:
        least = self.nr_conns
        for offset in range(0, _SLOTS * _SLOT.size, _SLOT.size):
            pid, connections, written = _SLOT.unpack_from(_shared, offset)
            if pid and now - written < _STALE_SECONDS:
                least = min(least, connections)
        return least

    def set_accept_enabled(self, enabled):
        # The loop turns accepting back on at every turn; not while this worker holds back.
        super().set_accept_enabled(enabled and time.monotonic() >= self._paused_until)

    def wait_for_and_dispatch_events(self, timeout):
        self._publish()
        now = time.monotonic()
        if not self._accepting and self._paused_until > now:
            timeout = min(timeout, self._paused_until - now)  # listen again on time
        super().wait_for_and_dispatch_events(timeout)

    def accept(self, listener):
        now = time.monotonic()
        if self._held_since is None or now - self._last_offered > 2 * HOLD_SECONDS:
            self._held_since = now  # a new connection, not the one held back a moment ago
        self._last_offered = now
        ahead = self.nr_conns > self._least_loaded(now) + BALANCE_SLACK
        if ahead and now - self._held_since < HOLD_SECONDS:
            # Stop listening for a moment (this worker's own connections are still served): a
            # less loaded worker, woken by the same connection, takes it meanwhile.
            self._paused_until = self._held_since + HOLD_SECONDS
            self.set_accept_enabled(False)
            return
        self._held_since = None
        super().accept(listener)
        self._publish()
