"""Published versions and audit events refused change and deletion by every path the site's own
database role can take (see notices.models.immutability and docs/security.md).

- Published versions (and so their snapshot and rendered HTML, columns of the same row): any
  UPDATE or DELETE refused, on PostgreSQL and SQLite.
- Audit events: any DELETE refused; an UPDATE refused unless all it does is empty the `actor` or
  `notice` link of an account or draft notice being removed (the event keeps their names).
- PostgreSQL: the foreign keys of those tables become NOT DEFERRABLE, so that a parent row cannot
  be deleted and put back within one transaction while its versions point to it.
- SQLite emptying the whole database (`flush`) passes through `notices_emptying()`; PostgreSQL
  uses TRUNCATE, which fires no row triggers.

Replaces the triggers of migration 0003, which let PostgreSQL delete a version once its notice was
gone (reachable through the deferred foreign keys) and let SQLite delete one outright.
"""

from django.db import migrations, models
import django.db.models.deletion

VERSION_TABLES = ["notices_noticeversion", "notices_sharedblockversion"]
AUDIT_TABLE = "notices_auditevent"
# An audit event's links that may be emptied when their target is removed.
NULLABLE_LINKS = ["actor_id", "notice_id"]
SQLITE_GUARD = "NOT notices_emptying()"


def _sqlite_statements(audit_columns: list[str]) -> list[str]:
    statements = []
    for table in VERSION_TABLES:
        statements.append(
            f"""CREATE TRIGGER {table}_refuse_delete BEFORE DELETE ON {table}
            WHEN {SQLITE_GUARD}
            BEGIN SELECT RAISE(ABORT, 'published versions cannot be deleted'); END;"""
        )
    changed = [f"NEW.{c} IS NOT OLD.{c}" for c in audit_columns if c not in NULLABLE_LINKS]
    changed += [f"(NEW.{c} IS NOT OLD.{c} AND NEW.{c} IS NOT NULL)" for c in NULLABLE_LINKS]
    statements += [
        f"""CREATE TRIGGER {AUDIT_TABLE}_refuse_update BEFORE UPDATE ON {AUDIT_TABLE}
        WHEN {" OR ".join(changed)}
        BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END;""",
        f"""CREATE TRIGGER {AUDIT_TABLE}_refuse_delete BEFORE DELETE ON {AUDIT_TABLE}
        WHEN {SQLITE_GUARD}
        BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END;""",
    ]
    return statements


def _sqlite_reverse() -> list[str]:
    names = [f"{table}_refuse_delete" for table in VERSION_TABLES]
    names += [f"{AUDIT_TABLE}_refuse_update", f"{AUDIT_TABLE}_refuse_delete"]
    return [f"DROP TRIGGER IF EXISTS {name};" for name in names]


def _postgresql_statements() -> list[str]:
    statements = []
    for table in VERSION_TABLES:
        # Replaces 0003's function: a DELETE is now refused whether or not the parent exists.
        statements.append(
            f"""CREATE OR REPLACE FUNCTION {table}_refuse_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    RAISE EXCEPTION 'published versions cannot be changed';
                END IF;
                RAISE EXCEPTION 'published versions cannot be deleted';
            END;
            $$;"""
        )
    kept = " - ".join(f"'{c}'" for c in NULLABLE_LINKS)
    emptied = " OR ".join(
        f"(NEW.{c} IS NOT NULL AND NEW.{c} IS DISTINCT FROM OLD.{c})" for c in NULLABLE_LINKS
    )
    statements += [
        f"""CREATE FUNCTION {AUDIT_TABLE}_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'audit events cannot be deleted';
            END IF;
            IF (to_jsonb(NEW) - {kept}) IS DISTINCT FROM (to_jsonb(OLD) - {kept})
                    OR {emptied} THEN
                RAISE EXCEPTION 'audit events cannot be changed';
            END IF;
            RETURN NEW;
        END;
        $$;""",
        f"""CREATE TRIGGER {AUDIT_TABLE}_refuse_change BEFORE UPDATE OR DELETE ON {AUDIT_TABLE}
        FOR EACH ROW EXECUTE FUNCTION {AUDIT_TABLE}_refuse_change();""",
    ]
    return statements


def _postgresql_reverse() -> list[str]:
    statements = [
        f"DROP TRIGGER IF EXISTS {AUDIT_TABLE}_refuse_change ON {AUDIT_TABLE};",
        f"DROP FUNCTION IF EXISTS {AUDIT_TABLE}_refuse_change();",
    ]
    for table, parent, column in [
        ("notices_noticeversion", "notices_notice", "notice_id"),
        ("notices_sharedblockversion", "notices_sharedblock", "block_id"),
    ]:
        statements.append(
            f"""CREATE OR REPLACE FUNCTION {table}_refuse_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    RAISE EXCEPTION 'published versions cannot be changed';
                END IF;
                IF EXISTS (SELECT 1 FROM {parent} WHERE id = OLD.{column}) THEN
                    RAISE EXCEPTION 'published versions cannot be deleted';
                END IF;
                RETURN OLD;
            END;
            $$;"""
        )
    return statements


def _set_foreign_keys(schema_editor, deferrable: bool) -> None:
    timing = "DEFERRABLE INITIALLY DEFERRED" if deferrable else "NOT DEFERRABLE"
    with schema_editor.connection.cursor() as cursor:
        for table in [*VERSION_TABLES, AUDIT_TABLE]:
            cursor.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass "
                "AND contype = 'f'",
                [table],
            )
            for (name,) in cursor.fetchall():
                schema_editor.execute(f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" {timing};')


def forwards(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        audit = apps.get_model("notices", "AuditEvent")
        columns = [f.column for f in audit._meta.concrete_fields]
        statements = _sqlite_statements(columns)
    elif vendor == "postgresql":
        statements = _postgresql_statements()
        _set_foreign_keys(schema_editor, deferrable=False)
    else:
        raise NotImplementedError(f"No triggers keeping published versions for {vendor}.")
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        statements = _sqlite_reverse()
    else:
        statements = _postgresql_reverse()
        _set_foreign_keys(schema_editor, deferrable=True)
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("notices", "0007_search_text_index"), ("councils", "0003_public_revision")]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="council",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="audit_events",
                to="councils.council",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
