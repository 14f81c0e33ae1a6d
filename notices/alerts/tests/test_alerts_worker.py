"""End to end: the public pages, a real task worker process and a real SMTP server on 127.0.0.1.

Ask for alerts, get the confirmation email, confirm, receive an alert on a major change and none
on a minor one, unsubscribe in one click and receive no more; and a worker killed with SIGKILL
in the middle of a batch, then started again, loses no email and sends none twice.
"""

import re
import signal
import sqlite3
import sys
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from notices.alerts.tests.worker import Worker, body_of, html_of, wait_until
from notices.models import AlertDelivery, AlertSubscription
from notices.publishing.shared_block import publish_shared_block

pytestmark = pytest.mark.django_db(transaction=True)


def local(url: str) -> str:
    assert url.startswith("http://testserver/"), url
    return url.removeprefix("http://testserver")


def test_subscribe_confirm_alert_on_major_change_none_on_minor_and_one_click_unsubscribe(
    worker, sink, make_notice, published_block, publish
):
    notice = make_notice()
    council = notice.council
    publish(notice, "First version")
    worker.drain()
    client = Client()

    # Ask for alerts: the worker sends the confirmation email.
    asked = client.post(
        reverse("alerts:subscribe", args=[council.slug]),
        {"email": "parent@example.org", "follows": "council"},
    )
    assert asked.status_code == 302
    worker.drain()
    [confirmation] = sink.to("parent@example.org")
    assert html_of(confirmation)  # a readable HTML part beside the text
    confirm_url = re.search(r"http://testserver/alerts/confirm/\S+/", body_of(confirmation))[0]
    assert client.post(local(confirm_url)).status_code == 200
    assert AlertSubscription.objects.get().is_confirmed

    # A major change: one alert with the change note and links.
    notice.sections.update(body="We now share records with the health visiting service.")
    publish(notice, "We now share records with health visitors.", major=True)
    worker.drain()
    [_, alert] = sink.to("parent@example.org")
    text = body_of(alert)
    assert "We now share records with health visitors." in text
    assert reverse("notices:compare", args=[council.slug, notice.kind, 1, 2]) in text
    assert reverse("notices:version", args=[council.slug, notice.kind, 2]) in html_of(alert)
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Folded onto its own line by the sender when long: folding whitespace is part of the header.
    unsubscribe_url = alert["List-Unsubscribe"].strip().strip("<>")

    # A minor change: nothing queued, nothing sent.
    notice.sections.update(body="We now share records with the health-visiting service.")
    publish(notice, "A hyphen", major=False)
    worker.drain()
    assert len(sink.to("parent@example.org")) == 2

    # One click, as a mail client sends it: no cookie, no CSRF token.
    mail_client = Client(enforce_csrf_checks=True)
    left = mail_client.post(
        local(unsubscribe_url),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert left.status_code == 200
    assert AlertSubscription.objects.count() == 0
    notice.sections.update(body="We no longer share records with anyone new.")
    publish(notice, "Stopped sharing", major=True)
    worker.drain()
    assert len(sink.to("parent@example.org")) == 2
    assert sink.count() == 2


def pending_on(worker: Worker) -> tuple[int, int]:
    """(sent, unsent) delivery records as the worker's database has them now."""
    if worker.on_a_copy:
        with sqlite3.connect(worker.copy, timeout=10) as db:
            return db.execute(
                "SELECT COUNT(sent_at), COUNT(*) - COUNT(sent_at) FROM notices_alertdelivery"
            ).fetchone()
    sent = AlertDelivery.objects.filter(sent_at__isnull=False).count()
    return sent, AlertDelivery.objects.count() - sent


def test_a_worker_killed_mid_batch_and_started_again_loses_no_email_and_sends_none_twice(
    sink, tmp_path, queue, make_notice, published_block, publish, subscriber
):
    # Five emails a second, so that the kill lands between two sends, where the worker spends
    # nearly all its time; the successor run is due a second after the first starts.
    worker = Worker(
        sink, tmp_path, sys.executable, ALERT_EMAILS_PER_SECOND="5", ALERT_RESUME_SECONDS="1"
    )
    try:
        notices = [make_notice() for _ in range(3)]
        for notice in notices:
            publish(notice)
        worker.drain()
        # One worker only from here, so that killing it stops all sending.
        worker.stop()
        for n in range(4):
            subscriber(f"follower{n}@example.org")
        published_block.parts.update(body="The Department keeps pupils' records for longer.")
        publish_shared_block(published_block, by=None, change_note="Longer", is_major=True)
        expected = 3 * 4
        if worker.on_a_copy:
            worker.copy_out()
        process = worker.start()
        # Killed once three emails have arrived and each is recorded as sent.
        wait_until(lambda: sink.count() >= 3 and pending_on(worker)[0] == sink.count(), 60)
        process.send_signal(signal.SIGKILL)
        process.wait()
        worker.process = None
        before_restart = sink.count()
        assert 3 <= before_restart < expected
        assert pending_on(worker) == (before_restart, expected - before_restart)

        # The killed run's task stays "running"; its successor, due a second after it started,
        # finishes the batch.
        time.sleep(1.2)
        if worker.on_a_copy:
            worker.drain_copy()
        else:
            worker.abandoned = set(
                DBTaskResult.objects.filter(status="RUNNING").values_list("pk", flat=True)
            )
            worker.start()
            wait_until(lambda: pending_on(worker) == (expected, 0), 60, worker.log)
            worker.drain()
        assert sink.count() == expected
        ids = {message["Message-ID"] for message in sink.messages}
        assert len(ids) == expected
        pairs = {(m["To"], m["Subject"]) for m in sink.messages}
        assert len(pairs) == expected
        assert AlertDelivery.objects.filter(sent_at__isnull=True).count() == 0
    finally:
        worker.stop()


def test_a_shared_block_cascade_to_many_councils_sends_every_subscriber_one_email_per_notice(
    worker, sink, make_notice, published_block, publish, subscriber, make_staff
):
    councils = 20
    notices = [make_notice() for _ in range(councils)]
    for notice in notices:
        publish(notice)
        for n in range(3):
            subscriber(f"reader{n}@{notice.council.slug}.example.org", notice.council)
    subscriber("everything@example.org")
    subscriber("watcher@example.org")
    publishers = [make_staff(notice.council, "publisher") for notice in notices[:5]]
    worker.drain()
    assert sink.count() == 0  # the first versions were published before anyone subscribed

    published_block.parts.update(body="The Department now says which requests it approved.")
    publish_shared_block(published_block, by=None, change_note="Approved requests", is_major=True)
    worker.drain()

    expected = councils * 3 + councils * 2 + len(publishers)
    assert sink.count() == expected
    assert len({m["Message-ID"] for m in sink.messages}) == expected
    for notice in notices:
        for n in range(3):
            [alert] = sink.to(f"reader{n}@{notice.council.slug}.example.org")
            assert notice.council.name in alert["Subject"]
    for everywhere in ("everything@example.org", "watcher@example.org"):
        subjects = sorted(m["Subject"] for m in sink.to(everywhere))
        assert len(subjects) == len(set(subjects)) == councils
    for publisher in publishers:
        assert len(sink.to(publisher.email)) == 1
    assert AlertDelivery.objects.filter(sent_at__isnull=True).count() == 0
