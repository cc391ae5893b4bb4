"""`make load`: the production server under a realistic mix, against a bare Flask page, on loopback.

1. Starts the Procfile's web command (pybabel compile, then gunicorn with CRR_ENV=production and
   webapp/gunicorn_conf.py) on 127.0.0.1 with a throwaway SECRET_KEY, and the bare page
   (scripts/bare_app.py) under the same gunicorn settings.
2. Bare page, 32 clients. Then one journey answered over HTTP for a real answers cookie and form
   token, and the mix: 32 clients at once (MIX), one wrk per group for back-to-back traffic and
   paced Python clients for packet downloads. Then each page group alone at 32 clients, and two
   unjudged floors (the answers alone, /healthz). Then the bare page again: the machine is
   shared, and two baseline runs show how much its load moved. Every phase but the mix starts
   once the servers have fallen quiet. wrk's clients keep the cookie the server sets, as a
   browser does.
3. On a server with the packet limit lifted, three runs of 30 connections on question pages
   while two clients download packets back to back (the issue's test, judged on the median).
4. Writes the "Load" section of docs/performance.md between its markers (scripts/bench.py keeps it).

About 4 minutes. Only 127.0.0.1 is contacted. `python -m scripts.load --duration 10 --no-write` for
a quick look; `--gunicorn-args "--workers 4"` to try other server settings.
"""

from __future__ import annotations

import argparse
import json
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from scripts.load_drivers import BIN, ROOT, Group, Server, free_port, procfile_web, run_groups
from scripts.load_report import DOC, section, write

# The journey the load answers: two convictions in two counties, both with something to file.
FRESNO = {"county": "fresno", "section": "11357", "level": "misdemeanor", "offense_date": "2012",
          "age_at_offense": "21_plus", "amount": "within_personal_limit", "concentrated": "no",
          "school_grounds": "no", "sentence": "completed"}
ALAMEDA = {"county": "alameda", "section": "11359", "level": "felony", "offense_date": "2015",
           "age_at_offense": "21_plus", "sale_to_minor": "no", "used_minor": "no",
           "prior_same_offense_convictions": "0", "sentence": "serving"}
PERSON = {"prior_super_strike": "no", "sex_offender_registrant": "no"}
NAME, CASES = "Loadtest Example-Person", ("F12-LOAD01", "AL-LOAD02")
SCREENING = {
    "person": PERSON,
    "convictions": [{**FRESNO, "case_number": CASES[0], "offense_date": "2012-03-01"},
                    {**ALAMEDA, "case_number": CASES[1], "offense_date": "2015-06-30",
                     "prior_same_offense_convictions": 0}],
}
PACKET_BODY = json.dumps({"screening": SCREENING, "petitioner": {"name": NAME, "city": "Fresno"}})

# Clients per group in the mix: 27 back-to-back, plus 4 packet downloaders and 1 hammering client.
MIX = {"start": 4, "questions": 10, "results": 6, "static": 2, "api": 5}
ALONE = 32
# A packet costs 0.3 to 0.7 s of CPU and holds a sync worker that long, so the packet rate decides
# what is left for the pages. Four people at this pace make 0.4 packets a second (1,440 an hour),
# far above any real day; the hammering client adds what the rate limit lets through.
PACKET_PACE_S = 10
BESIDE_PAGES, BESIDE_PACKETS = 30, 2
BESIDE_RUNS = 3

ANALYSIS = """
How to read these figures (written by hand on 2026-12-01 and 2026-12-02; re-check it when the design changes):

- **Packets apart from pages.** gunicorn runs threaded workers (2 x 16 threads); every PDF is
  rendered in one child process per worker (webapp/packet/render_pool.py), at a lower CPU
  priority, and at most RENDER_SLOTS renders run at once across the workers (default every core
  but one: one on this machine), so two packet clients can no longer take both cores. One
  deadline covers waiting for a slot and rendering (RENDER_TIMEOUT_SECONDS, 25 s); after it the
  render is stopped and the person gets a translated 503. A page thread waiting on a render holds
  no GIL, so pages on the same worker go on. The "beside" runs are the issue's test: 30
  connections on question pages while two people download packets back to back. Packets got
  cheaper (the checklist is laid out once per process), so more of them are made in those runs
  and they take more of the cores than before.
- **The bare page** (scripts/bare_app.py) renders a cached Jinja template padded to the byte size
  of the run's first question page, under the same gunicorn settings: no cookie, no CSRF, no
  translations, no security headers.
- **What the page/bare ratio can reach.** The two unjudged floor rows bound it. /healthz with
  the answers cookie draws no page, yet pays what every page pays: the encrypted cookie opened,
  the security headers, the request handling of Flask-WTF and Flask-Babel. A question page then
  adds its path, its form and its template; an answer adds the CSRF check, the cookie
  re-encrypted and the path computed twice. Counted in CPU instructions (callgrind, exact from
  run to run, unlike times on this machine), in the process alone the load's 21 question pages
  cost 5.82M a page and its 20 answers 3.86M at the start of 2026-12-01's second session, 4.69M
  and 3.47M on 2026-12-02 (the lazy sentences read through the request's catalog, the language
  menu and the path's steps made of plain tuples, the fixed links built once, Jinja's templates
  given a plain copy of the globals, the cookie compressed with a small zlib window), 4.44M and
  2.97M later that day (the path's rules read one view of each conviction, whose shared facts
  are worked out once: an answer computes the path twice and prunes it once), then 4.28M and
  2.95M (the hottest reads of request and g made on the objects, not through werkzeug's
  proxies: each proxy read first fails a plain attribute lookup, about 5,800 instructions);
  /healthz
  with the cookie costs 0.95M and the bare page 0.79M. Counted in a real gunicorn worker (one
  thread, callgrind over 200 requests on one connection), gunicorn adds about 1.1M to every
  request: a question page cost 5.90M, an answer 4.87M (before the zlib window), the bare page
  1.86M. With the last counts that predicts 0.39x; make load measured 0.36x twice on the path
  change and 0.43x once more after the proxy change (0.26x to 0.37x before): one run's ratio is
  good to a few hundredths. For 0.5x a page and an answer would have to cost about 3.7M on
  average in the worker, so about 2.6M in the process: 27% less than now (3.63M), where no
  single cost left is over a tenth (Jinja's calls and escaping, WTForms, the CSRF token signed
  and checked, Fernet, werkzeug's routing, the 56 proxy reads a page has left, 44 of them
  inside Flask, Flask-WTF and Flask-Babel; each a few per cent; the path's rules are now about
  4% of a page and 10% of an answer).
  On 2026-12-03, with the harness keeping the cookie the server sets as wrk does (so a page
  view no longer re-encrypts it): 4.46M a page and 3.21M an answer, then 3.69M and 3.10M. The
  page's chrome (head links, header and language menu, footer sentences) is drawn once per
  language and route and kept (webapp/page_chrome.py: -0.43M a page); the security headers are
  added as plain pairs by a WSGI middleware, not through werkzeug's Headers (-0.14M a page,
  -0.18M an answer); the signed form token is kept in the answers cookie instead of being signed
  again on every page (-0.20M a page; +0.07M an answer, whose cookie is 100 bytes longer).
  Then make load on a new machine, back to back: the commit before these three changes
  (e1f012d) served question pages at 1,451 requests a second, 0.32x its bare page (4,575); with
  them (d3658e5), 1,545, 0.35x (bare 4,391); start pages 0.41x to 0.46x. This machine's bare page
  is half as fast again as the last one's (2,772) while the question pages gained a quarter, so
  the same code's ratio fell from 0.43x to 0.32x by the machine alone: the ratio is a property of
  the machine as much as of the code, and the instruction counts are the steadier measure.
  Then the question page itself kept (webapp/kept_pages.py): drawn once per address and
  language with holes for the person's parts (form token, Back and form addresses, caption,
  question number, which choice is ticked), each view joining the kept pieces with its own
  values: 3.66M a page to 2.45M (-33%); an answer unchanged (3.10M). make load, same machine:
  question pages 1,545 to 1,836 requests a second, 0.35x to 0.37x (bare 4,391 then 4,927); the
  pages alone now cost about what the answers alone do (0.36x), so the rest of the gap is the
  answer's (Flask-WTF's token check, the cookie opened and sealed again, the path, the redirect)
  and the request handling every page pays (/healthz with the cookie, 0.75x).
  Then the answers and the rest of the question pages, each change counted the same way: a
  posted form token equal to the one the cookie keeps signed is taken without itsdangerous
  checking its signature again (form_token.KeptTokenProtect; an answer 3.23M to 2.95M); a
  conviction's caption made once per language and answers (a page 2.57M to 2.42M); a kept page
  served without building its WTForms form (2.24M), and an answer plainly among the choices
  stored without it (2.84M); an answer finds the next page on the path its pruning worked out
  (2.68M); the courthouse, city and section-worded pages kept too, apart for each county and
  section (2.04M); a request's first catalog taken from what the first request in its language
  found instead of Flask-Babel's whole lookup (1.91M). In all a page 2.57M to 1.91M (-26%) and
  an answer 3.23M to 2.68M (-17%); /healthz with the cookie costs 1.13M in this harness. make
  load, three runs the same afternoon: question pages 2,177 requests a second (0.46x, before
  the catalog change), then 1,968 (0.43x) and 2,141 (0.47x) on the same code, against 1,836
  (0.37x) that morning; the answers alone 0.41x to 0.42x. Two runs of one commit differ by 0.04,
  as much as the last change bought, so one run's ratio is good to a few hundredths at best.
  What is left is spread thin: Fernet opening and sealing the cookie (0.10M a view, 0.23M an
  answer: 5% and 9%, kept because the project chose Fernet, reference/style.md, over a token
  format of our own), werkzeug's form parsing and routing, Flask's request handling, the path's
  rules (about 0.24M a page).
- **Where a request's time goes in the worker** (2026-12-03, on b983299, measured in the
  real gunicorn workers as thread CPU time around the app and around gunicorn's handling, one
  trial build, 32 clients). Counted in instructions (callgrind, one worker, one thread), the
  question group costs 3.32M a request in the worker and the bare page 1.87M: 0.56x, where
  requests a second give 0.43x to 0.50x. The difference is how fast the same instructions run:
  the app's own code (the WSGI call) took 540 us a request in the worker against 365 us alone
  in one process, the bare page's 155 against 130; gunicorn's handling around it 295 us against
  the bare page's 200 (the site's requests and responses are larger: the cookie, sixteen headers
  each checked by gunicorn). By request: bare page 358 us in all, /healthz with the cookie 517,
  a question page 724, an answer 964. Measured by taking one part away at a time: Fernet 40 us a
  request (5%), zlib 27 us (3%, and it hands Python's lock to another thread on every call).
  Neither is worth what it buys: Fernet is the project's choice (reference/style.md), and the
  compressed cookie is what a phone sends with every request. What is shared counts against the
  ratio: sampled (py-spy, while holding Python's lock), gunicorn's access log was 17% of the
  site's worker and 24% of the bare page's, so making it cheaper (AccessLogger, done for its
  privacy: 10 to 20 us a question request) speeds both, the bare page more. make load at
  15:23 UTC (8df5625, with AccessLogger) bore it out: question pages 2,141 to 2,252 requests a
  second, the bare page 4,575 to 5,314, so the ratio went from 0.47x to 0.42x with the site
  faster; by server CPU 794 us a question request against the bare page's 333 (0.42x). So the
  ratio of requests a second is bounded by gunicorn's own cost per request as much as by ours;
  the server CPU per request (the table's last two columns, new in this run) is the steadier
  figure for the code, as it leaves out wrk's share of the cores.
- **The heaviest pages.** Check answers and results cost the most per request (in the process,
  2026-12-02: 11.6M and 12.5M instructions, against 4.7M for a question page). Their sentences
  now read the request's remembered catalog, the engine's citations are translated once per
  language, each county's free-help block is drawn once per language for all 58 counties, and
  check answers builds its change links without url_for's query encoding: 9.3M and 7.8M (9.0M
  and 7.6M once the path's rules shared their facts). Alone
  at 32 clients the group went from 383 to 839 requests a second (0.16x to 0.24x a bare page
  that was itself faster that run), and its p99 in the mix from 114.5 to 81.1 ms.
- **Connections spread over the workers.** The two workers share one listening socket, and a
  burst of new connections used to go to whichever was awake first: wrk's 32 connections split
  33/1 or 30/4 about one time in five, and with one worker's threads on one core (the GIL) the
  other core went idle for the whole phase, halving what it measured (497 against 1,000-1,200
  requests/s in one trial). Workers now leave a new connection to a less loaded one for up to
  20 ms (webapp/gunicorn_worker.py): worst split 11/23 in ten bursts.
- **No worker recycling in the run.** Deployed, a worker is replaced after about 50,000 requests.
  This run sends over 200,000 in four minutes, so each worker restarted about twice, two to
  three seconds of boot inside a six-second phase, and it fell in the question pages' phase in
  the four runs before this was changed. The run sets MAX_REQUESTS=0 and counts the restarts.
- **The render priority trades pages against packets.** Render children run at nice 5
  (RENDER_NICENESS). A trial the same evening with RENDER_NICENESS=10 met the beside aim (median
  86.8 ms; runs 77.4, 97.6, 86.8) but 6 packets in the overloaded mix waited past the 25 s
  deadline and got the 503, where nice 5 made every packet (0 errors). A person's packet that
  fails costs more than a question page 20 ms slower at the 99th percentile, so nice 5 stays.
- **How it is measured.** Every phase but the mix starts once the servers have fallen quiet (a
  render queued by the mix used to run on into the groups alone, and the render children warming
  up into the first bare run). wrk's clients keep the cookie the server sets, as a browser does:
  replaying the first cookie forever made the server re-encrypt it on every request once it was a
  minute old. The beside test is run three times and judged on the median.
- **Noise.** On a shared machine the load average in the header matters more than any figure:
  with other work on the cores, p99s and ratios move by several times between runs (the two bare
  runs and the three beside runs show how much). Judge the aims from a run on a quiet machine.
  On 2026-12-01 late evening the machine itself was slower: WeasyPrint's one-line floor took
  57 ms against 10.9 ms earlier that day, so packets took five times as long, and in the mix
  (32 page clients on two cores, renders at nice 5) up to seven packets a run waited past the
  25 s deadline; the same mix made every packet in the afternoon's runs. On 2026-12-02 early
  morning it was slower still (the floor 84.8 ms, a one-case packet 770 ms) and the mix again
  had seven packets past the deadline. At 04:30 the same morning the floor was 52.7 ms and the
  bare page served 3,450 requests a second against 2,430 at 01:45, while the question pages'
  instruction counts had not moved (4.68M and 3.51M): their ratio fell to 0.26x from 0.31x
  without any change of theirs, which is how far the ratio alone can be trusted from one run.
  At 06:00 the floor was 14.3 ms, yet every server served less than at 04:30 (the bare page
  2,150 to 2,980 requests a second, /healthz 1,820 to 1,940 against 2,527): the ratios held
  (question pages 0.36x in two runs), the p99s did not (check answers and results alone 122 and
  127 ms against 100 ms at 04:30, with fewer instructions; the beside median 92.6, then 99.5 ms).
"""


def answered_session(base: str) -> dict:
    """A finished journey's cookie, form token and the question pages it went through."""
    from tests.evidence.clients import HttpClient, TokenClient
    from tests.web.journey import walk

    http = HttpClient([base])
    client = TokenClient(http)
    asked = walk(client, "en", [FRESNO, ALAMEDA], PERSON, check=False)
    if client.get("/en/petition").status_code != 200:
        raise RuntimeError("the journey did not reach the details page")
    first = asked[0]
    page = client.get(f"/en/check/{first[0]}/{first[1]}" if first[0] else f"/en/check/about-you/{first[1]}")
    html = page.get_data(as_text=True)
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', html).group(1)
    return {"cookie": http.cookie, "token": client.token, "asked": asked,
            "page_bytes": len(html.encode()), "stylesheet": stylesheet}


def question_requests(session: dict) -> list[dict]:
    """The journey's question pages: each viewed, then answered (with the session's cookie)."""
    cookie = {"Cookie": f"crr={session['cookie']}"}
    form = {**cookie, "Content-Type": "application/x-www-form-urlencoded"}
    questions = []
    for n, question in session["asked"]:
        path = f"/en/check/{n}/{question}" if n else f"/en/check/about-you/{question}"
        value = ([FRESNO, ALAMEDA][n - 1] if n else PERSON).get(question)
        questions.append({"method": "GET", "path": path, "headers": cookie})
        if value is not None:  # a person views the page, then answers it
            body = urlencode({question: value, "csrf_token": session["token"]})
            questions.append({"method": "POST", "path": path, "headers": form, "body": body})
    return questions


def page_groups(session: dict, clients: dict) -> list[Group]:
    cookie = {"Cookie": f"crr={session['cookie']}"}
    return [
        Group("start pages (/, /en/, /es/)", "page", clients["start"],
              [{"method": "GET", "path": p, "headers": {}} for p in ("/en/", "/es/", "/")]),
        Group("question pages, GET and POST, with cookie", "page", clients["questions"],
              question_requests(session)),
        Group("check answers and results, with cookie", "page", clients["results"],
              [{"method": "GET", "path": p, "headers": cookie}
               for p in ("/en/check/answers", "/en/results", "/es/results", "/es/check/answers")]),
        Group("stylesheet (content-hashed name, gzip)", "static", clients["static"],
              [{"method": "GET", "path": session["stylesheet"], "headers": {"Accept-Encoding": "gzip"}}]),
        Group("eligibility API", "api", clients["api"],
              [{"method": "POST", "path": "/api/v1/eligibility",
                "headers": {"Content-Type": "application/json"}, "body": json.dumps(SCREENING)}]),
    ]


def floor_groups(session: dict) -> list[Group]:
    """Not judged: what the site costs before any page is drawn. The question group's answers
    alone (each renders no template: a redirect), and /healthz, which pays only the request
    handling every page pays (the answers cookie opened and refreshed, security headers, the
    form-token check), so the page/bare ratio can be read against its ceiling."""
    cookie = {"Cookie": f"crr={session['cookie']}"}
    answers = [r for r in question_requests(session) if r["method"] == "POST"]
    return [
        Group("question answers only (POST, a redirect: no page drawn)", "floor", ALONE, answers),
        Group("/healthz with the answers cookie (no page at all)", "floor", ALONE,
              [{"method": "GET", "path": "/healthz", "headers": cookie}]),
    ]


def packet_groups(session: dict) -> list[Group]:
    form = {"Cookie": f"crr={session['cookie']}", "Content-Type": "application/x-www-form-urlencoded"}
    petition = urlencode({"csrf_token": session["token"], "name": NAME, "case_number-1": CASES[0],
                          "case_number-2": CASES[1]})
    api = {"method": "POST", "path": "/api/v1/packet", "headers": {"Content-Type": "application/json"},
           "body": PACKET_BODY}
    pace = PACKET_PACE_S * 1000
    return [
        Group(f"packet API (a new person every {PACKET_PACE_S} s)", "packet", 2, [api],
              pace_ms=pace, address="rotate"),
        Group(f"petition form packet (a new person every {PACKET_PACE_S} s)", "packet", 2,
              [{"method": "POST", "path": "/en/petition", "headers": form, "body": petition}],
              pace_ms=pace, address="rotate"),
        Group("packet API, one client hammering (429 expected)", "abuse", 1, [api],
              pace_ms=50, address="192.0.2.66"),
    ]


def beside_groups(session: dict) -> list[Group]:
    """Issue 13's test: 30 connections on question pages while two clients download packets
    back to back (the server's packet limit is lifted for this run so they never pause)."""
    questions = Group(f"question pages beside {BESIDE_PACKETS} packet downloads without pause", "page",
                      BESIDE_PAGES, question_requests(session))
    api = {"method": "POST", "path": "/api/v1/packet", "headers": {"Content-Type": "application/json"},
           "body": PACKET_BODY}
    # Two people (their own addresses): one address may have no more renders running at once
    # than the server has render slots (webapp/limits.py), and a 429 is not a download.
    return [questions, Group("packet API, back to back", "packet", BESIDE_PACKETS, [api], pace_ms=1,
                             address="rotate")]


def privacy_notes(log: Path) -> list[str]:
    """The server log of the whole run holds no name, case number or answer."""
    text = log.read_text(errors="replace")
    leaked = [s for s in (NAME, *CASES, "within_personal_limit", "21_plus", "alameda", "fresno") if s in text]
    return [f"- Server log of the run: {text.count(chr(10)):,} lines; names, case numbers or answers in it: "
            + (", ".join(leaked) if leaked else "none") + "."]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of the mix (default 60)")
    parser.add_argument("--alone-duration", type=int, default=6, help="seconds of each group alone")
    parser.add_argument("--baseline-duration", type=int, default=15,
                        help="seconds of the bare page, before and again after (default 15)")
    parser.add_argument("--beside-duration", type=int, default=20,
                        help="seconds of each run of question pages beside back-to-back packets "
                             f"(default 20; {BESIDE_RUNS} runs)")
    parser.add_argument("--gunicorn-args", default="", help="GUNICORN_CMD_ARGS for both servers (trials)")
    parser.add_argument("--no-write", action="store_true", help="print the section, leave the doc alone")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        print("wrk is missing: `make load` installs it (apt-get install wrk)", file=sys.stderr)
        return 2
    port, bare_port = free_port(), free_port()
    before, env, argv_app = procfile_web(port)
    for command in before:  # the Procfile's own preparation: compile the catalogs
        subprocess.run([str(BIN / command[0]), *command[1:]], cwd=ROOT, check=True, capture_output=True)
    extra = {"GUNICORN_CMD_ARGS": args.gunicorn_args} if args.gunicorn_args else {}
    # As deployed behind the platform's router: one trusted hop, so each simulated person (their own
    # X-Forwarded-For) has their own allowance, and the hammering client shares one address.
    # No worker recycling during the run (gunicorn_conf.py recycles a worker after about 50,000
    # requests): this run sends 200,000 or more in four minutes, a day's traffic, so each worker
    # restarted about twice, each time two to three seconds of boot inside a six-second phase
    # (it landed in the question pages' phase in four runs out of four).
    extra = {"MAX_REQUESTS": "0", **extra}
    env = {**env, "SECRET_KEY": secrets.token_urlsafe(32), "TRUSTED_PROXY_HOPS": "1", **extra}
    _, _, argv_bare = procfile_web(bare_port)
    argv_bare[-1] = "scripts.bare_app:app"
    page = [{"method": "GET", "path": "/", "headers": {}}]
    bare = [Group(f"bare Flask page, {when}", "baseline", ALONE, page) for when in ("before", "after")]
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "server.log"
        with Server(argv_app, env, log, port) as server:
            session = answered_session(server.base)
            # The bare page weighs what a question page weighs, so the ratio compares like with like.
            bare_env = {**extra, "BARE_PAGE_BYTES": str(session["page_bytes"])}
            with Server(argv_bare, bare_env, Path(folder) / "bare.log", bare_port) as bare_server:
                # Every measured phase but the mix starts on quiet servers: without this, the
                # site's render children warming up ran beside the first bare run, and packets
                # the mix had queued went on rendering through the groups alone (both halved
                # what was measured there, once in the site's favour and once against it).
                waits = []

                def quietly(group: Group, target: Server, seconds: int) -> None:
                    waits.append(max(server.settle(), bare_server.settle()))
                    # What the server's processes spent on the group's requests: unlike requests
                    # a second, it does not count wrk's share of the cores.
                    before = target.cpu_seconds()
                    run_groups([group], target.base, seconds)
                    spent = target.cpu_seconds() - before
                    group.result["cpu_us"] = spent * 1e6 / max(1, group.result["requests"])

                quietly(bare[0], bare_server, args.baseline_duration)
                mix = page_groups(session, MIX) + packet_groups(session)
                run_groups(mix, server.base, args.duration)
                alone = page_groups(session, dict.fromkeys(MIX, ALONE)) + floor_groups(session)
                for group in alone:
                    quietly(group, server, args.alone_duration)
                quietly(bare[1], bare_server, args.baseline_duration)
        # A server with the packet limit lifted: two clients download without a pause.
        unlimited = {**env, "PACKET_RATE_LIMIT": "100000 per minute"}
        beside_port = free_port()
        _, _, argv_beside = procfile_web(beside_port)
        with Server(argv_beside, unlimited, Path(folder) / "beside.log", beside_port) as server:
            # Several runs, each reported: one 20 s run's p99 moved between 76 and 114 ms on this
            # machine from one run to the next, so the aim is judged on their median.
            beside_session = {**session, **answered_session(server.base)}
            beside = []
            for run in range(1, BESIDE_RUNS + 1):
                groups = beside_groups(beside_session)
                for group in groups:
                    group.name += f" (run {run})"
                waits.append(server.settle())
                run_groups(groups, server.base, args.beside_duration)
                beside += groups
        notes = privacy_notes(log)
        restarts = sum(path.read_text(errors="replace").count("Autorestarting worker")
                       for path in Path(folder).glob("*.log"))
        notes.append(f"- Worker restarts during the run: {restarts} (MAX_REQUESTS=0 on every server of this"
                     " run; deployed, a worker is recycled after about 50,000 requests).")
    notes.append(f"- The bare page weighs {session['page_bytes']:,} bytes, as the first question page does.")
    notes.append(f"- Before each phase but the mix, the servers were left to fall quiet (under 5% of a core "
                 f"for a second): {min(waits):.0f}–{max(waits):.0f} s of waiting.")
    if args.gunicorn_args:
        notes.append(f"- Trial settings: GUNICORN_CMD_ARGS={args.gunicorn_args!r} on both servers.")
    settings = {"duration": args.duration, "alone_duration": args.alone_duration,
                "baseline_duration": args.baseline_duration, "packet_pace_s": PACKET_PACE_S,
                "beside_duration": args.beside_duration}
    text = section(mix, alone, bare, settings, notes, ANALYSIS, beside)
    print(text)
    if not args.no_write:
        write(text)
        print(f"\nwritten to {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
