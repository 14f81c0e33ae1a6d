"""Sending the queued emails, once each, from the task worker.

Each delivery record is sent in its own transaction: the row is marked sent, the email handed to
the mail server, and only then is the transaction committed. A worker killed mid-send leaves the
row unsent (the transaction never commits), so the next worker sends it; a sent row is never
picked again. The one gap left is a kill between the mail server's "accepted" and the commit, a
moment of one database commit: then that email goes twice, with the same Message-ID, which
receiving services drop as a duplicate. (On PostgreSQL the commit does not wait for the disk;
see _send_next.)

A failure is counted on the record and retried by a later run, up to MAX_ATTEMPTS; past that the
record is "failing" and the national admins' list shows it (notices.alerts.admin). On
PostgreSQL several workers share the queue (SKIP LOCKED); on SQLite run one.
"""

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as connection_db
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from notices.alerts.emails import build_message
from notices.alerts.messages import confirmation_email, email_for
from notices.alerts.subscribing import purge_unconfirmed
from notices.models import AlertDelivery, AlertSubscription

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# The wait before a failed email is tried again, after each failed attempt.
RETRY_AFTER = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
]


@dataclass
class Drained:
    sent: int = 0
    failed: int = 0


@task()
def send_alerts() -> dict:
    """Sends every queued email; retried later if any failed. Also deletes expired sign-ups.

    A worker killed mid-run leaves this task marked running for good, and the queue never runs
    it again; so before sending, a run that has work queues its own successor for
    ALERT_RESUME_SECONDS later, which finishes anything the run did not. After a run that ends
    well, the successor finds nothing to send and queues no other."""
    if AlertDelivery.objects.pending(MAX_ATTEMPTS).exists():
        _queue_successor()
    drained = send_pending()
    if drained.failed:
        _retry_later(send_alerts, after_attempt=_lowest_attempts())
    purge_unconfirmed()
    return {"sent": drained.sent, "failed": drained.failed}


def send_pending() -> Drained:
    """Sends the unsent records, oldest first, until none is left that has not failed here."""
    drained = Drained()
    failed_here: set[int] = set()
    interval = 1 / settings.ALERT_EMAILS_PER_SECOND if settings.ALERT_EMAILS_PER_SECOND > 0 else 0
    connection = get_connection()
    try:
        while True:
            try:
                outcome = _send_next(connection, skip=failed_here)
            except _SendFailed as failure:
                _record_failure(failure.delivery_id, failure.error)
                failed_here.add(failure.delivery_id)
                drained.failed += 1
                connection.close()
                continue
            if outcome is None:
                break
            if not outcome:
                continue
            drained.sent += 1
            if interval:
                time.sleep(interval)
    finally:
        connection.close()
    return drained


class _SendFailed(Exception):
    def __init__(self, delivery_id: int, error: Exception) -> None:
        self.delivery_id, self.error = delivery_id, error


def _send_next(connection, *, skip: set[int]) -> bool | None:
    """Sends the oldest unsent record: True once sent, False if another worker had it, None when
    none is left."""
    with transaction.atomic():
        if connection_db.vendor == "postgresql":
            # One commit per email, each waiting for the disk, is most of a run's time. Without
            # the wait a killed worker still loses nothing (the server has the commit); only a
            # crash of the database server itself could forget the last moment's marks, and
            # those emails would go twice, with the same Message-ID.
            with connection_db.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        delivery = (
            AlertDelivery.objects.pending(MAX_ATTEMPTS)
            .exclude(pk__in=skip)
            .select_related(
                "subscription__council",
                "staff",
                "version__notice__council",
                "version__shared_block_version",
            )
            # The email needs a version's title and note, not its content: a notice's snapshot
            # and HTML run to hundreds of kilobytes.
            .defer(
                "version__snapshot",
                "version__rendered_html",
                "version__shared_block_version__snapshot",
            )
            # Locks the record only (never the notice or the version), skipping any another
            # worker holds.
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")
            .first()
        )
        if delivery is None:
            return None
        # Marks it sent inside the transaction: committed only once the server has the email,
        # and, on SQLite, taking the write lock before sending.
        claimed = AlertDelivery.objects.filter(pk=delivery.pk, sent_at__isnull=True).update(
            sent_at=timezone.now()
        )
        if not claimed:
            return False
        try:
            # One connection for the run (the backend's send_messages would open and close one
            # per email); reopened after a failure closed it.
            connection.open()
            connection.send_messages([build_message(email_for(delivery))])
        except Exception as error:
            raise _SendFailed(delivery.pk, error) from error
    return True


def _record_failure(delivery_id: int, error: Exception) -> None:
    logger.warning("Alert email %s failed: %s", delivery_id, error)
    with transaction.atomic():
        delivery = AlertDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None:
            return
        delivery.attempts += 1
        delivery.last_error = f"{type(error).__name__}: {error}"[:300]
        delivery.save(update_fields=["attempts", "last_error"])


def _queue_successor() -> None:
    if send_alerts.get_backend().supports_defer:
        wait = timedelta(seconds=settings.ALERT_RESUME_SECONDS)
        send_alerts.using(run_after=timezone.now() + wait).enqueue()


def _lowest_attempts() -> int:
    row = (
        AlertDelivery.objects.pending(MAX_ATTEMPTS)
        .filter(attempts__gt=0)
        .order_by("attempts")
        .values_list("attempts", flat=True)
        .first()
    )
    return row or 1


def _retry_later(retried_task, *, after_attempt: int, **kwargs) -> None:
    """Enqueues the task again after the wait for this attempt, where the backend can wait (the
    database queue can; the tests' immediate backend would retry at once, for ever)."""
    if not retried_task.get_backend().supports_defer:
        return
    wait = RETRY_AFTER[min(after_attempt, len(RETRY_AFTER)) - 1]
    retried_task.using(run_after=timezone.now() + wait).enqueue(**kwargs)


@task()
def send_confirmation(subscription_id: int, attempt: int = 1) -> bool:
    """Emails the confirmation link, unless the subscription is gone or already confirmed.
    Retried after a failure, up to MAX_ATTEMPTS; the failed task stays in the queue's list."""
    subscription = (
        AlertSubscription.objects.filter(pk=subscription_id, confirmed_at__isnull=True)
        .select_related("council")
        .first()
    )
    if subscription is None:
        return False
    try:
        build_message(confirmation_email(subscription)).send()
    except Exception:
        if attempt < MAX_ATTEMPTS:
            _retry_later(
                send_confirmation,
                after_attempt=attempt,
                subscription_id=subscription_id,
                attempt=attempt + 1,
            )
        raise
    return True
