"""gunicorn settings for every app server: `gunicorn -c deploy/gunicorn.conf.py clinic_site.wsgi`.

Each value can be overridden from the environment (GUNICORN_*), so the same file serves
production, `make serve-prod` and `make bench`.
"""

import multiprocessing
import os

# Where the load balancer reaches this server. Loopback by default: a server reachable
# from elsewhere would let clients bypass HAProxy's limits. Set GUNICORN_BIND to a
# private address (or 0.0.0.0 inside a container) when HAProxy runs on another host.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers, (2 x cores) + 1 of them: requests are short and mostly wait on
# PostgreSQL or Redis, so one extra process per core keeps both cores busy.
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = "sync"
# A sync worker busy longer than this is killed, even mid-response. The staff exports
# stream every matching row: at 100k submissions the CSV takes ~8 s but the XLSX ~40 s
# (make bench), so the limit leaves room for them; the proxy's timeout must be longer.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
# The load balancer keeps connections open between requests; a little longer than 2 s
# so the balancer, not gunicorn, decides when an idle connection closes.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = 1000
# Load Django once in the arbiter: workers start faster and share memory pages.
preload_app = True
# gunicorn's runtime control socket (gunicornc) is off: systemd or the container runtime
# restarts and reloads the server, and several servers under one user would share the
# default path. GUNICORN_CONTROL_SOCKET=/path turns it on for this server.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "").strip() or None
control_socket_disable = control_socket is None
# Heartbeat files in memory, not on a possibly slow or read-only disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Trust X-Forwarded-Proto only from the proxy / load balancer in front: the same addresses
# the app trusts for X-Forwarded-For (TRUSTED_PROXIES, addresses or CIDR networks) unless
# FORWARDED_ALLOW_IPS says otherwise.
forwarded_allow_ips = (
    os.environ.get("FORWARDED_ALLOW_IPS", "").strip()
    or os.environ.get("TRUSTED_PROXIES", "").strip()
    or "127.0.0.1,::1"
)

# Access log on stdout with the path only: no query string (%(q)s, or %(r)s which
# contains it), no referer (another page's query string), no request or response
# bodies (gunicorn never logs those). Questionnaire answers travel in POST bodies,
# so health data cannot reach this log.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def worker_exit(server, worker):
    """Close this worker's copy of the listening socket as soon as it stops serving.

    A stopping worker can take seconds to tear its interpreter down; while any process
    still holds the socket, the kernel keeps queueing new connections that nobody will
    accept, and HAProxy waits on them (until its health check gives up) instead of
    having them refused and retried at once on another server.
    """
    for listener in worker.sockets:
        listener.close()
