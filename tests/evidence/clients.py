"""Clients for the evidence tests: one that carries the CSRF token the way a browser form does, one
that speaks real HTTP to running servers, and helpers to open and forge the answers cookie."""

from __future__ import annotations

import http.client
import json
import re
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from webapp.session_cookie import SCHEMA_VERSION, EncryptedCookieSessionInterface

COOKIE = "crr"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class TokenClient:
    """Wraps a client (Flask's test client or HttpClient): remembers the CSRF token of the last page
    it fetched and sends it with the next form, as the browser does. Lets journey.walk run with
    CSRF protection on."""

    def __init__(self, client):
        self.client = client
        self.token: str | None = None

    def get(self, url, **kwargs):
        response = self.client.get(url, **kwargs)
        match = TOKEN.search(response.get_data(as_text=True))
        if match:
            self.token = match.group(1)
        return response

    def post(self, url, data=None, **kwargs):
        data = dict(data or {})
        if self.token:
            data.setdefault("csrf_token", self.token)
        return self.client.post(url, data=data, **kwargs)

    def __getattr__(self, name):
        return getattr(self.client, name)


@dataclass
class HttpResponse:
    status_code: int
    headers: dict
    body: bytes
    mimetype: str = ""

    def get_data(self, as_text: bool = False):
        return self.body.decode("utf-8", "replace") if as_text else self.body


@dataclass
class HttpClient:
    """Real HTTP to one or more servers, taking turns request by request. Keeps the answers cookie
    by hand (it is marked Secure in production, which a cookie jar would not send over http)."""

    bases: list[str]
    cookie: str | None = None
    served_by: list[str] = field(default_factory=list)
    _turn: int = 0

    def _request(self, method: str, url: str, body: bytes | None = None, headers: dict | None = None):
        base = self.bases[self._turn % len(self.bases)]
        self._turn += 1
        self.served_by.append(base)
        parts = urlsplit(base)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = f"{COOKIE}={self.cookie}"
        connection.request(method, url, body=body, headers=headers)
        raw = connection.getresponse()
        response = HttpResponse(raw.status, dict(raw.getheaders()), raw.read())
        response.mimetype = response.headers.get("Content-Type", "").split(";")[0]
        connection.close()
        set_cookie = response.headers.get("Set-Cookie", "")
        if set_cookie.startswith(f"{COOKIE}="):
            value = set_cookie.split(";", 1)[0].split("=", 1)[1]
            self.cookie = value or None
        return response

    def get(self, url: str):
        return self._request("GET", url)

    def post(self, url: str, data: dict | None = None):
        body = urlencode(data or {}).encode()
        return self._request("POST", url, body, {"Content-Type": "application/x-www-form-urlencoded"})


# --- The answers cookie ---------------------------------------------------------------------------


def seal(app, data: dict, *, age_seconds: float = 0) -> str:
    """A cookie value for `data` as `app` would write it, optionally written `age_seconds` ago."""
    payload = json.dumps({"v": SCHEMA_VERSION, "d": data}, separators=(",", ":")).encode()
    fernet = EncryptedCookieSessionInterface()._fernet(app)
    return fernet.encrypt_at_time(zlib.compress(payload), int(time.time() - age_seconds)).decode()


def opened(app, value: str | None) -> dict | None:
    """The session inside a cookie value, or None when `app` would not accept it."""
    if not value:
        return None
    fernet = EncryptedCookieSessionInterface()._fernet(app)
    try:
        raw = fernet.decrypt(value.encode(), ttl=app.config["SESSION_IDLE_SECONDS"])
    except Exception:
        return None
    return json.loads(zlib.decompress(raw))["d"]
