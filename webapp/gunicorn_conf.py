"""gunicorn settings shared by `make run` and the Procfile.

The access log records method, path (never the query string), status, size and time: no client
address, no cookies, no bodies. Paths hold question names and positions, never answers.
"""

import os
import tempfile

# Two sync workers per core: a packet holds its worker for a quarter to two-thirds of a second,
# and with one per core the pages queued behind it (load run: page p99 1.4 s with 2, 0.25 s with 4).
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1))
timeout = 30
accesslog = "-"
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# One rate-limit store for every worker of this server (webapp/limits.py): counters in each worker's
# memory let a burst spread over the workers pass. Read here, in the master, before the fork.
if not os.environ.get("RATELIMIT_STORAGE_URI"):
    _folder = tempfile.mkdtemp(prefix="crr-limits-")  # mode 0700: only this user reads the counts
    os.environ["RATELIMIT_STORAGE_URI"] = f"sqlite://{_folder}/counts.sqlite"
