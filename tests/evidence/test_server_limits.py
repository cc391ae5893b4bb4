"""What only the real server shows, in the configuration the Procfile starts: slow clients do not
stall pages, the answers gunicorn writes itself carry our headers and a way on, and the server
does not announce itself."""

import os
import socket
import time
import urllib.request
from pathlib import Path

import pytest

from scripts.load_drivers import Server, free_port, procfile_web
from webapp.security import HEADERS

pytestmark = pytest.mark.slow

# A functional bound, not a speed target: a stalled site would not answer at all.
PAGE_WAIT = 15


def _server(folder, **env):
    port = free_port()
    _, environment, argv = procfile_web(port)
    environment.update({"SECRET_KEY": "server-limits-test-key", **env})
    return Server(argv, environment, folder / "server.log", port)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # Held connections are not timed out during the test: only threads and the poller count.
    with _server(tmp_path_factory.mktemp("limits"), CLIENT_TIMEOUT_SECONDS="120") as running:
        yield running


def raw(server: Server, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=PAGE_WAIT) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def head_and_body(answer: bytes) -> tuple[int, dict, str]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split(" ", 2)[1]), headers, body.decode()


def half_open(server: Server, count: int) -> list[socket.socket]:
    """Connections that send half a request and then nothing; and as many that send nothing."""
    held = []
    for number in range(count):
        stalled = socket.create_connection(("127.0.0.1", server.port))
        stalled.sendall(f"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow-{number}: ".encode())
        silent = socket.create_connection(("127.0.0.1", server.port))
        held += [stalled, silent]
    return held


def test_ten_half_open_connections_do_not_stall_the_pages(server):
    held = half_open(server, 10)
    try:
        for path in ("/en/", "/es/", "/en/check/1/county", "/static/css/site.css") * 5:
            with urllib.request.urlopen(server.base + path, timeout=PAGE_WAIT) as page:
                assert page.status == 200
        # They are still held open by the clients: the pages were served beside them.
        for sock in held:
            sock.setblocking(False)
            with pytest.raises(BlockingIOError):
                sock.recv(1)
    finally:
        for sock in held:
            sock.close()


def test_a_stalled_request_is_closed_after_the_client_timeout(tmp_path):
    with _server(tmp_path, CLIENT_TIMEOUT_SECONDS="1", WEB_CONCURRENCY="1", WEB_THREADS="1") as one:
        stalled, silent = half_open(one, 1)
        stalled.settimeout(PAGE_WAIT)
        try:
            assert stalled.recv(1) == b""  # the server hung up: the thread is free again
        except ConnectionResetError:
            pass
        finally:
            stalled.close()
            silent.close()
        # One thread only, and it serves the next person.
        with urllib.request.urlopen(one.base + "/en/", timeout=PAGE_WAIT) as page:
            assert page.status == 200


def _assert_our_headers(headers: dict) -> None:
    for name, value in HEADERS.items():
        assert headers.get(name) == value, name
    assert "Server" not in headers


def test_a_too_long_address_gets_our_headers_and_advice_in_spanish_too(server):
    status, headers, body = head_and_body(
        raw(server, b"GET /es/?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    )
    assert status == 414
    _assert_our_headers(headers)
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "La dirección web es demasiado larga" in body
    assert "use the links on the page" in body
    assert 'href="/es/"' in body
    assert "aaaa" not in body  # the request is never echoed


def test_too_large_headers_get_our_headers_and_a_way_on(server):
    request = b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: crr=" + b"x" * 9000 + b"\r\n\r\n"
    status, headers, body = head_and_body(raw(server, request))
    assert status == 431
    _assert_our_headers(headers)
    assert "clear the cookies" in body
    assert "borre las cookies" in body
    assert "xxxx" not in body


def test_a_malformed_request_line_gets_our_headers(server):
    status, headers, body = head_and_body(raw(server, b"GET\x01 / HTTP/1.1\r\nHost: x\r\n\r\n"))
    assert status == 400
    _assert_our_headers(headers)
    assert "Please go back and try again." in body


def test_pages_do_not_announce_the_server(server):
    status, headers, _ = head_and_body(raw(server, b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                   b"Connection: close\r\n\r\n"))
    assert status == 200
    _assert_our_headers(headers)


def test_the_log_has_no_request_text_from_refused_requests(server):
    raw(server, b"GET /es/?name=Rosa" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    logged = server.log.read_text(errors="replace")
    assert "Invalid request refused" in logged
    assert "Rosa" not in logged


def _connections_per_worker(server: Server) -> list[int]:
    """Established connections on the server's port, for each of its workers (from /proc)."""
    established = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == server.port and fields[3] == "01":
            established.add(fields[9])  # the socket's inode
    master = server.process.pid
    workers = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    counts = []
    for pid in workers:
        inodes = set()
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:  # closed meanwhile
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        counts.append(len(inodes & established))
    return counts


def _burst(server: Server) -> list[int]:
    """32 connections opened at once, each answered and kept alive (so it stays with the worker
    that took it): how many each worker holds."""
    burst = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(32)]
    try:
        for sock in burst:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        for sock in burst:
            sock.settimeout(PAGE_WAIT)
            assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        return _connections_per_worker(server)
    finally:
        for sock in burst:
            sock.close()
        time.sleep(0.5)  # the workers see them closed


def test_connections_opened_at_once_are_spread_over_the_workers(server):
    # A proxy opening its pool or a browser its connections: before, one worker could take
    # nearly all of them (33/1 seen) and the other core stayed idle.
    deadline = time.monotonic() + PAGE_WAIT
    while min(_burst(server)) == 0:  # the second worker may still be loading the app
        assert time.monotonic() < deadline, "only one worker ever took connections"
    for _ in range(3):
        counts = _burst(server)
        assert sum(counts) == 32
        assert min(counts) >= 8, counts
