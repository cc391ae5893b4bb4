"""Fixtures for the eligibility tests. ``client`` comes from tests/conftest.py (the real app)."""

import pytest

# The shared table checker asserts; have pytest explain its failures with a diff.
pytest.register_assert_rewrite("tests.eligibility.tables")
