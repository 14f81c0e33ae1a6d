"""The application's own PostgreSQL role, granted as docs/security.md says, runs the site (reads,
saves a draft, publishes) but cannot drop the triggers, nor delete, truncate or change what they
keep."""

import uuid

import pytest
from django.db import DatabaseError, connection, transaction

from notices.models import AuditEvent, NoticeVersion
from notices.models.database_roles import (
    RoleError,
    app_role_statements,
    connected_as,
    grant_app_role,
)

pytestmark = pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="database roles are PostgreSQL's; SQLite has one user, the owner of the file",
)

PASSWORD = "app-role-test-password"


@pytest.fixture
def app_role_url(transactional_db):
    """A login role with the application's privileges, and the URL to connect as it."""
    role = f"notices_app_{uuid.uuid4().hex[:10]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'")
        # An owner that is not a superuser (CI's) may only drop what a role owns as its member.
        cursor.execute(f"GRANT {role} TO CURRENT_USER")
    grant_app_role(role)
    settings = connection.settings_dict
    yield (
        f"postgres://{role}:{PASSWORD}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP OWNED BY {role}")
        cursor.execute(f"DROP ROLE {role}")


def refused(statement: str) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)


def test_the_app_role_runs_the_site_but_cannot_undo_the_protection(
    app_role_url, make_notice, publish, client
):
    with connected_as(app_role_url):
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            assert cursor.fetchone()[0].startswith("notices_app_")
        notice = make_notice()
        notice.title = "Our privacy notice for children's social care"
        notice.save()
        version = publish(notice)
        page = client.get(version.get_absolute_url())
        assert page.status_code == 200
        assert "Our privacy notice" in page.content.decode()

        refused("DROP TRIGGER notices_noticeversion_refuse_change ON notices_noticeversion")
        refused("ALTER TABLE notices_noticeversion DISABLE TRIGGER ALL")
        refused("DROP TRIGGER notices_auditevent_refuse_change ON notices_auditevent")
        refused("DELETE FROM notices_noticeversion")
        refused("UPDATE notices_noticeversion SET rendered_html = ''")
        refused("TRUNCATE notices_noticeversion CASCADE")
        refused("DELETE FROM notices_auditevent")
        refused("TRUNCATE notices_auditevent")
        refused("ALTER TABLE notices_notice ALTER CONSTRAINT notices_notice_pkey DEFERRABLE")
        assert NoticeVersion.objects.count() == 1
        assert AuditEvent.objects.filter(action=AuditEvent.Action.NOTICE_PUBLISHED).exists()


def test_role_names_are_checked_before_any_sql(db):
    with pytest.raises(RoleError):
        app_role_statements(connection, 'app"; DROP TABLE notices_notice; --')
