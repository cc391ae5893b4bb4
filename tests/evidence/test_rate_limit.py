"""The packet endpoints are rate limited per client address; over the limit a person gets a clear,
translated 429 page, and their answers are still there when they come back.

The limit logic does not care what the PDF looks like, so rendering is replaced by a stub here:
these tests stay fast while the real renderer is covered by tests/packet and the fuzz suites.
"""

import pytest

import webapp.packet
import webapp.packet.views
from webapp import create_app
from webapp.limits import DEFAULT_PACKET_RATE_LIMIT
from webapp.security import HEADERS

from ..conftest import TEST_SECRET
from ..packet.conftest import CLEAN, FRESNO_APPLICATION, PETITIONER
from ..web.journey import walk
from ..web.pages import check_page
from ..web.test_flow import FRESNO_POSSESSION, NO_PRIORS

FAKE_PDF = b"%PDF-1.7 stub"
PACKET_BODY = {"screening": {"person": CLEAN, "convictions": FRESNO_APPLICATION}, "petitioner": PETITIONER}


@pytest.fixture(autouse=True)
def stub_renderer(monkeypatch):
    monkeypatch.setattr(webapp.packet, "render", lambda *args: FAKE_PDF)
    monkeypatch.setattr(webapp.packet.views, "render", lambda *args: FAKE_PDF)


def limited_app(**overrides):
    config = {"TESTING": True, "SECRET_KEY": TEST_SECRET, "WTF_CSRF_ENABLED": False}
    return create_app({**config, "RATELIMIT_ENABLED": True, **overrides})


def details(client, lang: str, **fields):
    data = {"name": "Maria Example", "case_number-1": "F12-345678", **fields}
    return client.post(f"/{lang}/petition", data=data)


def test_the_default_limit_is_ten_packets_a_minute(monkeypatch):
    monkeypatch.delenv("PACKET_RATE_LIMIT", raising=False)
    assert limited_app().config["PACKET_RATE_LIMIT"] == DEFAULT_PACKET_RATE_LIMIT == "10 per minute"


def test_the_eleventh_packet_in_a_minute_gets_a_translated_429_and_the_answers_survive():
    client = limited_app().test_client()
    walk(client, "es", [FRESNO_POSSESSION], NO_PRIORS, check=False)
    for _ in range(10):
        response = details(client, "es")
        assert response.status_code == 200
        assert response.data == FAKE_PDF
    refused = details(client, "es")
    assert refused.status_code == 429
    html = refused.get_data(as_text=True)
    check_page(html, "es")
    assert "Demasiados intentos" in html
    assert "espere un minuto" in html
    assert int(refused.headers["Retry-After"]) <= 60
    for name, value in HEADERS.items():
        assert refused.headers.get(name) == value, name
    # The 429 leaves the cookie alone: the results and the details page are still there.
    assert client.get("/es/results").status_code == 200
    assert client.get("/es/petition").status_code == 200


def test_the_api_answers_429_in_json_with_retry_after():
    client = limited_app(PACKET_RATE_LIMIT="2 per minute").test_client()
    assert [client.post("/api/v1/packet", json=PACKET_BODY).status_code for _ in range(2)] == [200, 200]
    refused = client.post("/api/v1/packet", json=PACKET_BODY)
    assert refused.status_code == 429
    assert refused.is_json
    assert refused.get_json()["error"]["message"] == "too_many"
    assert "Retry-After" in refused.headers


def test_corrections_do_not_use_up_the_limit():
    # A person fixing a mistyped case number must not lock themselves out of their forms.
    client = limited_app(PACKET_RATE_LIMIT="2 per minute").test_client()
    walk(client, "en", [FRESNO_POSSESSION], NO_PRIORS, check=False)
    for _ in range(6):
        assert details(client, "en", **{"case_number-1": "not a case number!"}).status_code == 400
    assert details(client, "en").status_code == 200


def test_each_client_address_has_its_own_limit():
    # Behind the proxy every person arrives from the proxy; ProxyFix gives each their own address.
    client = limited_app(PACKET_RATE_LIMIT="1 per minute").test_client()

    def from_address(address):
        headers = {"X-Forwarded-For": address}
        return client.post("/api/v1/packet", json=PACKET_BODY, headers=headers).status_code

    assert from_address("203.0.113.1") == 200
    assert from_address("203.0.113.1") == 429
    assert from_address("203.0.113.2") == 200


def test_pages_and_the_eligibility_api_are_never_limited():
    client = limited_app(PACKET_RATE_LIMIT="1 per minute").test_client()
    walk(client, "en", [FRESNO_POSSESSION], NO_PRIORS, check=False)
    assert details(client, "en").status_code == 200
    for _ in range(30):
        assert client.get("/en/results").status_code == 200
        assert client.get("/en/petition").status_code == 200
        assert client.post("/api/v1/eligibility", json=PACKET_BODY["screening"]).status_code == 200


def test_the_limit_and_the_store_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("PACKET_RATE_LIMIT", "1 per hour")
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "memory://")
    client = limited_app().test_client()
    assert client.post("/api/v1/packet", json=PACKET_BODY).status_code == 200
    assert client.post("/api/v1/packet", json=PACKET_BODY).status_code == 429


def test_an_unreachable_shared_store_still_serves_and_still_limits():
    # Several instances share counts in Redis. If Redis is down the site must keep serving
    # packets, limited per instance in memory, instead of failing every download.
    app = limited_app(RATELIMIT_STORAGE_URI="redis://127.0.0.1:9/0", PACKET_RATE_LIMIT="2 per minute")
    (limiter,) = app.extensions["limiter"]
    assert type(limiter.storage).__name__ == "RedisStorage"
    client = app.test_client()
    statuses = [client.post("/api/v1/packet", json=PACKET_BODY).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_the_limit_is_off_in_tests_unless_asked_for():
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET})
    assert app.config["RATELIMIT_ENABLED"] is False
    client = app.test_client()
    assert all(client.post("/api/v1/packet", json=PACKET_BODY).status_code == 200 for _ in range(12))


def test_a_clinic_gets_a_few_packet_zips_a_minute_while_its_csv_downloads_stay_free():
    from ..clinic.conftest import download

    client = limited_app(CLINIC_RATE_LIMIT="1 per minute").test_client()
    csv = (
        "client_id,name,county,case_number,section,level,offense_date,age_at_offense,sentence\n"
        "C1,Ana Example,fresno,F1,11357,misdemeanor,2012,21_plus,completed\n"
    )
    assert [download(client, "en", csv, "results").status_code for _ in range(3)] == [200, 200, 200]
    first = download(client, "en", csv, "packets-1")
    assert first.status_code == 200
    assert first.mimetype == "application/zip"
    refused = download(client, "es", csv, "packets-1")
    assert refused.status_code == 429
    assert "Demasiados intentos" in refused.get_data(as_text=True)
