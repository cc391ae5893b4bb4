"""For every county whose prosecutor address is sourced, the command line's one-case packet prints
it on the CR-401 (generated from the county data, so a newly sourced address is tested too)."""

import json
from io import BytesIO

import pytest
from pypdf import PdfReader

from webapp import counties
from webapp.packet.__main__ import main

from .conftest import CLEAN, PETITIONER, conviction

SOURCED = [c.slug for c in counties.all_counties() if c.da_service.address]


def _cr401_text(tmp_path, county: str) -> str:
    request = {
        "screening": {"person": CLEAN, "convictions": [conviction(
            county=county, case_number="CR-1", section="11359", level="felony", sentence="completed",
            sale_to_minor="no", used_minor="no")]},
        "petitioner": PETITIONER,
    }
    source, output = tmp_path / "in.json", tmp_path / "out.pdf"
    source.write_text(json.dumps(request), encoding="utf-8")
    assert main([str(source), "-o", str(output)]) == 0
    pages = [p.extract_text() for p in PdfReader(BytesIO(output.read_bytes())).pages]
    return " ".join(" ".join(p.split()) for p in pages if p.startswith("CR-401"))


@pytest.mark.slow
@pytest.mark.parametrize("slug", SOURCED)
def test_the_cli_prints_the_sourced_prosecutor_address_on_cr401(tmp_path, slug):
    county = counties.find(slug)
    text = _cr401_text(tmp_path, slug)
    assert f"a. Name of person served: {county.da.name}" in text
    assert " ".join(county.da_service.address.split()) in text
