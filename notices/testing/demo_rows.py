"""The demo site for tests, loaded once per test process and copied into each test's database.

`load_demo_data` validates, publishes and renders every version of every demo council: seconds
per test. `capture_demo` runs it once inside a transaction it rolls back, keeping every row the
load added (every table, with the values exactly as stored, timestamps included) and, on SQLite,
the counters AUTOINCREMENT keeps. `restore_demo` writes those rows back with plain INSERTs inside
the test's own transaction, so the test's rollback removes them as it removes anything else, and
the database the test sees is the one `load_demo_data` would have left.

INSERT is the one statement the immutability triggers allow on published versions and the audit
log, and rows go in with their stored values, so no `auto_now` or signal changes them on the way.
The copy is only used when the tables the demo writes, and the tables its rows point at, are as
they were at the capture (the same number of rows, the same highest id); otherwise the fixture
loads the demo the slow way. Other tables may differ: a signed-in admin made before the demo is
no part of what the demo reads or writes.
"""

import copy
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.db.models.functions import Cast

from notices.demo.loading import DemoLoadReport, load_demo_data


@dataclass
class _Table:
    model: type[models.Model]
    columns: list[str]
    rows: list[tuple[Any, ...]]


@dataclass
class DemoRows:
    report: DemoLoadReport
    # The tables the demo writes or points at, before the load: in another state, the slow load.
    counts_before: dict[str, tuple[int, Any]]
    tables: list[_Table]
    # SQLite's AUTOINCREMENT counters of the tables the load moved, as it left them.
    sqlite_sequences: dict[str, int]


def _models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _fields(model: type[models.Model]) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if not field.generated]


def _row_values(model: type[models.Model]) -> dict[Any, tuple[Any, ...]]:
    fields = _fields(model)
    return {
        obj.pk: tuple(
            field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields
        )
        for obj in model._base_manager.order_by("pk")
    }


def _counts(models_: list[type[models.Model]]) -> dict[str, tuple[int, Any]]:
    """Each table's number of rows and highest id: the rows copied in refer to rows already
    there by id, so those must be the same rows."""
    return {
        model._meta.db_table: tuple(
            model._base_manager.aggregate(rows=models.Count("pk"), top=_highest(model)).values()
        )
        for model in models_
    }


def _highest(model: type[models.Model]) -> Max:
    # PostgreSQL has no max() of a uuid (django_tasks_db's results have one): compare its text.
    if isinstance(model._meta.pk, models.UUIDField):
        return Max(Cast("pk", output_field=models.TextField()))
    return Max("pk")


def _pointed_at(table: _Table) -> set[type[models.Model]]:
    """The models that the table's rows refer to by a foreign key."""
    fields = _fields(table.model)
    return {
        field.related_model
        for index, field in enumerate(fields)
        if field.many_to_one or field.one_to_one
        if any(row[index] is not None for row in table.rows)
    }


def _sqlite_sequences() -> dict[str, int]:
    if connection.vendor != "sqlite":
        return {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, seq FROM sqlite_sequence")
        return dict(cursor.fetchall())


class _RollBack(Exception):
    pass


def capture_demo() -> DemoRows:
    """Loads the demo once and keeps what it added; the database is left as it was."""
    captured: DemoRows | None = None
    try:
        with transaction.atomic():
            counts_before = _counts(_models())
            sequences_before = _sqlite_sequences()
            before = {model: _row_values(model) for model in _models()}
            report = load_demo_data()
            tables = []
            for model, old_rows in before.items():
                new_rows = _row_values(model)
                # The demo only adds rows; a changed or removed row could not be copied back
                # by inserting, so say so rather than hand tests a different database.
                for pk, values in old_rows.items():
                    if new_rows.get(pk) != values:
                        raise RuntimeError(
                            f"load_demo_data changed {model._meta.label} row {pk}: "
                            "the demo cannot be copied into tests by inserting rows"
                        )
                added = [values for pk, values in new_rows.items() if pk not in old_rows]
                if added:
                    columns = [field.column for field in _fields(model)]
                    tables.append(_Table(model, columns, added))
            sequences = {
                name: seq
                for name, seq in _sqlite_sequences().items()
                if sequences_before.get(name) != seq
            }
            involved = {table.model for table in tables}.union(*map(_pointed_at, tables))
            involved |= {model for model in _models() if model._meta.db_table in sequences}
            kept = {model._meta.db_table for model in involved}
            counts = {name: value for name, value in counts_before.items() if name in kept}
            captured = DemoRows(report, counts, tables, sequences)
            raise _RollBack
    except _RollBack:
        pass
    assert captured is not None
    return captured


def restore_demo(rows: DemoRows) -> DemoLoadReport | None:
    """Inserts the captured rows into the current database; None (nothing written) when the
    database is not in the state they were captured from."""
    involved = [model for model in _models() if model._meta.db_table in rows.counts_before]
    if _counts(involved) != rows.counts_before:
        return None
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table in rows.tables:
            names = ", ".join(quote(column) for column in table.columns)
            marks = ", ".join(["%s"] * len(table.columns))
            cursor.executemany(
                # Names from the models, values as parameters.
                f"INSERT INTO {quote(table.model._meta.db_table)} ({names}) VALUES ({marks})",  # noqa: S608
                table.rows,
            )
        for name, seq in rows.sqlite_sequences.items():
            cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [seq, name])
            if cursor.rowcount == 0:
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [name, seq]
                )
        if connection.vendor == "postgresql":
            # Rows went in with their ids: move each sequence past them, as the load did.
            models_with_rows = [table.model for table in rows.tables]
            for statement in connection.ops.sequence_reset_sql(no_style(), models_with_rows):
                cursor.execute(statement)
        # What loading announces: the page cache forgets its stamps once this commits.
        from notices.publishing.stamps import announce_change

        announce_change()
    return copy.deepcopy(rows.report)
