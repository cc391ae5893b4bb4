"""Static files served by WhiteNoise, in front of Flask: compressed, and the stylesheet long-cached.

- The stylesheet is linked under a name that carries a hash of its content
  (``/static/css/site.3f2a9c1b7d4e.css``, made by a ``url_defaults`` hook, so templates keep
  writing ``url_for('static', filename='css/site.css')``). That name is cached for a year and
  marked immutable: a changed file gets a new name, so no one is served a stale stylesheet.
- The plain names stay ``no-store`` like every page, so nothing outside the hashed names is
  cached on a shared computer.
- Each file is also kept gzip- (and, where the brotli module is installed, brotli-) compressed
  beside itself; WhiteNoise sends the smallest the browser accepts. The compressed copies are
  made by the container build (``python -m whitenoise.compress webapp/static/css``) or, where the
  folder is writable, when the app starts; never committed.
- ``/favicon.ico`` is a real icon.
- WhiteNoise answers before Flask sees the request, so the security headers are added here too.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from flask import Flask
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

from .security import HEADERS

STATIC = Path(__file__).resolve().parent / "static"
HASHED = ("css/site.css",)
YEAR = 365 * 24 * 60 * 60
_HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.\w+$")

log = logging.getLogger(__name__)


def hashed_name(filename: str) -> str:
    digest = hashlib.sha256((STATIC / filename).read_bytes()).hexdigest()[:12]
    stem, dot, extension = filename.rpartition(".")
    return f"{stem}.{digest}{dot}{extension}"


def _compress(folder: Path) -> None:
    """Write the .gz/.br copies that are missing or older than their file; skip a read-only tree."""
    compressor = Compressor(quiet=True)
    for path in folder.rglob("*"):
        if not path.is_file() or not compressor.should_compress(path.name):
            continue
        copies = [Path(f"{path}.gz")] + ([Path(f"{path}.br")] if compressor.use_brotli else [])
        if all(c.exists() and c.stat().st_mtime >= path.stat().st_mtime for c in copies):
            continue
        try:
            for _ in compressor.compress(str(path)):
                pass
        except OSError as error:  # a read-only image built without them: served uncompressed
            log.warning("Static files not compressed: %s", type(error).__name__)
            return


def _immutable(path: str, url: str) -> bool:
    return bool(_HASHED_NAME.search(url))


def _headers(headers, path: str, url: str) -> None:
    for name, value in HEADERS.items():
        headers[name] = value
    if _immutable(path, url):
        headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
        del headers["Pragma"]


def init_app(app: Flask) -> None:
    _compress(STATIC / "css")  # what pages load; the fonts are only read by the PDF renderer
    names = {filename: hashed_name(filename) for filename in HASHED}
    static = WhiteNoise(
        app.wsgi_app,
        root=str(STATIC),
        prefix="/static/",
        max_age=None,  # Cache-Control comes from _headers: no-store, or a year for hashed names
        allow_all_origins=False,
        add_headers_function=_headers,
        immutable_file_test=_immutable,
    )
    for filename, hashed in names.items():
        static.add_file_to_dictionary(f"/static/{hashed}", str(STATIC / filename))
    static.add_file_to_dictionary("/favicon.ico", str(STATIC / "favicon.ico"))
    app.wsgi_app = static

    @app.url_defaults
    def hashed_static(endpoint, values):
        if endpoint == "static" and values.get("filename") in names:
            values["filename"] = names[values["filename"]]
