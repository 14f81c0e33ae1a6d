"""Publishing a council's notice: its saved draft becomes a numbered, immutable version.

A council's notice is published by its staff. The shared DfE/NPD block is published by national
maintainers (notices.publishing.shared_block), with the rules here for change notes and dates.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from notices.models import Notice, NoticeVersion, SharedBlockVersion
from notices.publishing import audit, search_index, stamps
from notices.publishing.checklist import Completeness, check_completeness
from notices.publishing.drafts import ensure_unchanged_since, lock_draft
from notices.publishing.rendering import render_notice_html
from notices.publishing.snapshots import content_hash, notice_snapshot

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
        lacking = [item.label for item in completeness.missing_ico_items if not item.is_refused] + [
            f"{item.label} ({item.reason})" for item in completeness.to_complete
        ]
        sentences = []
        if lacking:
            sentences.append(
                f"This notice cannot be published until it covers: {'; '.join(lacking)}."
            )
        # What the law forbids is named with its reason, not only its label.
        sentences.extend(
            f"This notice cannot be published as it stands. {item.reason}"
            for item in completeness.refused
        )
        sentences.append("The completeness checklist on the notice's page says what to change.")
        super().__init__(" ".join(sentences))


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
    change_note = checked_change_note(change_note)
    with transaction.atomic():
        draft = lock_draft(Notice, notice.pk)
        ensure_unchanged_since(draft, opened_revision)
        status = draft_status(draft)
        latest, block_version, snapshot = (
            status.latest_version,
            status.block_version,
            status.draft_snapshot,
        )
        published_at = checked_moment(published_at, latest)
        # Judged by the law in force on the version's date: a backdated version (the demo's
        # history) is not held to a duty that began after it.
        completeness = check_completeness(snapshot, on=timezone.localdate(published_at))
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
            published_by=publisher(by),
            change_note=change_note,
            is_major=True if latest is None else is_major,
            snapshot=snapshot,
            content_hash=notice_content_hash(snapshot, block_version),
            shared_block_version=block_version,
            rendered_html=render_notice_html(snapshot, block_snapshot),
        )
        search_index.index_version(version)
        stamps.mark_councils_changed([draft.council_id])
        stamps.announce_published([version.pk])
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
        block_version=SharedBlockVersion.objects.latest_for_notice(notice),
        draft_snapshot=notice_snapshot(notice),
    )


def notice_content_hash(snapshot: dict, block_version: SharedBlockVersion | None) -> str:
    """Identifies what a notice version says: its own content and the block version it embeds."""
    block_number = block_version.number if block_version else None
    return content_hash({"notice": snapshot, "shared_block_version": block_number})


# Rules for every publication, of a notice or of the shared block ------------------------------


def checked_change_note(change_note: str) -> str:
    """The change note, trimmed; PublishingError if it is empty or too long."""
    change_note = (change_note or "").strip()
    if not change_note:
        raise PublishingError("Write a change note: the public reads it in the notice's history.")
    if len(change_note) > CHANGE_NOTE_MAX_LENGTH:
        raise PublishingError(
            f"The change note is too long: keep it under {CHANGE_NOTE_MAX_LENGTH:,} characters."
        )
    return change_note


def checked_moment(published_at: datetime | None, latest) -> datetime:
    """When the version is published (now, unless given); never before the one it follows."""
    published_at = published_at or timezone.now()
    if latest is not None and published_at < latest.published_at:
        raise PublishingError("A version cannot be dated before the version it follows.")
    return published_at


def publisher(user: AbstractBaseUser | None) -> AbstractBaseUser | None:
    """Who a version names as its publisher: nobody for a command or the demo."""
    return user if user is not None and user.is_authenticated else None
