"""Writing the whole site to an archive, from one consistent reading of the database."""

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

from notices.site_archive.records import (
    ACCOUNT_FIELDS,
    ACCOUNT_LABEL,
    EXPORT_CHUNK,
    FORMAT_NAME,
    FORMAT_VERSION,
    GROUP_LABEL,
    ROLE_GROUP_NAMES,
    TABLES,
    ArchiveError,
    ArchiveSummary,
    one_line,
    permission_name,
    refers_to_accounts,
)
from notices.site_archive.signing import header_signature, sign_file


def export_site_to(path: Path, *, replace: bool = False) -> ArchiveSummary:
    """Writes the whole site to `path`. The file appears whole or not at all: it is written beside
    its final name and renamed once complete. Refuses to replace an existing file unless asked."""
    if path.is_dir():
        raise ArchiveError(
            f"{path} is a folder. Give the export a file name, e.g. {path / 'site.json'}."
        )
    if path.exists() and not replace:
        raise ArchiveError(
            f"{path} already exists. Give another name, or add --force to replace it."
        )
    if not path.parent.is_dir():
        raise ArchiveError(f"The folder {path.parent} does not exist.")
    try:
        # mkstemp makes the file readable by its owner only: it holds staff names and emails.
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".partial"
        )
    except OSError as problem:
        raise ArchiveError(f"Cannot write in {path.parent}: {problem.strerror}.") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            summary = export_site(stream)
        # Signed last, in place, once every byte it covers is written.
        with open(temporary, "r+b") as stream:
            sign_file(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as problem:
        Path(temporary).unlink(missing_ok=True)
        raise ArchiveError(f"Could not write {path}: {problem.strerror}.") from None
    except DatabaseError as problem:
        Path(temporary).unlink(missing_ok=True)
        raise ArchiveError(
            f"The database stopped answering during the export ({one_line(problem)})."
        ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return summary


def export_site(stream: IO[str]) -> ArchiveSummary:
    """Writes every archived record to `stream`, from one consistent reading of the database."""
    summary = ArchiveSummary(exported_at=timezone.now().isoformat(timespec="seconds"))
    header = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": summary.exported_at,
        "signature": header_signature(),
    }
    stream.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "records": [')
    first = True
    with _one_reading(), closing(_all_records()) as all_records:
        for label, pk, fields in all_records:
            record = {"model": label, "pk": pk, "fields": fields}
            stream.write(("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False))
            first = False
            summary.count(label)
    stream.write("\n]}\n")
    return summary


@contextmanager
def _one_reading() -> Iterator[None]:
    """One transaction for the whole export; on PostgreSQL a REPEATABLE READ one, so that a
    publication during the export cannot leave a version in the file without its notice."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _all_records() -> Iterator[tuple[str, int | None, dict[str, Any]]]:
    usernames = dict(get_user_model()._default_manager.values_list("pk", "username"))
    yield from _group_records()
    yield from _account_records()
    for table in TABLES:
        fields = table.fields
        rows = (
            table.model._default_manager.order_by("pk")
            .values_list("pk", *(f.attname for f in fields))
            .iterator(chunk_size=EXPORT_CHUNK)
        )
        # Closed here even when a row fails: on PostgreSQL the cursor lives in the transaction.
        with closing(rows):
            for pk, *values in rows:
                yield (
                    table.label,
                    pk,
                    {
                        f.name: _exported_value(f, value, usernames)
                        for f, value in zip(fields, values, strict=True)
                    },
                )


def _group_records() -> Iterator[tuple[str, None, dict[str, Any]]]:
    for group in (
        Group.objects.exclude(name__in=ROLE_GROUP_NAMES)
        .prefetch_related("permissions__content_type")
        .order_by("name")
    ):
        permissions = sorted(permission_name(p) for p in group.permissions.all())
        yield GROUP_LABEL, None, {"name": group.name, "permissions": permissions}


def _account_records() -> Iterator[tuple[str, int, dict[str, Any]]]:
    User = get_user_model()  # noqa: N806
    groups: dict[int, list[str]] = {}
    for user_id, name in User.groups.through.objects.values_list("user_id", "group__name"):
        groups.setdefault(user_id, []).append(name)
    permissions: dict[int, list[str]] = {}
    for grant in User.user_permissions.through.objects.select_related("permission__content_type"):
        permissions.setdefault(grant.user_id, []).append(permission_name(grant.permission))
    for row in User._default_manager.order_by("pk").values("pk", *ACCOUNT_FIELDS):
        pk = row.pop("pk")
        fields = {name: _json_value(value) for name, value in row.items()}
        fields["groups"] = sorted(groups.get(pk, []))
        fields["user_permissions"] = sorted(permissions.get(pk, []))
        yield ACCOUNT_LABEL, pk, fields


def _exported_value(model_field: models.Field, value: Any, usernames: dict[int, str]) -> Any:
    if value is not None and refers_to_accounts(model_field):
        return usernames[value]
    return _json_value(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
