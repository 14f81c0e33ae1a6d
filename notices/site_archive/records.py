"""The whole site as one JSON file, and back again: `export_site` and `import_site`.

An archive holds everything the site keeps that cannot be worked out again: councils, the shared
libraries, notices with their whole drafts, the shared block, every published version exactly as
stored (snapshot, hash, HTML), the audit log, and staff accounts with their groups and council
roles. Never a password hash: the file is copied around, so restored accounts get no usable
password and their owners set a new one. The search index is derived, so it is left out and
rebuilt from the versions on import (notices.search), as publishing would write it.

The file is one JSON document, written and read a record per line, so that a site of hundreds of
megabytes never has to be held in memory at once:

    {"format": "council-privacy-notices-site", "format_version": 1, "exported_at": "…", "records": [
    {"model": "councils.council", "pk": 1, "fields": {…}},
    …
    {"model": "notices.auditevent", "pk": 90, "fields": {…}}
    ]}

Primary keys are kept, so every address, anchor and link stays the same. A foreign key is its
target's pk, except a reference to an account, which is its username. Groups (other than the staff
roles' own, which `migrate` makes) are found by name, and permissions are "app_label.codename".
"""

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from councils.models import Council, CouncilMembership
from councils.roles import NATIONAL_ADMIN_GROUP, ROLE_GROUPS
from notices.models import (
    AuditEvent,
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    NoticeSearchText,
    NoticeVersion,
    Recipient,
    RecordKind,
    RetentionPeriod,
    Section,
    SharedBlock,
    SharedBlockPart,
    SharedBlockVersion,
)
from notices.publishing import search_index, stamps
from notices.publishing.history import current_versions

FORMAT_NAME = "council-privacy-notices-site"
FORMAT_VERSION = 1

GROUP_LABEL = "auth.group"
ACCOUNT_LABEL = "auth.user"

# The groups `migrate` makes and keeps in line with councils.roles: never archived, always there.
ROLE_GROUP_NAMES = frozenset([*ROLE_GROUPS.values(), NATIONAL_ADMIN_GROUP])

# What an account record holds. Never the password: see the module's docstring.
ACCOUNT_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "is_active",
    "is_staff",
    "is_superuser",
    "last_login",
    "date_joined",
)

# Rows read from the database, and records written to it, this many at a time.
EXPORT_CHUNK = 50
INSERT_BATCH = 500
# A batch is also written once its records reach this much text, so that a run of large versions
# (stored HTML and snapshots) stays bounded in memory.
INSERT_BATCH_CHARS = 16 * 1024 * 1024
# Far longer than any record of a real site (a notice part is at most 50,000 characters); it
# bounds what one line can make the import hold, whatever file it is given.
MAX_LINE_BYTES = 64 * 1024 * 1024


class ArchiveError(Exception):
    """The export or import was refused; the message says why, for the person running it."""


# The tables, in the order they are written: each after every table it refers to -------------


@dataclass(frozen=True)
class Table:
    """One model's rows in the archive, with its name in the summary."""

    model: type[models.Model]
    plural: str

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def fields(self) -> list[models.Field]:
        """Every stored field but the pk (kept as the record's own `pk`)."""
        return [f for f in self.model._meta.concrete_fields if not f.primary_key]

    @property
    def field_names(self) -> set[str]:
        return {f.name for f in self.fields}


TABLES = [
    Table(Council, "councils"),
    Table(CouncilMembership, "council roles"),
    Table(DataCategory, "library data categories"),
    Table(Recipient, "library recipients"),
    Table(RecordKind, "library kinds of record"),
    Table(SharedBlock, "shared blocks"),
    Table(SharedBlockPart, "shared block parts"),
    Table(Notice, "notices"),
    Table(Section, "sections"),
    Table(NoticeDataCategory, "notices' data categories"),
    Table(NoticeRecipient, "notices' recipients"),
    Table(LawfulBasis, "lawful bases"),
    Table(RetentionPeriod, "retention periods"),
    Table(SharedBlockVersion, "shared block versions"),
    Table(NoticeVersion, "notice versions"),
    Table(AuditEvent, "audit events"),
]
TABLES_BY_LABEL = {table.label: table for table in TABLES}

# Rebuilt on import rather than archived.
DERIVED_MODELS = (NoticeSearchText,)

GROUP_FIELDS = {"name", "permissions"}
ACCOUNT_RECORD_FIELDS = {*ACCOUNT_FIELDS, "groups", "user_permissions"}

PLURALS = {
    GROUP_LABEL: "groups (besides the staff roles')",
    ACCOUNT_LABEL: "staff accounts",
    **{table.label: table.plural for table in TABLES},
}
KNOWN_MODELS = [GROUP_LABEL, ACCOUNT_LABEL, *TABLES_BY_LABEL]


@dataclass
class ArchiveSummary:
    """How many records of each kind were exported or imported."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KNOWN_MODELS, 0))
    exported_at: str = ""
    # Imports only: how many notices' search text was rebuilt, and the accounts restored.
    search_texts: int = 0
    usernames: list[str] = field(default_factory=list)

    def count(self, label: str) -> None:
        self.counts[label] += 1

    def lines(self) -> list[str]:
        """'councils: 5', one line per kind, in the archive's order."""
        return [f"{PLURALS[label]}: {number}" for label, number in self.counts.items()]


# Exporting ------------------------------------------------------------------------------------


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
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as problem:
        Path(temporary).unlink(missing_ok=True)
        raise ArchiveError(f"Could not write {path}: {problem.strerror}.") from None
    except DatabaseError as problem:
        Path(temporary).unlink(missing_ok=True)
        raise ArchiveError(
            f"The database stopped answering during the export ({_one_line(problem)})."
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
        permissions = sorted(_permission_name(p) for p in group.permissions.all())
        yield GROUP_LABEL, None, {"name": group.name, "permissions": permissions}


def _account_records() -> Iterator[tuple[str, int, dict[str, Any]]]:
    User = get_user_model()  # noqa: N806
    groups: dict[int, list[str]] = {}
    for user_id, name in User.groups.through.objects.values_list("user_id", "group__name"):
        groups.setdefault(user_id, []).append(name)
    permissions: dict[int, list[str]] = {}
    for grant in User.user_permissions.through.objects.select_related("permission__content_type"):
        permissions.setdefault(grant.user_id, []).append(_permission_name(grant.permission))
    for row in User._default_manager.order_by("pk").values("pk", *ACCOUNT_FIELDS):
        pk = row.pop("pk")
        fields = {name: _json_value(value) for name, value in row.items()}
        fields["groups"] = sorted(groups.get(pk, []))
        fields["user_permissions"] = sorted(permissions.get(pk, []))
        yield ACCOUNT_LABEL, pk, fields


def _permission_name(permission: Permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def _exported_value(model_field: models.Field, value: Any, usernames: dict[int, str]) -> Any:
    if value is not None and _refers_to_accounts(model_field):
        return usernames[value]
    return _json_value(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _refers_to_accounts(model_field: models.Field) -> bool:
    return model_field.is_relation and model_field.related_model is get_user_model()


# Importing ------------------------------------------------------------------------------------


def import_site_from(path: Path) -> ArchiveSummary:
    """Restores the site exported to `path` into this empty database, all or nothing."""
    if not path.exists():
        raise ArchiveError(f"There is no file at {path}.")
    if path.is_dir():
        raise ArchiveError(f"{path} is a folder, not an export file.")
    try:
        stream = path.open("rb")
    except OSError as problem:
        raise ArchiveError(f"Cannot read {path}: {problem.strerror}.") from None
    with stream:
        return import_site(stream)


def import_site(stream: IO[bytes]) -> ArchiveSummary:
    """Reads an archive and writes every record, in one transaction: a problem anywhere leaves
    the database as it was. Then clears the cache, whose pages are keyed on the council
    revisions the archive has just restored."""
    lines = _numbered_lines(stream)
    summary = ArchiveSummary(exported_at=_read_header(lines))
    with transaction.atomic():
        _ensure_empty()
        loader = _Loader(summary)
        for number, record, size in _read_records(lines):
            loader.add(number, record, size=size)
        loader.finish()
        _reset_sequences()
        summary.search_texts = _rebuild_search_text()
        # Running web processes may remember the empty site's stamps: they forget them when
        # this commits.
        stamps.announce_change()
    cache.clear()
    return summary


def _numbered_lines(stream: IO[bytes]) -> Iterator[tuple[int, str]]:
    """The file's lines as text, numbered from 1, each decoded on its own so that an encoding
    problem is reported on its own line."""
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            raise ArchiveError(
                f"Line {number} is longer than {MAX_LINE_BYTES // 1_048_576} MB. An export has "
                "one record per line, none near that long: this is not a site export."
            )
        if number == 1:
            if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
                raise ArchiveError(
                    "The file is UTF-16 (or binary), not UTF-8 text. An export is written in "
                    "UTF-8; was it re-saved in another encoding? Export it again."
                )
            # A BOM, as some editors add when they save: JSON readers may ignore it.
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as problem:
            raise ArchiveError(
                f"Line {number} is not UTF-8 text (byte {raw[problem.start]:#04x} at character "
                f"{problem.start + 1}). An export is written in UTF-8; was the file re-saved in "
                "another encoding, such as Latin-1 or Windows-1252? Export it again."
            ) from None


def _read_header(lines: Iterator[tuple[int, str]]) -> str:
    """Checks the first line and returns when the archive was exported."""
    first = next(lines, None)
    if first is None:
        raise ArchiveError("The file is empty: it is not a site export.")
    text = first[1].strip()
    not_an_export = ArchiveError(
        f'Line 1 is not the start of a site export, which is {{"format": "{FORMAT_NAME}", '
        '"format_version": …, "exported_at": …, "records": [ as written by export_site.'
    )
    try:
        header = json.loads(text + "]}", parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        raise not_an_export from None
    if not text.endswith("[") or not isinstance(header, dict) or header.get("records") != []:
        raise not_an_export
    if header.get("format") != FORMAT_NAME:
        raise ArchiveError(
            f"The file's format is {header.get('format')!r}, not {FORMAT_NAME!r}: it is not an "
            "export of this site."
        )
    version = header.get("format_version")
    if type(version) is not int or version != FORMAT_VERSION:
        raise ArchiveError(
            f"The file is format version {version!r}; this site reads version {FORMAT_VERSION}. "
            "Export it again with the same version of the site as the one importing it."
        )
    exported_at = header.get("exported_at")
    if set(header) != {"format", "format_version", "exported_at", "records"} or not (
        isinstance(exported_at, str) and _datetime_or_none(exported_at)
    ):
        raise not_an_export
    return exported_at


def _read_records(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, Any, int]]:
    """Each record with its line number and length, checking the commas and the closing `]}`
    that make the whole file one JSON document."""
    last_line, last_had_comma = 1, True
    closed_on = None
    for number, line in lines:
        text = line.strip()
        if not text:
            continue
        if closed_on is not None:
            raise ArchiveError(
                f"Line {number}: there is more after the end of the export on line {closed_on}."
            )
        if text == "]}":
            if last_had_comma and last_line > 1:
                raise ArchiveError(
                    f"Line {last_line} ends with a comma but is the last record: the file is "
                    "not valid JSON."
                )
            closed_on = number
            continue
        if not last_had_comma:
            raise ArchiveError(
                f"Line {last_line} ends without a comma, yet a record follows on line {number}: "
                "the file is not valid JSON."
            )
        last_had_comma = text.endswith(",")
        try:
            record = json.loads(text.removesuffix(","), parse_constant=_refuse_constant)
        except json.JSONDecodeError as problem:
            raise ArchiveError(
                f"Line {number} is not a complete JSON record ({problem.msg} at character "
                f"{problem.pos + 1}). Was the file cut short or edited?"
            ) from None
        except (ValueError, RecursionError):
            raise ArchiveError(f"Line {number} is not a JSON record this site can read.") from None
        last_line = number
        yield number, record, len(text)
    if closed_on is None:
        raise ArchiveError(
            f"The file stops at line {last_line} without the closing ]}} of an export: it is "
            "incomplete. Was the export interrupted or the copy cut short?"
        )


def _refuse_constant(name: str) -> None:
    # NaN and Infinity are not JSON, though Python's reader accepts them.
    raise ValueError(f"{name} is not JSON")


def _ensure_empty() -> None:
    """An import never mixes two sites: every table it writes must be empty. A freshly migrated
    database passes: it holds only the staff roles' groups and the permissions."""
    try:
        held = [(PLURALS[table.label], table.model._default_manager.count()) for table in TABLES]
        held.append((PLURALS[ACCOUNT_LABEL], get_user_model()._default_manager.count()))
        held.append(
            (PLURALS[GROUP_LABEL], Group.objects.exclude(name__in=ROLE_GROUP_NAMES).count())
        )
        held.append(("search texts", NoticeSearchText.objects.count()))
        role_groups = set(
            Group.objects.filter(name__in=ROLE_GROUP_NAMES).values_list("name", flat=True)
        )
    except DatabaseError:
        raise ArchiveError(
            "The database's tables are missing or out of date: run python manage.py migrate first."
        ) from None
    held = [(name, number) for name, number in held if number]
    if held:
        listed = ", ".join(f"{name}: {number}" for name, number in held)
        raise ArchiveError(
            f"The database is not empty ({listed}). import_site restores a whole site into a "
            "freshly migrated, empty database, so that two sites are never mixed."
        )
    if role_groups != ROLE_GROUP_NAMES:
        raise ArchiveError(
            "The staff roles' groups are missing: run python manage.py migrate first."
        )


class _Loader:
    """Checks each record against what an export holds, and writes them in batches, each after
    every record it refers to."""

    def __init__(self, summary: ArchiveSummary) -> None:
        self.summary = summary
        self.seen: dict[str, set[int]] = {label: set() for label in TABLES_BY_LABEL}
        self.accounts: dict[str, int] = {}
        self.groups = dict(Group.objects.values_list("name", "pk"))
        self.permissions = {
            _permission_name(p): p.pk for p in Permission.objects.select_related("content_type")
        }
        self.pending: list[tuple[models.Model, dict[str, Any]]] = []
        self.pending_label: str | None = None
        self.pending_lines: list[int] = []
        self.pending_chars = 0

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
        extras = {
            "groups": [self.groups[name] for name in group_names],
            "user_permissions": permission_ids,
        }
        self.accounts[username] = pk
        self.summary.usernames.append(username)
        self.pending.append((account, extras))

    def _add_row(self, where: str, table: Table, pk: int, fields: dict[str, Any]) -> None:
        values = {f.attname: self._value(where, f, fields[f.name]) for f in table.fields}
        self.pending.append((table.model(pk=pk, **values), {}))

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
            moment = _datetime_or_none(value)
            if moment is None or timezone.is_naive(moment):
                raise ArchiveError(
                    f"{where}: {name} is a date and time with its offset from UTC "
                    f"(2025-01-31T09:30:00+00:00), not {value!r}."
                )
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
        if _refers_to_accounts(model_field):
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
                f"{lines} ({self.pending_label}): the database refused them: {_one_line(problem)}."
            ) from None
        self.pending, self.pending_lines, self.pending_chars = [], [], 0


def password_instructions(usernames: Iterable[str]) -> list[str]:
    """For each active restored account, the command that lets its owner set a password, since
    an archive never holds one. add_staff prints a one-time link for an existing account when
    given the role it already holds; a superuser can be given a password directly."""
    User = get_user_model()  # noqa: N806
    accounts = (
        User._default_manager.filter(username__in=list(usernames), is_active=True)
        .prefetch_related("council_memberships__council", "groups")
        .order_by("username")
    )
    lines = []
    for account in accounts:
        username = account.get_username()
        membership = next(iter(account.council_memberships.all()), None)
        national = any(group.name == NATIONAL_ADMIN_GROUP for group in account.groups.all())
        if account.is_superuser:
            lines.append(f"{username}: python manage.py changepassword {username}")
        elif account.email and membership is not None:
            lines.append(
                f"{username}: python manage.py add_staff {account.email} --council "
                f"{membership.council.slug} --role {membership.role}"
            )
        elif account.email and national:
            lines.append(f"{username}: python manage.py add_staff {account.email} --national")
        else:
            lines.append(
                f"{username}: no role or no email; a national admin can give them one in the "
                "admin, then add_staff prints their link"
            )
    return lines


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


def _reset_sequences() -> None:
    """Rows were written with their own pks: the next row each table makes must come after them
    (PostgreSQL; SQLite moves on by itself)."""
    written = [get_user_model(), Group, *(table.model for table in TABLES)]
    statements = connection.ops.sequence_reset_sql(no_style(), written)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _rebuild_search_text() -> int:
    """Each published notice's search text, from its current version, as publishing writes it."""
    current = (
        current_versions()
        .select_related(None)
        .only("notice_id", "number", "snapshot")
        .order_by("notice_id")
    )
    rebuilt = 0
    for version in current.iterator(chunk_size=EXPORT_CHUNK):
        search_index.index_version(version)
        rebuilt += 1
    return rebuilt


def _stamped_on_save(model_field: models.Field) -> bool:
    return getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False)


def _expected_fields(label: str) -> set[str]:
    if label == GROUP_LABEL:
        return GROUP_FIELDS
    if label == ACCOUNT_LABEL:
        return ACCOUNT_RECORD_FIELDS
    return TABLES_BY_LABEL[label].field_names


def _datetime_or_none(value: Any) -> datetime | None:
    try:
        return parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _date_or_none(value: Any) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _one_line(problem: Exception) -> str:
    return " ".join(str(problem).split())


def _is_list_of_text(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _listed(prefix: str, names: Iterable[str]) -> str:
    names = sorted(names)
    return f"{prefix}{', '.join(names)}." if names else ""


def _quoted(names: list[str]) -> str:
    return ", ".join(repr(name) for name in names)
