"""The smaller findings of issue 12: a 405 says which methods are allowed, and no redirect or
language switch is built from the Host header a client writes."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from webapp.security import HEADERS

from ..web.journey import walk
from ..web.test_flow import FRESNO_POSSESSION, NO_PRIORS

EVIL_HOST = {"Host": "evil.example"}


@pytest.mark.parametrize(("url", "method", "allowed"), [
    ("/en/clinic", "PUT", {"GET", "POST"}),
    ("/es/petition", "DELETE", {"GET", "POST"}),
    ("/api/v1/eligibility", "GET", {"POST"}),
    ("/api/v1/packet", "PUT", {"POST"}),
    ("/es/privacy", "POST", {"GET"}),
])
def test_a_405_names_the_allowed_methods_and_keeps_the_security_headers(client, url, method, allowed):
    response = client.open(url, method=method)
    assert response.status_code == 405
    assert allowed <= {m.strip() for m in response.headers["Allow"].split(",")}
    for name, value in HEADERS.items():
        assert response.headers[name] == value, name


def test_a_405_page_is_in_the_pages_language(client):
    response = client.post("/es/privacy")
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.html["lang"] == "es"


@pytest.mark.parametrize("url", ["/en", "/es", "/en/check//1/county", "/static//css/site.css",
                                 "//evil.example/en", "/es/clinic/"])
def test_werkzeugs_own_redirects_are_paths_not_built_from_the_host_header(client, url):
    response = client.get(url, headers=EVIL_HOST)
    location = response.headers.get("Location")
    if location is None:
        assert response.status_code in (200, 404), url
        return
    # A path alone: no scheme, no host, and not "//host/…", which a browser reads as another site.
    assert location.startswith("/"), location
    assert not location.startswith("//"), location
    assert urlsplit(location).netloc == "", location


def test_the_language_switch_and_the_flow_redirects_are_paths(client):
    walk(client, "en", [FRESNO_POSSESSION], NO_PRIORS, check=False)
    for url in ("/en/results", "/en/petition", "/en/check/1/county", "/en/clinic"):
        page = client.get(url, headers=EVIL_HOST)
        soup = BeautifulSoup(page.get_data(as_text=True), "html.parser")
        links = [a["href"] for a in soup.select("a[href]")]
        links += [form["action"] for form in soup.select("form[action]")]
        assert links, url
        assert not [link for link in links if "evil.example" in link], url
    for url in ("/en/clinic/download", "/es/petition", "/es/check/9/county"):
        location = client.get(url, headers=EVIL_HOST).headers.get("Location", "/")
        assert location.startswith("/"), (url, location)
        assert "evil.example" not in location, (url, location)
