"""The baseline for `make load`: the least a Flask page of the same weight can cost here.

One route rendering a cached Jinja template (compiled once, as Flask caches ours) into a page of
``BARE_PAGE_BYTES`` bytes, which `make load` sets to the size of a real question page; no
session, no extensions, no translations. Whatever the site costs beyond this is ours: the
question logic, translations, the encrypted cookie, CSRF, the security headers.
"""

import os

from flask import Flask, render_template
from jinja2 import DictLoader

app = Flask(__name__)

SIZE = int(os.environ.get("BARE_PAGE_BYTES") or 2600)

TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title><link rel="stylesheet" href="/static/site.css"></head>
<body><main><h1>{{ title }}</h1>
{% for paragraph in paragraphs %}<p>{{ paragraph }}</p>
{% endfor %}<p>{{ padding }}</p></main></body></html>
"""
_EMPTY = len(TEMPLATE.replace("{{ title }}", "Bare page").split("{% for")[0]) + 40
PARAGRAPHS = ["Nothing but Flask and one cached template, the same size as a question page."] * max(
    1, (SIZE - _EMPTY) // 85
)


PADDING = ""


# Loaded by name, so Jinja compiles it once and keeps it, as it keeps the site's templates.
# (render_template_string compiles its source anew on every call: the bare page then cost more
# than most of what it is meant to be the floor of.)
app.jinja_loader = DictLoader({"bare.html": TEMPLATE})


@app.get("/")
def page() -> str:
    return render_template("bare.html", title="Bare page", paragraphs=PARAGRAPHS, padding=PADDING)


with app.test_request_context():
    PADDING = "." * max(0, SIZE - len(page().encode()))
