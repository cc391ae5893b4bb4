"""The answers cookie is re-encrypted only when it must be: answers changed, a minute has passed
(so the two-hour idle expiry keeps counting from the last visit), or it was made with an old key."""

import pytest

from webapp import create_app, session_cookie

from ..conftest import TEST_SECRET
from ..evidence.clients import opened, seal


@pytest.fixture
def answered(client):
    response = client.post("/en/check/1/county", data={"county": "kern"})
    assert "crr=" in response.headers["Set-Cookie"]
    client.get("/en/check/1/county")  # the page itself may still add to the session once
    return client


def test_a_page_view_that_changes_nothing_does_not_resend_a_fresh_cookie(answered):
    response = answered.get("/en/check/1/county")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert "Cookie" in response.headers["Vary"]


def test_a_changed_answer_is_always_sent(answered):
    before = answered.get_cookie("crr").value
    response = answered.post("/en/check/1/county", data={"county": "fresno"})
    assert "crr=" in response.headers["Set-Cookie"]
    assert answered.get_cookie("crr").value != before


def test_a_cookie_older_than_the_refresh_interval_is_renewed(answered, monkeypatch):
    monkeypatch.setattr(session_cookie, "REFRESH_SECONDS", -1)
    response = answered.get("/en/check/1/county")
    assert "crr=" in response.headers["Set-Cookie"]


def test_a_cookie_made_with_a_fallback_key_is_renewed_with_the_new_key(answered, monkeypatch):
    old = answered.get_cookie("crr").value
    monkeypatch.setenv("SECRET_KEY_FALLBACKS", TEST_SECRET)
    rotated = create_app({"TESTING": True, "SECRET_KEY": "the-new-key", "WTF_CSRF_ENABLED": False})
    with rotated.test_client() as client:
        client.set_cookie("crr", old)
        response = client.get("/en/check/1/county")
        assert "crr=" in response.headers["Set-Cookie"]
        renewed = client.get_cookie("crr").value
    monkeypatch.delenv("SECRET_KEY_FALLBACKS")
    new_only = create_app({"TESTING": True, "SECRET_KEY": "the-new-key", "WTF_CSRF_ENABLED": False})
    with new_only.test_client() as client:
        client.set_cookie("crr", renewed)
        assert '<option value="kern" selected>' in client.get("/en/check/1/county").get_data(as_text=True)


def test_a_cookie_compressed_the_earlier_way_still_opens(client, app):
    # Cookies made before the session switched to a small compression window (zlib's defaults)
    # must keep their answers: a person mid-journey during a deploy loses nothing.
    client.set_cookie("crr", seal(app, {"a": {"convictions": [{"county": "kern"}], "person": {}}}))
    assert '<option value="kern" selected>' in client.get("/en/check/1/county").get_data(as_text=True)
    # and the answers sent back are the same answers, in the smaller form
    response = client.post("/en/check/1/county", data={"county": "fresno"})
    assert "crr=" in response.headers["Set-Cookie"]
    assert opened(app, client.get_cookie("crr").value)["a"]["convictions"] == [{"county": "fresno"}]
