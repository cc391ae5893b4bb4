"""Shared fixtures: a real app from the factory, a test client, and pages checked on every fetch."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from webapp import create_app

ROOT = Path(__file__).resolve().parent.parent
TEST_SECRET = "test-secret-key-not-for-production"


def _compile_catalogs() -> None:
    # .mo files are never committed; tests compile them the way `make` does.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "compile",
            "-d",
            str(ROOT / "translations"),
            "-q",
        ],
        check=False,
        capture_output=True,
    )


_compile_catalogs()


@pytest.fixture
def app():
    return create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "WTF_CSRF_ENABLED": False})


@pytest.fixture
def csrf_app():
    return create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def csrf_client(csrf_app):
    return csrf_app.test_client()


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)
