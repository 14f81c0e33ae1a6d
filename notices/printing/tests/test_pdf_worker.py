"""A real task worker (`manage.py db_worker`, its own process) makes a shared block update's PDFs
from the database queue, on SQLite and PostgreSQL alike: the tasks are enqueued once publishing
commits, and the PDFs appear without the web process making them.

On PostgreSQL (or a SQLite file) the worker runs beside the test and the PDFs appear while it
waits. SQLite's test database lives in this process's memory, which no other process can open, so
there it is copied to a file, the worker runs on the file until the queue is empty
(`--batch`), and the file is copied back."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from notices.models import NoticeVersionPdf
from notices.printing import pdf
from notices.publishing.shared_block import publish_shared_block

ROOT = Path(__file__).resolve().parents[3]


def database_url() -> str:
    """The test database's address, for the worker's DATABASE_URL."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": "test-only-secret-key-not-for-any-real-deployment-0123456789",
        "DJANGO_HTTPS": "false",
        "DJANGO_DEBUG": "false",
    }


WORKER = [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"]


def start_worker(log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        return subprocess.Popen(
            WORKER, cwd=ROOT, env=worker_env(database_url()), stdout=out, stderr=subprocess.STDOUT
        )


def run_worker_on_a_copy(tmp_path: Path) -> None:
    """SQLite in memory: the worker empties the queue of a file copy, which is copied back."""
    copy = tmp_path / "queue.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(copy) as target:
        connection.connection.backup(target)
    done = subprocess.run(
        [*WORKER, "--batch"],
        cwd=ROOT,
        env=worker_env(f"sqlite:///{copy}"),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    with sqlite3.connect(copy) as source:
        source.backup(connection.connection)


def in_memory() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_makes_a_shared_block_updates_pdfs(
    make_notice, published_block, publish, settings, tmp_path
):
    # More notices than a publication waits for, so the update's PDFs go to the queue.
    notices = [make_notice() for _ in range(pdf.MADE_WHILE_WAITING + 1)]
    for notice in notices:
        publish(notice)
    settings.PDF_ON_PUBLISH = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log = tmp_path / "worker.log"
    worker = None if in_memory() else start_worker(log)
    try:
        published_block.parts.update(body="The Department keeps a national database of pupils.")
        publication = publish_shared_block(
            published_block, by=None, change_note="Reworded", is_major=False
        )
        versions = {v.pk for v in publication.notice_versions}
        assert len(versions) == len(notices)
        # Publishing made none of them itself: one task in the queue, for the worker.
        task = DBTaskResult.objects.get(task_path__startswith="notices.printing.")
        assert sorted(task.args_kwargs["kwargs"]["version_ids"]) == sorted(versions)
        if worker is None:
            run_worker_on_a_copy(tmp_path)
        deadline = time.monotonic() + 120
        made: set[int] = set()
        while time.monotonic() < deadline and (worker is None or worker.poll() is None):
            made = set(
                NoticeVersionPdf.objects.filter(version__in=versions).values_list(
                    "version_id", flat=True
                )
            )
            task.refresh_from_db()
            if made == versions and task.status == "SUCCESSFUL":
                break
            time.sleep(0.25)
        assert made == versions, log.exists() and log.read_text(errors="replace")[-3000:]
        assert task.status == "SUCCESSFUL"
        assert task.return_value == len(versions)
    finally:
        if worker is not None:
            worker.terminate()
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
