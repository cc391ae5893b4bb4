"""Answers travel in an encrypted, expiring cookie; nothing is kept on the server.

The cookie is a Fernet token (AES-128-CBC + HMAC-SHA256) of a small JSON document. Fernet's own
timestamp gives the idle expiry: a response re-encrypts when the answers changed or the cookie is
over a minute old, so the two hours count from the last request (give or take that minute) and a
page view that changes nothing skips the encryption. Any failure (tampering, a rotated key,
expiry, an older schema) yields an empty session, flagged ``crr_lost`` so the pages can say the
answers were lost instead of silently starting over.
"""

import base64
import hashlib
import json
import time
import zlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask.sessions import SecureCookieSession, SessionInterface

SCHEMA_VERSION = 1
# An unchanged session is re-sent only when its cookie is older than this.
REFRESH_SECONDS = 60
# zlib's default state (a 32 kB window and its hash tables, set up and zeroed on every call) is
# much of the work of compressing a document of a few hundred bytes. A 4 kB window (wbits 12) and
# small tables (memLevel 4) give the same size for two convictions and within a few bytes for 50
# (the answers repeat within a conviction's length), for a third fewer instructions (callgrind:
# 97k against 153k for two convictions); zlib.decompress reads both, so older cookies still open.
_WINDOW_BITS, _MEMORY_LEVEL = 12, 4


def _compress(payload: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, _WINDOW_BITS, _MEMORY_LEVEL)
    return compressor.compress(payload) + compressor.flush()


def _fernet_key(secret: str) -> bytes:
    # Derive a dedicated key so the raw SECRET_KEY is never used for two purposes.
    digest = hashlib.sha256(b"crr-session-v1:" + secret.encode()).digest()
    return base64.urlsafe_b64encode(digest)


@lru_cache(maxsize=8)
def _multi_fernet(keys: tuple[str, ...]) -> MultiFernet:
    # Key derivation costs a hash per key; the keys only change with the configuration.
    return MultiFernet([Fernet(_fernet_key(k)) for k in keys])


def _issued_at(token: str) -> int:
    """The Fernet timestamp (bytes 1-8 of the decoded token), read after decrypt() vouched for it."""
    return int.from_bytes(base64.urlsafe_b64decode(token.encode())[1:9], "big")


def _lost() -> SecureCookieSession:
    """An empty session for a cookie that was sent but is expired or unreadable."""
    session = SecureCookieSession()
    session.crr_lost = True
    return session


class EncryptedCookieSessionInterface(SessionInterface):
    def _fernet(self, app) -> MultiFernet:
        keys = (app.config["SECRET_KEY"], *(app.config.get("SECRET_KEY_FALLBACKS") or []))
        return _multi_fernet(keys)

    def open_session(self, app, request):
        token = request.cookies.get(self.get_cookie_name(app))
        if not token:
            return SecureCookieSession()
        try:
            raw, current_key = self._decrypt(app, token)
            document = json.loads(zlib.decompress(raw))
        except (InvalidToken, ValueError, UnicodeError, zlib.error):
            return _lost()
        if not isinstance(document, dict) or document.get("v") != SCHEMA_VERSION:
            return _lost()
        data = document.get("d")
        session = SecureCookieSession(data if isinstance(data, dict) else {})
        # Made with the current key and recently: an unchanged session need not be sent again.
        session.crr_fresh = current_key and time.time() - _issued_at(token) < REFRESH_SECONDS
        return session

    def _decrypt(self, app, token: str) -> tuple[bytes, bool]:
        """The plaintext, and whether the current key (not a fallback) opened it."""
        ttl = app.config["SESSION_IDLE_SECONDS"]
        try:
            return _multi_fernet((app.config["SECRET_KEY"],)).decrypt(token.encode(), ttl=ttl), True
        except InvalidToken:
            if not app.config.get("SECRET_KEY_FALLBACKS"):
                raise
        return self._fernet(app).decrypt(token.encode(), ttl=ttl), False

    def save_session(self, app, session, response):
        from flask import request

        # The JSON API and static files never set or refresh a cookie.
        if request.path.startswith(("/api/", "/static/")):
            return
        name = self.get_cookie_name(app)
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        if not session:
            if session.modified or request.cookies.get(name):
                response.delete_cookie(name, domain=domain, path=path)
            return
        if not session.modified and getattr(session, "crr_fresh", False):
            response.vary.add("Cookie")
            return
        payload = json.dumps({"v": SCHEMA_VERSION, "d": dict(session)}, separators=(",", ":"))
        # Compressed before encryption: 50 convictions' answers would not fit in 4 kB otherwise. Every
        # answer is a code from a fixed list, never free text, so the compressed size cannot be
        # steered to guess the CSRF token that shares the cookie (no CRIME/BREACH-style oracle).
        token = self._fernet(app).encrypt(_compress(payload.encode())).decode()
        response.vary.add("Cookie")
        response.set_cookie(
            name,
            token,
            domain=domain,
            path=path,
            httponly=self.get_cookie_httponly(app),
            secure=self.get_cookie_secure(app),
            samesite=self.get_cookie_samesite(app),
        )
