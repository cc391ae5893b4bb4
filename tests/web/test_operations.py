"""What a platform and a browser need from the server: probes, cached and compressed static files,
a favicon, and key rotation without logging everyone out."""

import gzip
import re
from pathlib import Path

import pytest

from webapp import create_app, health, languages
from webapp.security import HEADERS

from ..conftest import TEST_SECRET

CSS = Path(__file__).parents[2] / "webapp" / "static" / "css" / "site.css"


def test_healthz_says_alive_without_a_cookie(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "alive"}
    assert "Set-Cookie" not in response.headers


def test_readyz_is_ready_when_catalogs_fonts_and_county_data_are_there(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json() == {
        "status": "ready", "checks": {"catalogs": "ok", "fonts": "ok", "county_data": "ok"}}


def test_readyz_names_an_uncompiled_catalog(client, monkeypatch, tmp_path):
    (tmp_path / "translations").mkdir()
    monkeypatch.setattr(health, "ROOT", tmp_path)
    response = client.get("/readyz")
    assert response.status_code == 503
    listed = [language.code for language in languages.LANGUAGES if not language.source]
    assert response.get_json()["checks"]["catalogs"] == "not compiled: " + ", ".join(listed)


def test_readyz_names_a_missing_font(client, monkeypatch, tmp_path):
    monkeypatch.setattr(health, "FONTS_DIR", tmp_path)
    body = client.get("/readyz").get_json()
    assert body["status"] == "not ready"
    assert body["checks"]["fonts"].startswith("unreadable: LiberationSans-Regular.ttf")
    assert body["checks"]["catalogs"] == "ok"


def test_readyz_is_not_ready_without_the_packets_cjk_font(client, monkeypatch, tmp_path):
    # A clean clone or an image built without `make packet-fonts`: packets still download, but
    # Chinese and Korean print as empty boxes, so the platform must not send traffic there.
    (tmp_path / "PacketCJK-Bold.otf").write_bytes(b"\x00\x01\x00\x00")  # a TrueType file, misnamed
    monkeypatch.setattr(health, "CJK_DIR", tmp_path)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["fonts"] == "unreadable: PacketCJK-Regular.otf, PacketCJK-Bold.otf"


def _stylesheet_url(client) -> str:
    page = client.get("/en/").get_data(as_text=True)
    return re.search(r'<link rel="stylesheet" href="([^"]+)"', page).group(1)


def test_pages_link_a_content_hashed_stylesheet_cached_for_a_year(client):
    url = _stylesheet_url(client)
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
    with client.get(url) as response:
        assert response.status_code == 200
        assert response.data == CSS.read_bytes()
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Pragma" not in response.headers
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Cross-Origin-Resource-Policy"):
        assert response.headers[name] == HEADERS[name]
    # The page that links it is never cached.
    assert client.get("/en/").headers["Cache-Control"] == "no-store"


def test_a_changed_stylesheet_gets_a_new_name(monkeypatch, tmp_path):
    from webapp import static_files

    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("body{color:#000}")
    monkeypatch.setattr(static_files, "STATIC", tmp_path)
    first = static_files.hashed_name("css/site.css")
    (tmp_path / "css" / "site.css").write_text("body{color:#111}")
    assert static_files.hashed_name("css/site.css") != first


def test_the_stylesheet_is_sent_compressed_to_a_browser_that_accepts_it(client):
    with client.get(_stylesheet_url(client), headers={"Accept-Encoding": "gzip"}) as response:
        body = response.data
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    assert len(body) < CSS.stat().st_size / 2
    assert gzip.decompress(body) == CSS.read_bytes()


def test_the_plain_stylesheet_name_stays_no_store(client):
    with client.get("/static/css/site.css") as response:
        assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_the_favicon_is_a_real_icon(client):
    with client.get("/favicon.ico") as response:
        body = response.data
    assert response.status_code == 200
    assert response.mimetype in ("image/x-icon", "image/vnd.microsoft.icon")
    assert body[:4] == b"\x00\x00\x01\x00"  # the ICO header
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.fixture
def answered_cookie(client):
    client.post("/en/check/1/county", data={"county": "kern"})
    return client.get_cookie("crr").value


def test_a_rotated_key_still_opens_cookies_made_with_the_old_one(monkeypatch, answered_cookie):
    monkeypatch.setenv("SECRET_KEY_FALLBACKS", f"some-older-key, {TEST_SECRET}")
    rotated = create_app({"TESTING": True, "SECRET_KEY": "the-new-key", "WTF_CSRF_ENABLED": False})
    assert rotated.config["SECRET_KEY_FALLBACKS"] == ["some-older-key", TEST_SECRET]
    with rotated.test_client() as client:
        client.set_cookie("crr", answered_cookie)
        page = client.get("/en/check/1/county").get_data(as_text=True)
    assert '<option value="kern" selected>' in page


def test_without_the_old_key_the_old_cookie_opens_empty(answered_cookie):
    rotated = create_app({"TESTING": True, "SECRET_KEY": "the-new-key", "WTF_CSRF_ENABLED": False})
    with rotated.test_client() as client:
        client.set_cookie("crr", answered_cookie)
        page = client.get("/en/check/1/county").get_data(as_text=True)
    assert '<option value="kern" selected>' not in page
    assert '<option value="kern">' in page
