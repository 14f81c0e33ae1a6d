"""Published versions and the audit log refuse change and deletion by every path, on SQLite and
PostgreSQL alike: the ORM, bulk querysets, raw SQL, and the delete-and-put-back trick."""

import pytest
from django.contrib.auth.models import User
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError

from notices.models import AuditEvent, ImmutableVersionError, NoticeVersion, SharedBlockVersion
from notices.publishing import audit


def _refused(sql: str, params: list) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.fixture
def version(make_notice, publish) -> NoticeVersion:
    return publish(make_notice())


def test_raw_sql_cannot_change_or_delete_a_published_version(version):
    _refused("UPDATE notices_noticeversion SET rendered_html = %s WHERE id = %s", ["x", version.pk])
    _refused("UPDATE notices_noticeversion SET snapshot = %s WHERE id = %s", ["{}", version.pk])
    _refused("DELETE FROM notices_noticeversion WHERE id = %s", [version.pk])
    stored = NoticeVersion.objects.get()
    assert stored.rendered_html == version.rendered_html
    assert stored.snapshot == version.snapshot


def test_raw_sql_cannot_change_or_delete_a_shared_block_version(published_block):
    block_version = SharedBlockVersion.objects.get()
    _refused("UPDATE notices_sharedblockversion SET snapshot = %s", ['{"title": "x"}'])
    _refused("DELETE FROM notices_sharedblockversion WHERE id = %s", [block_version.pk])
    assert SharedBlockVersion.objects.get().snapshot == block_version.snapshot


def test_deleting_the_notice_then_its_version_in_one_transaction_is_refused(version):
    """The issue's bypass: delete the notice (its foreign key was deferred to the commit), then
    the version, whose parent no longer existed, and put both back with other text."""
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM notices_section WHERE notice_id = %s", [version.notice_id])
        cursor.execute("DELETE FROM notices_notice WHERE id = %s", [version.notice_id])
        cursor.execute("DELETE FROM notices_noticeversion WHERE id = %s", [version.pk])
    assert NoticeVersion.objects.get().rendered_html == version.rendered_html


def test_the_audit_log_refuses_bulk_changes_and_raw_sql(version):
    event = AuditEvent.objects.get(action=AuditEvent.Action.NOTICE_PUBLISHED)
    with pytest.raises(ImmutableVersionError):
        AuditEvent.objects.all().update(summary="Nothing happened")
    with pytest.raises(ImmutableVersionError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(ImmutableVersionError):
        event.delete()
    _refused("UPDATE notices_auditevent SET summary = %s WHERE id = %s", ["x", event.pk])
    _refused("UPDATE notices_auditevent SET actor_name = %s", ["someone else"])
    _refused("DELETE FROM notices_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).summary == event.summary


def test_an_audit_event_cannot_be_pointed_at_another_notice(make_notice, version):
    other = make_notice()
    event = AuditEvent.objects.get(action=AuditEvent.Action.NOTICE_PUBLISHED)
    _refused("UPDATE notices_auditevent SET notice_id = %s WHERE id = %s", [other.pk, event.pk])
    assert AuditEvent.objects.get(pk=event.pk).notice_id == version.notice_id


def test_a_council_with_a_history_cannot_be_deleted(make_council):
    council = make_council()
    audit.record_council_change(council=council, by=None, summary="Phone number changed")
    with pytest.raises(ProtectedError):
        council.delete()
    assert AuditEvent.objects.filter(council=council).count() == 1


def test_removing_an_account_keeps_its_events_naming_the_person(make_council):
    council = make_council()
    person = User.objects.create_user("leaver", first_name="Lee", last_name="Ver")
    event = audit.record_council_change(council=council, by=person, summary="Address changed")
    person.delete()
    kept = AuditEvent.objects.get(pk=event.pk)
    assert kept.actor_id is None
    assert kept.actor_name == event.actor_name
    assert kept.summary == "Address changed"
