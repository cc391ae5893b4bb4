"""The "Load" section of docs/performance.md: tables, the aims judged, between markers that
scripts/bench.py keeps when it rewrites the rest of the file."""

from __future__ import annotations

import os
import platform
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from scripts.load_drivers import ROOT, Group

DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- load:start -->", "<!-- load:end -->"
FAST = ("page", "api", "static")  # judged against the 100 ms p99


def errors(group: Group) -> int:
    """Socket errors, timeouts, 5xx, unexpected 4xx, and any 429 but the hammering client's."""
    r = group.result
    unexpected_limits = 0 if group.kind == "abuse" else r["limited"]
    return r["socket_errors"] + r["timeouts"] + r["server_errors"] + r["client_errors"] + unexpected_limits


def bare_rps(bare: list[Group]) -> float:
    return sum(g.result["rps"] for g in bare) / len(bare)


def bare_cpu(bare: list[Group]) -> float:
    """The bare page's server CPU per request (µs), the mean of its runs."""
    return sum(g.result["cpu_us"] for g in bare) / len(bare)


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def _ms(us: float) -> str:
    return f"{us / 1000:.1f}"


def table(groups: list[Group], *, ratio_to: float | None = None, cpu_of: float | None = None) -> list[str]:
    """One row a group; with ``ratio_to`` (the bare page's req/s) each group's share of it, and
    with ``cpu_of`` (its server CPU per request) the server CPU each request cost and the bare
    page's cost over it, so that 0.5× means twice the bare page's work by either measure."""
    header = "| endpoint group | clients | req/s | p50 ms | p95 ms | p99 ms | errors | 429 |"
    rule = "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    if ratio_to:
        header, rule = header + " req/s vs bare page |", rule + " ---: |"
    if cpu_of:
        header, rule = header + " server CPU µs/req | bare page's CPU over it |", rule + " ---: | ---: |"
    lines = [header, rule]
    for g in groups:
        r = g.result
        row = (f"| {g.name} | {g.connections} | {r['rps']:,.1f} | {_ms(r['p50_us'])} | {_ms(r['p95_us'])} | "
               f"{_ms(r['p99_us'])} | {errors(g)} | {r['limited']:,} |")
        if ratio_to:
            row += f" {r['rps'] / ratio_to:.2f}× |"
        if cpu_of:
            row += f" {r['cpu_us']:,.0f} | {cpu_of / r['cpu_us']:.2f}× |"
        lines.append(row)
    return lines


def verdicts(mix: list[Group], alone: list[Group], bare: list[Group]) -> list[str]:
    baseline = bare_rps(bare)
    pages = [g for g in alone if g.kind == "page"]
    # The measure: the question page against a bare page of the same weight.
    question = next(g for g in pages if g.name.startswith("question pages"))
    ratio = question.result["rps"] / baseline
    weakest = min(pages, key=lambda g: g.result["rps"])
    worst = max((g for g in mix if g.kind in FAST), key=lambda g: g.result["p99_us"])
    worst_alone = max((g for g in alone if g.kind in FAST), key=lambda g: g.result["p99_us"])
    runs = [*mix, *alone, *bare]
    total_errors = sum(errors(g) for g in runs)
    lines = [
        f"- Question pages at least half the bare page's throughput: {verdict(ratio >= 0.5)}. Alone at 32 "
        f"clients they serve {ratio:.2f}× the requests per second of a bare page of the same weight"
        + ("." if ratio >= 0.5 else f": {(0.5 - ratio) / 0.5:.0%} short of 0.5×.")
        + f" The slowest page group, {weakest.name}, serves {weakest.result['rps'] / baseline:.2f}×."
        + f" By the server's CPU (every process of it, user and system) a question request cost "
        f"{question.result['cpu_us']:,.0f} µs against the bare page's {bare_cpu(bare):,.0f}: "
        f"{bare_cpu(bare) / question.result['cpu_us']:.2f}×.",
        f"- p99 under 100 ms: {verdict(worst.result['p99_us'] < 100_000)} in the mix (worst "
        f"{_ms(worst.result['p99_us'])} ms, {worst.name}); {verdict(worst_alone.result['p99_us'] < 100_000)} "
        f"for each page alone (worst {_ms(worst_alone.result['p99_us'])} ms).",
        f"- Zero errors: {verdict(total_errors == 0)}: {total_errors} in "
        f"{sum(g.result['requests'] for g in runs):,} requests.",
    ]
    for group in (g for g in mix if g.kind == "abuse"):
        r = group.result
        # The limit counts forms (webapp/limits.py: a one-case packet is 2 of PACKET_RATE_LIMIT's 60 a
        # minute, at most 2 renders at once): held when the hammering client never got more than that.
        allowed = 30 * max(1, round(r.get("seconds", 60) / 60))
        held = r["ok"] <= allowed and r["server_errors"] == 0
        lines.append(f"- Packet rate limit under load: {verdict(held)}: the hammering client got {r['ok']} "
                     f"packets (at most {allowed} allowed), {r['limited']:,} answers of 429 and no 5xx.")
    return lines


def beside_verdict(beside: list[Group]) -> list[str]:
    """Judged on the median of the runs' p99s (the runs alternate pages, packets)."""
    runs = list(zip(beside[::2], beside[1::2], strict=True))
    p99s = sorted(pages.result["p99_us"] for pages, _ in runs)
    median = p99s[len(p99s) // 2]
    pages, packets = runs[0]
    made = sum(p.result["ok"] for _, p in runs)
    seconds = sum(p.result["duration_us"] for _, p in runs) / 1e6
    each = ", ".join(f"{_ms(pages.result['p99_us'])}" for pages, _ in runs)
    return [f"- Question pages' p99 under 100 ms at {pages.connections} connections while "
            f"{packets.connections} clients download packets without pause: {verdict(median < 100_000)} "
            f"(median of {len(runs)} runs {_ms(median)} ms; the runs: {each} ms; {made} packets made "
            f"meanwhile, {made / seconds:.2f} a second)."]


def section(mix: list[Group], alone: list[Group], bare: list[Group], settings: dict,
            notes: list[str], analysis: str, beside: list[Group]) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    total = sum(g.result["requests"] for g in mix) / settings["duration"]
    people = sum(g.connections for g in mix if g.kind == "packet")
    lines = [
        START,
        "## Load",
        "",
        "Written by `make load` (scripts/load.py; wrk with load/wrk_mix.lua): the Procfile's web command "
        "(gunicorn with `webapp/gunicorn_conf.py`, `CRR_ENV=production`) on 127.0.0.1.",
        "",
        f"- Measured: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit `{commit}`, {os.cpu_count()} cores "
        f"({platform.machine()}) shared by server, wrk and other work (load average "
        f"{os.getloadavg()[0]:.2f} at the end).",
        f"- The mix: {sum(g.connections for g in mix)} clients at once for {settings['duration']} s, "
        f"{total:,.0f} requests/s in all. Pages, stylesheet and eligibility API: one wrk per group, "
        f"requests back to back. Packets: {people} people each downloading one every "
        f"{settings['packet_pace_s']:g} s from a new address, and one client hammering the packet API "
        "from a single address every 50 ms.",
        f"- Each group alone: 32 clients, {settings['alone_duration']} s each, one after the other.",
        f"- The bare page: scripts/bare_app.py under the same gunicorn settings, 32 clients, "
        f"{settings['baseline_duration']} s before everything and again after; ratios use the mean.",
        "- Latency runs from sending the request to the last byte back. Errors: socket errors, "
        "timeouts, 5xx, unexpected 4xx, and any 429 but the hammering client's.",
        "",
        "### The mix",
        "",
        *table(mix),
        "",
        "### Each group alone, and the bare page",
        "",
        *table([*alone, *bare], ratio_to=bare_rps(bare), cpu_of=bare_cpu(bare)),
        "",
        f"### Question pages beside packet downloads ({settings['beside_duration']} s a run)",
        "",
        *table(beside),
        "",
        "### Aims",
        "",
        *beside_verdict(beside),
        *verdicts(mix, alone, bare),
        *notes,
        "",
        analysis.strip(),
        END,
    ]
    return "\n".join(lines)


def write(text: str, doc: Path = DOC) -> None:
    """Replace the section between its markers, or append it; the rest of the file is untouched."""
    doc.parent.mkdir(exist_ok=True)
    current = doc.read_text() if doc.exists() else "# Performance\n"
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), flags=re.S)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text, current)
    else:
        updated = current.rstrip("\n") + "\n\n" + text + "\n"
    doc.write_text(updated)
