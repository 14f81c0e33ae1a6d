"""config/request_watchdog.py: a request that spins on the CPU ends its worker, under a real
gunicorn, and the arbiter puts a fresh worker in its place."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from config.request_watchdog import (
    DEFAULT_CPU_SECONDS,
    RequestWatchdog,
    cpu_seconds_from_environment,
)

ROOT = Path(__file__).resolve().parents[2]


def test_the_budget_comes_from_the_environment():
    assert cpu_seconds_from_environment({}) == DEFAULT_CPU_SECONDS
    assert cpu_seconds_from_environment({"GUNICORN_REQUEST_CPU_SECONDS": " 2.5 "}) == 2.5
    assert cpu_seconds_from_environment({"GUNICORN_REQUEST_CPU_SECONDS": "0"}) == 0


@pytest.mark.parametrize("raw", ["-1", "abc", "nan", "1e9", "٣"])
def test_a_bad_budget_stops_gunicorn_with_a_message(raw):
    with pytest.raises(ValueError, match="GUNICORN_REQUEST_CPU_SECONDS"):
        cpu_seconds_from_environment({"GUNICORN_REQUEST_CPU_SECONDS": raw})


def test_a_request_over_budget_ends_the_process_and_one_within_does_not():
    ended = []
    watchdog = RequestWatchdog(0.05, end_process=lambda: ended.append(True))
    watchdog.started("GET /cheap")
    assert watchdog.check() is False
    watchdog.finished()
    watchdog.started("GET /costly")
    deadline = time.thread_time() + 0.2
    while time.thread_time() < deadline:
        sum(range(1_000))
    assert watchdog.check() is True
    assert ended == [True]


def test_waiting_costs_nothing():
    watchdog = RequestWatchdog(0.05, end_process=lambda: pytest.fail("ended a waiting request"))
    watchdog.started("GET /slow-client")
    time.sleep(0.2)
    assert watchdog.check() is False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str, timeout: float = 10) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:  # noqa: S310
        return response.read().decode()


def _wait_for(port: int) -> str:
    for _ in range(100):
        try:
            return _get(port, "/")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise AssertionError("gunicorn did not start")


def test_gunicorn_ends_a_runaway_request_and_replaces_its_worker():
    port = _free_port()
    environment = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
        "GUNICORN_REQUEST_CPU_SECONDS": "1",
    }
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and config)
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py"]
        + ["config.tests.spin_app:app"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        first_worker = _wait_for(port)
        assert _get(port, "/sleep") == first_worker  # two seconds waiting is not CPU
        # The spinning request never answers: its worker is ended under it.
        with pytest.raises((urllib.error.URLError, ConnectionError, TimeoutError)):
            _get(port, "/spin", timeout=60)
        second_worker = _wait_for(port)
        assert second_worker != first_worker
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert "GET /spin used" in output
    assert "over the 1.0 s budget" in output
