"""gunicorn settings, read from the environment so the same image runs anywhere.

The choices below were measured on two cores with `make bench` and benchmarks/worker_comparison.py
(docs/performance.md). gunicorn should still run behind a proxy such as nginx that buffers
requests: no setting here stops a few hundred slow clients from holding every worker.
"""

import multiprocessing
import os


def _int(name: str, default: int, *, minimum: int = 1) -> int:
    """A whole number from the environment; anything else stops gunicorn with a message."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < minimum:
        raise ValueError(f"{name} must be a whole number, at least {minimum}, not {raw!r}.")
    return int(raw)


bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104

# The usual (2 x cores) + 1 worker processes unless WEB_CONCURRENCY says otherwise.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
# Threads let a worker take new connections while another request waits on the database or a
# slow client, where a sync worker is stuck on one connection at a time (see docs/performance.md
# for the measurement). GUNICORN_WORKER_CLASS=sync goes back to plain processes.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = _int("GUNICORN_THREADS", 4)

# A worker silent for this long is killed and replaced: a stuck request cannot hold it for good.
timeout = _int("GUNICORN_TIMEOUT", 30)
# On a restart or deploy, requests in flight get this long to finish.
graceful_timeout = 30
# Seconds an idle kept-alive connection stays open: long enough for a page's stylesheet and
# script to follow it, short enough that idle browsers do not hold connections.
keepalive = 5

# Bounds on a request's head, so that oversized or endless headers are refused (414 or 431) before
# they reach Django. The longest addresses the site makes are the admin's filtered lists, well under
# 4 KB (search queries are cut at 200 characters anyway); browsers send about 20 headers, and the
# largest, Cookie, holds only a session and a CSRF token here.
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190

# Workers tell the arbiter they are alive by touching a file every few seconds; on a disk-backed
# /tmp (as in Docker) a slow disk can make a busy worker look dead. /dev/shm is memory.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

# A memory guard: each worker is replaced after this many requests, so any slow leak cannot grow
# for ever; the jitter keeps the workers from restarting all at once. High, because a restart
# costs a second of CPU and empties that worker's page cache. 0 turns it off.
max_requests = _int("GUNICORN_MAX_REQUESTS", 20_000, minimum=0)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 2_000, minimum=0)

# Access log to standard output and errors to standard error, for the container's log collector.
accesslog = "-"
errorlog = "-"
# Writes `[redacted]` for the token in set-password links (config/gunicorn_logging.py).
logger_class = "config.gunicorn_logging.RedactingLogger"

# Trust X-Forwarded-* only from the proxy in front (set FORWARDED_ALLOW_IPS to its address).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# gunicorn 25+ opens a control socket at one fixed path per user by default ($HOME/.gunicorn/);
# nothing here uses it, and two gunicorns on one machine (a deploy beside `make bench`) would
# share it.
control_socket_disable = True
