"""Each record of an archive checked against what an export holds, and written in batches, each
after every record it refers to."""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date

from notices.site_archive.checks import VersionChecks, not_after, validated
from notices.site_archive.records import (
    ACCOUNT_FIELDS,
    ACCOUNT_LABEL,
    ACCOUNT_RECORD_FIELDS,
    GROUP_FIELDS,
    GROUP_LABEL,
    KNOWN_MODELS,
    TABLES_BY_LABEL,
    ArchiveError,
    ArchiveSummary,
    Table,
    datetime_or_none,
    one_line,
    permission_name,
    refers_to_accounts,
)

# How far ahead of the export's own time a stored time may be, its servers' clocks differing.
CLOCK_SKEW = timedelta(minutes=5)
# Records written to the database this many at a time.
INSERT_BATCH = 500
# A batch is also written once its records reach this much text, so that a run of large versions
# (stored HTML and snapshots) stays bounded in memory.
INSERT_BATCH_CHARS = 16 * 1024 * 1024


class Loader:
    """Checks each record against what an export holds, and writes them in batches, each after
    every record it refers to."""

    def __init__(self, summary: ArchiveSummary) -> None:
        self.summary = summary
        self.seen: dict[str, set[int]] = {label: set() for label in TABLES_BY_LABEL}
        self.accounts: dict[str, int] = {}
        self.groups = dict(Group.objects.values_list("name", "pk"))
        self.permissions = {
            permission_name(p): p.pk for p in Permission.objects.select_related("content_type")
        }
        self.pending: list[tuple[models.Model, dict[str, Any]]] = []
        self.pending_label: str | None = None
        self.pending_lines: list[int] = []
        self.pending_chars = 0
        # No stored time can be after the export (the restore checks the export's own time),
        # give or take the export's rounding to the second and the clocks of the site's servers.
        exported_at = datetime_or_none(summary.exported_at) or timezone.now()
        self.latest_possible = exported_at + CLOCK_SKEW
        self.versions = VersionChecks()

    def add(self, number: int, record: Any, *, size: int) -> None:
        if not (isinstance(record, dict) and set(record) == {"model", "pk", "fields"}):
            raise ArchiveError(
                f'Line {number} is not a record: each is {{"model": …, "pk": …, "fields": {{…}}}}.'
            )
        label, pk, fields = record["model"], record["pk"], record["fields"]
        if label not in KNOWN_MODELS:
            raise ArchiveError(
                f"Line {number}: {label!r} is not something a site export holds. It holds only: "
                f"{', '.join(KNOWN_MODELS)}."
            )
        where = f"Line {number} ({label} {pk})"
        expected = _expected_fields(label)
        if not isinstance(fields, dict) or set(fields) != expected:
            given = set(fields) if isinstance(fields, dict) else set()
            raise ArchiveError(
                f"{where}: its fields are not those of an export."
                + _listed(" Missing: ", expected - given)
                + _listed(" Not expected: ", given - expected)
            )
        if label != self.pending_label:
            # Every record of the previous kind is written before any that may refer to it.
            self.flush()
            self.pending_label = label
        if label == GROUP_LABEL:
            self._add_group(where, pk, fields)
        else:
            self._check_pk(where, label, pk)
            if label == ACCOUNT_LABEL:
                self._add_account(where, pk, fields)
            else:
                self._add_row(where, TABLES_BY_LABEL[label], pk, fields)
            self.pending_lines.append(number)
            self.pending_chars += size
        self.summary.count(label)
        if len(self.pending) >= INSERT_BATCH or self.pending_chars >= INSERT_BATCH_CHARS:
            self.flush()

    def finish(self) -> None:
        self.flush()
        self.versions.finish()

    def _check_pk(self, where: str, label: str, pk: Any) -> None:
        if type(pk) is not int or pk < 1:
            raise ArchiveError(f"{where}: the pk must be a whole number above 0.")
        seen = self.seen.setdefault(label, set())
        if pk in seen:
            raise ArchiveError(f"{where}: a record of {label} with this pk is earlier in the file.")
        seen.add(pk)

    def _add_group(self, where: str, pk: Any, fields: dict[str, Any]) -> None:
        name = fields["name"]
        if pk is not None:
            raise ArchiveError(f"{where}: a group's pk is null; groups are found by name.")
        if not isinstance(name, str) or not name or len(name) > 150:
            raise ArchiveError(f"{where}: a group's name is text of 1 to 150 characters.")
        if name in self.groups:
            raise ArchiveError(
                f"{where}: the group {name!r} is already there (the staff roles' groups are "
                "made by migrate, never exported)."
            )
        permissions = self._permission_ids(where, fields["permissions"])
        # Groups are few: each is written at once, so accounts after it can be put in it.
        group = Group.objects.create(name=name)
        group.permissions.set(permissions)
        self.groups[name] = group.pk

    def _add_account(self, where: str, pk: int, fields: dict[str, Any]) -> None:
        User = get_user_model()  # noqa: N806
        values = {
            name: self._value(where, User._meta.get_field(name), fields[name])
            for name in ACCOUNT_FIELDS
        }
        username = values["username"]
        if username in self.accounts:
            raise ArchiveError(f"{where}: the account {username!r} is earlier in the file too.")
        group_names = fields["groups"]
        if not _is_list_of_text(group_names):
            raise ArchiveError(f"{where}: groups is a list of group names.")
        unknown = [name for name in group_names if name not in self.groups]
        if unknown:
            raise ArchiveError(
                f"{where}: the account is in {_quoted(unknown)}, neither a staff role's group "
                "nor a group earlier in the file."
            )
        permission_ids = self._permission_ids(where, fields["user_permissions"])
        # No usable password: the owner sets one through a one-time link.
        account = User(pk=pk, password=make_password(None), **values)
        validated(where, account, exclude=["password"])
        extras = {
            "groups": [self.groups[name] for name in group_names],
            "user_permissions": permission_ids,
        }
        self.accounts[username] = pk
        self.summary.usernames.append(username)
        self.pending.append((account, extras))

    def _add_row(self, where: str, table: Table, pk: int, fields: dict[str, Any]) -> None:
        values = {f.attname: self._value(where, f, fields[f.name]) for f in table.fields}
        row = table.model(pk=pk, **values)
        validated(where, row, exclude=[f.name for f in table.fields if f.is_relation])
        self.versions.check(where, row)
        self.pending.append((row, {}))

    def _permission_ids(self, where: str, names: Any) -> list[int]:
        if not _is_list_of_text(names):
            raise ArchiveError(f"{where}: permissions are a list of 'app_label.codename' names.")
        unknown = [name for name in names if name not in self.permissions]
        if unknown:
            raise ArchiveError(f"{where}: this site has no permission {_quoted(unknown)}.")
        return [self.permissions[name] for name in names]

    def _value(self, where: str, model_field: models.Field, value: Any) -> Any:
        """The record's value for one field, as the model holds it, or a refusal saying why."""
        name = model_field.name
        if value is None:
            if model_field.null:
                return None
            raise ArchiveError(f"{where}: {name} is empty, and it cannot be.")
        if model_field.is_relation:
            return self._target(where, model_field, value)
        if isinstance(model_field, models.BooleanField):
            if isinstance(value, bool):
                return value
            raise ArchiveError(f"{where}: {name} is true or false, not {value!r}.")
        if isinstance(model_field, models.IntegerField):
            if type(value) is int and value >= 0:
                return value
            raise ArchiveError(f"{where}: {name} is a whole number, not {value!r}.")
        if isinstance(model_field, models.DateTimeField):
            moment = datetime_or_none(value)
            if moment is None or timezone.is_naive(moment):
                raise ArchiveError(
                    f"{where}: {name} is a date and time with its offset from UTC "
                    f"(2025-01-31T09:30:00+00:00), not {value!r}."
                )
            not_after(where, name, moment, self.latest_possible)
            return moment
        if isinstance(model_field, models.DateField):
            day = _date_or_none(value)
            if day is None:
                raise ArchiveError(f"{where}: {name} is a date (2025-01-31), not {value!r}.")
            return day
        if isinstance(model_field, models.JSONField):
            return value
        if isinstance(model_field, models.CharField | models.TextField):
            if not isinstance(value, str):
                raise ArchiveError(f"{where}: {name} is text, not {value!r}.")
            if model_field.max_length and len(value) > model_field.max_length:
                raise ArchiveError(
                    f"{where}: {name} is {len(value):,} characters long; it holds at most "
                    f"{model_field.max_length:,}."
                )
            return value
        raise TypeError(f"The archive cannot read a {type(model_field).__name__}.")

    def _target(self, where: str, model_field: models.ForeignKey, value: Any) -> int:
        if refers_to_accounts(model_field):
            if isinstance(value, str) and value in self.accounts:
                return self.accounts[value]
            raise ArchiveError(
                f"{where}: {model_field.name} names the account {value!r}, which is not earlier "
                "in the file."
            )
        target = model_field.related_model._meta.label_lower
        if type(value) is int and value in self.seen[target]:
            return value
        raise ArchiveError(
            f"{where}: {model_field.name} points to {target} {value!r}, which is not earlier in "
            "the file."
        )

    def flush(self) -> None:
        """Writes the pending batch. A refusal by the database names the batch's lines."""
        if not self.pending:
            return
        first, last = self.pending_lines[0], self.pending_lines[-1]
        try:
            with transaction.atomic():
                if self.pending_label == ACCOUNT_LABEL:
                    _insert_accounts(self.pending)
                else:
                    _insert_rows(TABLES_BY_LABEL[self.pending_label], self.pending)
        except DatabaseError as problem:
            lines = f"Line {first}" if first == last else f"Lines {first} to {last}"
            raise ArchiveError(
                f"{lines} ({self.pending_label}): the database refused them: {one_line(problem)}."
            ) from None
        self.pending, self.pending_lines, self.pending_chars = [], [], 0


def _insert_rows(table: Table, pending: list[tuple[models.Model, dict]]) -> None:
    rows = [row for row, _ in pending]
    # bulk_create only inserts (published versions refuse any other write) but, like save(),
    # stamps auto_now and auto_now_add fields with the present moment: put back the stored ones.
    stamped = [f for f in table.fields if _stamped_on_save(f)]
    stored = [{f.attname: getattr(row, f.attname) for f in stamped} for row in rows]
    table.model._default_manager.bulk_create(rows)
    if stamped:
        for row, values in zip(rows, stored, strict=True):
            for attname, value in values.items():
                setattr(row, attname, value)
        table.model._default_manager.bulk_update(rows, [f.name for f in stamped])


def _insert_accounts(pending: list[tuple[models.Model, dict]]) -> None:
    User = get_user_model()  # noqa: N806
    User._default_manager.bulk_create([account for account, _ in pending])
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=account.pk, group_id=group_id)
        for account, extras in pending
        for group_id in extras["groups"]
    )
    User.user_permissions.through.objects.bulk_create(
        User.user_permissions.through(user_id=account.pk, permission_id=permission_id)
        for account, extras in pending
        for permission_id in extras["user_permissions"]
    )


def _stamped_on_save(model_field: models.Field) -> bool:
    return getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False)


def _expected_fields(label: str) -> set[str]:
    if label == GROUP_LABEL:
        return GROUP_FIELDS
    if label == ACCOUNT_LABEL:
        return ACCOUNT_RECORD_FIELDS
    return TABLES_BY_LABEL[label].field_names


def _date_or_none(value: Any) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _is_list_of_text(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _listed(prefix: str, names: Iterable[str]) -> str:
    names = sorted(names)
    return f"{prefix}{', '.join(names)}." if names else ""


def _quoted(names: list[str]) -> str:
    return ", ".join(repr(name) for name in names)
