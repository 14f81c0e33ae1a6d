"""Restoring an archive into an empty database, all or nothing: its lines, header and records
checked, each record written by the loader, the search text rebuilt, and running processes told."""

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from councils.roles import NATION_ADMIN_GROUPS, NATIONAL_ADMIN_GROUP
from notices.models import NoticeSearchText
from notices.publishing import search_index, stamps
from notices.publishing.history import current_versions
from notices.site_archive.loader import CLOCK_SKEW, Loader
from notices.site_archive.records import (
    ACCOUNT_LABEL,
    EXPORT_CHUNK,
    FORMAT_NAME,
    FORMAT_VERSION,
    GROUP_LABEL,
    PLURALS,
    ROLE_GROUP_NAMES,
    TABLES,
    ArchiveError,
    ArchiveSummary,
    datetime_or_none,
)
from notices.site_archive.signing import check_signature, clear_site_cache

# Far longer than any record of a real site (a notice part is at most 50,000 characters); it
# bounds what one line can make the import hold, whatever file it is given.
MAX_LINE_BYTES = 64 * 1024 * 1024


def import_site_from(path: Path, *, trust_unsigned: bool = False) -> ArchiveSummary:
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
        return import_site(stream, trust_unsigned=trust_unsigned)


def import_site(stream: IO[bytes], *, trust_unsigned: bool = False) -> ArchiveSummary:
    """Reads an archive and writes every record, in one transaction: a problem anywhere leaves
    the database as it was. Then clears this site's keys from the cache, whose pages are keyed
    on the council revisions the archive has just restored.

    The archive is untrusted: unless `trust_unsigned`, its signature must match this site's
    SITE_ARCHIVE_KEY before anything in it is read (notices.site_archive.signing), and every
    record is checked whatever its signature (notices.site_archive.checks)."""
    if not trust_unsigned:
        check_signature(stream, MAX_LINE_BYTES)
    lines = _numbered_lines(stream)
    summary = ArchiveSummary(exported_at=_read_header(lines))
    with transaction.atomic():
        _ensure_empty()
        loader = Loader(summary)
        for number, record, size in _read_records(lines):
            loader.add(number, record, size=size)
        loader.finish()
        _reset_sequences()
        summary.search_texts = _rebuild_search_text()
        # Running web processes may remember the empty site's stamps: they forget them when
        # this commits.
        stamps.announce_change()
    clear_site_cache()
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
        '"format_version": …, "exported_at": …, "signature": …, "records": [ as written by '
        "export_site."
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
    moment = datetime_or_none(exported_at) if isinstance(exported_at, str) else None
    signature = header.get("signature")
    if (
        set(header) != {"format", "format_version", "exported_at", "signature", "records"}
        or moment is None
        or timezone.is_naive(moment)
        or not (signature is None or isinstance(signature, str))
    ):
        raise not_an_export
    if moment > timezone.now() + CLOCK_SKEW:
        raise ArchiveError(
            f"The file says it was exported at {exported_at}, which is still to come: "
            "it is not a true export."
        )
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
        elif account.email and (nations := _nations_of(account)):
            lines.append(
                f"{username}: python manage.py add_staff {account.email} --national "
                f"--nation {nations[0]}"
            )
        else:
            lines.append(
                f"{username}: no role or no email; a national admin can give them one in the "
                "admin, then add_staff prints their link"
            )
    return lines


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
        # The search indexes the shared block's parts too.
        .select_related("shared_block_version")
        .only("notice_id", "number", "snapshot", "shared_block_version__snapshot")
        .order_by("notice_id")
    )
    rebuilt = 0
    for version in current.iterator(chunk_size=EXPORT_CHUNK):
        search_index.index_version(version)
        rebuilt += 1
    return rebuilt


def _nations_of(account) -> list[str]:
    names = {group.name for group in account.groups.all()}
    return [nation for nation, group in NATION_ADMIN_GROUPS.items() if group in names]
