"""The search's entries per headed part of each notice, and their full-text index.

- NoticeSearchSection: one row per part of a notice's current published version
  (notices.publishing.search_sections), which a search result links to.
- On PostgreSQL, a GIN index on its search_vector. On SQLite, an FTS5 table with the Porter
  tokenizer (stemming: "fostering" finds "foster"), kept in step with the rows by triggers, so
  every write to the rows, by publishing, a migration or a copy, is indexed in its transaction.
  Neither is declared in the model: each database has only its own.
- Every published notice gets its sections from its latest version, with the function
  publishing uses (notices.publishing.search_index.write_search_sections).

Reversible: backwards, the triggers, the FTS table and the index go with the rows.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

TABLE = "notices_noticesearchsection"
FTS_TABLE = "notices_search_fts"
GIN_INDEX = "notices_search_section_gin"
# The columns the FTS table mirrors, in its order (notices.public.search_sqlite reads them).
FTS_COLUMNS = ("heading", "topic_words", "text")

_new = ", ".join(f"new.{column}" for column in FTS_COLUMNS)
_old = ", ".join(f"old.{column}" for column in FTS_COLUMNS)
_columns = ", ".join(FTS_COLUMNS)
SQLITE_CREATE = [
    # External content: the text lives once, in the rows; the FTS table holds only its index.
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({_columns}, content='{TABLE}', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, {_columns}) VALUES (new.id, {_new}); END",
    f"CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_columns}) VALUES ('delete', old.id, {_old}); "
    "END",
    f"CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_columns}) VALUES ('delete', old.id, {_old}); "
    f"INSERT INTO {FTS_TABLE}(rowid, {_columns}) VALUES (new.id, {_new}); END",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def create_full_text_index(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON {TABLE} USING gin (search_vector)"
        )


def drop_full_text_index(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


def fill_search_sections(apps, schema_editor) -> None:
    from notices.publishing.search_index import IndexedVersion, write_search_sections

    NoticeVersion = apps.get_model("notices", "NoticeVersion")
    NoticeSearchSection = apps.get_model("notices", "NoticeSearchSection")
    using = schema_editor.connection.alias
    latest_number = (
        NoticeVersion.objects.using(using)
        .filter(notice=OuterRef("notice"))
        .order_by("-number")
        .values("number")[:1]
    )
    latest_versions = (
        NoticeVersion.objects.using(using)
        .filter(number=Subquery(latest_number))
        .select_related("shared_block_version")
        .only("notice_id", "number", "snapshot", "shared_block_version__snapshot")
        .order_by("notice_id")
    )
    batch = []
    for version in latest_versions.iterator(chunk_size=100):
        block = version.shared_block_version
        batch.append(
            IndexedVersion(
                version.notice_id,
                version.number,
                version.snapshot,
                block.snapshot if block else None,
            )
        )
        if len(batch) == 100:
            write_search_sections(NoticeSearchSection, versions=batch, using=using)
            batch = []
    if batch:
        write_search_sections(NoticeSearchSection, versions=batch, using=using)


def empty_search_sections(apps, schema_editor) -> None:
    NoticeSearchSection = apps.get_model("notices", "NoticeSearchSection")
    NoticeSearchSection.objects.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ('notices', '0011_import_to_complete'),
    ]

    operations = [
        migrations.CreateModel(
            name="NoticeSearchSection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version_number", models.PositiveIntegerField()),
                ("position", models.PositiveSmallIntegerField()),
                ("anchor", models.CharField(max_length=100)),
                ("heading", models.CharField(max_length=300)),
                ("topic", models.CharField(max_length=40)),
                ("topic_words", models.CharField(blank=True, max_length=200)),
                ("text", models.TextField(blank=True)),
                ("is_shared", models.BooleanField(default=False)),
                (
                    "search_vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "notice",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="search_sections",
                        to="notices.notice",
                    ),
                ),
            ],
            options={
                "verbose_name": "notice search section",
                "ordering": ["notice_id", "position"],
                "indexes": [
                    models.Index(fields=["notice", "position"], name="notices_search_section_pos")
                ],
            },
        ),
        migrations.RunPython(create_full_text_index, drop_full_text_index, elidable=False),
        migrations.RunPython(fill_search_sections, empty_search_sections, elidable=True),
    ]
