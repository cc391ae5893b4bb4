"""Error pages: translated, with the page invariants, and a 500 that logs no personal data."""


import pytest
from flask import abort

from webapp import create_app

from ..conftest import TEST_SECRET
from .pages import check_page

TITLES = {
    ("en", 404): "Page not found",
    ("es", 404): "No se encontró la página",
    ("en", 500): "Sorry, something went wrong on our side",
    ("en", 413): "What you sent is too large",
}


@pytest.fixture
def failing_app():
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "WTF_CSRF_ENABLED": False})

    def boom(lang):
        raise RuntimeError("Maria Example F12-345678")

    app.add_url_rule("/<lang>/boom", "boom", boom, methods=["GET", "POST"])
    return app


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_server_error_is_a_translated_page_and_the_log_holds_no_details(failing_app, lang, caplog):
    response = failing_app.test_client().post(f"/{lang}/boom", data={"name": "Maria Example"})
    assert response.status_code == 500
    soup = check_page(response.get_data(as_text=True), lang)
    if (lang, 500) in TITLES:
        assert soup.h1.get_text(strip=True) == TITLES[lang, 500]
    else:
        assert soup.h1.get_text(strip=True) != TITLES["en", 500]
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "RuntimeError" in logged
    assert "Maria" not in logged
    assert "F12-345678" not in logged


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_missing_page_is_a_translated_404(client, lang):
    response = client.get(f"/{lang}/no-such-page")
    assert response.status_code == 404
    soup = check_page(response.get_data(as_text=True), lang)
    assert soup.h1.get_text(strip=True) == TITLES[lang, 404]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_bad_request_is_a_translated_400(failing_app, lang):
    def refuse(lang):
        abort(400)

    failing_app.add_url_rule("/<lang>/refuse", "refuse", refuse)
    response = failing_app.test_client().get(f"/{lang}/refuse")
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True), lang)
    expected = {"en": "We could not understand that request", "es": "No pudimos entender lo que se envió"}
    assert soup.h1.get_text(strip=True) == expected[lang]
