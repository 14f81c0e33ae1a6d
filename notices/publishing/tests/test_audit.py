"""The audit log: who changed what and when, in drafts and publications, and who may read it."""

import pytest
from django.urls import reverse

from notices.models import AuditEvent, ImmutableVersionError
from notices.publishing.restoring import restore_version_to_draft
from notices.publishing.shared_block import publish_shared_block
from notices.testing.forms import form_data

pytestmark = pytest.mark.django_db


def events(**filters) -> list[tuple[str, str]]:
    return list(AuditEvent.objects.filter(**filters).values_list("action", "summary"))


def test_an_admin_save_of_a_draft_records_who_changed_which_fields(client, make_notice, make_staff):
    notice = make_notice()
    editor = make_staff(notice.council, "editor")
    editor.first_name, editor.last_name = "Erin", "Editor"
    editor.save()
    client.force_login(editor)
    url = reverse("admin:notices_notice_change", args=[notice.pk])
    data = form_data(client.get(url).content.decode(), "notice_form")
    data["title"] = "A clearer title"
    data["sections-0-body"] = "New words."

    assert client.post(url, data).status_code == 302

    event = AuditEvent.objects.get(action="draft-saved")
    assert (event.actor, event.actor_name, event.council, event.notice) == (
        editor,
        "Erin Editor",
        notice.council,
        notice,
    )
    assert "Title" in event.summary and "Body" in event.summary


def test_publishing_restoring_and_block_updates_are_recorded(
    make_notice, make_staff, published_block
):
    from notices.publishing.publish import publish_notice

    notice = make_notice()
    publisher = make_staff(notice.council, "publisher")
    version = publish_notice(notice, by=publisher, change_note="First publication", is_major=True)
    restore_version_to_draft(notice, version, by=publisher)
    published_block.title = "A new block title"
    published_block.save()
    publish_shared_block(published_block, by=None, change_note="Retitled", is_major=False)

    assert events(notice=notice) == [
        ("block-embedded", "Version 2 published with shared block version 2."),
        ("draft-restored", "Copied version 1 into the draft."),
        ("notice-published", "Published version 1 (major change): First publication"),
    ]
    assert events(council=None, action="block-published")[0] == (
        "block-published",
        "Published shared block version 2: Retitled",
    )
    block_event = AuditEvent.objects.filter(action="block-published").first()
    assert block_event.object_repr == "A new block title"


def test_audit_events_are_never_changed(make_notice, make_staff):
    notice = make_notice()
    make_staff(notice.council, "editor")
    event = AuditEvent.objects.first()
    event.summary = "Rewritten"
    with pytest.raises(ImmutableVersionError):
        event.save()


def test_publishers_read_their_councils_audit_log_and_editors_do_not(
    client, make_notice, make_staff, publish
):
    own, other = make_notice(), make_notice()
    publish(own, "Our first version")
    publish(other, "Their first version")
    changelist = reverse("admin:notices_auditevent_changelist")

    client.force_login(make_staff(own.council, "editor"))
    assert client.get(changelist).status_code == 403

    client.force_login(make_staff(own.council, "publisher"))
    page = client.get(changelist).content.decode()
    assert "Our first version" in page
    assert "Their first version" not in page

    client.force_login(make_staff(national=True))
    page = client.get(changelist).content.decode()
    assert "Our first version" in page and "Their first version" in page


def test_giving_someone_a_role_is_recorded_against_the_council(make_council, make_staff):
    council = make_council()
    person = make_staff(council, "editor")
    assert events(council=council) == [
        ("staff-changed", f"{person.username} is now editor at {council}.")
    ]
    assert AuditEvent.objects.get(council=council).object_repr == council.name


def test_making_a_national_admin_is_recorded_as_a_national_change(make_staff):
    person = make_staff(national=True)
    event = AuditEvent.objects.get(council=None)
    assert (event.object_repr, event.summary) == (
        "National admins",
        f"{person.username} is now a national admin.",
    )


def test_nobody_can_add_change_or_delete_audit_events_in_the_admin(admin_client, make_notice):
    notice = make_notice()
    from notices.publishing import audit

    event = audit.record_draft_saved(draft=notice, by=None, summary="Saved", created=False)
    assert admin_client.get(reverse("admin:notices_auditevent_add")).status_code == 403
    url = reverse("admin:notices_auditevent_change", args=[event.pk])
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {"summary": "Rewritten"}).status_code == 403
    delete = reverse("admin:notices_auditevent_delete", args=[event.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.summary == "Saved"
