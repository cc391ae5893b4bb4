"""Privacy and security over every route: headers, no-store, CSRF, the encrypted cookie, logs."""

import logging
import re
import time
import zlib

import pytest

from webapp import create_app
from webapp.security import HEADERS
from webapp.session_cookie import EncryptedCookieSessionInterface

from ..conftest import TEST_SECRET, csrf_token
from .journey import walk
from .test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS


def _concrete_urls(app):
    """One real URL for every rule in the URL map, both languages."""
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            urls.append(("GET", "/static/css/site.css"))
            continue
        for lang in ("en", "es"):
            url = rule.rule.replace("<lang>", lang).replace("<int:n>", "1").replace("<question>", "county")
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                urls.append((method, url))
    return sorted(set(urls))


def test_every_route_sends_the_security_headers_and_no_store(client, app):
    for method, url in _concrete_urls(app):
        with client.open(url, method=method) as response:
            assert response.status_code < 500, (method, url, response.status_code)
            for name, value in HEADERS.items():
                assert response.headers.get(name) == value, (method, url, name)


def test_the_content_security_policy_allows_no_inline_script_or_style():
    policy = HEADERS["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "default-src 'none'" in policy


def test_every_form_route_refuses_a_post_without_a_csrf_token(csrf_client, csrf_app):
    for method, url in _concrete_urls(csrf_app):
        if method != "POST" or url.startswith("/api/"):
            continue
        response = csrf_client.post(url, data={"county": "kern"})
        assert response.status_code == 400, url
        if url.startswith("/en/"):
            assert "This page has expired" in response.get_data(as_text=True)


def test_a_form_with_its_token_is_accepted(csrf_client):
    page = csrf_client.get("/en/check/1/county").get_data(as_text=True)
    response = csrf_client.post("/en/check/1/county", data={"county": "kern", "csrf_token": csrf_token(page)})
    assert response.status_code == 302


def test_the_expired_token_page_is_translated(csrf_client):
    response = csrf_client.post("/es/check/1/county", data={"county": "kern"})
    assert response.status_code == 400
    assert '<html lang="es">' in response.get_data(as_text=True)


def _cookie(client):
    cookie = client.get_cookie("crr")
    return cookie.value if cookie else None


def test_the_cookie_is_encrypted_and_holds_no_readable_answer(client):
    walk(client, "en", [ALAMEDA_SALE], NO_PRIORS)
    value = _cookie(client)
    assert value
    for visible in ("alameda", "11359", "felony", "serving", "21_plus"):
        assert visible not in value


def test_the_cookie_attributes_keep_it_to_this_site_and_this_browser_session(client):
    response = client.post("/en/check/1/county", data={"county": "kern"})
    header = response.headers["Set-Cookie"]
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header
    assert "Expires" not in header, "a session cookie dies with the browser"


def test_production_cookies_are_secure():
    app = create_app({"SECRET_KEY": TEST_SECRET, "PRODUCTION": True, "WTF_CSRF_ENABLED": False})
    response = app.test_client().post("/en/check/1/county", data={"county": "kern"})
    assert "Secure" in response.headers["Set-Cookie"]


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"PRODUCTION": True})


def test_a_tampered_cookie_or_another_key_gives_an_empty_session(client):
    client.post("/en/check/1/county", data={"county": "kern"})
    value = _cookie(client)
    other = create_app({"SECRET_KEY": "another-key", "WTF_CSRF_ENABLED": False}).test_client()
    other.set_cookie("crr", value)
    assert 'value="kern" selected' not in other.get("/en/check/1/county").get_data(as_text=True)
    client.set_cookie("crr", value[:-6] + "AAAAAA")
    assert 'value="kern" selected' not in client.get("/en/check/1/county").get_data(as_text=True)


def test_the_cookie_expires_after_two_hours_without_use(app, client, monkeypatch):
    client.post("/en/check/1/county", data={"county": "kern"})
    assert 'value="kern" selected' in client.get("/en/check/1/county").get_data(as_text=True)
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 2 * 60 * 60 + 5)
    assert 'value="kern" selected' not in client.get("/en/check/1/county").get_data(as_text=True)


def test_an_older_cookie_schema_is_dropped(app):
    interface = EncryptedCookieSessionInterface()
    old = zlib.compress(b'{"v":0,"d":{"a":{"convictions":[{"county":"kern"}]}}}')
    token = interface._fernet(app).encrypt(old).decode()
    client = app.test_client()
    client.set_cookie("crr", token)
    assert 'value="kern" selected' not in client.get("/en/check/1/county").get_data(as_text=True)


def test_the_largest_possible_answers_fit_in_one_cookie(client):
    biggest = {
        "county": "san-bernardino",
        "section": "11360",
        "conduct": "transport_for_sale",
        "level": "misdemeanor",
        "offense_date": "2016",
        "offense_before_cutoff": "unknown",
        "age_at_offense": "21_plus",
        "sale_to_minor": "unknown",
        "import_export_over_limit": "unknown",
        "prior_same_offense_convictions": "unknown",
        "sentence": "completed",
    }
    walk(
        client,
        "en",
        [biggest] * 50,
        {"prior_super_strike": "unknown", "sex_offender_registrant": "unknown"},
        check=False,
    )
    assert len(_cookie(client)) < 4093


def test_the_api_sets_no_cookie(client):
    response = client.post("/api/v1/eligibility", json={"convictions": [{"section": "11357"}]})
    assert "Set-Cookie" not in response.headers


def test_an_oversized_form_post_gets_413(client):
    response = client.post("/es/check/1/county", data={"county": "x" * 70_000})
    assert response.status_code == 413
    assert '<html lang="es">' in response.get_data(as_text=True)


def test_static_files_cannot_be_path_traversed(client):
    for url in ("/static/../webapp/config.py", "/static/%2e%2e/config.py", "/static/..%2fconfig.py"):
        response = client.get(url)
        assert response.status_code == 404, url


def test_logs_of_whole_journeys_hold_no_answers_or_names(app, caplog):
    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    walk(client, "en", [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    client.get("/en/results")
    client.post(
        "/en/petition",
        data={"name": "Maria Example-Lopez", "case_number-1": "F12-345678", "case_number-2": "AL-99887766"},
    )
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in ("Maria", "Example-Lopez", "F12-345678", "AL-99887766", "11359", "alameda", "fresno"):
        assert secret not in logged
    assert not re.search(r"21_plus|within_personal_limit|serving", logged)
