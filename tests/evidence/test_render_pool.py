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
