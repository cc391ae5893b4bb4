"""gunicorn settings shared by `make run` and the Procfile.

The access log records method, path (never the query string), status, size and time: no client
address, no cookies, no bodies. Paths hold question names and positions, never answers.
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = 30
accesslog = "-"
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
