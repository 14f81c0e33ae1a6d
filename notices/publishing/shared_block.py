"""Publishing a shared national block, and its cascade into its nation's notices.

There is one block per nation and kind of notice. A block is published by that nation's national
admins, and each new block version gives every published notice of its kind *whose council is
in the block's nation* a new version that embeds it, built from that notice's last *published*
content, so councils' unpublished drafts stay unpublished and other nations' notices untouched.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import OuterRef, Subquery

from notices.models import Notice, NoticeVersion, SharedBlock, SharedBlockVersion
from notices.publishing import audit, search_index, stamps
from notices.publishing.drafts import ensure_unchanged_since, lock_draft
from notices.publishing.publish import (
    NothingToPublish,
    checked_change_note,
    checked_moment,
    notice_content_hash,
    publisher,
)
from notices.publishing.rendering import render_notice_html, render_shared_block_html
from notices.publishing.snapshots import content_hash, shared_block_snapshot


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
    change_note = checked_change_note(change_note)
    with transaction.atomic():
        draft = lock_draft(SharedBlock, block.pk)
        ensure_unchanged_since(draft, opened_revision)
        latest = SharedBlockVersion.objects.filter(block=draft).order_by("-number").first()
        published_at = checked_moment(published_at, latest)
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
            published_by=publisher(by),
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


def block_update_change_note(block_version: SharedBlockVersion) -> str:
    block = block_version.block
    return (
        f"The {block.body_name} section, shared by every council in "
        f"{block.get_nation_display()}, was updated (shared block version "
        f"{block_version.number}): {block_version.change_note}"
    )


def _embed_in_published_notices(block_version: SharedBlockVersion) -> list[NoticeVersion]:
    block = block_version.block
    # Locks the notices so that a council publishing at the same moment waits its turn. Only the
    # block's own nation's notices: a Welsh block never reaches an English notice.
    notice_ids = list(
        Notice.objects.select_for_update()
        .of_kind(block.notice_kind)
        .in_nation(block.nation)
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
    stamps.announce_published([version.pk for version in created])
    stamps.mark_councils_changed(Notice.objects.filter(pk__in=notice_ids).values("council_id"))
    return created
