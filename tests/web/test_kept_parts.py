"""What a process keeps between requests to draw pages faster, and that it changes nothing a
person sees: the page chrome (webapp/page_chrome.py) and the signed form token
(webapp/form_token.py)."""

import re
import time

import flask_wtf.csrf
import itsdangerous
import pytest

import webapp.form_token
from webapp import create_app, kept_pages, languages
from webapp.page_chrome import _kept

from ..conftest import TEST_SECRET, csrf_token
from .journey import walk
from .test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS


def _menu(html: str) -> dict[str, str]:
    """The language menu's links, by language code."""
    links = re.findall(r'<a class="lang-switch" href="([^"]+)" hreflang="([^"]+)"', html)
    return {code: href for href, code in links}


def _without_token(html: str) -> str:
    return re.sub(r'name="csrf_token" value="[^"]+"', "", html)


@pytest.fixture
def two_convictions(client):
    walk(client, "en", [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    return client


def test_each_conviction_page_links_to_itself_in_every_language(two_convictions):
    _kept.cache_clear()
    kept_pages.forget()
    for n in (1, 2, 1, 2):  # the second round is served from what the first kept
        html = two_convictions.get(f"/en/check/{n}/county").get_data(as_text=True)
        menu = _menu(html)
        assert set(menu) == set(languages.CODES) - {"en"}
        for code, href in menu.items():
            assert href == f"/{code}/check/{n}/county"


@pytest.mark.parametrize("code", languages.CODES)
def test_a_kept_chrome_is_the_chrome_drawn_afresh(two_convictions, code):
    _kept.cache_clear()
    first = two_convictions.get(f"/{code}/check/2/section").get_data(as_text=True)
    assert _kept.cache_info().currsize == 1
    kept_pages.forget()  # the page itself drawn again, around the kept chrome
    again = two_convictions.get(f"/{code}/check/2/section").get_data(as_text=True)
    assert _kept.cache_info().hits >= 1
    assert _without_token(again) == _without_token(first)
    assert f'<html lang="{code}">' in again
    assert 'class="site-footer"' in again


def test_nothing_typed_into_an_address_is_kept(two_convictions):
    _kept.cache_clear()
    kept_pages.forget()
    typed = "maria-lopez-case-F12345"
    with_query = two_convictions.get(f"/en/check/1/county?note={typed}")
    assert with_query.status_code == 200
    # The menu still leads to the same page, query and all; it was drawn for this request only.
    assert f"/es/check/1/county?note={typed}" in with_query.get_data(as_text=True)
    missing = two_convictions.get(f"/en/check/1/{typed}")
    assert missing.status_code == 404
    assert _kept.cache_info().currsize == 0
    two_convictions.get("/en/check/1/county")
    assert _kept.cache_info().currsize == 1


def test_the_form_token_is_signed_once_and_accepted(csrf_app, monkeypatch):
    signed = []

    def counting():
        signed.append(1)
        return generate()

    generate = webapp.form_token.generate_csrf
    monkeypatch.setattr(webapp.form_token, "generate_csrf", counting)
    client = csrf_app.test_client()
    first = csrf_token(client.get("/en/check/1/county").get_data(as_text=True))
    again = csrf_token(client.get("/en/check/1/county").get_data(as_text=True))
    assert (again, len(signed)) == (first, 1)
    answered = client.post("/en/check/1/county", data={"county": "kern", "csrf_token": again})
    assert answered.status_code == 302
    after = csrf_token(client.get("/en/check/1/section").get_data(as_text=True))
    assert (after, len(signed)) == (first, 1)


def test_a_rotated_key_signs_a_fresh_token_and_refuses_the_old(csrf_client):
    old = csrf_token(csrf_client.get("/en/check/1/county").get_data(as_text=True))
    rotated = create_app({"TESTING": True, "SECRET_KEY": "a-new-key-" + "x" * 40,
                          "SECRET_KEY_FALLBACKS": [TEST_SECRET]}).test_client()
    rotated.set_cookie("crr", csrf_client.get_cookie("crr").value)
    fresh = csrf_token(rotated.get("/en/check/1/county").get_data(as_text=True))
    assert fresh != old
    assert rotated.post("/en/check/1/county", data={"county": "kern", "csrf_token": old}).status_code == 400
    assert rotated.post("/en/check/1/county", data={"county": "kern", "csrf_token": fresh}).status_code == 302


def test_starting_again_makes_a_new_token_and_refuses_the_old(csrf_client):
    old = csrf_token(csrf_client.get("/en/check/1/county").get_data(as_text=True))
    assert csrf_client.post("/en/start-again", data={"csrf_token": old}).status_code == 302
    new = csrf_token(csrf_client.get("/en/check/1/county").get_data(as_text=True))
    assert new != old
    refused = csrf_client.post("/en/check/1/county", data={"county": "kern", "csrf_token": old})
    assert refused.status_code == 400


def _count_signature_checks(monkeypatch) -> list:
    checked = []
    validate = flask_wtf.csrf.validate_csrf

    def counting(*args, **kwargs):
        checked.append(1)
        return validate(*args, **kwargs)

    monkeypatch.setattr(flask_wtf.csrf, "validate_csrf", counting)
    return checked


def test_the_kept_token_is_accepted_without_a_second_signature_check(csrf_client, monkeypatch):
    checked = _count_signature_checks(monkeypatch)
    token = csrf_token(csrf_client.get("/en/check/1/county").get_data(as_text=True))
    answered = csrf_client.post("/en/check/1/county", data={"county": "kern", "csrf_token": token})
    assert (answered.status_code, answered.headers["Location"], checked) == (302, "/en/check/1/section", [])
    # Anything else goes through Flask-WTF's own check, and is refused there.
    for forged in (token + "x", token[:-1], "", "ünïcode." + token):
        refused = csrf_client.post("/en/check/1/section", data={"section": "11357", "csrf_token": forged})
        assert refused.status_code == 400, forged
    assert len(checked) == 4


def test_another_token_signed_for_this_session_is_still_accepted(csrf_app, monkeypatch):
    # Signed for the same secret a minute earlier, so not the kept one: Flask-WTF's check decides.
    client = csrf_app.test_client()
    kept = csrf_token(client.get("/en/check/1/county").get_data(as_text=True))
    with client.session_transaction() as stored:
        secret = stored["csrf_token"]
    signer = itsdangerous.URLSafeTimedSerializer(TEST_SECRET, salt="wtf-csrf-token")
    now = int(time.time())
    monkeypatch.setattr(itsdangerous.timed.TimestampSigner, "get_timestamp", lambda self: now - 60)
    earlier, stranger = signer.dumps(secret), signer.dumps("f" * 40)
    monkeypatch.undo()
    assert earlier != kept
    checked = _count_signature_checks(monkeypatch)
    answered = client.post("/en/check/1/county", data={"county": "kern", "csrf_token": earlier})
    assert (answered.status_code, len(checked)) == (302, 1)
    refused = client.post("/en/check/1/section", data={"section": "11357", "csrf_token": stranger})
    assert (refused.status_code, len(checked)) == (400, 2)


@pytest.mark.parametrize(("referrer", "status"), [
    (None, 400),
    ("https://evil.example/en/check/1/county", 400),
    ("http://localhost/en/check/1/county", 400),
    ("https://localhost/en/check/1/county", 302),
])
def test_on_https_the_kept_token_still_needs_a_referrer_from_this_site(csrf_client, referrer, status):
    secure = "https://localhost"
    token = csrf_token(csrf_client.get("/en/check/1/county", base_url=secure).get_data(as_text=True))
    headers = {"Referer": referrer} if referrer else {}
    answered = csrf_client.post("/en/check/1/county", base_url=secure, headers=headers,
                                data={"county": "kern", "csrf_token": token})
    assert answered.status_code == status
