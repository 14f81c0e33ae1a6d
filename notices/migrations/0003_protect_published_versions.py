"""Database triggers that refuse to change or delete a published version.

The ORM already refuses; these make raw SQL, a shell session or another program refuse too.

- An UPDATE is always refused, on SQLite and PostgreSQL.
- On PostgreSQL a DELETE is refused while the version's notice (or shared block) still exists,
  and the notice cannot be deleted while it has versions (the foreign key has no cascade); only
  TRUNCATE, which needs the table's owner, empties the table, as Django does to a test database.
- On SQLite (local development) there is no TRUNCATE: Django empties a test database with
  DELETEs in no fixed order, which a DELETE trigger would block. There a DELETE is refused by the
  ORM and, for a version whose notice still exists, by the foreign key.
"""

from django.db import migrations

# (version table, parent table, foreign key column)
PROTECTED = [
    ("notices_noticeversion", "notices_notice", "notice_id"),
    ("notices_sharedblockversion", "notices_sharedblock", "block_id"),
]


def _sqlite_create(table: str, parent: str, column: str) -> list[str]:
    return [
        f"""CREATE TRIGGER {table}_refuse_update BEFORE UPDATE ON {table}
        BEGIN SELECT RAISE(ABORT, 'published versions cannot be changed'); END;""",
    ]


def _sqlite_drop(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {table}_refuse_update;"]


def _postgresql_create(table: str, parent: str, column: str) -> list[str]:
    return [
        f"""CREATE FUNCTION {table}_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                RAISE EXCEPTION 'published versions cannot be changed';
            END IF;
            IF EXISTS (SELECT 1 FROM {parent} WHERE id = OLD.{column}) THEN
                RAISE EXCEPTION 'published versions cannot be deleted';
            END IF;
            RETURN OLD;
        END;
        $$;""",
        f"""CREATE TRIGGER {table}_refuse_change BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION {table}_refuse_change();""",
    ]


def _postgresql_drop(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_refuse_change ON {table};",
        f"DROP FUNCTION IF EXISTS {table}_refuse_change();",
    ]


def create_triggers(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for table, parent, column in PROTECTED:
        if vendor == "sqlite":
            statements = _sqlite_create(table, parent, column)
        elif vendor == "postgresql":
            statements = _postgresql_create(table, parent, column)
        else:
            raise NotImplementedError(f"No version-protecting triggers for {vendor}.")
        for statement in statements:
            schema_editor.execute(statement)


def drop_triggers(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for table, _parent, _column in PROTECTED:
        statements = _sqlite_drop(table) if vendor == "sqlite" else _postgresql_drop(table)
        for statement in statements:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("notices", "0002_versions")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
