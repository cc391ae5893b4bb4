"""Faults in what the site is built from: a missing or corrupt translation catalog, a missing font,
a county record with blanks. The site still answers every page and every packet, falls back
(English text, a system font, fewer county details), and logs the fault once, not per request.
"""

import dataclasses
import logging
from io import BytesIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

import webapp.packet.i18n as packet_i18n
from webapp import counties, create_app
from webapp.eligibility import screening as engine_input
from webapp.packet import pdf

from ..conftest import ROOT, TEST_SECRET
from ..packet.conftest import CLEAN, FRESNO_APPLICATION, PETITIONER, pages_text
from ..web.journey import walk
from ..web.test_flow import FRESNO_POSSESSION, NO_PRIORS

REAL_CATALOG = ROOT / "translations" / "es" / "LC_MESSAGES" / "messages.mo"
PACKET_BODY = {"screening": {"person": CLEAN, "convictions": FRESNO_APPLICATION}, "petitioner": PETITIONER}
SPANISH_PAGES = ("/es/", "/es/privacy", "/es/check/1/county", "/es/no-such-page")


def faults(caplog) -> list[str]:
    # Only what the site itself logs: a library's own deprecation notices (WeasyPrint's font
    # subsetting notice, say) are not the fault report under test.
    return [r.getMessage() for r in caplog.records
            if r.levelno >= logging.WARNING and r.name.split(".")[0] == "webapp"]


def app_with_catalogs(directory: Path):
    return create_app(
        {"TESTING": True, "SECRET_KEY": TEST_SECRET, "WTF_CSRF_ENABLED": False,
         "BABEL_TRANSLATION_DIRECTORIES": str(directory)}
    )


def corrupt_catalogs(tmp_path: Path, content: bytes) -> Path:
    """Every language's compiled catalog as shipped, except a broken Spanish one."""
    for mo in (ROOT / "translations").glob("*/LC_MESSAGES/messages.mo"):
        copy = tmp_path / mo.relative_to(ROOT / "translations")
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(mo.read_bytes())
    (tmp_path / "es" / "LC_MESSAGES" / "messages.mo").write_bytes(content)
    return tmp_path


def heading(client, url: str) -> str:
    return BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser").h1.get_text(" ", strip=True)


def answer_every_spanish_page_in_english(client) -> None:
    for url in SPANISH_PAGES:
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        assert '<html lang="es">' in response.get_data(as_text=True)
        assert heading(client, url) == heading(client, url.replace("/es/", "/en/", 1))
    walk(client, "es", [FRESNO_POSSESSION], NO_PRIORS, check=False)
    assert 'data-relief="dismiss"' in client.get("/es/results").get_data(as_text=True)


def test_with_the_real_catalog_the_spanish_pages_are_translated(client):
    assert heading(client, "/es/") != heading(client, "/en/")


# --- Translation catalogs -----------------------------------------------------------------------


def test_a_missing_spanish_catalog_gives_english_pages_and_one_warning(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    client = app_with_catalogs(tmp_path).test_client()
    answer_every_spanish_page_in_english(client)
    logged = faults(caplog)
    assert len(logged) == 1, logged
    assert "fall back to English" in logged[0]


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00" * 64, b"not a catalog at all", REAL_CATALOG.read_bytes()[:200]],
    ids=["empty", "zeros", "text", "truncated"],
)
def test_a_corrupt_spanish_catalog_gives_english_pages_and_one_error(tmp_path, caplog, content):
    caplog.set_level(logging.WARNING)
    client = app_with_catalogs(corrupt_catalogs(tmp_path, content)).test_client()
    answer_every_spanish_page_in_english(client)
    logged = faults(caplog)
    assert len(logged) == 1, logged
    assert "cannot be read" in logged[0]
    assert "'es'" in logged[0]
    # English pages never noticed.
    assert client.get("/en/").status_code == 200


@pytest.fixture
def packet_catalogs(monkeypatch):
    """Point the packet's own catalog loader somewhere else, with its caches emptied around it."""

    def use(directory: Path) -> None:
        monkeypatch.setattr(packet_i18n, "TRANSLATIONS_DIR", directory)
        packet_i18n.translations.cache_clear()
        pdf.environment.cache_clear()

    yield use
    packet_i18n.translations.cache_clear()
    pdf.environment.cache_clear()


@pytest.mark.slow
def test_a_corrupt_catalog_still_gives_a_spanish_request_its_packet(tmp_path, packet_catalogs, client,
                                                                    caplog):
    caplog.set_level(logging.WARNING)
    packet_catalogs(corrupt_catalogs(tmp_path, b"\xde\x12\x04\x95 truncated"))
    for _ in range(2):
        response = client.post("/api/v1/packet?lang=es", json=PACKET_BODY)
        assert response.status_code == 200
        assert response.mimetype == "application/pdf"
    assert "Maria Example Lopez" in " ".join(pages_text(response.data))
    logged = faults(caplog)
    assert len(logged) == 1, logged
    assert "cannot be read" in logged[0]


# --- Fonts ----------------------------------------------------------------------------------------


@pytest.fixture
def missing_regular_font(tmp_path, monkeypatch):
    """The packet stylesheet as shipped, but naming a regular font file that is not there."""
    css = pdf.STYLESHEET.read_text(encoding="utf-8").replace(
        "LiberationSans-Regular.ttf", "LiberationSans-Gone.ttf"
    )
    assert "LiberationSans-Gone.ttf" in css
    (tmp_path / "packet.css").write_text(css, encoding="utf-8")
    monkeypatch.setattr(pdf, "STYLESHEET", tmp_path / "packet.css")
    pdf._styles.cache_clear()
    yield
    pdf._styles.cache_clear()


def font_names(document: bytes) -> set[str]:
    names = set()
    for page in PdfReader(BytesIO(document)).pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            names.add(str(font.get_object().get("/BaseFont")))
    return names


@pytest.mark.slow
def test_a_missing_font_renders_the_packet_in_a_system_font_and_logs_once(missing_regular_font, client,
                                                                          caplog):
    caplog.set_level(logging.WARNING)
    for _ in range(2):
        response = client.post("/api/v1/packet", json=PACKET_BODY)
        assert response.status_code == 200
    text = " ".join(pages_text(response.data))
    assert "Maria Example Lopez" in text
    assert "F12-345678" in text
    assert not any("LiberationSans-Regular" in name for name in font_names(response.data))
    logged = faults(caplog)
    assert len(logged) == 1, logged
    assert "LiberationSans-Gone.ttf" in logged[0]


def test_a_refused_url_in_a_template_is_a_clean_500_not_a_killed_worker(client, monkeypatch, caplog):
    # WeasyPrint's fatal fetch error is a BaseException: unconverted, it would pass Flask's error
    # handlers and end the gunicorn worker, so the person would get a dropped connection.
    monkeypatch.setattr(
        "webapp.packet.markup", lambda *args: '<html lang="en"><img src="https://tracker.example/p.gif"></html>'
    )
    response = client.post("/api/v1/packet", json=PACKET_BODY)
    assert response.status_code == 500
    assert response.get_json()["error"]["message"] == "server_error"
    assert "Maria" not in caplog.text


# --- County records -----------------------------------------------------------------------------


def blanked(county: counties.County) -> counties.County:
    """The county as it would load from a record whose every optional fact is blank."""
    return dataclasses.replace(
        county,
        court_name=dataclasses.replace(county.court_name, value=""),
        website=None,
        court_address=None,
        phone=None,
        several_courthouses=False,
        filing=(),
        city_prosecutors=(),
        da=dataclasses.replace(county.da, address=None, phone=None, url=None, notes=None),
        automatic_review_evidence=dataclasses.replace(
            county.automatic_review_evidence, value="unknown", evidence=None
        ),
    )


@pytest.fixture
def blank_fresno(monkeypatch):
    every, index = counties._load()
    blank = blanked(index["fresno"])
    monkeypatch.setattr(
        counties,
        "_load",
        lambda: (
            tuple(blank if c.slug == "fresno" else c for c in every),
            {key: blank if c.slug == "fresno" else c for key, c in index.items()},
        ),
    )
    engine_input._county.cache_clear()
    yield blank
    engine_input._county.cache_clear()


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_county_record_with_blanks_still_gives_results_and_forms(blank_fresno, client, lang):
    assert counties.find("fresno").court_address is None
    walk(client, lang, [FRESNO_POSSESSION], NO_PRIORS, check=False)
    results = client.get(f"/{lang}/results")
    assert results.status_code == 200
    assert 'data-relief="dismiss"' in results.get_data(as_text=True)
    assert client.get(f"/{lang}/petition").status_code == 200
    packet = client.post(f"/{lang}/petition", data={"name": "Maria Example", "case_number-1": "F12-345678"})
    assert packet.status_code == 200
    assert packet.mimetype == "application/pdf"
    assert "F12-345678" in " ".join(pages_text(packet.data))
