"""The templates' ``csrf_token()``: the form token Flask-WTF made for this request, read back.

Flask-WTF's ``generate_csrf`` makes the token on its first call and keeps it on ``g`` for the
request; each later call still reads two settings and three context proxies to find it again
(about 8 µs). A page writes the token two or three times (its form, the start-again form, a cancel
form), so after the first the token is read straight from where Flask-WTF keeps it.
"""

from flask import Flask
from flask.globals import _cv_app
from flask_wtf.csrf import generate_csrf


def install(app: Flask) -> None:
    field_name = app.config["WTF_CSRF_FIELD_NAME"]

    def csrf_token() -> str:
        app_context = _cv_app.get(None)
        token = app_context.g.__dict__.get(field_name) if app_context is not None else None
        return token if token is not None else generate_csrf()

    app.jinja_env.globals["csrf_token"] = csrf_token
