"""gunicorn settings shared by `make run` and the Procfile.

The access log records method, path (never the query string), status, size and time: no client
address, no cookies, no bodies. Paths hold question names and positions, never answers.
"""

import os

# Two sync workers per core: a packet holds its worker for a quarter to two-thirds of a second,
# and with one per core the pages queued behind it (load run: page p99 1.4 s with 2, 0.25 s with 4).
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1))
timeout = 30
accesslog = "-"
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
