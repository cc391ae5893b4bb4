"""Two changes to pydyf (WeasyPrint's PDF writer, 0.13 pinned in requirements.lock) for speed.

1. Compression level 6 instead of 9. pydyf deflates every stream at zlib level 9; level 6 (zlib's
   default) takes a third to a quarter of the time for 0.5-3 % more bytes. Measured on today's
   packets: one case in English 50.6 -> 51.5 kB (-8 ms), in Traditional Chinese with its font
   284.9 -> 286.4 kB (-22 ms), five cases in Spanish 158.0 -> 163.0 kB (-55 ms).
2. PDF.page_references is a property that rebuilds the tuple of every page's reference on each
   read, and WeasyPrint's tagging reads it once per structure element (hundreds per packet).
   Here it is built once per page count.

Both apply to every PDF this process writes (the clinic summaries and letters too). install()
checks that pydyf still does what is replaced and otherwise changes nothing;
tests/packet/test_faster_pydyf.py fails when it does not.
"""

from __future__ import annotations

import inspect
import logging
import zlib

import pydyf

log = logging.getLogger(__name__)

LEVEL = 6
_ORIGINAL_PAGE_REFERENCES = pydyf.PDF.page_references


class _Zlib:
    """The zlib module as pydyf sees it, with compressobj at LEVEL whatever level pydyf asks."""

    def __getattr__(self, name):
        return getattr(zlib, name)

    @staticmethod
    def compressobj(level=-1, *args, **kwargs):
        del level
        return zlib.compressobj(LEVEL, *args, **kwargs)


def _page_references(self) -> tuple:
    kids = self.pages["Kids"]
    cached = self.__dict__.get("_packet_page_references")
    if cached is None or cached[0] != len(kids):
        cached = self.__dict__["_packet_page_references"] = (len(kids), _ORIGINAL_PAGE_REFERENCES.fget(self))
    return cached[1]


_installed: bool | None = None


def install() -> bool:
    global _installed
    if _installed is None:
        stream_data = inspect.getsource(pydyf.Stream.data.fget)
        references = inspect.getsource(_ORIGINAL_PAGE_REFERENCES.fget)
        if "zlib.compressobj(level=9)" not in stream_data or "self.pages['Kids']" not in references:
            log.warning("pydyf changed; PDFs are written with its own compression and page list.")
            _installed = False
        else:
            pydyf.zlib = _Zlib()
            pydyf.PDF.page_references = property(_page_references)
            _installed = True
    return _installed
