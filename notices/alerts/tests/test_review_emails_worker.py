"""End to end: the review workflow's emails go through a real task worker process and a real SMTP
server on 127.0.0.1 (notices.alerts.tests.worker): submit, send back, submit again, approve."""

import pytest
from django.test import Client
from django.urls import reverse

from notices.alerts.tests.worker import body_of, html_of
from notices.models import Notice, NoticeReview, NoticeVersion
from notices.testing.forms import form_data

pytestmark = pytest.mark.django_db(transaction=True)


def post_form(client: Client, url: str, form_id: str, **fields):
    data = form_data(client.get(url).content.decode(), form_id) | fields
    return client.post(url, data)


def test_submit_send_back_and_approve_email_each_person_through_the_worker(
    worker, sink, make_notice, make_staff, published_block, publish
):
    notice = make_notice()
    publish(notice)
    Notice.objects.filter(pk=notice.pk).update(title="A clearer title")
    editor = make_staff(notice.council, "editor")
    publisher = make_staff(notice.council, "publisher")
    submit_url = reverse("admin:notices_notice_submit_for_review", args=[notice.pk])
    review_url = reverse("admin:notices_notice_review", args=[notice.pk])
    editor_client, publisher_client = Client(), Client()
    editor_client.force_login(editor)
    publisher_client.force_login(publisher)

    response = post_form(
        editor_client, submit_url, "submit_for_review_form", message="New title, please check."
    )
    assert response.status_code == 302
    worker.drain()
    [asked] = sink.to(publisher.email)
    assert "New title, please check." in body_of(asked)
    assert "New title, please check." in html_of(asked)
    assert f"http://testserver{review_url}" in body_of(asked)

    response = post_form(
        publisher_client, review_url, "send_back_form", comment="Say what changed for families."
    )
    assert response.status_code == 302
    worker.drain()
    [sent_back] = sink.to(editor.email)
    assert "was sent back" in sent_back["Subject"]
    assert "Say what changed for families." in body_of(sent_back)

    resubmitted = post_form(editor_client, submit_url, "submit_for_review_form", message="Done.")
    assert resubmitted.status_code == 302
    response = post_form(publisher_client, review_url, "approve_form", change_note="Clearer title.")
    assert response.status_code == 302
    worker.drain()
    assert NoticeVersion.objects.of_notice(notice).count() == 2
    assert [r.state for r in NoticeReview.objects.order_by("pk")] == ["sent-back", "approved"]
    assert len(sink.to(publisher.email)) == 2
    approved = sink.to(editor.email)[-1]
    assert "was published" in approved["Subject"]
    assert "now version 2" in body_of(approved)
    assert sink.count() == 4  # each person once per step, nobody twice
