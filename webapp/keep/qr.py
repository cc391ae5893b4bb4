"""A QR code drawn on the server as inline SVG: no script, no image request, nothing in a URL."""

from io import BytesIO

import segno
from markupsafe import Markup


def svg(text: str, title: str) -> Markup:
    """An <svg> of ``text`` as a QR code, with ``title`` as its accessible name."""
    # Alphanumeric mode holds the resume code's base32 letters, digits and dashes compactly.
    code = segno.make_qr(text, error="m")
    out = BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=True, scale=3, border=2, title=title,
              svgclass="qr", lineclass=None, omitsize=False)
    markup = out.getvalue().decode()
    # segno writes the title as a child element; give the figure its role for screen readers.
    return Markup(markup.replace("<svg ", '<svg role="img" ', 1))  # noqa: S704 (segno's own markup)
