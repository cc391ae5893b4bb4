"""gunicorn settings shared by `make run`, the Procfile and the container.

Threaded workers (webapp/gunicorn_worker.py) so that slow or stalled clients wait in a poller
instead of holding a worker, and packets rendered in a separate process pool
(webapp/packet/render_pool.py) so that a render never holds the GIL of a worker serving pages,
RENDER_SLOTS of them at once across the workers.

Logs are JSON lines (webapp/log_format.py): the access line records method, path (never the query
string), status, size and time: no client address, no cookies, no bodies.
"""

import os
import tempfile

from webapp.log_format import LOGCONFIG, AccessLogger

worker_class = "webapp.gunicorn_worker.Worker"
# Explicit, not derived from the core count: a container sees the host's cores, not its share.
# Two workers of 16 threads: pages are about a millisecond each, and a thread waiting on a packet
# render or a slow client holds no CPU. More threads than the ten half-open connections a single
# client can cheaply hold, so one worker cannot be filled by them.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2)
threads = int(os.environ.get("WEB_THREADS") or 16)
# WeasyPrint's memory is bounded where it grows: in the render children, replaced every 200
# renders (webapp/packet/render_pool.py). The web workers are recycled too, as a backstop, rarely
# and staggered: a restart costs its worker a second or two of boot.
max_requests = int(os.environ.get("MAX_REQUESTS") or 50_000)
max_requests_jitter = 5_000
# The threaded worker's heartbeat: the main loop never renders, so this only catches a hung worker.
timeout = 30
graceful_timeout = 30
keepalive = 5
# gunicorn's defaults; its 414 and 431 answers go through gunicorn_worker.write_error.
limit_request_line = 4094
limit_request_field_size = 8190

accesslog = "-"
errorlog = "-"
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
logconfig_dict = LOGCONFIG
logger_class = AccessLogger
# Several instances may share a machine (tests, two containers); nothing here uses the socket.
control_socket_disable = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Shared by the workers of this server, made here in the master before the fork (mode 0700: only
# this user reads it):
# - one rate-limit store (webapp/limits.py): counters in each worker's memory would let a burst
#   spread over the workers pass;
# - the render slots (webapp/packet/render_pool.py): at most RENDER_SLOTS renders at once across
#   the workers (default every core but one), so a core always stays for the pages.
_folder = None
if not os.environ.get("RATELIMIT_STORAGE_URI"):
    _folder = tempfile.mkdtemp(prefix="crr-server-")
    os.environ["RATELIMIT_STORAGE_URI"] = f"sqlite://{_folder}/counts.sqlite"
if not os.environ.get("RENDER_LOCK_DIR"):
    os.environ["RENDER_LOCK_DIR"] = _folder or tempfile.mkdtemp(prefix="crr-server-")


def post_worker_init(worker):
    import gc
    import threading

    from webapp.packet import render_pool

    # Out of the collector's reach: what the worker loaded at boot (about 86,000 objects: Flask and
    # its extensions, the questions, the county data, WeasyPrint) lives as long as the worker. A
    # full collection walks all of it while every thread of the worker waits: 48-51 ms measured
    # here, felt by each page in flight, several times a minute under load. Frozen, a collection
    # walks only what requests made since.
    gc.collect()
    gc.freeze()

    # Start this worker's render process now, so the first download does not wait for it; in the
    # background, so the worker serves pages meanwhile (a busy machine can take seconds).

    def warm():
        try:
            render_pool.warm()
        except Exception as error:  # the first download will start it instead
            worker.log.warning("Render pool not started at boot: %s", type(error).__name__)

    threading.Thread(target=warm, name="render-pool-warm", daemon=True).start()


def worker_exit(server, worker):
    from webapp.packet import render_pool

    render_pool.shutdown()
