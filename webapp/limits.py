"""Rendering is bounded by its cost: what one request may render, and what one address may render
a minute. Pages and the eligibility API are not limited: they are cheap, and a person answering
questions must never be stopped.

Cost is counted in *forms*: a packet costs one for itself and one for each conviction in it,
because rendering time grows with the convictions (measured here: 0.5 s for one, 2.9 s for ten,
7.6 s for twenty-five, about 0.3 s a conviction on a busy core). So a packet of 50 convictions
weighs as much as 25 small ones, and a ZIP weighs what all of its packets weigh.

- ``RENDER_BUDGET`` forms at most in one request: inside gunicorn's 30 s worker timeout even on
  a busy core. A person's own packet always fits (50 convictions are 51 forms); a clinic's ZIP is
  cut into parts that fit (webapp/clinic/packets.py).
- Per client address, ``PACKET_RATE_LIMIT`` forms a minute for the person's packet (the page and
  ``POST /api/v1/packet``), ``CLINIC_RATE_LIMIT`` for the clinic's ZIPs. The clinic's results
  CSV and summaries are cheap and never counted.
- The cost is deducted *before* rendering, in one atomic increment of a shared counter, and given
  back if rendering fails; so a burst sent all at once cannot pass on counts that are only
  written after each response. A request that does not fit gets 429 with Retry-After, before
  any work: the translated page (the details page comes back with what was typed), JSON for the
  API.
- At most ``RENDERS_AT_ONCE`` renders run at once for one address, packets and ZIPs together;
  one more is a 429 at once, before any work, so a burst cannot occupy every worker. Default 2,
  or the server's ``RENDER_SLOTS`` if fewer (webapp/packet/render_pool.py): a render beyond the
  slots only queues, and an address's second maximal render queued behind its first would run
  into the render deadline instead of being told at once to wait.
- The address is ``request.remote_addr``: the real peer, unless ``TRUSTED_PROXY_HOPS`` says how
  many proxies in front append to X-Forwarded-For (webapp/__init__.py). Counters are keyed by a
  keyed hash of the address, never the address itself.
- Counters live where ``RATELIMIT_STORAGE_URI`` says: ``memory://`` (one process),
  ``sqlite:///path`` (every worker of one server: gunicorn_conf.py sets this for its workers),
  or ``redis://…`` for several instances. If that store is down, each process falls back to its
  own memory: the site keeps serving, still limited, rather than failing every download.
- Off when ``TESTING`` is set, unless a test sets ``RATELIMIT_ENABLED``; the per-request budget
  is always on (it is a size rule, not a rate).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass

from flask import Flask, current_app, request
from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from werkzeug.exceptions import TooManyRequests

from .packet import render_pool

RENDER_BUDGET = 60
DEFAULT_PACKET_RATE_LIMIT = "60 per minute"  # one largest packet, or about twenty of two convictions
DEFAULT_CLINIC_RATE_LIMIT = "240 per minute"  # four full ZIP parts
# Renders one address may have running at the same time: two, so that one person's (or one
# clinic's) burst can hold at most two of the server's workers and the pages keep the others.
DEFAULT_RENDERS_AT_ONCE = 2
_IN_FLIGHT_EXPIRY = 120  # seconds: four worker timeouts
_IN_FLIGHT_RETRY = 30
_LOCK_TIMEOUT = 10  # seconds one process of the server waits for another's hold on the SQLite store
PACKET, CLINIC = "packet", "clinic"
_CONFIG = {PACKET: "PACKET_RATE_LIMIT", CLINIC: "CLINIC_RATE_LIMIT"}


def packet_cost(convictions: int) -> int:
    """The forms one packet of `convictions` convictions costs."""
    return 1 + max(convictions, 0)


class OverBudget(Exception):
    """More than one request may render; the caller says what to do (it cannot be retried)."""


class SQLiteStorage(Storage):
    """Counters in one SQLite file, shared by the processes of one server (gunicorn's workers).

    Each call opens the file, so a forked worker never shares a connection with its parent.
    """

    STORAGE_SCHEME = ["sqlite"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = (uri or "").removeprefix("sqlite://")
        if not self.path.startswith("/"):
            raise ValueError("RATELIMIT_STORAGE_URI must be sqlite:///absolute/path for SQLite")
        self._create()

    def _create(self) -> None:
        # WAL (readers never wait for the writer) is kept in the file, so it is set once, here.
        # Switching a new file to it needs the file to itself, and SQLite answers "database is
        # locked" at once, without waiting its timeout, when another process opens the same new
        # file in that moment: gunicorn's workers booting together did (6 in 160 here), and a
        # worker that fails to boot stops the whole server. So wait for the other, as a lock would.
        deadline = time.monotonic() + _LOCK_TIMEOUT
        while True:
            try:
                with contextlib.closing(self._connect()) as db:
                    db.execute("PRAGMA journal_mode=WAL")
                    db.execute("CREATE TABLE IF NOT EXISTS counters"
                               " (key TEXT PRIMARY KEY, value INTEGER, expires REAL)")
                return
            except sqlite3.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=_LOCK_TIMEOUT, isolation_level=None)

    @property
    def base_exceptions(self):
        return sqlite3.Error

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        db = self._connect()
        try:
            db.execute("BEGIN IMMEDIATE")  # one writer at a time: the read and the write are atomic
            db.execute("DELETE FROM counters WHERE key = ? AND expires <= ?", (key, now))
            db.execute(
                "INSERT INTO counters VALUES (?, ?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = value + excluded.value",
                (key, amount, now + expiry),
            )
            (value,) = db.execute("SELECT value FROM counters WHERE key = ?", (key,)).fetchone()
            db.execute("COMMIT")
            return value
        finally:
            db.close()

    def _row(self, key: str) -> tuple[int, float]:
        db = self._connect()
        try:
            row = db.execute("SELECT value, expires FROM counters WHERE key = ? AND expires > ?",
                             (key, time.time())).fetchone()
        finally:
            db.close()
        return row or (0, time.time())

    def get(self, key: str) -> int:
        return self._row(key)[0]

    def get_expiry(self, key: str) -> float:
        return self._row(key)[1]

    def check(self) -> bool:
        try:
            self._connect().close()
            return True
        except sqlite3.Error:
            return False

    def reset(self) -> int | None:
        with self._connect() as db:
            return db.execute("DELETE FROM counters").rowcount

    def clear(self, key: str) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM counters WHERE key = ?", (key,))


@dataclass
class Reservation:
    """Forms taken from an address's allowance; `refund` gives them back when rendering failed."""

    budget: Budget | None
    item: RateLimitItem | None
    identifiers: tuple[str, ...]
    cost: int
    storage: Storage | None = None
    in_flight: str | None = None  # the key of this address's renders-at-once counter, until released

    def refund(self) -> None:
        if self.budget is not None and self.cost:
            self.budget.give_back(self)
            self.cost = 0

    def release(self) -> None:
        """The render is over (done or failed): this address may start another."""
        if self.budget is not None and self.in_flight is not None:
            self.budget.leave(self)
            self.in_flight = None

    def __enter__(self) -> Reservation:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is not None:
            self.refund()
        self.release()

    def guard(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        """A streamed body that refunds if it fails before its end. The caller releases it when
        the response closes (Response.call_on_close), which also covers a body never read."""
        try:
            yield from chunks
        except Exception:  # not GeneratorExit: a client that hangs up mid-download had the work done
            self.refund()
            raise


class Budget:
    """One per app (tests build many apps in one process; counts must not leak between them)."""

    def __init__(self, app: Flask) -> None:
        config = app.config
        self.enabled = bool(config["RATELIMIT_ENABLED"])
        self.items = {scope: parse(config[key]) for scope, key in _CONFIG.items()}
        for scope, item in self.items.items():
            if item.amount < RENDER_BUDGET:
                # Otherwise the largest request could never be served at all.
                raise RuntimeError(
                    f"{_CONFIG[scope]} must allow at least {RENDER_BUDGET} forms, not {item.amount}")
        self.storage = storage_from_string(config["RATELIMIT_STORAGE_URI"], wrap_exceptions=True)
        self.fallback = MemoryStorage()
        self.prefix = config["RATELIMIT_KEY_PREFIX"]
        self.at_once = int(config["RENDERS_AT_ONCE"])
        self._key = hashlib.sha256(b"rate-limit:" + str(config["SECRET_KEY"]).encode()).digest()

    def _client(self) -> str:
        address = (request.remote_addr or "unknown").encode()
        return hmac.new(self._key, address, hashlib.sha256).hexdigest()[:32]

    def reserve(self, scope: str, cost: int) -> Reservation:
        if cost > RENDER_BUDGET:
            raise OverBudget(cost)
        if not self.enabled:
            return Reservation(None, None, (), 0)
        item, identifiers = self.items[scope], (self.prefix, scope, self._client())
        reset = time.time() + item.get_expiry()
        for storage in (self.storage, self.fallback):
            try:
                if FixedWindowRateLimiter(storage).hit(item, *identifiers, cost=cost):
                    reservation = Reservation(self, item, identifiers, cost, storage)
                    if self._enter(reservation):
                        return reservation
                    # Within the minute's allowance, but too many at once: nothing was used up.
                    reservation.refund()
                    raise TooManyRequests(retry_after=_IN_FLIGHT_RETRY)
                # Refused: give the cost back at once, so a refused request uses up nothing.
                storage.incr(item.key_for(*identifiers), item.get_expiry(), amount=-cost)
                reset = FixedWindowRateLimiter(storage).get_window_stats(item, *identifiers).reset_time
                break
            except StorageError:
                continue
        retry = max(1, int(reset - time.time() + 0.999))
        raise TooManyRequests(retry_after=retry)

    def _enter(self, reservation: Reservation) -> bool:
        # Shared by the person's packets and the clinic's ZIPs: what stalls the pages is renders
        # running at once, whichever kind they are. The counter expires on its own, so a worker
        # killed mid-render cannot lock its address out for longer than that.
        key = f"{self.prefix}/in-flight/{reservation.identifiers[-1]}"
        running = reservation.storage.incr(key, _IN_FLIGHT_EXPIRY, amount=1)
        if running > self.at_once:
            reservation.storage.incr(key, _IN_FLIGHT_EXPIRY, amount=-1)
            return False
        reservation.in_flight = key
        return True

    def leave(self, reservation: Reservation) -> None:
        with contextlib.suppress(StorageError):
            reservation.storage.incr(reservation.in_flight, _IN_FLIGHT_EXPIRY, amount=-1)

    def give_back(self, reservation: Reservation) -> None:
        key = reservation.item.key_for(*reservation.identifiers)
        with contextlib.suppress(StorageError):  # the store went away: its counts expire on their own
            reservation.storage.incr(key, reservation.item.get_expiry(), amount=-reservation.cost)


def reserve(scope: str, cost: int) -> Reservation:
    """Take `cost` forms from this client's allowance for `scope`, before rendering.

    TooManyRequests (429, Retry-After) when they do not fit in this minute; OverBudget when no
    single request may render that much.
    """
    return current_app.extensions["render_budget"].reserve(scope, cost)


def _configure(app: Flask) -> None:
    config = app.config
    config.setdefault("RATELIMIT_ENABLED", not config.get("TESTING", False))
    config.setdefault("PACKET_RATE_LIMIT", os.environ.get("PACKET_RATE_LIMIT") or DEFAULT_PACKET_RATE_LIMIT)
    config.setdefault("CLINIC_RATE_LIMIT", os.environ.get("CLINIC_RATE_LIMIT") or DEFAULT_CLINIC_RATE_LIMIT)
    config.setdefault("RATELIMIT_STORAGE_URI", os.environ.get("RATELIMIT_STORAGE_URI") or "memory://")
    config.setdefault("RATELIMIT_KEY_PREFIX", "crr")
    config.setdefault("RENDERS_AT_ONCE", os.environ.get("RENDERS_AT_ONCE")
                      or min(DEFAULT_RENDERS_AT_ONCE, render_pool.RENDER_SLOTS))


def init_app(app: Flask) -> Budget:
    _configure(app)
    budget = app.extensions["render_budget"] = Budget(app)
    return budget
