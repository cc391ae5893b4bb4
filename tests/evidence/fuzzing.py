"""Hypothesis settings shared by the fuzz suites: bounded, reproducible, no example database.

derandomize: the same examples on every run, so a CI failure reproduces locally and a green run
means the same thing each time. database=None: nothing written into the work tree.
"""

from hypothesis import HealthCheck, settings

_BASE = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def fuzz(max_examples: int) -> settings:
    return settings(_BASE, max_examples=max_examples)
