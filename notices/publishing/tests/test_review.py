"""Review before publishing, end to end through the admin: an editor submits the draft with a
message, the council's publishers are emailed, the draft is locked against every write path, and a
publisher approves it (publishing it) or sends it back with a comment the editor sees and is
emailed. Bad input and other people's requests change nothing."""

import pytest
from django.core import mail
from django.urls import reverse

from notices.importing.tests.test_drafting import libraries  # noqa: F401
from notices.models import AuditEvent, Notice, NoticeReview, NoticeVersion
from notices.publishing.drafts import DraftUnderReviewError
from notices.publishing.restoring import restore_version_to_draft
from notices.publishing.review import ReviewError, send_back, submit_for_review
from notices.testing.forms import form_data

pytestmark = pytest.mark.django_db


def url(name: str, notice: Notice, *args) -> str:
    return reverse(f"admin:notices_notice_{name}", args=[notice.pk, *args])


@pytest.fixture
def team(make_notice, make_staff, published_block, publish):
    """A published notice with a change in its draft, its editor and two publishers, and a
    publisher of another council."""
    notice = make_notice()
    publish(notice)
    Notice.objects.filter(pk=notice.pk).update(title="Children's social care: how we use data")
    notice.refresh_from_db()
    other = make_notice()
    return {
        "notice": notice,
        "editor": make_staff(notice.council, "editor"),
        "publisher": make_staff(notice.council, "publisher"),
        "second_publisher": make_staff(notice.council, "publisher"),
        "outsider": make_staff(other.council, "publisher"),
    }


def submit(client, notice, message="I rewrote the title; please check it."):
    data = form_data(
        client.get(url("submit_for_review", notice)).content.decode(), "submit_for_review_form"
    )
    data["message"] = message
    return client.post(url("submit_for_review", notice), data)


def decide(client, notice, form_id: str, **fields):
    data = form_data(client.get(url("review", notice)).content.decode(), form_id)
    data.update(fields)
    return client.post(url("review", notice), data)


def test_submit_send_back_resubmit_and_approve_publishes_and_emails_each_person(
    client, team, django_capture_on_commit_callbacks
):
    notice, editor, publisher = team["notice"], team["editor"], team["publisher"]
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, notice)
    assert response.status_code == 302
    review = NoticeReview.objects.get()
    assert review.is_pending and review.submitted_by == editor
    # Both publishers, and nobody else, hear about it, in text and HTML.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [publisher.email, team["second_publisher"].email]
    )
    email = mail.outbox[0]
    assert "I rewrote the title; please check it." in email.body
    assert url("review", notice) in email.body
    html, kind = email.alternatives[0]
    assert kind == "text/html" and "I rewrote the title" in html

    change_page = client.get(url("change", notice)).content.decode()
    assert "This draft is waiting for review and cannot be changed" in change_page

    mail.outbox.clear()
    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, notice, "send_back_form", comment="Say who the data is about.")
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.state == NoticeReview.State.SENT_BACK and review.decided_by == publisher
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "Say who the data is about." in mail.outbox[0].body
    assert NoticeVersion.objects.of_notice(notice).count() == 1

    # The editor sees the comment on the draft, which is unlocked again.
    client.force_login(editor)
    change_page = client.get(url("change", notice)).content.decode()
    assert "Say who the data is about." in change_page
    data = form_data(change_page, "notice_form")
    data["title"] = "Children's social care: how we use information about children"
    assert client.post(url("change", notice), data).status_code == 302

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(client, notice, "Now says who it is about.").status_code == 302
    client.force_login(team["second_publisher"])
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(
            client, notice, "approve_form", change_note="Clearer title.", change_kind="minor"
        )
    assert response.status_code == 302
    latest = NoticeVersion.objects.of_notice(notice).order_by("-number").first()
    assert latest.number == 2
    assert latest.title == "Children's social care: how we use information about children"
    assert latest.published_by == team["second_publisher"] and not latest.is_major
    assert mail.outbox[-1].to == [editor.email]
    assert "now version 2" in mail.outbox[-1].body
    assert list(
        AuditEvent.objects.filter(notice=notice, action__startswith="review-")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["review-submitted", "review-sent-back", "review-submitted", "review-approved"]


def test_a_draft_under_review_refuses_the_admin_form_a_restore_and_an_import(client, team, publish):
    notice, editor = team["notice"], team["editor"]
    client.force_login(editor)
    # Opened before the submission: a stale form, saved after it.
    stale = form_data(client.get(url("change", notice)).content.decode(), "notice_form")
    assert submit(client, notice).status_code == 302
    stale["title"] = "Sneaked in"
    response = client.post(url("change", notice), stale)
    assert response.status_code == 200
    assert "This draft cannot be changed" in response.content.decode()
    notice.refresh_from_db()
    assert notice.title == "Children's social care: how we use data"

    version = NoticeVersion.objects.of_notice(notice).get()
    with pytest.raises(DraftUnderReviewError):
        restore_version_to_draft(notice, version, by=editor)
    restore_page = client.get(url("restore", notice, 1)).content.decode()
    response = client.post(url("restore", notice, 1), form_data(restore_page, "restore_form"))
    assert response.status_code == 200
    assert "This draft cannot be changed" in response.content.decode()
    notice.refresh_from_db()
    assert notice.title == "Children's social care: how we use data"

    # Publishing it goes through the review, not around it.
    client.force_login(team["publisher"])
    assert client.get(url("publish", notice))["Location"] == url("review", notice)


def test_an_empty_message_a_double_submit_and_an_unchanged_draft_are_refused(
    client, team, make_notice, publish
):
    notice = team["notice"]
    client.force_login(team["editor"])
    response = submit(client, notice, message="   ")
    assert response.status_code == 400
    assert "Write a message for the publisher" in response.content.decode()
    assert not NoticeReview.objects.exists()

    page = client.get(url("submit_for_review", notice)).content.decode()
    first = form_data(page, "submit_for_review_form") | {"message": "First"}
    assert client.post(url("submit_for_review", notice), first).status_code == 302
    again = client.post(url("submit_for_review", notice), first | {"message": "Second"})
    assert again.status_code == 400
    assert "already waiting for review" in again.content.decode()
    assert list(NoticeReview.objects.values_list("message", flat=True)) == ["First"]

    unchanged = make_notice()
    publish(unchanged)
    with pytest.raises(ReviewError, match="nothing to review"):
        submit_for_review(notice=unchanged, by=team["editor"], message="Hi", opened_revision=None)


def test_a_decision_on_a_review_already_decided_is_refused_and_changes_nothing(client, team):
    notice = team["notice"]
    review = submit_for_review(
        notice=notice, by=team["editor"], message="Please check", opened_revision=None
    )
    client.force_login(team["publisher"])
    page = client.get(url("review", notice)).content.decode()
    stale_approval = form_data(page, "approve_form") | {"change_note": "Clearer title."}
    send_back(review=review, by=team["second_publisher"], comment="Not yet.")
    response = client.post(url("review", notice), stale_approval)
    assert response.status_code == 400
    assert "already decided this review" in response.content.decode()
    assert NoticeVersion.objects.of_notice(notice).count() == 1
    review.refresh_from_db()
    assert review.state == NoticeReview.State.SENT_BACK and review.comment == "Not yet."


def test_a_send_back_without_a_comment_is_a_form_error_and_the_draft_stays_locked(client, team):
    notice = team["notice"]
    submit_for_review(
        notice=notice, by=team["editor"], message="Please check", opened_revision=None
    )
    client.force_login(team["publisher"])
    response = decide(client, notice, "send_back_form", comment="")
    assert response.status_code == 400
    assert "Write a comment saying what the editor should change" in response.content.decode()
    assert NoticeReview.objects.get().is_pending


def test_an_editor_cannot_approve_and_a_submitter_cannot_approve_their_own_draft(client, team):
    notice = team["notice"]
    client.force_login(team["editor"])
    assert submit(client, notice).status_code == 302
    page = client.get(url("review", notice))
    assert page.status_code == 200
    assert b"Approve and publish" not in page.content
    forged = {"decision": "approve", "review": NoticeReview.objects.get().pk, "change_note": "x"}
    assert client.post(url("review", notice), forged).status_code == 403
    assert NoticeVersion.objects.of_notice(notice).count() == 1

    NoticeReview.objects.all().update(submitted_by=team["publisher"])
    client.force_login(team["publisher"])
    response = decide(client, notice, "approve_form", change_note="Mine.", change_kind="minor")
    assert response.status_code == 400
    assert "another publisher of the council must approve it" in response.content.decode()
    assert NoticeVersion.objects.of_notice(notice).count() == 1


def test_another_councils_staff_get_404_for_every_review_page(client, team):
    notice = team["notice"]
    submit_for_review(
        notice=notice, by=team["editor"], message="Please check", opened_revision=None
    )
    client.force_login(team["outsider"])
    assert client.get(url("review", notice)).status_code == 404
    assert client.get(url("submit_for_review", notice)).status_code == 404
    forged = {"decision": "send-back", "review": NoticeReview.objects.get().pk, "comment": "x"}
    assert client.post(url("review", notice), forged).status_code == 404
    assert NoticeReview.objects.get().is_pending
    assert client.get(reverse("admin:notices_notice_review", args=["abc"])).status_code == 404


def test_a_forged_review_id_is_a_form_error(client, team):
    notice = team["notice"]
    submit_for_review(
        notice=notice, by=team["editor"], message="Please check", opened_revision=None
    )
    client.force_login(team["publisher"])
    for review_id in ("999999", "not-a-number", ""):
        response = client.post(
            url("review", notice), {"decision": "send-back", "review": review_id, "comment": "x"}
        )
        assert response.status_code == 400
    assert NoticeReview.objects.get().is_pending


def test_an_import_over_a_draft_under_review_is_refused_and_writes_nothing(
    client,
    libraries,  # noqa: F811
    make_notice,
    make_staff,
    published_block,
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from notices.importing.tests.test_drafting import MARKDOWN_NOTICE
    from tests.database import database_state

    notice = make_notice()
    editor = make_staff(notice.council, "editor")
    client.force_login(editor)
    file = SimpleUploadedFile("notice.md", MARKDOWN_NOTICE.encode(), content_type="text/markdown")
    chosen = client.post(url("import", notice), {"file": file, "_preview": "Review"})
    assert chosen.status_code == 302
    review_page = chosen["Location"]
    # The import's review screen was open when the draft was submitted for review.
    data = form_data(client.get(review_page).content.decode(), "create_draft_form")
    assert "opened_revision" in data
    submit_for_review(notice=notice, by=editor, message="Please check", opened_revision=None)
    before = database_state()
    response = client.post(review_page, data | {"replace_draft": "on"})
    assert response.status_code == 400
    assert "This draft cannot be changed" in response.content.decode()
    assert database_state() == before
