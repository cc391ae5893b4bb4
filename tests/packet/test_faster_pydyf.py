"""webapp/packet/faster_pydyf.py: its two changes to pydyf install, and change only speed and size."""

import zlib
from io import BytesIO

import pydyf
import pytest
from pypdf import PdfReader

from webapp.packet import faster_pydyf, render

from .conftest import CLEAN, FRESNO_APPLICATION, PETITIONER

pytestmark = pytest.mark.slow


def test_installs_on_the_pinned_pydyf():
    assert faster_pydyf.install(), "pydyf changed: see webapp/packet/faster_pydyf.py"
    assert isinstance(pydyf.zlib, faster_pydyf._Zlib)


def test_streams_are_deflated_at_level_6_and_still_read_back():
    faster_pydyf.install()
    data = b"0 0 1 rg 10 10 m 20 20 l S\n" * 200
    stream = pydyf.Stream([data], compress=True).data
    body = stream.split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0]
    assert zlib.decompress(body) == data
    level6 = zlib.compressobj(6)
    assert body == level6.compress(data) + level6.flush()


def test_page_references_follow_the_pages_added():
    faster_pydyf.install()
    document = pydyf.PDF()
    assert document.page_references == ()
    first = pydyf.Dictionary({"Type": "/Page"})
    document.add_page(first)
    assert document.page_references == (first.reference,)
    second = pydyf.Dictionary({"Type": "/Page"})
    document.add_page(second)
    assert document.page_references == (first.reference, second.reference)


def test_each_structure_element_points_at_its_own_page():
    pdf = PdfReader(BytesIO(render({"person": CLEAN, "convictions": FRESNO_APPLICATION}, PETITIONER, "en")))
    pages = [page.indirect_reference.idnum for page in pdf.pages]
    seen = set()
    stack = [pdf.trailer["/Root"]["/StructTreeRoot"]["/K"]]
    while stack:
        node = stack.pop()
        node = node.get_object()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        if "/Pg" in node:
            seen.add(pages.index(node.raw_get("/Pg").idnum))
        kids = node.get("/K")
        if kids is not None and not isinstance(kids, int):
            stack.append(kids)
    assert seen == set(range(len(pages)))
