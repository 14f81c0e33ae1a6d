"""The `demo` fixture copies rows captured once (notices.testing.demo_rows): the copy must be the
database `load_demo_data` leaves, and must go with the test's rollback."""

from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.utils import timezone

from notices.demo.loading import load_demo_data
from notices.models import Notice, NoticeVersion
from notices.testing.demo_rows import restore_demo

# Timestamps the load takes from the clock (created_at, public_changed_at...) differ between a
# load at the start of the run and one now; any value this recent counts as "now".
RECENT = timedelta(hours=6)


def _value(value: Any, *, now) -> Any:
    if hasattr(value, "tzinfo") and hasattr(value, "hour") and abs(now - value) < RECENT:
        return "now"
    return value


def _database(*, with_ids: bool) -> dict[str, list[tuple]]:
    """Every row of every table, in a comparable form. Without ids (PostgreSQL's sequences are
    never rolled back, so two loads there give the same rows different ids) the rows are
    compared by their other columns."""
    now = timezone.now()
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        fields = [
            field
            for field in model._meta.concrete_fields
            if with_ids or not (field.primary_key or field.is_relation)
        ]
        rows = [
            tuple(repr(_value(getattr(obj, field.attname), now=now)) for field in fields)
            for obj in model._base_manager.all()
        ]
        tables[model._meta.label] = sorted(rows)
    if connection.vendor == "sqlite" and with_ids:
        with connection.cursor() as cursor:
            cursor.execute("SELECT name, seq FROM sqlite_sequence ORDER BY name")
            tables["sqlite_sequence"] = list(cursor.fetchall())
    return tables


class _Undo(Exception):
    pass


def _inside_rollback(work) -> Any:
    result = None
    try:
        with transaction.atomic():
            result = work()
            raise _Undo
    except _Undo:
        pass
    return result


@pytest.mark.parametrize("admin_first", [False, True], ids=["empty", "an admin made first"])
def test_the_copied_demo_is_the_database_a_fresh_load_leaves(demo_rows, db, admin_first):
    if admin_first:
        # What `admin_client` makes before the demo: a table the demo neither writes nor reads.
        User.objects.create_superuser("admin", "admin@example.org", "a-password-for-tests")
    with_ids = connection.vendor == "sqlite"
    empty = _database(with_ids=with_ids)

    def copied():
        report = restore_demo(demo_rows)
        assert report is not None
        return report, _database(with_ids=with_ids)

    def loaded():
        return load_demo_data(), _database(with_ids=with_ids)

    copied_report, copied_rows = _inside_rollback(copied)
    loaded_report, loaded_rows = _inside_rollback(loaded)

    assert copied_rows == loaded_rows
    assert copied_report.created == loaded_report.created
    # Both went with their rollbacks: the database is as it was.
    assert _database(with_ids=with_ids) == empty


def test_a_test_can_change_the_copied_demo_and_the_next_one_starts_again(demo):
    notice = Notice.objects.first()
    Notice.objects.filter(pk=notice.pk).update(title="A title this test gave it")
    assert Notice.objects.get(pk=notice.pk).title == "A title this test gave it"


def test_the_next_test_sees_the_demo_as_loaded(demo):
    assert not Notice.objects.filter(title="A title this test gave it").exists()


def test_a_database_in_another_state_gets_no_copy(demo_rows, make_council):
    make_council()

    assert restore_demo(demo_rows) is None
    assert not Notice.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_committed_copy_announces_the_change(demo_rows):
    from notices.publishing.stamps import public_change_committed

    heard = []

    def listener(**kwargs):
        heard.append(kwargs)

    public_change_committed.connect(listener)
    try:
        report = restore_demo(demo_rows)
    finally:
        public_change_committed.disconnect(listener)
    if report is None:
        pytest.skip("an earlier test left this database in another state")
    assert heard
    assert NoticeVersion.objects.exists()
