"""Security checks that tests/web/test_security.py does not already make, over the whole URL map:
cross-origin posts, the exact list of CSRF-exempt routes, 413 on every POST route, what the PDF
renderer fetches when a person's details try to make it fetch something, and the real cookie's
size with its form token.
"""

import re

import pytest

import webapp.packet.pdf as pdf
from webapp import create_app
from webapp.openapi import document
from webapp.packet.fetcher import PacketURLFetcher, allowed_path
from webapp.security import HEADERS

from ..conftest import TEST_SECRET
from ..packet.conftest import CLEAN, FRESNO_APPLICATION, pages_text
from ..web.journey import walk
from ..web.test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS
from .clients import COOKIE, TokenClient, opened

EVIL = {"Origin": "https://evil.example", "Referer": "https://evil.example/page"}
# The only bodies a cross-site HTML form can send, so the only ones a forged post can carry.
FORM_ENCODINGS = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")


def post_routes(app) -> list[str]:
    urls = set()
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods:
            url = rule.rule.replace("<lang>", "en").replace("<int:n>", "1")
            urls.add(url.replace("<question>", "county"))
    return sorted(urls)


def documented_api_routes() -> set[str]:
    return {path for path, operations in document()["paths"].items() if "post" in operations}


@pytest.fixture
def person(csrf_app):
    """A person halfway through a real journey, with CSRF on: their cookie and their answers."""
    client = TokenClient(csrf_app.test_client())
    walk(client, "en", [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS, check=False)
    cookie = client.get_cookie(COOKIE).value
    return cookie, opened(csrf_app, cookie)["a"]


def refused_as_forged(response) -> bool:
    return response.status_code == 400 and "This page has expired" in response.get_data(as_text=True)


def test_no_form_route_answers_a_cross_origin_post(csrf_app, person):
    # Even if an old browser sent the SameSite=Lax cookie along, the forged post changes nothing.
    cookie, answers = person
    for url in post_routes(csrf_app):
        if url in documented_api_routes():
            continue
        client = csrf_app.test_client()
        client.set_cookie(COOKIE, cookie)
        response = client.post(url, data={"county": "kern", "add_another": "yes"}, headers=EVIL)
        assert refused_as_forged(response), (url, response.status_code)
        assert response.headers.get("Set-Cookie") is None or opened(
            csrf_app, response.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
        )["a"] == answers


def test_the_only_csrf_exempt_post_routes_are_the_documented_json_api(csrf_app):
    exempt = set()
    for url in post_routes(csrf_app):
        response = csrf_app.test_client().post(url, json={"convictions": [{"section": "11357"}]})
        if not refused_as_forged(response):
            exempt.add(url)
    # /api/v1/records/rap-sheet takes text/plain (records-import §2), which a cross-site form can
    # send; it is safe because it changes nothing and sets no cookie, and no CORS header lets
    # another site read the answer (tests/records/test_pages.py::test_api_*).
    assert exempt == documented_api_routes() == {"/api/v1/eligibility", "/api/v1/packet",
                                                  "/api/v1/records/rap-sheet"}


@pytest.mark.parametrize("url", sorted(documented_api_routes()))
@pytest.mark.parametrize("encoding", FORM_ENCODINGS)
def test_the_json_api_does_nothing_with_what_a_cross_site_form_can_send(csrf_client, url, encoding):
    body = '{"screening": {"convictions": [{"section": "11357"}]}, "petitioner": {"name": "X"}}'
    response = csrf_client.post(url, data=body, headers={**EVIL, "Content-Type": encoding})
    assert response.status_code == 400
    assert response.is_json
    assert response.mimetype != "application/pdf"
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("url", sorted(documented_api_routes()))
def test_the_json_api_gives_other_sites_no_cors_permission(csrf_client, url):
    # A script on another site could only send JSON after a preflight we never approve.
    asking = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    preflight = csrf_client.options(url, headers={**EVIL, **asking})
    answer = csrf_client.post(url, json={"convictions": [{"section": "11357"}]}, headers=EVIL)
    for response in (preflight, answer):
        assert not any(name.lower().startswith("access-control-") for name, _value in response.headers)


def test_every_post_route_refuses_a_declared_oversized_body_with_413(csrf_app):
    # Refused from the Content-Length alone, before a byte of the body is read; 11 MB is over
    # the largest limit any route has (the clinic's CSV upload).
    for url in post_routes(csrf_app):
        kind = "application/json" if url.startswith("/api/") else "application/x-www-form-urlencoded"
        response = csrf_app.test_client().post(
            url, data=b"x", content_type=kind, environ_overrides={"CONTENT_LENGTH": str(11 * 1024 * 1024)}
        )
        assert response.status_code == 413, url
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value, (url, name)


def test_every_page_and_api_post_refuses_a_real_80_kb_body_with_413(csrf_app):
    for url in post_routes(csrf_app):
        if "/clinic" in url:
            continue  # takes CSV uploads (csv_io.MAX_BYTES) by design
        if "/records" in url:
            continue  # takes a RAP sheet of up to 256 KiB by design (tests/records: 413 above that)
        big = "x" * 80_000
        if url.startswith("/api/"):
            body = f'{{"pad": "{big}"}}'
            response = csrf_app.test_client().post(url, data=body, content_type="application/json")
        else:
            response = csrf_app.test_client().post(url, data={"county": big})
        assert response.status_code == 413, url


@pytest.fixture
def fetched(monkeypatch):
    """Every URL the PDF renderer asks its fetcher for during the test."""
    urls = []
    real = PacketURLFetcher.fetch

    def spy(self, url, headers=None):
        urls.append(url)
        return real(self, url, headers)

    monkeypatch.setattr(PacketURLFetcher, "fetch", spy)
    pdf._styles.cache_clear()  # so the stylesheet's own fonts are fetched (and seen) again
    yield urls
    pdf._styles.cache_clear()


ATTEMPTS = [
    '<img src="http://127.0.0.1:9/pixel.png">',
    '<link rel=stylesheet href="file:///etc/passwd">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    "url(file:///etc/passwd)",
    '<object data="file:///work">',
]


@pytest.mark.slow
def test_details_that_try_to_make_the_renderer_fetch_are_printed_as_text(client, fetched):
    petitioner = {"name": ATTEMPTS[0], "street": ATTEMPTS[1][:100], "city": ATTEMPTS[3],
                  "attorney": {"name": ATTEMPTS[4], "firm": ATTEMPTS[2][:100]}}
    response = client.post(
        "/api/v1/packet",
        json={"screening": {"person": CLEAN, "convictions": FRESNO_APPLICATION}, "petitioner": petitioner},
    )
    assert response.status_code == 200
    text = " ".join(" ".join(pages_text(response.data)).split())
    assert '<img src="http://127.0.0.1:9/pixel.png">' in text
    assert fetched, "the spy saw no fetch at all"
    for url in fetched:
        assert url.startswith("file://"), url
        allowed_path(url)  # inside the packet's own asset folders, or this raises


def test_the_largest_answers_with_the_form_token_fit_in_one_cookie(csrf_app):
    # tests/web/test_security.py measures the answers without CSRF; a real browser also carries
    # the form token's secret in the same cookie.
    biggest = {"county": "san-bernardino", "section": "11360", "conduct": "transport_for_sale",
               "level": "misdemeanor", "offense_date": "2016", "offense_before_cutoff": "unknown",
               "age_at_offense": "21_plus", "sale_to_minor": "unknown", "import_export_over_limit": "unknown",
               "prior_same_offense_convictions": "unknown", "sentence": "completed"}
    plain = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "WTF_CSRF_ENABLED": False}).test_client()
    walk(plain, "es", [biggest] * 50, {"prior_super_strike": "unknown", "sex_offender_registrant": "unknown"},
         check=False)
    client = csrf_app.test_client()
    client.set_cookie(COOKIE, plain.get_cookie(COOKIE).value)
    page = client.get("/es/check/answers")
    assert re.search(r'name="csrf_token" value="[^"]+"', page.get_data(as_text=True))
    # The cookie the browser holds after the page: re-sent only if the page changed the session
    # (webapp/session_cookie.py), so read it from the jar rather than from a Set-Cookie header.
    value = client.get_cookie(COOKIE).value
    name_and_value = f"{COOKIE}={value}"
    assert "csrf_token" in opened(csrf_app, value)
    assert len(opened(csrf_app, value)["a"]["convictions"]) == 50
    assert len(name_and_value) <= 4096, len(name_and_value)
    header = page.headers.get("Set-Cookie", name_and_value + "; Secure; HttpOnly; Path=/; SameSite=Lax")
    assert len(header) <= 4096 + 100, len(header)
