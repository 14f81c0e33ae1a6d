"""For the end-to-end alert tests: a real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it
receives, and a real task worker (`manage.py db_worker`) running against the test database.

On PostgreSQL the worker runs beside the test. SQLite's test database lives in this process's
memory, so there it is copied to a file, the worker runs on the file, and the file is copied back
(as notices/printing/tests/test_pdf_worker.py does for PDFs)."""

import email
import email.policy
import socket
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from django.db import connection
from django_tasks_db.models import DBTaskResult

from notices.printing.tests.test_pdf_worker import ROOT, database_url, in_memory, worker_env

WORKER = [
    "manage.py",
    "db_worker",
    "--interval",
    "0.1",
    "--no-startup-delay",
]


class SmtpSink:
    """A local SMTP server: every message it accepts, parsed, in arrival order."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self._lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def start(self) -> "SmtpSink":
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def count(self) -> int:
        with self._lock:
            return len(self.messages)

    def to(self, address: str) -> list[EmailMessage]:
        with self._lock:
            return [m for m in self.messages if m["To"] == address]


def env_for(sink: SmtpSink, url: str, **extra: str) -> dict[str, str]:
    return {
        **worker_env(url),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
        "DEFAULT_FROM_EMAIL": "alerts@privacy-notices.example",
        "DJANGO_SITE_URL": "http://testserver",
        **extra,
    }


class Worker:
    """Runs queued tasks in a real worker process, whichever database the tests use."""

    def __init__(self, sink: SmtpSink, tmp_path: Path, python: str, **extra_env: str) -> None:
        self.sink, self.tmp_path, self.python, self.extra_env = sink, tmp_path, python, extra_env
        self.log = tmp_path / "worker.log"
        self.copy = tmp_path / "queue.sqlite3"
        self.process: subprocess.Popen | None = None
        # Tasks a killed worker left marked running: no worker will finish them.
        self.abandoned: set = set()

    @property
    def on_a_copy(self) -> bool:
        return in_memory()

    def url(self) -> str:
        return f"sqlite:///{self.copy}" if self.on_a_copy else database_url()

    def start(self, *args: str) -> subprocess.Popen:
        """A worker process against the database (on SQLite: against the copy made by
        `copy_out`)."""
        assert self.process is None, "One worker at a time: stop the running one first."
        out = self.log.open("ab")
        self.process = subprocess.Popen(
            [self.python, *WORKER, *args],
            cwd=ROOT,
            env=env_for(self.sink, self.url(), **self.extra_env),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        return self.process

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def copy_out(self) -> None:
        connection.ensure_connection()
        self.copy.unlink(missing_ok=True)
        with sqlite3.connect(self.copy) as target:
            connection.connection.backup(target)

    def copy_back(self) -> None:
        with sqlite3.connect(self.copy) as source:
            source.backup(connection.connection)

    def drain(self, timeout: float = 120) -> None:
        """Runs every task that is ready, and what those tasks queue, until none is left."""
        if self.on_a_copy:
            self.copy_out()
            self.drain_copy(timeout)
            return
        if self.process is None:
            self.start()
        wait_until(lambda: not waiting_tasks(self.abandoned), timeout, self.log)

    def drain_copy(self, timeout: float = 120) -> None:
        """SQLite: a worker empties the queue of the file copy, which is then copied back."""
        done = subprocess.run(
            [self.python, *WORKER, "--batch"],
            cwd=ROOT,
            env=env_for(self.sink, self.url(), **self.extra_env),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        self.copy_back()

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""


def waiting_tasks(abandoned: set) -> bool:
    """Whether a task is ready to run or running."""
    running = DBTaskResult.objects.filter(status="RUNNING").exclude(pk__in=abandoned)
    return DBTaskResult.objects.ready().exists() or running.exists()


def wait_until(condition: Callable[[], bool], timeout: float, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise AssertionError(f"Timed out after {timeout} s.\n{tail}")


def body_of(message) -> str:
    """A received email's plain-text body."""
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    """A received email's HTML body."""
    return message.get_body(preferencelist=("html",)).get_content()
