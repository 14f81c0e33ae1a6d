"""/healthz: 200 {"status": "ok"} while the database answers and is migrated; 503 otherwise,
with nothing of the error in the answer; never cached."""

from unittest import mock

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from config import views

pytestmark = pytest.mark.django_db

SECRET_DETAIL = "could not connect to server at db.internal:5432 as notices"


@pytest.fixture(autouse=True)
def fresh_migration_check(monkeypatch):
    """Each test starts as a newly started process: migrations not yet seen applied."""
    monkeypatch.setattr(views, "_migrations_seen_applied", False)


def test_a_working_database_is_healthy(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_the_health_check_answers_head_and_refuses_other_methods(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_a_failing_database_is_unavailable_without_details(client, caplog):
    connection = connections[DEFAULT_DB_ALIAS]
    with mock.patch.object(connection, "cursor", side_effect=OperationalError(SECRET_DETAIL)):
        response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert SECRET_DETAIL not in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    # The operator finds the reason in the log.
    assert SECRET_DETAIL in caplog.text


def test_a_failing_query_is_unavailable(client):
    broken_cursor = mock.MagicMock()
    broken_cursor.__enter__.return_value.execute.side_effect = OperationalError(SECRET_DETAIL)
    connection = connections[DEFAULT_DB_ALIAS]
    with mock.patch.object(connection, "cursor", return_value=broken_cursor):
        response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_unapplied_migrations_are_reported(client):
    pending = [(mock.Mock(), False)]
    with mock.patch.object(MigrationExecutor, "migration_plan", return_value=pending):
        response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json() == {"status": "migrations pending"}


def test_migrations_are_read_only_until_first_seen_applied(client):
    with mock.patch.object(
        MigrationExecutor, "migration_plan", autospec=True, return_value=[]
    ) as plan:
        first = client.get(reverse("healthz"))
        second = client.get(reverse("healthz"))

    assert first.status_code == second.status_code == 200
    assert plan.call_count == 1


def test_the_database_is_queried_on_every_check(client, django_assert_num_queries):
    client.get(reverse("healthz"))  # The first check also reads the migration records.
    with django_assert_num_queries(1):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
