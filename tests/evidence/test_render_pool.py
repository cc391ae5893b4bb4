"""Renders run apart from the page threads, bounded in number and in time (webapp/packet/render_pool.py)."""

import json
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from webapp.eligibility.errors import InputError
from webapp.packet import render
from webapp.packet.render_pool import CHILD_NICENESS, RenderTimeout, render_in_pool

from ..packet.conftest import ALAMEDA_PETITION, CLEAN, FRESNO_APPLICATION, PETITIONER, pages_text

ROOT = Path(__file__).resolve().parents[2]
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


# --- One server's renders at once, across its workers (RENDER_SLOTS) -------------------------------


def _alone(folder: str) -> bool:
    """In a render child: False if another render was running at the same moment."""
    marker = os.path.join(folder, "rendering")
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    time.sleep(0.05)  # long enough for another render to start, if one could
    os.remove(marker)
    return True


def _meet(folder: str) -> bool:
    """In a render child: True once another render is running at the same time (two slots)."""
    open(os.path.join(folder, f"here-{os.getpid()}"), "w").close()
    for _ in range(400):
        if len([name for name in os.listdir(folder) if name.startswith("here-")]) >= 2:
            return True
        time.sleep(0.05)
    return False


def _web_worker(kind: str, folder: str, renders: int, answers) -> None:
    """A stand-in for one gunicorn worker: threads asking for renders, as page threads do."""
    from webapp.packet import render_pool

    check = {"alone": _alone, "meet": _meet}[kind]
    found = []

    def ask():
        try:
            found.append(render_pool.render_in_pool(check, folder, timeout=60))
        except Exception as error:  # reported to the test, which fails on it
            found.append(repr(error))

    threads = [threading.Thread(target=ask) for _ in range(renders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    render_pool.shutdown()
    answers.put(found)


def _two_workers(kind: str, slots: int, renders: int, tmp_path, monkeypatch) -> list:
    import multiprocessing

    locks, shared = tmp_path / "locks", tmp_path / "shared"
    locks.mkdir()
    shared.mkdir()
    # As gunicorn_conf.py sets them in the master: read by each worker when it starts.
    monkeypatch.setenv("RENDER_LOCK_DIR", str(locks))
    monkeypatch.setenv("RENDER_SLOTS", str(slots))
    context = multiprocessing.get_context("spawn")
    answers = context.Queue()
    workers = [context.Process(target=_web_worker, args=(kind, str(shared), renders, answers))
               for _ in range(2)]
    for worker in workers:
        worker.start()
    found = [answers.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(30)
    return [answer for worker_answers in found for answer in worker_answers]


def test_two_workers_never_render_at_the_same_time_with_one_slot(tmp_path, monkeypatch):
    found = _two_workers("alone", 1, 3, tmp_path, monkeypatch)
    assert found == [True] * 6


def test_two_workers_render_side_by_side_with_two_slots(tmp_path, monkeypatch):
    # The same two workers, with a slot each: they do meet, so the test above could fail.
    found = _two_workers("meet", 2, 1, tmp_path, monkeypatch)
    assert found == [True, True]


def test_a_render_waiting_for_a_slot_gets_the_timeout_then_the_next_one_renders(tmp_path, monkeypatch):
    import fcntl

    from webapp.packet import render_pool

    monkeypatch.setenv("RENDER_LOCK_DIR", str(tmp_path))
    monkeypatch.setattr(render_pool, "RENDER_SLOTS", 1)
    first = render_in_pool(_sleep_then_pid, 0)  # the pool is up: only the slot can hold the next
    # Another worker's render holds the only slot.
    with open(tmp_path / "render-slot-0.lock", "w") as other:
        fcntl.flock(other, fcntl.LOCK_EX)
        with pytest.raises(RenderTimeout):
            render_in_pool(_sleep_then_pid, 0, timeout=0.3)
    assert render_in_pool(_sleep_then_pid, 0) == first  # the wait stopped no render process


def test_render_slots_default_to_every_core_but_one_and_refuse_nonsense():
    from webapp.packet.render_pool import render_slots

    assert render_slots("") == max(1, len(os.sched_getaffinity(0)) - 1)
    assert render_slots("3") == 3
    for bad in ("0", "-1", "two", "1.5"):
        with pytest.raises(RuntimeError, match="RENDER_SLOTS"):
            render_slots(bad)


def test_a_lock_folder_cleaned_away_under_the_server_is_made_again(tmp_path, monkeypatch):
    folder = tmp_path / "gone"
    monkeypatch.setenv("RENDER_LOCK_DIR", str(folder))
    assert isinstance(render_in_pool(_sleep_then_pid, 0), int)
    assert (folder / "render-slot-0.lock").exists()


def _log_a_line() -> str:
    logging.getLogger("webapp.packet.pdf").error("Packet font missing (%s)", "PacketCJK-Regular.otf")
    return "logged"


def test_a_render_childs_log_lines_are_json_like_the_servers():
    # The children start from a forkserver, a fresh interpreter: they must set up the same JSON
    # lines as the web worker, or a missing-font warning lands as plain text among them.
    script = (
        "import logging.config\n"
        "from webapp.log_format import LOGCONFIG\n"
        "logging.config.dictConfig(LOGCONFIG)\n"
        "from webapp.packet.render_pool import render_in_pool\n"
        "from tests.evidence.test_render_pool import _log_a_line\n"
        "print(render_in_pool(_log_a_line, timeout=60))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "logged"), done.stderr
    lines = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    assert [(x["level"], x["logger"], x["message"]) for x in lines] == [
        ("ERROR", "webapp.packet.pdf", "Packet font missing (PacketCJK-Regular.otf)")]
