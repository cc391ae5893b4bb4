"""The templates' ``csrf_token()``: the form token Flask-WTF made, read back rather than signed again.

Flask-WTF keeps a random secret in the session and prints it signed (itsdangerous) in each form;
signing it again on every page was 7% of a question page (callgrind: 0.27M instructions). With
no time limit on the token (``WTF_CSRF_TIME_LIMIT = None`` in config.py: it lives as long as the
answers cookie), a token signed once stays valid for that secret, so the signed token is kept in
the same encrypted cookie, beside the secret and a fingerprint of the key that signed it, and later
pages print it as it is. A new secret (start again, an expired cookie) or a rotated key gets a
fresh signature; Flask-WTF still checks every form post exactly as before.

Within one request, the token is read straight from ``g``, where Flask-WTF keeps it: each call of
``generate_csrf`` reads two settings and three context proxies first (about 8 µs), and a page
writes the token two or three times (its form, the start-again form, a cancel form).
"""

import hashlib
from contextlib import contextmanager
from functools import lru_cache

from flask import Flask
from flask.globals import _cv_app, _cv_request
from flask_wtf.csrf import generate_csrf

# Session key of [the secret, the signing key's fingerprint, the signed token].
KEPT = "crr_signed_token"


@lru_cache(maxsize=8)
def _fingerprint(key: str | bytes) -> str:
    # Only says which key signed; the key itself never goes into the cookie.
    data = key.encode() if isinstance(key, str) else key
    return hashlib.sha256(b"crr-form-token-key:" + data).hexdigest()[:16]


def csrf_token() -> str:
    """The form token of this request's page: the templates' ``csrf_token()``."""
    app_context = _cv_app.get(None)
    request_context = _cv_request.get(None)
    if app_context is None or request_context is None:
        return generate_csrf()
    config = app_context.app.config
    field_name = config["WTF_CSRF_FIELD_NAME"]
    token = app_context.g.__dict__.get(field_name)
    if token is not None:
        return token
    if config.get("WTF_CSRF_TIME_LIMIT") is not None:
        # A time-limited token must be signed anew, or its clock would start at the first page.
        return generate_csrf()
    fingerprint = _fingerprint(config.get("WTF_CSRF_SECRET_KEY") or config["SECRET_KEY"])
    session = request_context.session
    kept = session.get(KEPT)
    if (isinstance(kept, list) and len(kept) == 3 and isinstance(kept[2], str)
            and kept[0] == session.get(field_name) and kept[1] == fingerprint):
        setattr(app_context.g, field_name, kept[2])
        return kept[2]
    token = generate_csrf()
    session[KEPT] = [session[field_name], fingerprint, token]
    return token


@contextmanager
def printed_as(stand_in: str):
    """While a kept page is drawn (webapp/kept_pages.py), the templates print ``stand_in`` for
    the token; this request's own token is untouched and read afterwards as usual."""
    app_context = _cv_app.get()
    state, field_name = app_context.g, app_context.app.config["WTF_CSRF_FIELD_NAME"]
    before = state.__dict__.get(field_name)
    setattr(state, field_name, stand_in)
    try:
        yield
    finally:
        if before is None:
            state.__dict__.pop(field_name, None)
        else:
            setattr(state, field_name, before)


def install(app: Flask) -> None:
    app.jinja_env.globals["csrf_token"] = csrf_token
