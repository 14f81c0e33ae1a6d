"""The site search's index, and its text for every notice already published.

- On PostgreSQL, a GIN index on NoticeSearchText.search_vector, so full-text matching does not
  read every row. It is created here rather than declared in the model's Meta because SQLite has
  no GIN index; on other databases this step does nothing.
- Every published notice gets its search text from its latest version, with the same function
  publishing uses (notices.publishing.search_index.write_search_text), which takes the snapshot
  alone.

Both steps are reversible: backwards, the search text is emptied and the index dropped.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery

INDEX_NAME = "notices_search_vector_gin"
TABLE = "notices_noticesearchtext"


def create_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {TABLE} USING gin (search_vector)"
        )


def drop_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


def fill_search_text(apps, schema_editor) -> None:
    from notices.publishing.search_index import write_search_text

    NoticeVersion = apps.get_model("notices", "NoticeVersion")
    NoticeSearchText = apps.get_model("notices", "NoticeSearchText")
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
        .only("notice_id", "number", "snapshot")
        .order_by("notice_id")
    )
    for version in latest_versions.iterator(chunk_size=100):
        write_search_text(
            NoticeSearchText,
            notice_id=version.notice_id,
            version_number=version.number,
            snapshot=version.snapshot,
            using=using,
        )


def empty_search_text(apps, schema_editor) -> None:
    NoticeSearchText = apps.get_model("notices", "NoticeSearchText")
    NoticeSearchText.objects.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notices", "0006_record_kinds_search_text"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
        migrations.RunPython(fill_search_text, empty_search_text, elidable=True),
    ]
