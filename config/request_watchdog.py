"""Ends a gunicorn worker whose request has used more CPU than any request should.

gunicorn's `timeout` only catches a worker that stops reporting to the arbiter, and a gthread
worker keeps reporting from its main thread while another thread spins on one request, so a
runaway request would run for ever. Here each request's thread is timed by its own CPU clock
(`pthread_getcpuclockid`, so waiting on the database or a slow client costs nothing); a watchdog
thread in each worker checks them a few times a second and, when one has used more than its
budget, logs the request and ends the process. The arbiter then starts a fresh worker. Other
requests in flight on that worker lose their connection: the price of ending a thread that Python
cannot stop on its own.

GUNICORN_REQUEST_CPU_SECONDS sets the budget (default 5 seconds; 0 turns the watchdog off).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

DEFAULT_CPU_SECONDS = 5.0
# The exit status of a worker ended by the watchdog: not gunicorn's 3 or 4, which stop the arbiter.
EXIT_STATUS = 70
CHECK_EVERY_SECONDS = 0.25

logger = logging.getLogger("gunicorn.error")


def cpu_seconds_from_environment(environ: dict[str, str] | None = None) -> float:
    """The per-request CPU budget from GUNICORN_REQUEST_CPU_SECONDS; 0 means off."""
    raw = (
        (environ if environ is not None else os.environ)
        .get("GUNICORN_REQUEST_CPU_SECONDS", "")
        .strip()
    )
    if not raw:
        return DEFAULT_CPU_SECONDS
    try:
        value = float(raw) if raw.isascii() else -1.0  # float() also reads other scripts' digits
    except ValueError:
        value = -1.0
    if not 0 <= value <= 3600 or value != value:  # also refuses NaN
        raise ValueError(
            f"GUNICORN_REQUEST_CPU_SECONDS must be a number of seconds from 0 to 3600, not {raw!r}."
        )
    return value


@dataclass
class _Running:
    clock: int
    started: float
    description: str


class RequestWatchdog:
    """Times each request's thread; `check` ends the process when one is over budget."""

    def __init__(self, cpu_seconds: float, end_process: Callable[[], object] | None = None) -> None:
        self.cpu_seconds = cpu_seconds
        self._running: dict[int, _Running] = {}
        self._lock = threading.Lock()
        self._end_process = end_process or (lambda: os._exit(EXIT_STATUS))

    def started(self, description: str) -> None:
        """Called in the request's own thread as it starts."""
        clock = time.pthread_getcpuclockid(threading.get_ident())
        with self._lock:
            self._running[threading.get_ident()] = _Running(
                clock, time.clock_gettime(clock), description
            )

    def finished(self) -> None:
        with self._lock:
            self._running.pop(threading.get_ident(), None)

    def check(self) -> bool:
        """End the process if a request is over budget; False if none is."""
        with self._lock:
            running = list(self._running.values())
        for request in running:
            try:
                used = time.clock_gettime(request.clock) - request.started
            except OSError:
                continue  # the thread has just ended
            if used > self.cpu_seconds:
                logger.error(
                    "Ending worker %s: %s used %.1f s of CPU, over the %.1f s budget "
                    "(GUNICORN_REQUEST_CPU_SECONDS).",
                    os.getpid(),
                    request.description,
                    used,
                    self.cpu_seconds,
                )
                for handler in logger.handlers:
                    handler.flush()
                self._end_process()
                return True
        return False

    def watch(self) -> None:
        """Check for ever, from a daemon thread."""
        while True:
            time.sleep(CHECK_EVERY_SECONDS)
            self.check()

    def start(self) -> None:
        threading.Thread(target=self.watch, name="request-watchdog", daemon=True).start()
