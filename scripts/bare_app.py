"""The baseline for `make load`: the least a Flask page can cost under our gunicorn settings.

One route, a fixed HTML page of about the size of a real one's head, no templates, no session,
no extensions. Whatever the site costs beyond this is ours: templates, translations, the
encrypted cookie, CSRF, the security headers.
"""

from flask import Flask

app = Flask(__name__)

PAGE = (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>Bare page</title></head><body><h1>Bare page</h1><p>Nothing but Flask.</p></body></html>\n"
)


@app.get("/")
def page() -> str:
    return PAGE
