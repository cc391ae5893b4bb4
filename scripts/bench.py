"""`make bench`: measure the engine, the packet and clinic mode, and write docs/performance.md.

Benchmarks report; they never pass or fail. Tests don't assert wall-clock times.
"""

import platform
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from scripts import bench_clinic, bench_engine, bench_packet, bench_records

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"


def _page_weights() -> dict:
    from webapp import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    with client.get("/static/css/site.css") as response:
        css = len(response.data)
    from tests.web.journey import walk
    from tests.web.test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS

    weights = {}
    from webapp import languages

    for lang in languages.CODES:
        client = app.test_client()
        for url in (f"/{lang}/", f"/{lang}/check/1/county", f"/{lang}/check/1/section"):
            weights[url] = len(client.get(url).data)
        walk(client, lang, [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS, check=False)
        for url in (f"/{lang}/check/answers", f"/{lang}/results", f"/{lang}/petition"):
            weights[url] = len(client.get(url).data)
    return {"css": css, "pages": weights}


def _kept_sections() -> str:
    """Sections other runs write (``make load``) between markers survive a new ``make bench``."""
    if not DOC.exists():
        return ""
    pattern = re.compile(r"\n<!-- (\w+):start -->.*?<!-- \1:end -->\n", flags=re.S)
    return "".join(match.group(0) for match in pattern.finditer(DOC.read_text()))


def main() -> None:
    engine = bench_engine.run()
    packet = bench_packet.run()
    clinic = bench_clinic.run()
    weights = _page_weights()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (scripts/bench.py). Figures are measurements on the machine named below,",
        "not assertions: tests never check wall-clock times.",
        "",
        f"- Measured: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit `{commit}`",
        f"- Machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
        "one process on one core",
        "",
        "## Eligibility engine",
        "",
        "| measure | figure |",
        "| --- | --- |",
    ]
    lines += [f"| {key} | {value} |" for key, value in engine.items()]
    lines += ["", "## Petition packet (WeasyPrint)", "", "| measure | figure |", "| --- | --- |"]
    lines += [f"| {key} | {value} |" for key, value in packet.items()]
    lines += ["", "## Clinic mode", "", "| measure | figure |", "| --- | --- |"]
    lines += [f"| {key} | {value} |" for key, value in clinic.items()]
    lines += [
        "",
        "## Page weights",
        "",
        f"HTML bytes per page, uncompressed; the stylesheet adds {weights['css']:,} bytes to each. Budget: "
        "30 kB with the CSS. No page uses JavaScript.",
        "",
        "| page | HTML bytes | with CSS |",
        "| --- | --- | --- |",
    ]
    lines += [f"| `{url}` | {size:,} | {size + weights['css']:,} |" for url, size in weights["pages"].items()]
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text("\n".join(lines) + "\n" + _kept_sections())
    print("\n".join(lines))
    bench_records.main()  # its own section, in docs/performance.md and docs/records.md


if __name__ == "__main__":
    main()
