"""The renderer loads our fonts and stylesheet, and nothing else."""

import pytest

from webapp.packet.fetcher import FONTS_DIR, PACKET_DIR, PacketURLFetcher, URLRefused, allowed_path


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/font.ttf",
        "https://fonts.example.com/LiberationSans-Regular.ttf",
        "data:font/ttf;base64,AAAA",
        "ftp://example.com/x.css",
        "file:///etc/passwd",
        "file://remote-host/" + str(FONTS_DIR / "LiberationSans-Regular.ttf"),
        (FONTS_DIR / ".." / ".." / "counties.py").as_uri(),
        (FONTS_DIR / ".." / ".." / "data" / "counties.json").as_uri(),
        (FONTS_DIR / "missing.ttf").as_uri(),
        "LiberationSans-Regular.ttf",
    ],
)
def test_refuses_everything_outside_the_asset_folders(url):
    with pytest.raises(URLRefused):
        PacketURLFetcher().fetch(url)


def test_refusal_stops_weasyprint_instead_of_being_swallowed():
    from weasyprint.urls import FatalURLFetchingError

    assert issubclass(URLRefused, FatalURLFetchingError)


@pytest.mark.slow
def test_a_refused_url_in_a_document_stops_the_render():
    from weasyprint import HTML

    html = '<html><body><img src="https://example.com/pixel.png"></body></html>'
    with pytest.raises(URLRefused):
        HTML(string=html, base_url=PACKET_DIR.as_uri() + "/", url_fetcher=PacketURLFetcher()).write_pdf()


def test_serves_bundled_fonts_and_packet_css():
    font = PacketURLFetcher().fetch((FONTS_DIR / "LiberationSans-Bold.ttf").as_uri())
    assert font.read(4) == b"\x00\x01\x00\x00"  # TrueType
    assert font.content_type == "font/ttf"
    css = PacketURLFetcher().fetch((PACKET_DIR / "packet.css").as_uri())
    assert b"@font-face" in css.read()
    assert allowed_path((PACKET_DIR / "packet.css").as_uri()) == PACKET_DIR / "packet.css"


def test_fonts_ship_with_their_license():
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert (FONTS_DIR / f"LiberationSans-{style}.ttf").is_file()
    assert "SIL Open Font License" in (FONTS_DIR / "LICENSE-LiberationSans.txt").read_text()
