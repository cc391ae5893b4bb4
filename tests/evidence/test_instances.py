"""Several instances: the answers travel in the cookie, so any instance sharing the SECRET_KEY can
serve any step. Two real servers, started with the Procfile's gunicorn command, take turns
request by request through a whole journey, in Spanish, up to the court packet.

The same servers then show two things only a real server can: the access log of that journey
holds no name, case number or answer, and raw path-traversal requests that a browser or the
test client would normalise away are refused.
"""

import json
import re
import secrets
import socket

import pytest
from bs4 import BeautifulSoup

from scripts.load_drivers import Server, free_port, procfile_web

from ..packet.conftest import pages_text
from ..web.journey import walk
from ..web.test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS
from .clients import HttpClient, TokenClient

pytestmark = pytest.mark.slow

NAME, CASES = "Rosa Example-Instance", ("F12-345678", "AL-99887766")


@pytest.fixture(scope="module")
def two_instances(tmp_path_factory):
    folder = tmp_path_factory.mktemp("instances")
    key = secrets.token_urlsafe(32)
    servers = []
    for number in (1, 2):
        port = free_port()
        _, env, argv = procfile_web(port)
        env.update({"SECRET_KEY": key, "WEB_CONCURRENCY": "1"})
        servers.append(Server(argv, env, folder / f"instance{number}.log", port))
    with servers[0], servers[1]:
        yield servers


def test_one_journey_alternating_between_two_instances_reaches_the_packet(two_instances):
    http = HttpClient([server.base for server in two_instances])
    client = TokenClient(http)
    walk(client, "es", [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    results = BeautifulSoup(client.get("/es/results").get_data(as_text=True), "html.parser")
    assert {b["data-conviction-id"]: b["data-relief"] for b in results.select("[data-relief]")} == {
        "1": "dismiss",
        "2": "reduce_to_misdemeanor",
    }
    client.get("/es/petition")
    details = {"name": NAME, "case_number-1": CASES[0], "case_number-2": CASES[1]}
    packet = client.post("/es/petition", data=details)
    assert packet.status_code == 200
    assert packet.mimetype == "application/pdf"
    text = " ".join(pages_text(packet.body))
    for typed in details.values():
        assert typed in text
    # Every step really went to the other instance from the one before.
    served = http.served_by
    assert len(served) > 40
    assert all(a != b for a, b in zip(served, served[1:], strict=False))

    # The servers' own logs of that journey: method, path, status, size, time. Nothing personal.
    logged = "\n".join(server.log.read_text(errors="replace") for server in two_instances)
    assert "/es/check/1/county" in logged  # the access log is there and was written
    lines = [json.loads(line) for line in logged.splitlines() if line.strip()]
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    # Every line is a JSON object; an access line holds these fields and no others.
    assert {"GET", "POST"} == {line["method"] for line in access}
    assert all(set(line) == {"time", "level", "logger", "method", "path", "status", "bytes", "ms"}
               for line in access)
    assert any(line["path"] == "/es/check/1/county" for line in access)
    for secret in (NAME, "Rosa", *CASES, "alameda", "fresno", "11359", "21_plus", "within_personal_limit"):
        assert secret not in logged, secret


def raw_get(server: Server, target: str) -> bytes:
    """A request line sent exactly as written: no client normalises the dots away."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize(
    "target",
    [
        "/static/../webapp/config.py",
        "/static/../../instance/secret_key",
        "/static/%2e%2e/%2e%2e/webapp/config.py",
        "/static/..%2f..%2fwebapp%2fconfig.py",
        "/static/css/..%5c..%5c..%5cwebapp%5cconfig.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
    ],
)
def test_static_files_cannot_be_path_traversed_on_the_real_server(two_instances, target):
    answer = raw_get(two_instances[0], target)
    status = int(answer.split(b" ", 2)[1])
    if status == 308:
        # Werkzeug merges doubled slashes by redirecting; the new address must stay in /static/,
        # and is a path alone, never built from the Host header.
        location = re.search(rb"^Location: (/\S*)", answer, flags=re.M).group(1).decode()
        assert location.startswith("/static/"), location
        answer = raw_get(two_instances[0], location)
        status = int(answer.split(b" ", 2)[1])
    assert status in (400, 404), (target, answer[:200])
    assert b"SECRET_KEY" not in answer
    assert b"root:" not in answer
