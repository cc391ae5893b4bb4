"""PDF renders run in a small pool of separate processes, never in the thread serving a page.

Why a process pool: the web server runs threaded workers (webapp/gunicorn_conf.py), and a render
is a quarter of a second or more of pure-Python CPU. Rendered in a page thread it would hold the
worker's GIL and every page on that worker would wait behind it. In a child process it does not:
the page thread only waits on a pipe, and the child runs at a lower CPU priority, so when the
machine is busy the kernel serves pages first and packets take the time left over.

- Bounded per worker: each web worker has ``RENDER_PROCESSES`` children (default 1).
- Bounded per machine: at most ``RENDER_SLOTS`` renders run at once across every web worker of
  the server, so a core always stays for the pages (two workers rendering on a two-core machine
  took both cores, and question pages waited: p99 120-149 ms beside two packet downloads).
  Default: the cores this process may use, less one, at least one; set it explicitly in a
  container, which sees the host's cores. The slots are ``flock``-ed files in
  ``RENDER_LOCK_DIR``, which gunicorn_conf.py makes for each server in its master: the kernel
  lets go of a slot when its holder dies, so a killed worker cannot keep one. Without that folder
  (a single process: tests, the command line) the per-worker bound is the only one.
- Bounded in time: a caller waits at most ``timeout`` seconds, queueing for a slot included. A render still
  running then is killed with its process (the pool starts afresh on the next call), so no
  request can hold a page worker past the timeout. The caller gets ``RenderTimeout``.
- The children start from a forkserver that has already imported WeasyPrint, so a fresh child
  (after a timeout, or every ``MAX_RENDERS_PER_CHILD`` renders, which bounds WeasyPrint's memory)
  is ready in milliseconds, not the second that importing takes.

Only picklable, module-level functions and plain data cross the pipe. The module knows nothing of
Flask: the views turn ``RenderTimeout`` and ``RenderFailed`` into a translated "try again" page,
and the app says through ``render_inline_when`` when to render in the calling thread instead
(``RENDER_INLINE``, on under ``TESTING``, so in-process tests can replace the renderer).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import gc
import logging.config
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, CancelledError, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

T = TypeVar("T")

RENDER_PROCESSES = int(os.environ.get("RENDER_PROCESSES") or 1)


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def render_slots(value: str | None = None) -> int:
    """RENDER_SLOTS: renders at once on this server; by default every core but one."""
    text = (os.environ.get("RENDER_SLOTS", "") if value is None else value).strip()
    if not text:
        return max(1, _usable_cores() - 1)
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise RuntimeError(f"RENDER_SLOTS must be a whole number of at least 1, not {text!r}")
    return int(text)


RENDER_SLOTS = render_slots()
# Polling for a machine slot: flock has no timeout, and a render takes a third of a second or more,
# so checking every few tens of milliseconds costs nothing and adds at most that much to a wait.
_SLOT_POLL_SECONDS = (0.005, 0.05)
DEFAULT_TIMEOUT = float(os.environ.get("RENDER_TIMEOUT_SECONDS") or 25)
MAX_RENDERS_PER_CHILD = 200
# Lower priority than the web workers: under contention pages are scheduled before renders. Not
# lower still: on a machine busy with other work a nice-10 child got so little CPU that renders
# ran into their timeout (load run of 2026-12-01, load average 12 on 2 cores).
CHILD_NICENESS = int(os.environ.get("RENDER_NICENESS") or 5)
_PRELOAD = ["webapp.packet"]


class RenderTimeout(Exception):
    """The render did not finish within its timeout (queueing included) and was stopped."""


class RenderFailed(Exception):
    """The render process died (killed for another request's timeout, out of memory)."""


def _never() -> bool:
    return False


_inline: Callable[[], bool] = _never
_lock = threading.Lock()
_slots = threading.BoundedSemaphore(RENDER_PROCESSES)
_executor: ProcessPoolExecutor | None = None


def _json_logs() -> bool:
    """Whether this process logs JSON lines (gunicorn_conf.py's LOGCONFIG is installed)."""
    from webapp.log_format import LineFormatter

    return any(isinstance(h.formatter, LineFormatter) for h in logging.getLogger("webapp").handlers)


def _child_start(json_logs: bool = False) -> None:
    os.nice(CHILD_NICENESS)
    # A forkserver child starts from a fresh interpreter, not from the web worker's logging setup:
    # without this its lines (a missing font, a refused URL) would be plain text among JSON ones.
    if json_logs:
        from webapp.log_format import LOGCONFIG

        logging.config.dictConfig(LOGCONFIG)


_warm = False


def _settle() -> None:
    """After the child's first render, set what it keeps for good (fonts, the stylesheet, the
    forms' laid-out words and their drawing) out of the garbage collector's reach: a full
    collection otherwise walks them again every few renders, a pause of tens of milliseconds
    (medians of 40 one-case packets: 186-188 ms without, 165 ms with)."""
    global _warm
    if not _warm:
        _warm = True
        gc.collect()
        gc.freeze()


def _run(fn, args):
    """In the child: the result, or the raised exception as (type, args, attributes).

    Exceptions are rebuilt without calling their ``__init__``: one whose constructor takes other
    arguments than it passes to ``Exception`` (InputError(path, message)) cannot be unpickled, and
    a result that cannot be unpickled breaks the whole pool.
    """
    try:
        return True, fn(*args)
    except Exception as error:
        return False, (type(error), error.args, dict(vars(error)))
    finally:
        _settle()


def _rebuilt(kind: type, args: tuple, attributes: dict) -> Exception:
    error = kind.__new__(kind)
    error.args = args
    vars(error).update(attributes)
    return error


def _pool() -> ProcessPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(_PRELOAD)
            _executor = ProcessPoolExecutor(
                max_workers=RENDER_PROCESSES,
                mp_context=context,
                initializer=_child_start,
                initargs=(_json_logs(),),
                max_tasks_per_child=MAX_RENDERS_PER_CHILD,
            )
        return _executor


def _discard(executor: ProcessPoolExecutor) -> None:
    """Kill the pool's processes and forget the pool; the next call starts a new one."""
    global _executor
    with _lock:
        if _executor is executor:
            _executor = None
    # The executor offers no way to stop one running task: kill its processes, which breaks it.
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        process.kill()
    executor.shutdown(wait=False, cancel_futures=True)


def render_inline_when(predicate: Callable[[], bool]) -> None:
    """Set the test, asked on every call, for rendering in the calling thread (no pool, no timeout)."""
    global _inline
    _inline = predicate


def render_in_pool(fn: Callable[..., T], *args, timeout: float | None = None, **options) -> T:
    """``fn(*args, **options)`` in a render process; its exceptions (e.g. InputError) are raised
    here. ``timeout`` (default ``RENDER_TIMEOUT_SECONDS``) counts the wait for a free process too."""
    if options:
        fn = functools.partial(fn, **options)  # picklable when fn is a module-level function
    if _inline():
        return fn(*args)
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    deadline = time.monotonic() + timeout
    # Callers queue here, not in the executor: the executor hands queued calls to its processes
    # early, and a waiting caller that gives up must never be mistaken for the running one.
    if not _slots.acquire(timeout=timeout):
        raise RenderTimeout
    try:
        with _machine_slot(deadline):
            return _render(fn, args, max(deadline - time.monotonic(), 0.001))
    finally:
        _slots.release()


def _slot_files(folder: str) -> list[int]:
    files: list[int] = []
    try:
        for n in range(RENDER_SLOTS):
            path = os.path.join(folder, f"render-slot-{n}.lock")
            try:
                files.append(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
            except FileNotFoundError:  # the folder was cleaned away under a long-running server
                os.makedirs(folder, mode=0o700, exist_ok=True)
                files.append(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    except BaseException:
        for fd in files:
            os.close(fd)
        raise
    return files


@contextlib.contextmanager
def _machine_slot(deadline: float):
    """Hold one of the server's RENDER_SLOTS (a locked file) until the block ends; RenderTimeout
    when none comes free before ``deadline``."""
    folder = os.environ.get("RENDER_LOCK_DIR")
    if not folder:
        yield
        return
    files = _slot_files(folder)
    held = None
    try:
        pause, longest = _SLOT_POLL_SECONDS
        while held is None:
            for fd in files:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue
                held = fd
                break
            else:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RenderTimeout
                time.sleep(min(pause, left))
                pause = min(pause * 2, longest)
        yield
    finally:
        for fd in files:  # closing the file lets go of its lock
            os.close(fd)


def _render(fn, args, timeout: float):
    executor = _pool()
    try:
        future = executor.submit(_run, fn, args)
    except (BrokenExecutor, RuntimeError):
        # A pool broken by an earlier timeout, or shut down: start a new one once.
        _discard(executor)
        executor = _pool()
        future = executor.submit(_run, fn, args)
    try:
        finished, value = future.result(timeout=timeout)
    except FutureTimeout:
        _discard(executor)
        raise RenderTimeout from None
    except (BrokenExecutor, CancelledError) as error:
        _discard(executor)
        raise RenderFailed from error
    if not finished:
        raise _rebuilt(*value)
    return value


def _ready() -> bool:
    return True


def warm(timeout: float = 60) -> None:
    """Start the forkserver and a child now (gunicorn's post_worker_init), not on a first download."""
    render_in_pool(_ready, timeout=timeout)


def shutdown() -> None:
    global _executor
    with _lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=True, cancel_futures=True)


def _forget_parent_pool() -> None:
    global _executor, _lock, _slots
    _executor, _lock, _slots = None, threading.Lock(), threading.BoundedSemaphore(RENDER_PROCESSES)


# A forked copy of this process (gunicorn's workers, when the app is preloaded) must not share the
# parent's pool: its pipes belong to the parent.
os.register_at_fork(after_in_child=_forget_parent_pool)
