"""What each gunicorn worker does once it has loaded the app (webapp/gunicorn_conf.py)."""

import gc
import importlib
import logging

import pytest

from webapp.packet import render_pool


class _Worker:
    log = logging.getLogger("test-worker")


@pytest.fixture
def conf(monkeypatch, tmp_path):
    monkeypatch.setattr(render_pool, "warm", lambda: None)  # no render child in this test
    # Set, so that importing the settings changes nothing another test would see.
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "memory://")
    monkeypatch.setenv("RENDER_LOCK_DIR", str(tmp_path))
    module = importlib.import_module("webapp.gunicorn_conf")
    yield module
    gc.unfreeze()


def test_a_worker_moves_what_it_loaded_at_boot_out_of_the_collectors_way(conf):
    # A full collection walks every tracked object while all the worker's threads wait; what was
    # loaded at boot lives as long as the worker, so it must not be walked each time.
    assert gc.get_freeze_count() == 0
    conf.post_worker_init(_Worker())
    assert gc.get_freeze_count() > len(gc.get_objects()) / 2
