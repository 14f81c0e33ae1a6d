"""On SQLite each thread remembers the stamps it has read and checks SQLite's commit counter
(`PRAGMA data_version`) instead of querying them: a cached page costs no stamp query, and a
change committed anywhere, in this process or another, is seen by the very next request."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from councils.models import Council
from notices.public import page_cache as public_cache
from notices.public.tests.test_page_cache import change_a_section, notice_url

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's commit counter; PostgreSQL listens instead"
)


@pytest.fixture
def remembering(settings):
    settings.PUBLIC_CACHE_LISTEN = True
    public_cache.forget_remembered_stamps()
    yield public_cache._stamps
    public_cache.forget_remembered_stamps()


@pytest.fixture
def committed_notice(transactional_db, make_notice, publish):
    notice = make_notice()
    publish(notice)
    return notice


def test_a_remembered_stamp_serves_a_cached_page_with_no_query(
    client, committed_notice, remembering, django_assert_num_queries
):
    url = notice_url(committed_notice)
    first = client.get(url)
    client.get(url)  # the first look at this connection's counter forgets, then remembers
    with django_assert_num_queries(0):
        again = client.get(url)
        not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.content == first.content
    assert not_modified.status_code == 304


def test_publishing_in_this_process_is_seen_at_once(client, committed_notice, publish, remembering):
    url = notice_url(committed_notice)
    client.get(url)
    client.get(url)
    change_a_section(committed_notice, "Seen by the very next request.")
    publish(committed_notice, "Second")
    assert "Seen by the very next request." in client.get(url).content.decode()


def test_a_commit_on_another_connection_is_seen_at_once(client, committed_notice, remembering):
    url = notice_url(committed_notice)
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # Another connection to the same database, as another worker's would be; it bumps the
    # stamp without telling anybody.
    name = connection.settings_dict["NAME"]
    uri = str(name).startswith("file:")
    other = sqlite3.connect(name, uri=uri, isolation_level=None)
    try:
        other.execute(
            "UPDATE councils_council SET public_revision = public_revision + 1 WHERE id = ?",
            [committed_notice.council_id],
        )
    finally:
        other.close()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_a_connection_not_seen_before_starts_by_forgetting(client, committed_notice, remembering):
    """A counter means nothing against another connection's: after a reconnect (CONN_MAX_AGE)
    the same number may have followed other commits."""
    url = notice_url(committed_notice)
    client.get(url)
    client.get(url)
    before = remembering._generation
    _, version = remembering._thread.sqlite_seen
    remembering._thread.sqlite_seen = (sqlite3.connect(":memory:"), version)
    client.get(url)
    assert remembering._generation == before + 1
    client.get(url)
    assert remembering._generation == before + 1, "the same connection again: nothing moved"


# The server and the publisher in two processes, on a database file, as in production.

SERVER_SIDE = r"""
import json, os, subprocess, sys
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

settings.PUBLIC_CACHE_LISTEN = True
call_command("migrate", verbosity=0)
from councils.models import Council
council = Council(
    name="Northshire Council", slug="northshire", kind=Council.Kind.UNITARY,
    controller_email="info@northshire.example", dpo_name="Data Protection Officer",
    dpo_email="dpo@northshire.example", ico_registration_number="Z1234567",
)
council.full_clean()
council.save()
client = Client(HTTP_HOST="127.0.0.1")
url = "/councils/northshire/"
first = client.get(url)
client.get(url)
with CaptureQueriesContext(connection) as remembered:
    client.get(url)
# Another process commits a change to the council's stamp.
subprocess.run([sys.executable, "-c", sys.argv[1], settings.DATABASES["default"]["NAME"]],
               check=True)
after = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
print(json.dumps({
    "first": first.status_code, "queries_when_remembered": len(remembered),
    "after": after.status_code, "etag_changed": after["ETag"] != first["ETag"],
}))
"""

PUBLISHER_SIDE = r"""
import sqlite3, sys
with sqlite3.connect(sys.argv[1]) as other:
    other.execute("UPDATE councils_council SET public_revision = public_revision + 1, "
                  "name = 'Northshire Borough Council' WHERE slug = 'northshire'")
"""


def test_a_commit_by_another_process_is_seen_at_once(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.test_settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    finished = subprocess.run(  # noqa: S603 (this interpreter, fixed scripts)
        [sys.executable, "-c", SERVER_SIDE, PUBLISHER_SIDE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    result = json.loads(finished.stdout.strip().splitlines()[-1])
    assert result == {
        "first": 200,
        "queries_when_remembered": 0,
        "after": 200,
        "etag_changed": True,
    }


def test_the_council_page_is_remembered_per_council(client, committed_notice, remembering):
    client.get(notice_url(committed_notice))
    client.get(notice_url(committed_notice))
    slug = Council.objects.get(pk=committed_notice.council_id).slug
    assert list(remembering._stamps) == [f"council:{slug}"]
