"""The one way the benchmarks time a piece of work: best of several rounds, with its result.

Best, not mean: on a shared machine the fastest round is the one least disturbed by other work.
"""

from __future__ import annotations

import time


def best(rounds: int, work) -> tuple[float, object]:
    """(fastest of `rounds` runs of work() in seconds, the last run's result)."""
    fastest, value = float("inf"), None
    for _ in range(rounds):
        start = time.perf_counter()
        value = work()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, value
