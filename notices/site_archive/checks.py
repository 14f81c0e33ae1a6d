"""An archive is untrusted input: each record passes the model's own validators and choices, no
time is after the export, and each published version is what its snapshot says.

A version's `content_hash` is worked out again from its snapshot and a mismatch refused; its
`rendered_html` is never taken from the file but rendered from the snapshot by the site's own
renderer, as publishing does. Versions of one notice (or block) follow each other in time.
"""

from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models

from notices.models import NoticeVersion, SharedBlockVersion
from notices.publishing.publish import notice_content_hash
from notices.publishing.rendering import render_notice_html
from notices.publishing.snapshots import content_hash
from notices.site_archive.records import ArchiveError


def validated(where: str, instance: models.Model, *, exclude: list[str]) -> None:
    """The model's own field validators, choices and clean(), as an admin form would run them.
    Links are left out: the loader checks that each points to a record earlier in the file."""
    stored = {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}
    try:
        instance.clean_fields(exclude=exclude)
        instance.clean()
    except ValidationError as problem:
        raise ArchiveError(f"{where}: {_explained(problem)}") from None
    # clean() may fill in what a form left empty (a part's anchor): the archive is restored as
    # it was stored.
    for attname, value in stored.items():
        setattr(instance, attname, value)


def not_after(where: str, name: str, moment: datetime, limit: datetime) -> None:
    """Refuses a time after `limit`, the export's own time give or take clock differences."""
    if moment > limit:
        raise ArchiveError(
            f"{where}: {name} is {moment.isoformat()}, after the export was made: "
            "it cannot be true."
        )


@dataclass
class VersionChecks:
    """What the loader remembers of versions to check those that follow."""

    # Each shared block version by pk: its number, snapshot and date, for notice versions that
    # embed it.
    blocks: dict[int, tuple[int, Any, datetime]] = field(default_factory=dict)
    # (label, parent pk) -> [(number, published_at, where)], checked in order at the end.
    dates: dict[tuple[str, int], list[tuple[int, datetime, str]]] = field(default_factory=dict)

    def check(self, where: str, version: models.Model) -> None:
        if isinstance(version, SharedBlockVersion):
            self._check_block_version(where, version)
            self.blocks[version.pk] = (version.number, version.snapshot, version.published_at)
            parent = version.block_id
        elif isinstance(version, NoticeVersion):
            self._check_notice_version(where, version)
            parent = version.notice_id
        else:
            return
        self.dates.setdefault((version._meta.label_lower, parent), []).append(
            (version.number, version.published_at, where)
        )

    def finish(self) -> None:
        """Refuses a version dated before the one it follows, as publishing does."""
        for versions in self.dates.values():
            versions.sort(key=lambda item: item[0])
            for (_, earlier, _), (number, moment, where) in pairwise(versions):
                if moment < earlier:
                    raise ArchiveError(
                        f"{where}: version {number} is dated {moment.isoformat()}, before the "
                        f"version it follows ({earlier.isoformat()}): it was back-dated."
                    )

    def _check_block_version(self, where: str, version: SharedBlockVersion) -> None:
        _same_hash(where, version.content_hash, _hash_or_refuse(where, version.snapshot))

    def _check_notice_version(self, where: str, version: NoticeVersion) -> None:
        snapshot = version.snapshot
        block_number, block_snapshot = None, None
        if version.shared_block_version_id is not None:
            block_number, block_snapshot, block_date = self.blocks[version.shared_block_version_id]
            if version.published_at < block_date:
                raise ArchiveError(
                    f"{where}: it is dated {version.published_at.isoformat()}, before the shared "
                    f"block version it embeds ({block_date.isoformat()}): it was back-dated."
                )
        try:
            expected = notice_content_hash(
                snapshot, SharedBlockVersion(number=block_number) if block_number else None
            )
            title = snapshot["notice"]["title"]
            rendered = render_notice_html(snapshot, block_snapshot)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ArchiveError(
                f"{where}: its snapshot is not one this site wrote: it cannot be rendered."
            ) from None
        _same_hash(where, version.content_hash, expected)
        if version.title != title:
            raise ArchiveError(
                f"{where}: its title {version.title!r} is not the one its snapshot holds."
            )
        # Never the file's HTML: what the public reads is rendered here, from the checked content.
        version.rendered_html = rendered


def _hash_or_refuse(where: str, snapshot: Any) -> str:
    try:
        return content_hash(snapshot)
    except (TypeError, ValueError):
        raise ArchiveError(f"{where}: its snapshot cannot be read.") from None


def _same_hash(where: str, stored: str, expected: str) -> None:
    if stored != expected:
        raise ArchiveError(
            f"{where}: its content does not match its content_hash: the snapshot was changed "
            "after it was published."
        )


def _explained(problem: ValidationError) -> str:
    if hasattr(problem, "error_dict"):
        return " ".join(
            " ".join(messages) if name == NON_FIELD_ERRORS else f"{name}: {' '.join(messages)}"
            for name, messages in problem.message_dict.items()
        )
    return " ".join(problem.messages)
