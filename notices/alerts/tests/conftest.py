"""Fixtures for the alert tests: a way to publish with the after-commit work run, a confirmed
subscriber, and for the end-to-end tests a real SMTP server and a real task worker process
(notices.alerts.tests.worker)."""

import sys

import pytest
from django.utils import timezone

from notices.alerts.tests.worker import SmtpSink, Worker
from notices.models import AlertSubscription


@pytest.fixture
def sink():
    server = SmtpSink().start()
    yield server
    server.stop()


@pytest.fixture
def queue(settings):
    """Tasks go to the database queue, for a worker process, instead of running at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def worker(sink, tmp_path, queue):
    running = Worker(sink, tmp_path, sys.executable)
    yield running
    running.stop()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a block's after-commit callbacks (where alerts are queued), as a real commit would,
    including those that the callbacks themselves add."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def subscriber(db):
    def make(email: str, council=None, *, confirmed: bool = True) -> AlertSubscription:
        return AlertSubscription.objects.create(
            email=email, council=council, confirmed_at=timezone.now() if confirmed else None
        )

    return make
