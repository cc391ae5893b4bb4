"""Rate limits on the endpoints that render PDFs: ``POST /api/v1/packet``, ``POST /<lang>/petition``
and the clinic's downloads (``CLINIC_RATE_LIMIT``, default 4 ZIPs a minute).

A packet takes a quarter of a second of CPU; a page takes about a millisecond. Without a limit one
client could keep every worker rendering and lock everyone else out. Pages and the eligibility API
are not limited: they are cheap, and a person answering questions must never be stopped.

- The limit is per client address (``request.remote_addr``, which ProxyFix takes from the one
  trusted proxy's X-Forwarded-For) and only counts requests that actually produced a PDF, so a
  person correcting a mistyped case number does not use up their downloads.
- ``PACKET_RATE_LIMIT`` (config or environment) sets it, default ``10 per minute``.
- Counters live in memory by default, which is right for one instance. With several instances set
  ``RATELIMIT_STORAGE_URI`` (for example ``redis://redis.internal:6379/0``) so they share counts.
  If that store is down, each instance falls back to its own in-memory counters: the site keeps
  serving packets, still limited, rather than failing every download.
- Over the limit the app's HTTPException handler answers 429: the translated error page for the
  petition form, JSON for the API, with Retry-After. Answers in the cookie are untouched.
- Off when ``TESTING`` is set (unless a test sets ``RATELIMIT_ENABLED``), so suites that download
  many packets are not throttled.

There is one Limiter per app, not a module-level one: Flask-Limiter keeps its storage and its
on/off switch on the Limiter object, so a shared one would carry counts and settings from one app
to the next (tests build many apps in one process).
"""

from __future__ import annotations

import os

from flask import Flask, Response, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

DEFAULT_PACKET_RATE_LIMIT = "10 per minute"
# A clinic's ZIP holds up to 50 packets: fewer downloads, each far heavier.
DEFAULT_CLINIC_RATE_LIMIT = "4 per minute"

def _packet_rate_limit() -> str:
    return current_app.config["PACKET_RATE_LIMIT"]


def _clinic_rate_limit() -> str:
    return current_app.config["CLINIC_RATE_LIMIT"]


def _made_a_packet(response: Response) -> bool:
    return response.status_code == 200 and response.mimetype == "application/pdf"


def _made_packets(response: Response) -> bool:
    # Only the ZIP of packets (and a summary PDF) costs rendering; the CSV and HTML pages are cheap.
    return response.status_code == 200 and response.mimetype in ("application/zip", "application/pdf")


def _configure(app: Flask) -> None:
    config = app.config
    config.setdefault("RATELIMIT_ENABLED", not config.get("TESTING", False))
    config.setdefault("PACKET_RATE_LIMIT", os.environ.get("PACKET_RATE_LIMIT") or DEFAULT_PACKET_RATE_LIMIT)
    config.setdefault("CLINIC_RATE_LIMIT", os.environ.get("CLINIC_RATE_LIMIT") or DEFAULT_CLINIC_RATE_LIMIT)
    # Explicit memory:// (not unset): the extension warns about an unset storage on every start.
    config.setdefault("RATELIMIT_STORAGE_URI", os.environ.get("RATELIMIT_STORAGE_URI") or "memory://")
    config.setdefault("RATELIMIT_KEY_PREFIX", "crr")
    config.setdefault("RATELIMIT_HEADERS_ENABLED", True)  # Retry-After on the 429
    config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)


def init_app(app: Flask) -> Limiter:
    """Attach a Limiter to `app` and limit the packet routes. Call before the blueprints are used."""
    _configure(app)
    from .clinic.views import bp as clinic
    from .packet.views import bp as packet_api
    from .petition import bp as petition

    limiter = Limiter(key_func=get_remote_address)
    # Limits attach to blueprint names and are looked up per request, so they can be declared
    # before the blueprints are registered. GET of the petition page stays unlimited.
    rule = limiter.limit(_packet_rate_limit, methods=["POST"], deduct_when=_made_a_packet)
    for blueprint in (packet_api, petition):
        rule(blueprint)
    limiter.limit(_clinic_rate_limit, methods=["POST"], deduct_when=_made_packets)(clinic)
    limiter.init_app(app)
    return limiter
