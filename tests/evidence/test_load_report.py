"""`make load`'s report judges the question pages against the bare page by both measures it takes
(scripts/load_report.py): requests a second, and the server's CPU per request."""

from scripts.load_drivers import Group
from scripts.load_report import table, verdicts


def _group(name, kind, rps, cpu_us, p99_ms=30.0):
    group = Group(name, kind, 32, [])
    group.result = {"requests": int(rps * 6), "duration_us": 6e6, "rps": rps, "p50_us": 5e3, "p95_us": 2e4,
                    "p99_us": p99_ms * 1e3, "ok": int(rps * 6), "limited": 0, "client_errors": 0,
                    "server_errors": 0, "socket_errors": 0, "timeouts": 0, "cpu_us": cpu_us}
    return group


def test_the_cpu_ratio_is_the_bare_pages_cost_over_the_groups():
    bare = [_group("bare Flask page, before", "baseline", 4000.0, 350.0),
            _group("bare Flask page, after", "baseline", 5000.0, 450.0)]
    question = _group("question pages, GET and POST, with cookie", "page", 2000.0, 800.0)
    rows = table([question, *bare], ratio_to=4500.0, cpu_of=400.0)
    assert rows[0].endswith("| req/s vs bare page | server CPU µs/req | bare page's CPU over it |")
    # 2,000 of 4,500 requests a second; 400 µs of the bare page's work over the 800 a question costs.
    assert rows[2].endswith("| 0.44× | 800 | 0.50× |")
    assert rows[3].endswith("| 0.89× | 350 | 1.14× |")


def test_the_verdict_is_on_requests_a_second_and_states_the_cpu_ratio_beside_it():
    bare = [_group("bare Flask page, before", "baseline", 4000.0, 400.0),
            _group("bare Flask page, after", "baseline", 4000.0, 400.0)]
    short = _group("question pages, GET and POST, with cookie", "page", 1800.0, 780.0)
    (line, *_) = verdicts([short], [short], bare)
    assert "**missed**" in line
    assert "serve 0.45×" in line
    assert "cost 780 µs against the bare page's 400: 0.51×" in line
    enough = _group("question pages, GET and POST, with cookie", "page", 2100.0, 900.0)
    (line, *_) = verdicts([enough], [enough], bare)
    assert "**met**" in line
    assert "serve 0.53×" in line
    assert "bare page's 400: 0.44×" in line
