"""The shared rate limit for real: Debian's redis-server on a free loopback port, and two servers
started with the Procfile's command and ``RATELIMIT_STORAGE_URI`` pointing at it. Packets asked of
either instance count against one limit; without the shared store each would allow its own."""

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from scripts.load_drivers import Server, free_port, procfile_web

from ..packet.conftest import ALAMEDA_PETITION, CLEAN, PETITIONER

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("redis-server") is None,
                       reason="needs Debian's redis-server (make test installs it)"),
]

# The limit counts forms (webapp/limits.py): a packet of 20 convictions costs 21, so two fit in the
# smallest limit the app accepts (one request's whole budget, 60) and a third does not.
LIMIT = 60
CONVICTIONS = [{**ALAMEDA_PETITION[0], "id": str(n), "case_number": f"AB-15-{n:04d}"} for n in range(1, 21)]
BODY = json.dumps({"screening": {"person": CLEAN, "convictions": CONVICTIONS},
                   "petitioner": PETITIONER}).encode()


def _redis_command(port: int, *words: str) -> bytes:
    """One command in the Redis wire protocol (RESP): no client library needed in the test."""
    request = f"*{len(words)}\r\n" + "".join(f"${len(w)}\r\n{w}\r\n" for w in words)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(request.encode())
        time.sleep(0.2)
        return sock.recv(65536)


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory):
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while _ping(port) is False:
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.fail("redis-server did not start")
            time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(10)


def _ping(port: int) -> bool:
    try:
        return _redis_command(port, "PING").startswith(b"+PONG")
    except OSError:
        return False


@pytest.fixture(scope="module")
def two_instances(tmp_path_factory, redis_port):
    folder = tmp_path_factory.mktemp("shared")
    servers = []
    for number in (1, 2):
        port = free_port()
        _, env, argv = procfile_web(port)
        env.update({"SECRET_KEY": "shared-limit-test-key", "WEB_CONCURRENCY": "1",
                    "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{redis_port}/0",
                    "PACKET_RATE_LIMIT": f"{LIMIT} per minute"})
        servers.append(Server(argv, env, folder / f"instance{number}.log", port))
    with servers[0], servers[1]:
        yield servers


def _packet(server: Server) -> int:
    request = urllib.request.Request(f"{server.base}/api/v1/packet", data=BODY, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            assert response.headers.get_content_type() == "application/pdf"
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_two_instances_share_one_packet_count_through_redis(two_instances, redis_port):
    first, second = two_instances
    # Alternating: when refused, each instance alone has seen two (42 forms), under its own limit.
    statuses = [_packet(server) for server in (first, second, first, second)]
    assert statuses == [200, 200, 429, 429]
    # The count lives in Redis, under the app's prefix, not in either process.
    keys = _redis_command(redis_port, "KEYS", "*")
    assert b"crr" in keys
