"""Exporting the whole site to one file and importing it into an empty database
(notices.site_archive, `export_site`, `import_site`): nothing lost, and nothing half done."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from io import StringIO
from itertools import pairwise
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, transaction
from django.urls import reverse

from councils.models import Council, CouncilMembership
from councils.roles import PUBLISHER_GROUP
from notices.models import (
    AuditEvent,
    Notice,
    NoticeKind,
    NoticeSearchText,
    NoticeVersion,
    Section,
    SharedBlock,
    SharedBlockPart,
    SharedBlockVersion,
)
from notices.public import linked_data
from notices.public import page_cache as public_cache
from notices.publishing.publish import publish_notice
from notices.publishing.shared_block import publish_shared_block
from notices.site_archive import export as archive_export
from notices.site_archive import loader as archive_loader
from notices.site_archive import restore as archive_restore
from notices.site_archive.export import export_site_to
from notices.site_archive.records import (
    DERIVED_MODELS,
    FORMAT_NAME,
    PRIVATE_MODELS,
    ROLE_GROUP_NAMES,
    TABLES,
    TRANSIENT_MODELS,
)
from notices.site_archive.restore import password_instructions
from tests.database import database_state

ADMIN_PASSWORD = "Harrowmere-demo-sign-in-2026"
GENERATED_AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
# A word of the demo notices' own text, so the search page has results to compare.
SEARCH_WORD = "foster"


def export(path: Path, *args: str) -> str:
    out = StringIO()
    call_command("export_site", str(path), *args, stdout=out)
    return out.getvalue()


def import_(path: Path, *args: str) -> str:
    out = StringIO()
    call_command("import_site", str(path), *args, stdout=out)
    return out.getvalue()


def records(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["records"]


# The round trip: the demo site, exported, the database emptied, imported -------------------


def public_urls() -> list[str]:
    """Every public page of the site as it stands, one of each kind of page per council, notice
    and version, and a page that is not there."""
    urls = [
        "/",
        f"/?kind={Council.Kind.COUNTY}",
        "/compare/",
        "/compare/recipients/",
        "/compare/data-categories/",
        "/compare/retention/",
        f"/search/?q={SEARCH_WORD}",
        "/sitemap.xml",
        "/feeds/updates/",
        "/data/notices.json",
        "/robots.txt",
        "/accessibility/",
        "/councils/no-such-council/",
    ]
    for council in Council.objects.order_by("pk"):
        urls.append(council.get_absolute_url())
        urls.append(reverse("notices:council-feed", kwargs={"council_slug": council.slug}))
    for notice in Notice.objects.published().select_related("council").order_by("pk"):
        kwargs = {"council_slug": notice.council.slug, "kind": notice.kind}
        versions = list(notice.versions.without_content().order_by("number"))
        urls += [
            reverse("notices:detail", kwargs=kwargs),
            f"{reverse('notices:detail', kwargs=kwargs)}?at={versions[0].published_at:%Y-%m-%d}",
            reverse("notices:history", kwargs=kwargs),
            reverse("notices:detail-jsonld", kwargs=kwargs),
        ]
        for version in versions:
            urls.append(reverse("notices:version", kwargs={**kwargs, "number": version.number}))
            urls.append(
                reverse("notices:version-jsonld", kwargs={**kwargs, "number": version.number})
            )
        numbers = [version.number for version in versions]
        pairs = list(pairwise(numbers))
        if len(numbers) > 2:
            pairs.append((numbers[0], numbers[-1]))
        for old, new in pairs:
            urls.append(reverse("notices:compare", kwargs={**kwargs, "old": old, "new": new}))
    return urls


def fetch(client, urls: list[str]) -> dict[str, tuple[int, bytes]]:
    """Each page's status and bytes, rendered afresh rather than from the cache."""
    cache.clear()
    pages = {}
    for url in urls:
        response = client.get(url)
        pages[url] = (response.status_code, response.content)
    return pages


def rows_the_archive_writes() -> dict[str, int]:
    """How many rows each table the import writes holds; a freshly migrated database has none."""
    counts = {
        model._meta.label: model._default_manager.count()
        for app in ("councils", "notices")
        for model in apps.get_app_config(app).get_models()
    }
    counts["auth.User"] = User.objects.count()
    counts["other groups"] = Group.objects.exclude(name__in=ROLE_GROUP_NAMES).count()
    return counts


def search_text_rows() -> list[dict]:
    # On PostgreSQL the weighted vector too, as text.
    return list(NoticeSearchText.objects.order_by("notice_id").values())


@dataclass
class RoundTrip:
    urls: list[str]
    pages_before: dict[str, tuple[int, bytes]]
    first_export: Path
    admin_password_hash: str
    search_text_before: list[dict]
    import_output: str


@pytest.fixture
def round_trip(transactional_db, client, tmp_path, monkeypatch) -> Iterator[RoundTrip]:
    """The demo site with its histories and shared block cascade, its public pages, its export;
    then every table emptied (flush: TRUNCATE on PostgreSQL, the only way past the triggers that
    refuse to delete a version) and the export imported."""
    # The bulk download says when it was made: one moment for both fetches, so that only what
    # the site holds is compared.
    monkeypatch.setattr(
        linked_data,
        "current_notices_export",
        partial(linked_data.current_notices_export, generated_at=GENERATED_AT),
    )
    call_command("load_demo", admin_password=ADMIN_PASSWORD, stdout=StringIO())
    assert SharedBlockVersion.objects.count() >= 2
    assert NoticeVersion.objects.filter(is_shared_block_update=True).exists()
    assert NoticeVersion.objects.values("notice").distinct().count() >= 5
    admin_password_hash = User.objects.get(username="admin").password
    search_text_before = search_text_rows()
    urls = public_urls()
    pages_before = fetch(client, urls)
    not_found = [url for url, (status, _) in pages_before.items() if status != 200]
    assert not_found == ["/councils/no-such-council/"], "every other address is a real page"
    assert b"<mark>" in pages_before[f"/search/?q={SEARCH_WORD}"][1], "the search finds notices"

    first_export = tmp_path / "site.json"
    export(first_export)
    call_command("flush", interactive=False, verbosity=0)
    assert set(rows_the_archive_writes().values()) == {0}, "the database is really empty"
    assert set(Group.objects.values_list("name", flat=True)) == ROLE_GROUP_NAMES

    output = import_(first_export)
    yield RoundTrip(
        urls, pages_before, first_export, admin_password_hash, search_text_before, output
    )
    # Pages of this site stay in the process's cache otherwise, for whatever test comes next.
    cache.clear()


def test_every_public_page_is_byte_for_byte_the_same_after_export_and_import(round_trip, client):
    pages_after = fetch(client, round_trip.urls)

    differ = [url for url in round_trip.urls if pages_after[url] != round_trip.pages_before[url]]
    assert not differ, f"These pages differ after the import: {differ}"
    assert len(round_trip.urls) > 60


def test_the_rebuilt_search_text_is_what_publishing_wrote(round_trip):
    assert len(round_trip.search_text_before) == 7  # one per demo notice
    assert search_text_rows() == round_trip.search_text_before


def test_exporting_the_imported_site_gives_the_same_file_but_for_its_date(round_trip, tmp_path):
    second_export = tmp_path / "again.json"
    export(second_export)

    first = round_trip.first_export.read_text(encoding="utf-8").splitlines()
    second = second_export.read_text(encoding="utf-8").splitlines()
    assert second[1:] == first[1:]
    first_header, second_header = (json.loads(lines[0] + "]}") for lines in (first, second))
    for header in (first_header, second_header):
        del header["exported_at"], header["signature"]
    assert first_header == second_header
    assert len(first) > 300


def test_after_the_import_new_rows_follow_the_restored_ones(round_trip, make_council):
    """On PostgreSQL the import resets each table's sequence; without it this publication would
    collide with a restored version's pk."""
    notice = Notice.objects.select_related("council").get(council__slug="harrowmere")
    Section.objects.create(
        notice=notice,
        heading="Young carers",
        anchor="young-carers",
        ico_item="purposes",
        body="We also help young carers.",
        position=99,
    )
    latest = NoticeVersion.objects.order_by("-pk").first()

    version = publish_notice(notice, by=None, change_note="Young carers", is_major=True)

    assert version.pk > latest.pk
    assert make_council().pk > 5
    assert AuditEvent.objects.order_by("-pk").first().summary.startswith("Published version")


def test_accounts_come_back_with_their_roles_but_never_a_password(round_trip):
    text = round_trip.first_export.read_text(encoding="utf-8")
    assert round_trip.admin_password_hash not in text
    assert ADMIN_PASSWORD not in text
    accounts = [r for r in records(round_trip.first_export) if r["model"] == "auth.user"]
    assert accounts and all("password" not in account["fields"] for account in accounts)

    assert not any(user.has_usable_password() for user in User.objects.all())
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    publisher = User.objects.get(username="dpo@harrowmere.example")
    assert list(publisher.groups.values_list("name", flat=True)) == [PUBLISHER_GROUP]
    membership = CouncilMembership.objects.get(user=publisher)
    assert (membership.council.slug, membership.role) == ("harrowmere", "publisher")
    assert NoticeVersion.objects.filter(published_by=admin).count() == NoticeVersion.objects.count()

    output = round_trip.import_output
    assert "Nobody can sign in yet" in output
    assert "python manage.py add_staff EMAIL --council SLUG --role ROLE" in output
    assert "python manage.py changepassword USERNAME" in output


# A small site, exported inside a transaction that is then rolled back ----------------------


@pytest.fixture
def archive(db, tmp_path, make_notice, publish) -> Path:
    """The export of a small site: a published notice embedding the shared block, a publisher,
    a group of the site's own with a permission and an account holding one directly. It is made
    in a transaction that is rolled back, so the database is empty again, as an import needs."""
    path = tmp_path / "site.json"
    with transaction.atomic():
        block = SharedBlock.objects.create(
            notice_kind=NoticeKind.CHILDRENS_SOCIAL_CARE,
            title="How the Department for Education uses this information",
        )
        SharedBlockPart.objects.create(
            block=block, heading="The National Pupil Database", body="DfE keeps a database."
        )
        publish_shared_block(block, by=None, change_note="First version", is_major=True)
        notice = make_notice()
        Council.objects.filter(pk=notice.council_id).update(name="Ynys Môn Council")
        publisher = User.objects.create_user(
            "dpo@ynysmon.example", email="dpo@ynysmon.example", password="Cymru-am-byth-2026"
        )
        CouncilMembership.objects.create(user=publisher, council=notice.council, role="publisher")
        publisher.groups.add(Group.objects.get(name=PUBLISHER_GROUP))
        auditors = Group.objects.create(name="Auditors")
        auditors.permissions.add(Permission.objects.get(codename="view_auditevent"))
        publisher.groups.add(auditors)
        publisher.user_permissions.add(Permission.objects.get(codename="view_council"))
        publish_notice(notice, by=publisher, change_note="First version", is_major=True)
        export_site_to(path)
        transaction.set_rollback(True)
    assert set(rows_the_archive_writes().values()) == {0}
    return path


def test_the_export_is_one_valid_json_document_of_every_record(archive):
    document = json.loads(archive.read_text(encoding="utf-8"))

    assert document["format"] == FORMAT_NAME
    assert document["format_version"] == 1
    models = [record["model"] for record in document["records"]]
    assert models.count("notices.noticeversion") == 1
    assert models.count("notices.sharedblockversion") == 1
    assert models.count("notices.section") == 6
    assert "notices.noticesearchtext" not in models, "derived: rebuilt on import"
    assert "Ynys Môn Council".encode() in archive.read_bytes(), "UTF-8, not escaped"


def test_an_import_restores_every_row_and_rebuilds_the_search_text(archive, client):
    output = import_(archive)

    notice = Notice.objects.get()
    assert notice.council.name == "Ynys Môn Council"
    version = NoticeVersion.objects.get()
    assert version.published_by.username == "dpo@ynysmon.example"
    assert version.shared_block_version == SharedBlockVersion.objects.get()
    assert NoticeSearchText.objects.get().version_number == 1
    results = client.get("/search/?q=notes").content.decode()
    assert "1 notice matches ‘notes’" in results
    assert "<mark>notes</mark> about you" in results
    publisher = User.objects.get(username="dpo@ynysmon.example")
    assert set(publisher.groups.values_list("name", flat=True)) == {PUBLISHER_GROUP, "Auditors"}
    assert list(publisher.user_permissions.values_list("codename", flat=True)) == ["view_council"]
    auditors = Group.objects.get(name="Auditors")
    assert list(auditors.permissions.values_list("codename", flat=True)) == ["view_auditevent"]
    assert not publisher.has_usable_password()
    assert "councils: 1" in output
    assert "notice versions: 1" in output
    assert "Rebuilt the search text of 1 published notices" in output


def test_the_import_keeps_the_stored_times_that_saving_would_stamp(archive):
    stored = {r["model"]: r["fields"] for r in records(archive)}

    import_(archive)

    notice = Notice.objects.get()
    assert notice.updated_at.isoformat() == stored["notices.notice"]["updated_at"]
    assert notice.created_at.isoformat() == stored["notices.notice"]["created_at"]
    membership = CouncilMembership.objects.get()
    assert membership.created_at.isoformat() == stored["councils.councilmembership"]["created_at"]


def test_an_import_in_many_small_batches_writes_the_same_rows(archive, monkeypatch, tmp_path):
    monkeypatch.setattr(archive_loader, "INSERT_BATCH", 2)

    import_(archive)

    again = tmp_path / "again.json"
    export(again)
    assert records(again) == records(archive)


def test_the_import_empties_the_cache_of_public_pages(archive):
    cache.set("page:harrowmere", "stale")

    import_(archive)

    assert cache.get("page:harrowmere") is None


def test_accounts_list_their_own_way_to_set_a_password_with_more_verbosity(archive):
    output = import_(archive, "--verbosity", "2")

    assert (
        "dpo@ynysmon.example: python manage.py add_staff dpo@ynysmon.example --council "
        "test-council-1 --role publisher"
    ) in output


def test_each_active_account_is_told_how_to_set_a_password(db, make_council, make_staff):
    council = make_council(slug="harrowmere")
    editor = make_staff(council, "editor")
    national = make_staff(national=True)
    User.objects.create_superuser("admin", email="")
    User.objects.create_user("helpdesk", email="")
    departed = make_staff(council, "publisher")
    departed.is_active = False
    departed.save()

    lines = password_instructions(
        [editor.username, national.username, "admin", "helpdesk", departed.username]
    )

    assert lines == [
        "admin: python manage.py changepassword admin",
        "helpdesk: no role or no email; a national admin can give them one in the admin, then "
        "add_staff prints their link",
        f"{editor.username}: python manage.py add_staff {editor.email} --council harrowmere "
        "--role editor",
        f"{national.username}: python manage.py add_staff {national.email} --national",
    ], "a deactivated account is left alone: add_staff would reactivate it"


def test_an_export_saved_with_a_utf8_byte_order_mark_is_read(archive):
    archive.write_bytes(b"\xef\xbb\xbf" + archive.read_bytes())

    assert "councils: 1" in import_(archive)


def test_import_refuses_a_line_longer_than_any_record(archive, monkeypatch):
    monkeypatch.setattr(archive_restore, "MAX_LINE_BYTES", 1000)
    assert "is longer than" in refused_import(archive)


def test_an_empty_site_exports_and_imports(db, tmp_path):
    path = tmp_path / "empty.json"
    export(path)
    assert json.loads(path.read_text(encoding="utf-8"))["records"] == []

    assert "councils: 0" in import_(path)


def test_every_model_of_the_site_is_archived_or_rebuilt():
    """A model added later must be archived (or named as derived or private), or an export would
    lose it."""
    ours = {
        model for app in ("councils", "notices") for model in apps.get_app_config(app).get_models()
    }
    archived = {table.model for table in TABLES}
    assert ours == archived | set(DERIVED_MODELS) | set(TRANSIENT_MODELS) | set(PRIVATE_MODELS)
    for table in TABLES:
        for field in table.fields:
            if field.is_relation:
                assert field.related_model in archived | {User}, (table.label, field.name)


# Refusals: a clear message, and nothing stored changes ------------------------------------


def refused_import(path: Path, *args: str) -> str:
    """The refusal of an edited archive. The checks of what it holds apply whether or not it is
    signed, so these imports skip the signature (tested on its own in test_archive_trust.py)."""
    before = database_state()
    with pytest.raises(CommandError) as refusal:
        import_(path, *(args or ("--trust-unsigned",)))
    assert database_state() == before, "a refused import changes nothing"
    message = str(refusal.value)
    assert message.endswith("Nothing was imported.")
    return message


def rewrite(path: Path, change) -> Path:
    """The archive, still one record a line, with each record replaced by the list of records
    `change(record)` returns."""
    lines = path.read_text(encoding="utf-8").splitlines()
    changed = [new for line in lines[1:-1] for new in change(json.loads(line.rstrip(",")))]
    body = ",\n".join(json.dumps(record, ensure_ascii=False) for record in changed)
    path.write_text(f"{lines[0]}\n{body}\n]}}\n", encoding="utf-8")
    return path


def edit(model: str, **fields):
    def change(record: dict) -> list[dict]:
        if record["model"] == model:
            record["fields"].update(fields)
        return [record]

    return change


def line_numbers(path: Path, text: str) -> list[int]:
    return [
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if text in line
    ]


def test_import_refuses_a_missing_file(db, tmp_path):
    assert "There is no file at" in refused_import(tmp_path / "nowhere.json")


def test_import_refuses_a_folder(db, tmp_path):
    assert "is a folder, not an export file" in refused_import(tmp_path)


def test_import_refuses_an_empty_file(db, tmp_path):
    path = tmp_path / "site.json"
    path.write_bytes(b"")
    assert "The file is empty" in refused_import(path)


@pytest.mark.parametrize(
    "content",
    [
        b"Harrowmere County Council privacy notice\n",
        b'{"councils": []}\n',
        b"[1, 2, 3]\n",
        b'{"format": "council-privacy-notices-site", "format_version": 1, "records": []}\n',
    ],
)
def test_import_refuses_a_file_that_is_not_an_export(db, tmp_path, content):
    path = tmp_path / "site.json"
    path.write_bytes(content)
    assert "Line 1 is not the start of a site export" in refused_import(path)


def test_import_refuses_another_format(archive):
    text = archive.read_text(encoding="utf-8").replace(FORMAT_NAME, "wagtail-site", 1)
    archive.write_text(text, encoding="utf-8")
    assert "format is 'wagtail-site'" in refused_import(archive)


@pytest.mark.parametrize("version", ["2", "0", '"1"', "true"])
def test_import_refuses_another_format_version(archive, version):
    text = archive.read_text(encoding="utf-8")
    archive.write_text(text.replace('"format_version": 1', f'"format_version": {version}', 1))
    assert "this site reads version 1" in refused_import(archive)


def test_import_refuses_a_file_cut_short_in_a_record(archive):
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    assert "is not a complete JSON record" in refused_import(archive)


def test_import_refuses_a_file_cut_short_between_records(archive):
    lines = archive.read_text(encoding="utf-8").splitlines(keepends=True)
    archive.write_text("".join(lines[:10]), encoding="utf-8")
    message = refused_import(archive)
    assert "The file stops at line 10 without the closing ]} of an export" in message


def test_import_refuses_utf16(archive):
    archive.write_bytes(archive.read_text(encoding="utf-8").encode("utf-16"))
    assert "The file is UTF-16" in refused_import(archive)


def test_import_refuses_windows_1252_bytes_and_names_the_line(archive):
    council_line = line_numbers(archive, "Ynys Môn")[0]
    archive.write_bytes(archive.read_text(encoding="utf-8").encode("cp1252"))
    message = refused_import(archive)
    assert f"Line {council_line} is not UTF-8 text (byte 0xf4" in message
    assert "such as Latin-1 or Windows-1252" in message


def test_import_refuses_an_unknown_model(archive):
    def add_widget(record):
        return [record, {"model": "notices.widget", "pk": 1, "fields": {}}]

    message = refused_import(rewrite(archive, add_widget))
    assert "'notices.widget' is not something a site export holds" in message


def test_import_refuses_a_password_among_an_accounts_fields(archive):
    rewrite(archive, edit("auth.user", password="pbkdf2_sha256$1000000$salt$hash"))
    assert "its fields are not those of an export. Not expected: password." in refused_import(
        archive
    )


def test_import_refuses_a_record_missing_a_field(archive):
    def drop_slug(record):
        if record["model"] == "councils.council":
            del record["fields"]["slug"]
        return [record]

    message = refused_import(rewrite(archive, drop_slug))
    assert "(councils.council " in message
    assert "its fields are not those of an export. Missing: slug." in message


def test_import_refuses_a_foreign_key_that_points_nowhere_and_names_the_line(archive):
    rewrite(archive, edit("notices.section", notice=999))
    first_section = line_numbers(archive, '"notices.section"')[0]

    message = refused_import(archive)

    assert f"Line {first_section} (notices.section " in message
    assert "notice points to notices.notice 999, which is not earlier in the file" in message


def test_import_refuses_a_version_signed_by_an_account_not_in_the_file(archive):
    rewrite(archive, edit("notices.noticeversion", published_by="someone@elsewhere.example"))
    assert "names the account 'someone@elsewhere.example'" in refused_import(archive)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"name": 7}, "name is text, not 7"),
        ({"public_revision": -1}, "public_revision is a whole number, not -1"),
        ({"public_changed_at": "last Tuesday"}, "public_changed_at is a date and time"),
        ({"public_changed_at": "2026-01-31T09:30:00"}, "with its offset from UTC"),
        ({"slug": None}, "slug is empty, and it cannot be"),
        ({"ico_registration_number": "Z1234567890"}, "it holds at most 8"),
    ],
)
def test_import_refuses_values_of_the_wrong_kind(archive, fields, expected):
    rewrite(archive, edit("councils.council", **fields))
    assert expected in refused_import(archive)


def test_import_reports_what_the_database_refused_with_the_lines(archive):
    def second_council_same_slug(record):
        if record["model"] == "councils.council":
            twin = {**record, "pk": 2, "fields": {**record["fields"], "name": "Ynys Arall"}}
            return [record, twin]
        return [record]

    rewrite(archive, second_council_same_slug)
    first, second = line_numbers(archive, '"councils.council"')

    message = refused_import(archive)

    assert f"Lines {first} to {second} (councils.council): the database refused them" in message


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda text: text.replace("\n]}", ",\n]}"), "ends with a comma but is the last record"),
        (
            lambda text: text.replace("}},\n", "}}\n", 1),
            "ends without a comma, yet a record follows",
        ),
        (lambda text: text + '{"model": "councils.council"}\n', "there is more after the end"),
        (lambda text: text.replace("\n]}", ",\n[1, 2]\n]}"), "is not a record"),
    ],
)
def test_import_refuses_a_file_that_is_not_one_json_document(archive, damage, expected):
    archive.write_text(damage(archive.read_text(encoding="utf-8")), encoding="utf-8")
    assert expected in refused_import(archive)


def test_import_refuses_a_database_that_is_not_empty(archive, make_council):
    make_council()
    message = refused_import(archive)
    assert "The database is not empty (councils: 1)" in message


def test_import_refuses_a_database_with_accounts(archive, django_user_model):
    django_user_model.objects.create_superuser("operator", password="Operator-2026")
    assert "The database is not empty (staff accounts: 1)" in refused_import(archive)


def test_a_problem_late_in_the_file_undoes_everything_written_before_it(archive):
    rewrite(archive, edit("notices.auditevent", notice=999))
    refused_import(archive)
    assert not Council.objects.exists()
    assert not User.objects.exists()


# Export refusals ---------------------------------------------------------------------------


def test_export_refuses_to_replace_a_file_unless_forced(db, tmp_path, make_council):
    path = tmp_path / "site.json"
    path.write_text("keep me", encoding="utf-8")
    make_council()

    with pytest.raises(CommandError, match="already exists. Give another name, or add --force"):
        export(path)
    assert path.read_text(encoding="utf-8") == "keep me"

    assert "councils: 1" in export(path, "--force")
    assert len(records(path)) == 1


def test_export_refuses_a_folder_and_a_missing_folder(db, tmp_path):
    with pytest.raises(CommandError, match="is a folder. Give the export a file name"):
        export(tmp_path)
    with pytest.raises(CommandError, match="does not exist"):
        export(tmp_path / "no-such-folder" / "site.json")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_leaves_no_half_file_and_the_old_one_whole(
    db, tmp_path, make_notice, monkeypatch
):
    make_notice()
    path = tmp_path / "site.json"
    path.write_text("yesterday's export", encoding="utf-8")
    written = []
    exported_value = archive_export._exported_value

    def fail_midway(model_field, value, usernames):
        written.append(value)
        if len(written) > 50:
            raise DatabaseError("server closed the connection unexpectedly")
        return exported_value(model_field, value, usernames)

    monkeypatch.setattr(archive_export, "_exported_value", fail_midway)

    with pytest.raises(CommandError, match="The database stopped answering during the export"):
        export(path, "--force")

    assert [p.name for p in tmp_path.iterdir()] == ["site.json"]
    assert path.read_text(encoding="utf-8") == "yesterday's export"


def test_running_processes_forget_the_empty_sites_stamps(
    transactional_db, client, tmp_path, settings, make_notice, publish
):
    """A web process that served the empty site remembers its stamp; the import must make it
    forget, or it would go on answering 304 for the empty index."""
    settings.PUBLIC_CACHE_LISTEN = True
    notice = make_notice(council=None)
    publish(notice)
    council_name = notice.council.name
    export(tmp_path / "site.json")
    call_command("flush", interactive=False, verbosity=0)
    try:
        empty_index = client.get("/")
        assert council_name not in empty_index.content.decode()
        import_(tmp_path / "site.json")
        after = client.get("/", HTTP_IF_NONE_MATCH=empty_index["ETag"])
        assert after.status_code == 200
        assert council_name in after.content.decode()
    finally:
        public_cache._stamps._close_listener()
        public_cache.forget_remembered_stamps()
        cache.clear()
