"""Answers travel in an encrypted, expiring cookie; nothing is kept on the server.

The cookie is a Fernet token (AES-128-CBC + HMAC-SHA256) of a small JSON document. Fernet's own
timestamp gives the idle expiry: every response re-encrypts, so the two hours count from the last
request. Any failure (tampering, a rotated key, expiry, an older schema) yields an empty session.
"""

import base64
import hashlib
import json
import zlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask.sessions import SecureCookieSession, SessionInterface

SCHEMA_VERSION = 1


def _fernet_key(secret: str) -> bytes:
    # Derive a dedicated key so the raw SECRET_KEY is never used for two purposes.
    digest = hashlib.sha256(b"crr-session-v1:" + secret.encode()).digest()
    return base64.urlsafe_b64encode(digest)


class EncryptedCookieSessionInterface(SessionInterface):
    def _fernet(self, app) -> MultiFernet:
        keys = [app.config["SECRET_KEY"], *(app.config.get("SECRET_KEY_FALLBACKS") or [])]
        return MultiFernet([Fernet(_fernet_key(k)) for k in keys])

    def open_session(self, app, request):
        token = request.cookies.get(self.get_cookie_name(app))
        if not token:
            return SecureCookieSession()
        try:
            raw = self._fernet(app).decrypt(token.encode(), ttl=app.config["SESSION_IDLE_SECONDS"])
            document = json.loads(zlib.decompress(raw))
        except (InvalidToken, ValueError, UnicodeError, zlib.error):
            return SecureCookieSession()
        if not isinstance(document, dict) or document.get("v") != SCHEMA_VERSION:
            return SecureCookieSession()
        data = document.get("d")
        return SecureCookieSession(data if isinstance(data, dict) else {})

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
        payload = json.dumps({"v": SCHEMA_VERSION, "d": dict(session)}, separators=(",", ":"))
        # Compressed before encryption: 50 convictions' answers would not fit in 4 kB otherwise. Every
        # answer is a code from a fixed list, never free text, so the compressed size cannot be
        # steered to guess the CSRF token that shares the cookie (no CRIME/BREACH-style oracle).
        token = self._fernet(app).encrypt(zlib.compress(payload.encode(), 9)).decode()
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
