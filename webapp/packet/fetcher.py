"""The only resources a packet may load: our fonts and the packet's own stylesheet and drawings.

A packet carries a person's name and case numbers. Nothing in it may reach the network (no
tracking pixel, no remote font, no slow or failing fetch in the middle of a render), and nothing
may read a file outside the two folders that hold our own assets. Anything else stops the render:
a refused URL can only come from a bug in our templates, and we want to see it, not a PDF with a
silently missing font.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

PACKET_DIR = Path(__file__).resolve().parent
FONTS_DIR = PACKET_DIR.parent / "static" / "fonts"
ALLOWED_DIRS = (FONTS_DIR, PACKET_DIR)


class URLRefused(FatalURLFetchingError):
    """A URL the packet renderer will not load (Fatal*: WeasyPrint swallows any other error)."""


def allowed_path(url: str) -> Path:
    """The local file a `file:` URL names, if it lies inside one of ALLOWED_DIRS; else raise."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file":
        raise URLRefused(f"packet renderer refuses {parts.scheme or 'relative'}: URLs ({url[:80]})")
    if parts.netloc not in ("", "localhost"):
        raise URLRefused(f"packet renderer refuses remote file URLs ({url[:80]})")
    path = Path(unquote(parts.path)).resolve()
    if not any(path.is_relative_to(folder) for folder in ALLOWED_DIRS) or not path.is_file():
        raise URLRefused(f"packet renderer refuses files outside its asset folders ({path})")
    return path


class PacketURLFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        path = allowed_path(url)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix in (".ttf", ".otf"):
            mime = f"font/{path.suffix[1:]}"
        return URLFetcherResponse(path.as_uri(), body=path.read_bytes(), headers={"Content-Type": mime})
