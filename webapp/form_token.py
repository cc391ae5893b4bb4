"""The templates' ``csrf_token()``: the form token Flask-WTF made, read back rather than signed again.

Flask-WTF keeps a random secret in the session and prints it signed (itsdangerous) in each form;
signing it again on every page was 7% of a question page (callgrind: 0.27M instructions). With
no time limit on the token (``WTF_CSRF_TIME_LIMIT = None`` in config.py: it lives as long as the
answers cookie), a token signed once stays valid for that secret, so the signed token is kept in
the same encrypted cookie, beside the secret and a fingerprint of the key that signed it, and later
pages print it as it is. A new secret (start again, an expired cookie) or a rotated key gets a
fresh signature.

A form post whose token is that kept one is accepted without its signature being checked again
(``KeptTokenProtect``): the cookie it sits in is sealed by this server, so the token was signed
here, for this session's secret, under the key in use now, which is all Flask-WTF's check would
prove (9% of an answer: itsdangerous builds its signer and derives its key on every call). Any
other token goes through Flask-WTF's own check, and every post still gets its exemptions and its
referrer check on HTTPS.

Within one request, the token is read straight from ``g``, where Flask-WTF keeps it: each call of
``generate_csrf`` reads two settings and three context proxies first (about 8 µs), and a page
writes the token two or three times (its form, the start-again form, a cancel form).
"""

import hashlib
import hmac
from contextlib import contextmanager
from functools import lru_cache

from flask import Flask, g, request
from flask.globals import _cv_app, _cv_request
from flask_wtf.csrf import CSRFProtect, generate_csrf, same_origin

# Session key of [the secret, the signing key's fingerprint, the signed token].
KEPT = "crr_signed_token"


@lru_cache(maxsize=8)
def _fingerprint(key: str | bytes) -> str:
    # Only says which key signed; the key itself never goes into the cookie.
    data = key.encode() if isinstance(key, str) else key
    return hashlib.sha256(b"crr-form-token-key:" + data).hexdigest()[:16]


def _fingerprint_now(config) -> str:
    return _fingerprint(config.get("WTF_CSRF_SECRET_KEY") or config["SECRET_KEY"])


def _kept_token(session, config) -> str | None:
    """The signed token this session keeps, if it was signed for its secret under today's key."""
    kept = session.get(KEPT)
    if (isinstance(kept, list) and len(kept) == 3 and isinstance(kept[0], str)
            and isinstance(kept[2], str) and kept[0] == session.get(config["WTF_CSRF_FIELD_NAME"])
            and kept[1] == _fingerprint_now(config)):
        return kept[2]
    return None


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
    session = request_context.session
    kept = _kept_token(session, config)
    if kept is not None:
        setattr(app_context.g, field_name, kept)
        return kept
    token = generate_csrf()
    session[KEPT] = [session[field_name], _fingerprint_now(config), token]
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


def _is_kept(posted) -> bool:
    config = _cv_app.get().app.config
    # A signed token is ASCII, and compare_digest refuses a str with anything else in it.
    if not (isinstance(posted, str) and posted.isascii()) or config.get("WTF_CSRF_TIME_LIMIT") is not None:
        return False
    kept = _kept_token(_cv_request.get().session, config)
    return kept is not None and hmac.compare_digest(kept, posted)


class KeptTokenProtect(CSRFProtect):
    """Flask-WTF's CSRF protection, taking the token this session keeps signed as proven."""

    def protect(self, apply_exemptions=False):
        # Flask-WTF's protect() (flask_wtf/csrf.py), in its order, with its validate_csrf
        # skipped for the kept token alone; exemptions first, so an exempt route's body is
        # never read here.
        if apply_exemptions and (not request.endpoint or self._is_exempt()):
            return
        config = _cv_app.get().app.config
        if request.method not in config["WTF_CSRF_METHODS"]:
            return
        if not _is_kept(self._get_csrf_token()):
            return super().protect()
        if request.is_secure and config["WTF_CSRF_SSL_STRICT"]:
            if not request.referrer:
                self._error_response("The referrer header is missing.")
            if not same_origin(request.referrer, f"https://{request.host}/"):
                self._error_response("The referrer does not match the host.")
        g.csrf_valid = True


def install(app: Flask) -> None:
    app.jinja_env.globals["csrf_token"] = csrf_token
