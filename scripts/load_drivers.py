"""What `make load` drives traffic with: gunicorn servers it starts and stops itself, wrk for
back-to-back traffic, and paced Python clients for packet downloads. Loopback only."""

from __future__ import annotations

import http.client
import itertools
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "load" / "wrk_mix.lua"
BIN = Path(sys.executable).parent


@dataclass
class Group:
    """Clients sending the same few requests in turn; one row of the report."""

    name: str
    kind: str  # "page", "api", "static", "packet", "abuse", "baseline": how its figures are judged
    connections: int
    requests: list[dict]  # {method, path, headers, body}
    pace_ms: int = 0  # paced groups are sent from Python, one connection per request
    address: str | None = None  # X-Forwarded-For: None, "rotate" (a new person each time) or fixed
    result: dict = field(default_factory=dict)


# --- Servers --------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def procfile_web(port: int) -> tuple[list[list[str]], dict, list[str]]:
    """The Procfile's web line as (commands run before, environment, gunicorn argv), on loopback."""
    line = next(x for x in (ROOT / "Procfile").read_text().splitlines() if x.startswith("web:"))
    *before, last = [shlex.split(part) for part in line.removeprefix("web:").split("&&")]
    env = {}
    while last and re.match(r"^[A-Z_]+=", last[0]):
        key, value = last.pop(0).split("=", 1)
        env[key] = value
    argv = [a.replace("0.0.0.0:$PORT", f"127.0.0.1:{port}") for a in last]
    if f"127.0.0.1:{port}" not in argv:
        raise RuntimeError("the Procfile's gunicorn must take --bind 0.0.0.0:$PORT")
    return before, env, argv


class Server:
    """A gunicorn master we started, stopped by its own pid; its log goes to `log`."""

    def __init__(self, argv: list[str], env: dict, log: Path, port: int):
        self.argv, self.env, self.log, self.port = argv, env, log, port
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        environment = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", **self.env}
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(self.argv, cwd=ROOT, env=environment, stdout=log, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.base}/", timeout=2):  # noqa: S310 (loopback only)
                    return self
            except OSError:  # URLError and connection refusals alike: not up yet
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("server did not start within 60 s")

    def cpu_seconds(self) -> float:
        """CPU time used so far by the master and every process under it (workers, render children)."""
        tick = os.sysconf("SC_CLK_TCK")
        parents: dict[int, int] = {}
        used: dict[int, float] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # ended meanwhile
                continue
            parents[int(entry.name)] = int(fields[1])
            used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
        tree, grew = {self.process.pid}, True
        while grew:
            found = {pid for pid, parent in parents.items() if parent in tree} - tree
            tree |= found
            grew = bool(found)
        return sum(used.get(pid, 0.0) for pid in tree)

    def settle(self, quiet: float = 0.05, limit: float = 90.0) -> float:
        """Wait until the server has used less than `quiet` of a core for a whole second (its
        render children warming up, or packets queued by an earlier phase still rendering), so
        that work left over from one phase is not counted against the next. The seconds waited."""
        began = time.monotonic()
        last = self.cpu_seconds()
        while time.monotonic() - began < limit:
            time.sleep(1.0)
            now = self.cpu_seconds()
            if now - last < quiet:
                break
            last = now
        return time.monotonic() - began

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- wrk: back-to-back traffic ----------------------------------------------------------------------


def _lua_string(text: str) -> str:
    level = "=" * 4
    if f"]{level}]" in text:
        raise ValueError("text would end the Lua long string")
    return f"[{level}[{text}]{level}]"


def lua_settings(group: Group) -> str:
    def one(r: dict) -> str:
        # "[ [====[" with spaces: "[[" would open a Lua long string.
        headers = ", ".join(f"[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in r["headers"].items())
        body = _lua_string(r["body"]) if r.get("body") else "nil"
        return (f"{{method = {_lua_string(r['method'])}, path = {_lua_string(r['path'])}, "
                f"headers = {{{headers}}}, body = {body}}}")

    requests = ",\n  ".join(one(r) for r in group.requests)
    return f"requests = {{\n  {requests}\n}}\n"


class Wrk:
    """One wrk process for one group; wrk keeps one latency distribution per process."""

    def __init__(self, group: Group, base: str, seconds: int, folder: Path):
        script = folder / f"group-{id(group)}.lua"
        script.write_text(lua_settings(group) + LUA.read_text())
        threads = min(2, group.connections)
        argv = ["wrk", f"-t{threads}", f"-c{group.connections}", f"-d{seconds}s", "--timeout", "10s",
                "-s", str(script), base + "/"]
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def finish(self) -> dict:
        output, _ = self.process.communicate()
        match = re.search(r"^RESULT (\{.*\})$", output, flags=re.M)
        if not match:
            raise RuntimeError(f"wrk printed no result:\n{output}")
        result = json.loads(match.group(1))
        result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
        return result


# --- Paced clients: packet downloads ----------------------------------------------------------------

_ADDRESSES = itertools.count()


class People:
    """Paced clients: each thread waits its pace, then opens a connection, sends one request and
    closes it, as a browser would. (A paced wrk connection is opened early and held idle until its
    request is due, which ties up a sync worker the whole time.) Latency counts from the connect."""

    def __init__(self, group: Group, base: str, seconds: int):
        self.group, self.base, self.seconds = group, urlsplit(base), seconds
        self.latencies: list[float] = []
        self.statuses: list[int | None] = []
        self.began = time.monotonic()
        self.threads = [threading.Thread(target=self._run, args=(i,)) for i in range(group.connections)]
        for thread in self.threads:
            thread.start()

    def _headers(self, request: dict) -> dict:
        headers = dict(request["headers"])
        if self.group.address == "rotate":
            n = next(_ADDRESSES)  # a new person: one address per download
            headers["X-Forwarded-For"] = f"10.{n // 62500 % 256}.{n // 250 % 250}.{n % 250 + 1}"
        elif self.group.address:
            headers["X-Forwarded-For"] = self.group.address
        return headers

    def _run(self, index: int) -> None:
        end = self.began + self.seconds
        pace = self.group.pace_ms / 1000
        time.sleep(index * pace / len(self.threads))  # spread the first requests over one pace
        for turn in itertools.count():
            if time.monotonic() >= end:
                return
            request = self.group.requests[turn % len(self.group.requests)]
            sent = time.perf_counter()
            try:
                connection = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=30)
                connection.request(request["method"], request["path"], body=request.get("body"),
                                   headers=self._headers(request))
                response = connection.getresponse()
                response.read()
                connection.close()
                self.statuses.append(response.status)
            except OSError:
                self.statuses.append(None)
            self.latencies.append((time.perf_counter() - sent) * 1e6)
            time.sleep(max(0.0, pace - (time.perf_counter() - sent)))

    def finish(self) -> dict:
        for thread in self.threads:
            thread.join()
        duration = time.monotonic() - self.began
        latencies = sorted(self.latencies) or [0.0]
        statuses = self.statuses

        def percentile(p: float) -> float:
            return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))]

        return {
            "requests": len(statuses), "duration_us": duration * 1e6, "rps": len(statuses) / duration,
            "p50_us": percentile(50), "p95_us": percentile(95), "p99_us": percentile(99),
            "ok": sum(1 for s in statuses if s and s < 400), "limited": statuses.count(429),
            "client_errors": sum(1 for s in statuses if s and 400 <= s < 500 and s != 429),
            "server_errors": sum(1 for s in statuses if s and s >= 500),
            "socket_errors": statuses.count(None), "timeouts": 0,
        }


def run_groups(groups: list[Group], base: str, seconds: int) -> None:
    """Run every group at once for `seconds`; each group's figures land in its `result`."""
    with tempfile.TemporaryDirectory() as folder:
        running = [(g, People(g, base, seconds) if g.pace_ms else Wrk(g, base, seconds, Path(folder)))
                   for g in groups]
        for group, runner in running:
            group.result = runner.finish()
