"""Rendering is limited per client address and weighted by what it costs (webapp/limits.py): a
packet costs one form plus one per conviction. Over the limit a person gets a clear, translated
429, before any rendering, and nothing they answered or typed is lost.

The limit logic does not care what the PDF looks like, so rendering is replaced by a stub here:
these tests stay fast while the real renderer is covered by tests/packet and the fuzz suites.
"""

import multiprocessing
import sqlite3

import pytest

import webapp.clinic.packets
import webapp.packet
import webapp.packet.views
from webapp import create_app, limits
from webapp.limits import DEFAULT_CLINIC_RATE_LIMIT, DEFAULT_PACKET_RATE_LIMIT, RENDER_BUDGET
from webapp.security import HEADERS

from ..conftest import TEST_SECRET
from ..packet.conftest import CLEAN, FRESNO_APPLICATION, PETITIONER
from ..web.journey import walk
from ..web.pages import check_page
from ..web.test_flow import FRESNO_POSSESSION, NO_PRIORS

FAKE_PDF = b"%PDF-1.7 stub"
# What the requests below cost: the API body has two convictions, the walked journey one.
API_COST, PAGE_COST = 3, 2
PACKET_BODY = {"screening": {"person": CLEAN, "convictions": FRESNO_APPLICATION}, "petitioner": PETITIONER}


@pytest.fixture(autouse=True)
def stub_renderer(monkeypatch):
    monkeypatch.setattr(webapp.packet, "render", lambda *args: FAKE_PDF)
    monkeypatch.setattr(webapp.packet.views, "render", lambda *args: FAKE_PDF)
    monkeypatch.setattr(webapp.clinic.packets, "render", lambda *args: FAKE_PDF)


def limited_app(**overrides):
    config = {"TESTING": True, "SECRET_KEY": TEST_SECRET, "WTF_CSRF_ENABLED": False}
    return create_app({**config, "RATELIMIT_ENABLED": True, **overrides})


def details(client, lang: str, **fields):
    data = {"name": "Maria Example", "case_number-1": "F12-345678", **fields}
    return client.post(f"/{lang}/petition", data=data)


def test_the_default_limits_are_counted_in_forms(monkeypatch):
    monkeypatch.delenv("PACKET_RATE_LIMIT", raising=False)
    monkeypatch.delenv("CLINIC_RATE_LIMIT", raising=False)
    config = limited_app().config
    assert config["PACKET_RATE_LIMIT"] == DEFAULT_PACKET_RATE_LIMIT == "60 per minute"
    assert config["CLINIC_RATE_LIMIT"] == DEFAULT_CLINIC_RATE_LIMIT == "240 per minute"
    # The largest packet a person can need always fits in one request and in one minute.
    assert limits.packet_cost(50) == 51 <= RENDER_BUDGET <= 60


def test_a_limit_too_small_for_the_largest_packet_is_refused_at_start():
    with pytest.raises(RuntimeError, match="PACKET_RATE_LIMIT must allow at least 60 forms"):
        limited_app(PACKET_RATE_LIMIT="10 per minute")


def test_over_the_limit_the_details_page_comes_back_filled_in_with_a_translated_429():
    client = limited_app().test_client()
    walk(client, "es", [FRESNO_POSSESSION], NO_PRIORS, check=False)
    typed = {"street": "123 Calle Mayor", "city": "Fresno", "zip": "93721", "phone": "(559) 555-0100"}
    for _ in range(60 // PAGE_COST):
        response = details(client, "es", **typed)
        assert response.status_code == 200
        assert response.data == FAKE_PDF
    refused = details(client, "es", **typed)
    assert refused.status_code == 429
    html = refused.get_data(as_text=True)
    soup = check_page(html, "es")
    assert "Espere un minuto" in soup.select_one(".error-summary").get_text()
    # Everything typed is still in the form: nothing to type again.
    for key, value in {"name": "Maria Example", "case_number-1": "F12-345678", **typed}.items():
        assert soup.select_one(f'input[name="{key}"]')["value"] == value, key
    assert int(refused.headers["Retry-After"]) <= 60
    for name, value in HEADERS.items():
        assert refused.headers.get(name) == value, name
    # The 429 leaves the cookie alone: the results and the details page are still there.
    assert client.get("/es/results").status_code == 200
    assert client.get("/es/petition").status_code == 200


def test_the_api_answers_429_in_json_with_retry_after():
    client = limited_app(PACKET_RATE_LIMIT="60 per minute").test_client()
    fit = 60 // API_COST
    statuses = [client.post("/api/v1/packet", json=PACKET_BODY).status_code for _ in range(fit + 1)]
    assert statuses == [200] * fit + [429]
    refused = client.post("/api/v1/packet", json=PACKET_BODY)
    assert refused.status_code == 429
    assert refused.is_json
    assert refused.get_json()["error"]["message"] == "too_many"
    assert "Retry-After" in refused.headers


def test_a_packet_of_fifty_convictions_weighs_what_it_costs_to_render():
    big = {**PACKET_BODY, "screening": {**PACKET_BODY["screening"], "convictions": [
        {**FRESNO_APPLICATION[1], "id": str(n)} for n in range(50)]}}
    client = limited_app(PACKET_RATE_LIMIT="60 per minute").test_client()
    assert client.post("/api/v1/packet", json=big).status_code == 200
    # 51 of 60 forms used: three small packets of 3 forms still fit, a fourth does not.
    statuses = [client.post("/api/v1/packet", json=PACKET_BODY).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_the_cost_is_paid_before_rendering(monkeypatch):
    # A burst that arrives all at once cannot pass on counts written after each response: the
    # render itself sees its forms already deducted.
    app = limited_app(PACKET_RATE_LIMIT="60 per minute")
    seen = []

    def render(*args):
        budget = app.extensions["render_budget"]
        item = budget.items[limits.PACKET]
        seen.append(budget.storage.get(item.key_for(budget.prefix, limits.PACKET, budget._client())))
        return FAKE_PDF

    monkeypatch.setattr(webapp.packet.views, "render", render)
    client = app.test_client()
    client.post("/api/v1/packet", json=PACKET_BODY)
    client.post("/api/v1/packet", json=PACKET_BODY)
    assert seen == [API_COST, 2 * API_COST]


def test_a_failed_render_gives_its_cost_back(monkeypatch):
    def broken(*args):
        raise webapp.packet.views.InputError("petitioner.name", "cannot be printed")

    client = limited_app(PACKET_RATE_LIMIT="60 per minute").test_client()
    monkeypatch.setattr(webapp.packet.views, "render", broken)
    assert all(client.post("/api/v1/packet", json=PACKET_BODY).status_code == 400 for _ in range(40))
    monkeypatch.setattr(webapp.packet.views, "render", lambda *args: FAKE_PDF)
    assert client.post("/api/v1/packet", json=PACKET_BODY).status_code == 200


def test_corrections_do_not_use_up_the_limit():
    # A person fixing a mistyped case number must not lock themselves out of their forms.
    client = limited_app(PACKET_RATE_LIMIT="60 per minute").test_client()
    walk(client, "en", [FRESNO_POSSESSION], NO_PRIORS, check=False)
    for _ in range(40):
        assert details(client, "en", **{"case_number-1": "not a case number!"}).status_code == 400
    assert details(client, "en").status_code == 200


def _from(client, address, hops_header=True):
    headers = {"X-Forwarded-For": address} if hops_header else {}
    return client.post("/api/v1/packet", json=PACKET_BODY, headers=headers).status_code


def test_with_no_trusted_proxy_a_rotating_x_forwarded_for_does_not_reset_the_limit():
    # The default: no proxy in front, so X-Forwarded-For is whatever the client wrote.
    client = limited_app(PACKET_RATE_LIMIT="60 per minute").test_client()
    statuses = [_from(client, f"203.0.113.{n}") for n in range(30)]
    assert statuses == [200] * (60 // API_COST) + [429] * (30 - 60 // API_COST)


def test_with_one_trusted_hop_each_forwarded_address_has_its_own_limit():
    client = limited_app(PACKET_RATE_LIMIT="60 per minute", TRUSTED_PROXY_HOPS="1").test_client()
    assert [_from(client, "203.0.113.1") for _ in range(21)][-2:] == [200, 429]
    assert _from(client, "203.0.113.2") == 200
    # The proxy appends the peer it saw: only the last address counts, not what the client added.
    assert _from(client, "198.51.100.7, 203.0.113.1") == 429


def test_trusted_proxy_hops_come_from_the_environment_and_bad_values_stop_the_start(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXY_HOPS", "1")
    client = limited_app(PACKET_RATE_LIMIT="60 per minute").test_client()
    assert [_from(client, "203.0.113.1") for _ in range(21)][-1] == 429
    assert _from(client, "203.0.113.2") == 200
    for bad in ("one", "-1", "²", "99"):
        monkeypatch.setenv("TRUSTED_PROXY_HOPS", bad)
        with pytest.raises(RuntimeError, match="TRUSTED_PROXY_HOPS"):
            limited_app()


def test_pages_and_the_eligibility_api_are_never_limited():
    client = limited_app(PACKET_RATE_LIMIT="60 per minute").test_client()
    walk(client, "en", [FRESNO_POSSESSION], NO_PRIORS, check=False)
    for _ in range(30):
        assert details(client, "en").status_code == 200
    assert details(client, "en").status_code == 429
    for _ in range(30):
        assert client.get("/en/results").status_code == 200
        assert client.get("/en/petition").status_code == 200
        assert client.post("/api/v1/eligibility", json=PACKET_BODY["screening"]).status_code == 200


def test_the_limit_and_the_store_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PACKET_RATE_LIMIT", "60 per hour")
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", f"sqlite://{tmp_path}/counts.sqlite")
    client = limited_app().test_client()
    assert [client.post("/api/v1/packet", json=PACKET_BODY).status_code for _ in range(21)][-2:] == [200, 429]
    assert (tmp_path / "counts.sqlite").exists()


def test_apps_sharing_one_sqlite_store_share_the_counts(tmp_path):
    # gunicorn's workers are separate processes, each with its own app: one file, one count.
    uri = f"sqlite://{tmp_path}/counts.sqlite"
    workers = [limited_app(RATELIMIT_STORAGE_URI=uri).test_client() for _ in range(4)]
    statuses = [workers[n % 4].post("/api/v1/packet", json=PACKET_BODY).status_code for n in range(24)]
    assert statuses == [200] * 20 + [429] * 4


def _open_store(uri, start, outcomes):
    start.wait()
    try:
        limits.SQLiteStorage(uri)
        outcomes.put("opened")
    except Exception as error:  # reported to the test, which names it
        outcomes.put(f"{type(error).__name__}: {error}")


def test_workers_booting_together_all_open_one_new_store(tmp_path):
    # gunicorn forks its workers at once and each opens the server's new store: if one fails, it
    # fails to boot, and gunicorn stops the whole server. Before the fix, about 1 in 40 of these
    # openings failed with "database is locked", so 40 new stores opened by four processes at the
    # same moment would all open only about once in a hundred runs.
    context = multiprocessing.get_context("fork")
    outcomes = context.Queue()
    for trial in range(40):
        start = context.Barrier(4)
        uri = f"sqlite://{tmp_path}/counts-{trial}.sqlite"
        workers = [context.Process(target=_open_store, args=(uri, start, outcomes)) for _ in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=60)
    opened = [outcomes.get(timeout=5) for _ in range(160)]
    assert [o for o in opened if o != "opened"] == []
    # and the store is still one that readers share with its writer
    with sqlite3.connect(tmp_path / "counts-0.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_the_store_never_holds_a_client_address(tmp_path):
    uri = f"sqlite://{tmp_path}/counts.sqlite"
    client = limited_app(RATELIMIT_STORAGE_URI=uri, TRUSTED_PROXY_HOPS="1").test_client()
    assert _from(client, "203.0.113.77") == 200
    stored = (tmp_path / "counts.sqlite").read_bytes() + b"".join(
        p.read_bytes() for p in tmp_path.glob("counts.sqlite-*"))
    assert b"203.0.113.77" not in stored
    assert b"packet" in stored  # the counter is really in there


def test_an_unreachable_shared_store_still_serves_and_still_limits():
    # Several instances share counts in Redis. If Redis is down the site must keep serving
    # packets, limited per instance in memory, instead of failing every download.
    app = limited_app(RATELIMIT_STORAGE_URI="redis://127.0.0.1:9/0", PACKET_RATE_LIMIT="60 per minute")
    assert type(app.extensions["render_budget"].storage).__name__ == "RedisStorage"
    client = app.test_client()
    statuses = [client.post("/api/v1/packet", json=PACKET_BODY).status_code for _ in range(21)]
    assert statuses == [200] * 20 + [429]


def test_the_limit_is_off_in_tests_unless_asked_for():
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET})
    assert app.config["RATELIMIT_ENABLED"] is False
    client = app.test_client()
    assert all(client.post("/api/v1/packet", json=PACKET_BODY).status_code == 200 for _ in range(30))


CLINIC_CSV = (
    "client_id,name,county,case_number,section,level,offense_date,age_at_offense,sentence\n"
    "C1,Ana Example,fresno,F1,11357,misdemeanor,2012,21_plus,completed\n"
)


def test_a_clinic_pays_for_its_zips_while_its_csv_and_summaries_stay_free():
    from ..clinic.conftest import download

    client = limited_app(CLINIC_RATE_LIMIT="60 per minute").test_client()
    zips = []
    for _ in range(30):
        with download(client, "en", CLINIC_CSV, "packets-1") as response:  # closed, as a server does
            zips.append(response)
    assert [z.status_code for z in zips] == [200] * 30  # a one-conviction packet costs 2 forms
    assert zips[0].mimetype == "application/zip"
    refused = download(client, "es", CLINIC_CSV, "packets-1")
    assert refused.status_code == 429
    assert "Demasiados intentos" in refused.get_data(as_text=True)
    assert refused.mimetype == "text/html"
    # After the ZIP limit, the results CSV and the summaries are still served.
    assert download(client, "en", CLINIC_CSV, "results").status_code == 200
    assert download(client, "en", CLINIC_CSV, "summaries").status_code == 200


def test_the_person_and_the_clinic_have_separate_allowances():
    from ..clinic.conftest import download

    client = limited_app().test_client()
    for _ in range(20):
        assert client.post("/api/v1/packet", json=PACKET_BODY).status_code == 200
    assert client.post("/api/v1/packet", json=PACKET_BODY).status_code == 429
    assert download(client, "en", CLINIC_CSV, "packets-1").status_code == 200


def test_one_address_has_at_most_two_renders_running_at_once():
    # A streamed ZIP is running until its response is closed; a third render from the same
    # address is refused at once, before any work, whichever kind it is.
    from ..clinic.conftest import download

    # Two, as on a server with two render slots or more (the default is no more than the slots).
    client = limited_app(RENDERS_AT_ONCE=2).test_client()
    running = [download(client, "en", CLINIC_CSV, "packets-1") for _ in range(2)]
    assert [r.status_code for r in running] == [200, 200]
    third = download(client, "es", CLINIC_CSV, "packets-1")
    assert third.status_code == 429
    assert "Demasiados intentos" in third.get_data(as_text=True)
    assert client.post("/api/v1/packet", json=PACKET_BODY).status_code == 429
    running[0].close()
    assert client.post("/api/v1/packet", json=PACKET_BODY).status_code == 200
    running[1].close()
    with download(client, "en", CLINIC_CSV, "packets-1") as again:
        assert again.status_code == 200
    # A refused one used up nothing: 2 + 2 + 3 + 2 forms of the clinic's and person's allowances.
    budget = client.application.extensions["render_budget"]
    item = budget.items[limits.CLINIC]
    with client.application.test_request_context(environ_base={"REMOTE_ADDR": "127.0.0.1"}):
        used = budget.storage.get(item.key_for(budget.prefix, limits.CLINIC, budget._client()))
    assert used == 6


def test_one_address_renders_no_more_at_once_than_the_server_has_render_slots(monkeypatch):
    from webapp.packet import render_pool

    monkeypatch.delenv("RENDERS_AT_ONCE", raising=False)
    monkeypatch.setattr(render_pool, "RENDER_SLOTS", 1)
    assert limited_app().extensions["render_budget"].at_once == 1
    monkeypatch.setattr(render_pool, "RENDER_SLOTS", 3)
    assert limited_app().extensions["render_budget"].at_once == 2
