"""Renders run apart from the page threads, bounded in number and in time (webapp/packet/render_pool.py)."""

import os
import threading
import time

import pytest

from webapp.eligibility.errors import InputError
from webapp.packet import render
from webapp.packet.render_pool import CHILD_NICENESS, RenderTimeout, render_in_pool

from ..packet.conftest import ALAMEDA_PETITION, CLEAN, FRESNO_APPLICATION, PETITIONER, pages_text

pytestmark = pytest.mark.slow


def _whoami() -> tuple[int, int]:
    return os.getpid(), os.nice(0)


def _refuse(path: str) -> None:
    raise InputError(path, "must be a date")


def _sleep_then_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_a_packet_rendered_in_the_pool_is_the_packet():
    screening = {"person": CLEAN, "convictions": FRESNO_APPLICATION + ALAMEDA_PETITION}
    pdf = render_in_pool(render, screening, PETITIONER, "es")
    assert pdf.startswith(b"%PDF-")
    assert "Maria Example Lopez" in " ".join(pages_text(pdf))


def test_renders_run_in_another_process_at_a_lower_priority():
    pid, niceness = render_in_pool(_whoami)
    assert pid != os.getpid()
    assert niceness >= os.nice(0) + CHILD_NICENESS or niceness == 19


def test_bad_input_found_in_the_render_reaches_the_caller_with_its_path():
    with pytest.raises(InputError) as raised:
        render_in_pool(_refuse, "petitioner.birth_date")
    assert raised.value.path == "petitioner.birth_date"
    assert raised.value.message == "must be a date"


def test_a_render_past_its_timeout_is_stopped_and_the_pool_serves_the_next():
    first = render_in_pool(_sleep_then_pid, 0)
    with pytest.raises(RenderTimeout):
        render_in_pool(_sleep_then_pid, 60, timeout=0.5)
    # The stuck process was killed, not left running: the next render gets a new one.
    after = render_in_pool(_sleep_then_pid, 0)
    assert after != first
    with pytest.raises(ProcessLookupError):
        os.kill(first, 0)


def test_a_caller_waiting_behind_a_long_render_gives_up_at_its_timeout():
    # One render process: the second caller queues, and its timeout counts the wait.
    long = threading.Thread(target=lambda: pytest.raises(RenderTimeout, render_in_pool,
                                                         _sleep_then_pid, 60, timeout=3))
    long.start()
    time.sleep(0.5)
    with pytest.raises(RenderTimeout):
        render_in_pool(_sleep_then_pid, 0, timeout=0.5)
    long.join()
    assert isinstance(render_in_pool(_sleep_then_pid, 0), int)


@pytest.fixture
def server_like_client():
    from webapp import create_app

    # Not TESTING's inline rendering: the views hand renders to the pool as the server does.
    app = create_app({"TESTING": True, "RENDER_INLINE": False, "SECRET_KEY": "pool-test-key"})
    return app.test_client()


def _packet_request():
    return {"screening": {"person": CLEAN, "convictions": ALAMEDA_PETITION}, "petitioner": PETITIONER}


def test_the_packet_api_renders_through_the_pool(server_like_client, monkeypatch):
    from webapp.packet import render_pool

    calls = []
    real = render_pool._render
    monkeypatch.setattr(render_pool, "_render", lambda *a: calls.append(a[0]) or real(*a))
    response = server_like_client.post("/api/v1/packet", json=_packet_request())
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF-")
    assert calls == [render]


def test_a_render_past_the_timeout_is_a_translated_503_with_retry_after(server_like_client, monkeypatch):
    from webapp.packet import render_pool

    monkeypatch.setattr(render_pool, "DEFAULT_TIMEOUT", 0.01)
    page = server_like_client.get("/es/petition")
    assert page.status_code in (200, 302)
    api = server_like_client.post("/api/v1/packet?lang=es", json=_packet_request())
    assert api.status_code == 503
    assert api.headers["Retry-After"] == "60"
    assert api.get_json() == {"error": {"path": "", "message": "busy"}}
