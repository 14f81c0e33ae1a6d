"""Publishing: a draft becomes a numbered, immutable version.

A council's notice is published by its staff. The shared DfE/NPD block is published by national
maintainers, and each new block version gives every published notice of its kind a new version
that embeds it, built from that notice's last *published* content, so councils' unpublished
drafts stay unpublished.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from notices.models import Notice, NoticeVersion, SharedBlock, SharedBlockVersion
from notices.publishing import audit, search_index, stamps
from notices.publishing.checklist import Completeness, check_completeness
from notices.publishing.drafts import ensure_unchanged_since, lock_draft
from notices.publishing.rendering import render_notice_html, render_shared_block_html
from notices.publishing.snapshots import content_hash, notice_snapshot, shared_block_snapshot

CHANGE_NOTE_MAX_LENGTH = 2000


class PublishingError(Exception):
    """Publishing was refused; the message says why, in words for the person publishing."""


class NothingToPublish(PublishingError):
    pass


class IncompleteNotice(PublishingError):
    """The draft leaves out items of the ICO's right-to-be-informed checklist: people would not
    be told everything UK GDPR Articles 13 and 14 say they must be.

    Only a council's own publishing is checked. A shared block update republishes each notice's
    last published content as it stands, and must reach every notice."""

    def __init__(self, completeness: Completeness) -> None:
        self.completeness = completeness
        labels = "; ".join(item.label for item in completeness.missing)
        super().__init__(
            f"This notice cannot be published until it covers: {labels}. "
            "The completeness checklist on the notice's page says what to add for each."
        )


def publish_notice(
    notice: Notice,
    *,
    by: AbstractBaseUser | None,
    change_note: str,
    is_major: bool,
    opened_revision: int | None = None,
    published_at: datetime | None = None,
) -> NoticeVersion:
    """Publishes the notice's saved draft as its next version.

    The first version is always a major change. Refuses an empty change note, a draft that does
    not cover every item of the ICO's checklist (IncompleteNotice), a draft that says exactly what
    the latest version says, and (given `opened_revision`) a draft saved by someone else since
    the person publishing looked at it: DraftChangedError.
    """
    change_note = _checked_change_note(change_note)
    with transaction.atomic():
        draft = lock_draft(Notice, notice.pk)
        ensure_unchanged_since(draft, opened_revision)
        status = draft_status(draft)
        latest, block_version, snapshot = (
            status.latest_version,
            status.block_version,
            status.draft_snapshot,
        )
        published_at = _checked_moment(published_at, latest)
        completeness = check_completeness(snapshot)
        if not completeness.is_complete:
            raise IncompleteNotice(completeness)
        if not status.has_unpublished_changes:
            raise NothingToPublish(
                f"The draft is the same as version {latest.number}, the one already published. "
                "Change the draft first, then publish."
            )
        block_snapshot = block_version.snapshot if block_version else None
        version = NoticeVersion.objects.create(
            notice=draft,
            number=latest.number + 1 if latest else 1,
            title=snapshot["notice"]["title"],
            published_at=published_at,
            published_by=_publisher(by),
            change_note=change_note,
            is_major=True if latest is None else is_major,
            snapshot=snapshot,
            content_hash=notice_content_hash(snapshot, block_version),
            shared_block_version=block_version,
            rendered_html=render_notice_html(snapshot, block_snapshot),
        )
        search_index.index_version(version)
        stamps.mark_councils_changed([draft.council_id])
        audit.record_publication(version=version, by=by)
    return version


@dataclass(frozen=True)
class DraftStatus:
    """Where a notice's draft stands against what is published."""

    latest_version: NoticeVersion | None
    block_version: SharedBlockVersion | None
    draft_snapshot: dict

    @property
    def is_published(self) -> bool:
        return self.latest_version is not None

    @cached_property
    def has_unpublished_changes(self) -> bool:
        if self.latest_version is None:
            return True
        digest = notice_content_hash(self.draft_snapshot, self.block_version)
        return digest != self.latest_version.content_hash


def draft_status(notice: Notice) -> DraftStatus:
    return DraftStatus(
        latest_version=NoticeVersion.objects.of_notice(notice)
        .select_related("shared_block_version", "published_by")
        .order_by("-number")
        .first(),
        block_version=SharedBlockVersion.objects.latest_for_kind(notice.kind),
        draft_snapshot=notice_snapshot(notice),
    )


@dataclass(frozen=True)
class BlockPublication:
    block_version: SharedBlockVersion
    notice_versions: list[NoticeVersion]


def publish_shared_block(
    block: SharedBlock,
    *,
    by: AbstractBaseUser | None,
    change_note: str,
    is_major: bool,
    opened_revision: int | None = None,
    published_at: datetime | None = None,
) -> BlockPublication:
    """Publishes the block's draft, then gives every published notice of its kind a new version
    that embeds it, with a change note naming the block's change."""
    change_note = _checked_change_note(change_note)
    with transaction.atomic():
        draft = lock_draft(SharedBlock, block.pk)
        ensure_unchanged_since(draft, opened_revision)
        latest = SharedBlockVersion.objects.filter(block=draft).order_by("-number").first()
        published_at = _checked_moment(published_at, latest)
        snapshot = shared_block_snapshot(draft)
        digest = content_hash(snapshot)
        if latest is not None and latest.content_hash == digest:
            raise NothingToPublish(
                f"The draft is the same as version {latest.number} of the shared block, the one "
                "already published. Change the draft first, then publish."
            )
        block_version = SharedBlockVersion.objects.create(
            block=draft,
            number=latest.number + 1 if latest else 1,
            published_at=published_at,
            published_by=_publisher(by),
            change_note=change_note,
            is_major=True if latest is None else is_major,
            snapshot=snapshot,
            content_hash=digest,
        )
        notice_versions = _embed_in_published_notices(block_version)
        audit.record_block_publication(
            block_version=block_version, notice_versions=notice_versions, by=by
        )
    return BlockPublication(block_version, notice_versions)


def notice_content_hash(snapshot: dict, block_version: SharedBlockVersion | None) -> str:
    """Identifies what a notice version says: its own content and the block version it embeds."""
    block_number = block_version.number if block_version else None
    return content_hash({"notice": snapshot, "shared_block_version": block_number})


def block_update_change_note(block_version: SharedBlockVersion) -> str:
    return (
        f"The Department for Education section, shared by every council, was updated "
        f"(shared block version {block_version.number}): {block_version.change_note}"
    )


def _embed_in_published_notices(block_version: SharedBlockVersion) -> list[NoticeVersion]:
    kind = block_version.block.notice_kind
    # Locks the notices so that a council publishing at the same moment waits its turn.
    notice_ids = list(
        Notice.objects.select_for_update()
        .of_kind(kind)
        .published()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    latest_number = (
        NoticeVersion.objects.filter(notice=OuterRef("notice"))
        .order_by("-number")
        .values("number")[:1]
    )
    latest_versions = (
        NoticeVersion.objects.filter(notice_id__in=notice_ids, number=Subquery(latest_number))
        .only("notice_id", "number", "title", "snapshot")
        .order_by("notice_id")
    )
    block_html = render_shared_block_html(block_version.snapshot)
    change_note = block_update_change_note(block_version)
    new_versions = [
        NoticeVersion(
            notice_id=previous.notice_id,
            number=previous.number + 1,
            title=previous.title,
            published_at=block_version.published_at,
            published_by=block_version.published_by,
            change_note=change_note,
            is_major=block_version.is_major,
            is_shared_block_update=True,
            snapshot=previous.snapshot,
            content_hash=notice_content_hash(previous.snapshot, block_version),
            shared_block_version=block_version,
            rendered_html=render_notice_html(
                previous.snapshot, block_version.snapshot, block_html=block_html
            ),
        )
        for previous in latest_versions
    ]
    created = NoticeVersion.objects.bulk_create(new_versions)
    search_index.index_versions(created)
    stamps.mark_councils_changed(Notice.objects.filter(pk__in=notice_ids).values("council_id"))
    return created


def _checked_change_note(change_note: str) -> str:
    change_note = (change_note or "").strip()
    if not change_note:
        raise PublishingError("Write a change note: the public reads it in the notice's history.")
    if len(change_note) > CHANGE_NOTE_MAX_LENGTH:
        raise PublishingError(
            f"The change note is too long: keep it under {CHANGE_NOTE_MAX_LENGTH:,} characters."
        )
    return change_note


def _checked_moment(published_at: datetime | None, latest) -> datetime:
    published_at = published_at or timezone.now()
    if latest is not None and published_at < latest.published_at:
        raise PublishingError("A version cannot be dated before the version it follows.")
    return published_at


def _publisher(user: AbstractBaseUser | None) -> AbstractBaseUser | None:
    return user if user is not None and user.is_authenticated else None
