"""What a publication emails, to whom, and once: through publishing, the queue (run as enqueued
in tests) and the email backend's outbox."""

import socket

import pytest
from django.core import mail
from django.urls import reverse

from notices.alerts import queueing, sending
from notices.models import AlertDelivery
from notices.publishing.shared_block import publish_shared_block

pytestmark = pytest.mark.django_db


def sent_to() -> list[str]:
    return sorted(message.to[0] for message in mail.outbox)


def test_a_major_change_emails_each_confirmed_follower_once_with_the_note_and_links(
    make_council, make_notice, published_block, publish, subscriber, committed
):
    council, elsewhere = make_council(), make_council()
    notice = make_notice(council=council)
    with committed():
        publish(notice, "First")
    mail.outbox.clear()
    subscriber("follows@example.org", council)
    subscriber("everything@example.org")
    subscriber("unconfirmed@example.org", council, confirmed=False)
    subscriber("other@example.org", elsewhere)
    notice.sections.update(body="We now also keep notes of phone calls.")
    with committed():
        version = publish(notice, "We keep notes of phone calls now.", major=True)
    assert sent_to() == ["everything@example.org", "follows@example.org"]
    message = next(m for m in mail.outbox if m.to == ["follows@example.org"])
    assert council.name in message.subject
    assert "We keep notes of phone calls now." in message.body
    assert "in the council's words" in message.body
    version_url = reverse("notices:version", args=[council.slug, notice.kind, 2])
    compare_url = reverse("notices:compare", args=[council.slug, notice.kind, 1, 2])
    assert version_url in message.body and compare_url in message.body
    html = message.alternatives[0][0]
    assert version_url in html and compare_url in html
    assert "We keep notes of phone calls now." in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert message.extra_headers["Message-ID"].startswith("<alert-")
    assert AlertDelivery.objects.filter(version=version, sent_at__isnull=False).count() == 2


def test_a_minor_change_emails_nobody_and_queues_nothing(
    make_notice, published_block, publish, subscriber, committed
):
    notice = make_notice()
    publish(notice, "First")
    subscriber("follows@example.org", notice.council)
    notice.sections.update(body="A typing error fixed.")
    with committed():
        publish(notice, "Fixed a typing error", major=False)
    assert mail.outbox == []
    assert AlertDelivery.objects.count() == 0


def test_a_major_shared_block_update_alerts_every_changed_notices_followers_and_publishers(
    make_council, make_notice, published_block, publish, subscriber, make_staff, committed
):
    notices = [make_notice(), make_notice()]
    for notice in notices:
        publish(notice)
    subscriber("one@example.org", notices[0].council)
    subscriber("all@example.org")
    publisher = make_staff(notices[1].council, "publisher")
    make_staff(notices[1].council, "editor")
    published_block.parts.update(body="The Department now keeps this for longer.")
    with committed():
        publish_shared_block(published_block, by=None, change_note="Longer keeping", is_major=True)
    # all@ follows both notices: one email per change, so two.
    assert sent_to() == ["all@example.org", "all@example.org", "one@example.org", publisher.email]
    staff_message = next(m for m in mail.outbox if m.to == [publisher.email])
    assert "Longer keeping" in staff_message.body
    assert "List-Unsubscribe" not in staff_message.extra_headers
    council = notices[1].council
    compare = reverse("notices:compare", args=[council.slug, notices[1].kind, 1, 2])
    assert compare in staff_message.body and compare in staff_message.alternatives[0][0]
    public = next(m for m in mail.outbox if m.to == ["one@example.org"])
    assert "Longer keeping" in public.body
    assert "in the national team's words" in public.body


def test_a_minor_shared_block_update_tells_only_the_publishers(
    make_notice, published_block, publish, subscriber, make_staff, committed
):
    notice = make_notice()
    publish(notice)
    subscriber("one@example.org", notice.council)
    publisher = make_staff(notice.council, "publisher")
    published_block.parts.update(body="Reworded, same meaning.")
    with committed():
        publish_shared_block(published_block, by=None, change_note="Reworded", is_major=False)
    assert sent_to() == [publisher.email]


def test_queueing_and_sending_again_sends_nothing_twice(
    make_notice, published_block, publish, subscriber, committed
):
    notice = make_notice()
    subscriber("once@example.org", notice.council)
    with committed():
        version = publish(notice)
    assert len(mail.outbox) == 1
    assert queueing.queue_deliveries([version.pk]) == 1  # owed, but already recorded
    assert AlertDelivery.objects.count() == 1
    assert sending.send_pending().sent == 0
    assert len(mail.outbox) == 1


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_email_the_server_refuses_is_counted_retried_and_then_listed_as_failing(
    make_notice, published_block, publish, subscriber, settings, committed, make_staff, client
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        closed_port(),
        2,
    )
    notice = make_notice()
    subscriber("unlucky@example.org", notice.council)
    with committed():
        publish(notice)
    delivery = AlertDelivery.objects.get()
    assert delivery.sent_at is None
    assert delivery.attempts == 1
    assert "ConnectionRefusedError" in delivery.last_error
    for _ in range(sending.MAX_ATTEMPTS - 1):
        assert sending.send_pending().failed == 1
    assert AlertDelivery.objects.failing(sending.MAX_ATTEMPTS).count() == 1
    # Failing now: no more attempts.
    assert sending.send_pending().failed == 0

    client.force_login(make_staff(national=True))
    listed = client.get(reverse("admin:notices_alertdelivery_changelist") + "?state=failing")
    assert listed.status_code == 200
    assert b"Subscriber u\xe2\x80\xa6@example.org" in listed.content
    assert b"unlucky@" not in listed.content

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    again = client.post(
        reverse("admin:notices_alertdelivery_changelist"),
        {"action": "try_again", "_selected_action": [delivery.pk]},
    )
    assert again.status_code == 302
    delivery.refresh_from_db()
    assert delivery.sent_at is not None
    assert [m.to for m in mail.outbox] == [["unlucky@example.org"]]


def test_a_change_published_before_someone_confirmed_is_not_sent_to_them_however_late_queued(
    make_notice, published_block, publish, subscriber
):
    notice = make_notice()
    before = subscriber("before@example.org", notice.council)
    version = publish(notice)  # no commit here: queueing has not run yet
    subscriber("after@example.org", notice.council)
    assert queueing.queue_deliveries([version.pk]) == 1
    assert list(AlertDelivery.objects.values_list("subscription", flat=True)) == [before.pk]
