"""The public page cache and conditional GET (notices.public.page_cache): pages are rendered once,
answered with 304 when the reader has them, and never served stale after a change."""

import gzip
import os
import socket
import uuid

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import http_date

from councils.models import Council
from notices.models import Section, SharedBlockPart
from notices.public import page_cache as public_cache
from notices.publishing.shared_block import publish_shared_block


def notice_url(notice, name: str = "detail", **kwargs) -> str:
    return reverse(
        f"notices:{name}",
        kwargs={"council_slug": notice.council.slug, "kind": notice.kind} | kwargs,
    )


@pytest.fixture
def published(make_notice, published_block, publish):
    notice = make_notice()
    publish(notice, "First")
    return notice


def change_a_section(notice, words: str) -> None:
    Section.objects.filter(notice=notice, anchor="your-rights").update(body=words)


# Rendered once


def test_a_second_request_is_served_from_the_cache_with_one_query(
    client, published, django_assert_num_queries
):
    url = notice_url(published)
    first = client.get(url)
    # Only the council's stamp is read: the page itself comes from the cache.
    with django_assert_num_queries(1):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("detail", {}),
        ("history", {}),
        ("version", {"number": 1}),
        ("compare", {"old": 1, "new": 1}),
        ("detail-jsonld", {}),
        ("version-jsonld", {"number": 1}),
    ],
)
def test_every_council_page_is_cached(client, published, django_assert_num_queries, name, kwargs):
    url = notice_url(published, name, **kwargs)
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(1):
        assert client.get(url).content == first.content


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/compare/recipients/",
        "/compare/data-categories/",
        "/compare/retention/",
        "/search/",
        "/feeds/updates/",
        "/data/notices.json",
    ],
)
def test_every_site_page_is_cached(client, published, django_assert_num_queries, url):
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(1):
        assert client.get(url).content == first.content


def test_the_council_page_and_its_feed_are_cached(client, published, django_assert_num_queries):
    council = published.council
    for url in (council.get_absolute_url(), reverse("notices:council-feed", args=[council.slug])):
        first = client.get(url)
        with django_assert_num_queries(1):
            assert client.get(url).content == first.content


def test_a_query_string_is_never_stored_but_still_answered_conditionally(client, published):
    url = "/search/?q=" + uuid.uuid4().hex
    with CaptureQueriesContext(connection) as first_queries:
        first = client.get(url)
    with CaptureQueriesContext(connection) as second_queries:
        client.get(url)
    # Rendered again: anyone can invent query strings, so storing them would fill the cache.
    assert len(second_queries) == len(first_queries) > 1
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_404_is_neither_cached_nor_given_an_etag(client, published):
    missing = notice_url(published, "version", number=99)
    response = client.get(missing)
    assert response.status_code == 404
    assert not response.has_header("ETag")
    unknown = client.get("/councils/no-such-council/childrens-social-care/")
    assert unknown.status_code == 404
    assert not unknown.has_header("ETag")


def test_head_is_answered_like_get(client, published):
    url = notice_url(published)
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head["ETag"] == got["ETag"]
    assert head.content == b""


# Conditional GET


def test_a_page_carries_its_etag_last_modified_and_cache_control(client, published):
    response = client.get(notice_url(published))
    council = Council.objects.get(pk=published.council_id)
    assert response["ETag"].startswith('"') and response["ETag"].endswith('"')
    assert response["Last-Modified"] == http_date(council.public_changed_at.timestamp())
    assert response["Cache-Control"] == "public, no-cache"


def test_a_reader_with_the_current_page_gets_304_for_one_query(
    client, published, django_assert_num_queries
):
    url = notice_url(published)
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(1):
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "public, no-cache"


def test_if_modified_since_is_answered_from_the_councils_last_change(client, published):
    url = notice_url(published)
    council = Council.objects.get(pk=published.council_id)
    changed = council.public_changed_at.timestamp()
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(changed)).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(changed - 3600)).status_code == 200
    garbled = client.get(url, HTTP_IF_MODIFIED_SINCE="yesterday-ish")
    assert garbled.status_code == 200


def test_a_garbled_if_none_match_gets_the_page(client, published):
    for value in ('"unterminated', "*, ,", "W/", "x" * 5000):
        response = client.get(notice_url(published), HTTP_IF_NONE_MATCH=value)
        assert response.status_code in (200, 304), value
    assert client.get(notice_url(published), HTTP_IF_NONE_MATCH='"nope"').status_code == 200


def test_an_old_etag_gets_the_new_page_after_publishing(client, published, publish):
    url = notice_url(published)
    old_etag = client.get(url)["ETag"]
    change_a_section(published, "Words published in the second version.")
    publish(published, "Second")
    response = client.get(url, HTTP_IF_NONE_MATCH=old_etag)
    assert response.status_code == 200
    assert response["ETag"] != old_etag
    assert "Words published in the second version." in response.content.decode()


def test_machine_readable_pages_may_be_kept_five_minutes(client, published):
    for url in (
        "/feeds/updates/",
        reverse("notices:council-feed", args=[published.council.slug]),
        notice_url(published, "detail-jsonld"),
        "/data/notices.json",
    ):
        assert client.get(url)["Cache-Control"] == "public, max-age=300", url


def test_the_etag_changes_with_the_day(client, published, monkeypatch):
    url = notice_url(published)
    today = client.get(url)["ETag"]
    monkeypatch.setattr(public_cache, "_today", lambda: "2099-01-01")
    assert client.get(url)["ETag"] != today


def test_the_etag_changes_with_the_code(client, published, monkeypatch):
    url = notice_url(published)
    before = client.get(url)["ETag"]
    public_cache.code_version.cache_clear()
    monkeypatch.setenv("DJANGO_BUILD_ID", "a-later-release")
    try:
        after = client.get(url)["ETag"]
    finally:
        public_cache.code_version.cache_clear()
    assert after != before


# Nobody sees a stale page after a change


def test_publishing_replaces_the_cached_notice_at_once(client, published, publish):
    url = notice_url(published)
    history = notice_url(published, "history")
    index = "/"
    before = {page: client.get(page).content for page in (url, history, index)}
    change_a_section(published, "A sentence nobody has read yet.")
    publish(published, "Second version")
    after = {page: client.get(page).content for page in (url, history, index)}
    assert "A sentence nobody has read yet." in after[url].decode()
    assert "Second version" in after[history].decode()
    assert all(after[page] != before[page] for page in (url, history))


def test_an_old_version_page_learns_that_it_is_no_longer_current(client, published, publish):
    version_one = notice_url(published, "version", number=1)
    assert "This is not the current version" not in client.get(version_one).content.decode()
    change_a_section(published, "Newer words.")
    publish(published, "Second")
    assert "This is not the current version" in client.get(version_one).content.decode()


def test_a_shared_block_update_replaces_every_cached_notice(
    client, make_notice, published_block, publish
):
    notices = [make_notice() for _ in range(3)]
    for notice in notices:
        publish(notice)
    urls = [notice_url(notice) for notice in notices]
    for url in urls:
        client.get(url)
    SharedBlockPart.objects.filter(block=published_block).update(
        body="The department has reworded this."
    )
    publish_shared_block(published_block, by=None, change_note="New wording", is_major=True)
    for url in urls:
        assert "The department has reworded this." in client.get(url).content.decode()


def test_editing_a_council_replaces_its_cached_pages(client, published):
    council = published.council
    page, index = council.get_absolute_url(), "/"
    client.get(page)
    client.get(index)
    council.name = "Renamed Borough Council"
    council.dpo_email = "privacy@renamed.example"
    council.save()
    assert "privacy@renamed.example" in client.get(page).content.decode()
    assert "Renamed Borough Council" in client.get(index).content.decode()


def test_adding_or_removing_a_council_changes_the_site_pages(client, published, make_council):
    client.get("/")
    added = make_council(name="Newly Added Council")
    assert "Newly Added Council" in client.get("/").content.decode()
    added.delete()
    assert "Newly Added Council" not in client.get("/").content.decode()


def test_a_draft_edit_changes_nothing_public(client, published, django_assert_num_queries):
    url = notice_url(published)
    first = client.get(url)
    published.title = "A draft title not yet published"
    published.save()
    change_a_section(published, "Draft words.")
    with django_assert_num_queries(1):
        again = client.get(url)
    assert again.content == first.content
    for page in ("/", published.council.get_absolute_url(), notice_url(published, "history")):
        assert "A draft title not yet published" not in client.get(page).content.decode(), page


def test_another_workers_memory_cache_is_not_served_after_publishing(published, publish, client):
    """Each gunicorn worker has its own memory cache: the stamp read from the database is what
    keeps them all in step."""
    url = notice_url(published)
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "worker-b",
            }
        }
    ):
        caches["default"].clear()
        worker_b_before = client.get(url).content
    change_a_section(published, "Published while worker B held the page.")
    publish(published, "Second")
    client.get(url)  # worker A renders the new version
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "worker-b",
            }
        }
    ):
        worker_b_after = client.get(url).content
    assert worker_b_after != worker_b_before
    assert "Published while worker B held the page." in worker_b_after.decode()


# Redis, shared by every worker when REDIS_URL is set


def redis_is_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def redis_cache():
    if not redis_is_up():
        if os.environ.get("CI"):
            pytest.fail("Redis must be running at 127.0.0.1:6379 in CI")
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex}"
    settings = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=settings):
        yield caches["default"]
        client = caches["default"]._cache.get_client(write=True)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


def test_pages_are_shared_through_redis_and_publishing_replaces_them(
    client, published, publish, redis_cache, django_assert_num_queries
):
    url = notice_url(published)
    first = client.get(url)
    raw = redis_cache._cache.get_client()
    stored = [key for key in raw.scan_iter(f"{redis_cache.key_prefix}:*")]
    assert stored, "the page should be in Redis"
    with django_assert_num_queries(1):
        assert client.get(url).content == first.content
    change_a_section(published, "Words that must reach every worker.")
    publish(published, "Second")
    assert "Words that must reach every worker." in client.get(url).content.decode()


def test_the_settings_choose_redis_when_redis_url_is_set(monkeypatch):
    import importlib

    from config import settings as site_settings

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    try:
        reloaded = importlib.reload(site_settings)
        assert (
            reloaded.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        )
        assert reloaded.CACHES["default"]["LOCATION"] == "redis://127.0.0.1:6379/3"
        monkeypatch.delenv("REDIS_URL")
        reloaded = importlib.reload(site_settings)
        assert reloaded.CACHES["default"]["BACKEND"] == "config.memory_cache.BoundedMemoryCache"
    finally:
        importlib.reload(site_settings)


def test_cached_pages_never_replay_cookies(client, published):
    url = notice_url(published)
    client.get(url)
    cached = client.get(url)
    assert not cached.cookies
    assert not cached.has_header("Set-Cookie")
    assert cached["Vary"] == "Accept-Encoding"


# Compressed once, when stored


@pytest.mark.parametrize("served", ["rendered", "from the cache"])
def test_a_browser_that_accepts_gzip_gets_the_page_compressed(client, published, served):
    url = notice_url(published)
    plain = client.get(url)
    if served == "rendered":
        cache.clear()
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 3
    assert packed["Vary"] == plain["Vary"] == "Accept-Encoding"
    assert packed["ETag"] != plain["ETag"]
    assert packed["Content-Type"] == plain["Content-Type"]


def test_each_encoding_is_revalidated_against_its_own_etag(client, published):
    url = notice_url(published)
    packed_etag = client.get(url, HTTP_ACCEPT_ENCODING="gzip")["ETag"]
    plain_etag = client.get(url)["ETag"]
    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed_etag)
    assert again.status_code == 304
    # A plain-text copy's ETag does not vouch for the compressed bytes, nor the other way.
    assert (
        client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=plain_etag).status_code
        == 200
    )
    assert client.get(url, HTTP_IF_NONE_MATCH=packed_etag).status_code == 200


def test_pages_with_a_query_string_are_compressed_too(client, published):
    response = client.get("/search/?q=information", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(response.content)


def test_no_encoding_asked_for_means_none_given(client, published):
    for header in ("", "identity", "deflate", "br", "gzipx"):
        response = client.get(notice_url(published), HTTP_ACCEPT_ENCODING=header)
        assert not response.has_header("Content-Encoding"), header


def test_the_cache_is_empty_at_the_start_of_each_test():
    assert cache.get("page:anything") is None


# Remembered stamps: on PostgreSQL a process keeps the stamps it has read and listens for
# changes, so a cached page costs no query at all. These tests commit, as a server does.

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="LISTEN/NOTIFY is PostgreSQL's"
)


@pytest.fixture
def listening(settings):
    settings.PUBLIC_CACHE_LISTEN = True
    public_cache.forget_remembered_stamps()
    yield public_cache._stamps
    public_cache._stamps._close_listener()
    public_cache.forget_remembered_stamps()


def another_process_publishes(council: Council) -> None:
    """What a publish in another worker does to this one: a committed bump and its NOTIFY, on a
    connection of its own."""
    import psycopg

    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=True) as other, other.transaction():
        other.execute(
            "UPDATE councils_council SET public_revision = public_revision + 1, "
            "public_changed_at = now() WHERE id = %s",
            [council.pk],
        )
        other.execute(f"NOTIFY {public_cache.CHANNEL}")


@pytest.fixture
def committed_notice(transactional_db, make_notice, publish):
    """A published notice whose rows are committed, as on a server: NOTIFY is only delivered on
    commit."""
    notice = make_notice()
    publish(notice)
    return notice


def wait_for_notification(memo, seconds: float = 5.0) -> None:
    import select

    readable, _, _ = select.select([memo._listener.fileno()], [], [], seconds)
    assert readable, "the notification should arrive"


@needs_postgresql
def test_a_remembered_stamp_serves_a_cached_page_with_no_query(
    client, committed_notice, listening, django_assert_num_queries
):
    notice = committed_notice
    url = notice_url(notice)
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
        not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.content == first.content
    assert not_modified.status_code == 304


@needs_postgresql
def test_publishing_in_this_process_is_seen_at_once(client, committed_notice, publish, listening):
    notice = committed_notice
    url = notice_url(notice)
    client.get(url)
    change_a_section(notice, "Seen by the very next request.")
    publish(notice, "Second")
    assert "Seen by the very next request." in client.get(url).content.decode()


@needs_postgresql
def test_a_change_committed_by_another_process_is_heard(client, committed_notice, listening):
    notice = committed_notice
    url = notice_url(notice)
    etag = client.get(url)["ETag"]
    another_process_publishes(notice.council)
    wait_for_notification(listening)
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


@needs_postgresql
def test_a_lost_listener_falls_back_to_the_database_then_listens_again(
    client, committed_notice, listening
):
    notice = committed_notice
    url = notice_url(notice)
    etag = client.get(url)["ETag"]
    backend = listening._listener.info.backend_pid
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [backend])
    import time

    time.sleep(0.2)
    another_process_publishes(notice.council)  # missed: nobody was listening
    # The stamp is read from the database, so the change is not missed.
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    # The dead connection is noticed (it is always readable, so nothing is trusted meanwhile),
    # and a new one opened.
    for _ in range(3):
        client.get(url)
    assert listening._listener is not None
    assert listening._listener.info.backend_pid != backend


def test_with_remembering_off_the_stamp_is_read_every_time(
    client, committed_notice, settings, django_assert_num_queries
):
    # SQLite remembers too now (test_page_cache_sqlite.py); DJANGO_PAGE_CACHE_LISTEN=false is
    # the way back to one stamp query per request on any database.
    settings.PUBLIC_CACHE_LISTEN = False
    notice = committed_notice
    url = notice_url(notice)
    client.get(url)
    with django_assert_num_queries(1):
        client.get(url)


def test_a_cache_that_is_down_costs_speed_not_the_page(client, published, caplog):
    # Nothing listens on port 9: the connection is refused at once.
    settings = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    with override_settings(CACHES=settings):
        public_cache._cache_trouble._last_reported = 0.0
        first = client.get(notice_url(published))
        second = client.get(notice_url(published))
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    warnings = [
        record for record in caplog.records if "page cache is not answering" in record.message
    ]
    assert len(warnings) == 1, "logged once, not on every request"


@needs_postgresql
def test_made_up_councils_are_not_remembered(client, committed_notice, listening):
    for number in range(50):
        assert client.get(f"/councils/made-up-{number}/").status_code == 404
    client.get(notice_url(committed_notice))
    assert list(listening._stamps) == [f"council:{committed_notice.council.slug}"]
