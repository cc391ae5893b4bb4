"""The engine, the packet and the language list import without Flask (issue 9): another program
or a command line can use them without the web application."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("module", ["webapp.eligibility", "webapp.eligibility.vocabulary", "webapp.packet",
                                    "webapp.languages", "webapp.counties"])
def test_imports_without_flask(module):
    code = f"import {module}, sys; assert 'flask' not in sys.modules, list(sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_factory_is_still_webapp_create_app():
    from webapp import create_app

    assert create_app.__module__ == "webapp.app"
