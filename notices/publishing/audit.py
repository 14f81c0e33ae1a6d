"""The audit log: who changed what, and when, in a council's notice and details, and in the shared
block. The services that make each change write its event here, in the same transaction."""

import json

from django.contrib.admin.models import LogEntry
from django.contrib.auth.base_user import AbstractBaseUser

from councils.models import Council
from notices.models import AuditEvent, Notice, NoticeVersion, SharedBlock, SharedBlockVersion
from notices.publishing.drafts import display_name


def record(
    *,
    action: str,
    by: AbstractBaseUser | None,
    object_repr: str,
    summary: str = "",
    council: Council | None = None,
    notice: Notice | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        action=action,
        **_actor(by),
        council=council if council is not None else getattr(notice, "council", None),
        notice=notice,
        object_repr=object_repr[:300],
        summary=summary[:5000],
    )


def record_draft_saved(
    *, draft: Notice | SharedBlock, by: AbstractBaseUser | None, summary: str, created: bool
) -> AuditEvent:
    """A save of a council's notice draft, or of the national shared block's draft."""
    action = AuditEvent.Action.DRAFT_CREATED if created else AuditEvent.Action.DRAFT_SAVED
    notice = draft if isinstance(draft, Notice) else None
    return record(action=action, by=by, notice=notice, object_repr=str(draft), summary=summary)


def admin_change_text(message: list | str) -> str:
    """The admin's record of what a save changed ("Changed Body for section “Your rights”."),
    in words, or a plain statement when the admin saw no changed field."""
    text = LogEntry(change_message=json.dumps(message) if isinstance(message, list) else message)
    return text.get_change_message() or "Saved with no field changed."


def record_restore(*, notice: Notice, version: NoticeVersion, by: AbstractBaseUser | None):
    return record(
        action=AuditEvent.Action.DRAFT_RESTORED,
        by=by,
        notice=notice,
        object_repr=str(notice),
        summary=f"Copied version {version.number} into the draft.",
    )


def record_publication(*, version: NoticeVersion, by: AbstractBaseUser | None) -> AuditEvent:
    return record(
        action=AuditEvent.Action.NOTICE_PUBLISHED,
        by=by,
        notice=version.notice,
        object_repr=str(version.notice),
        summary=f"Published version {version.number} ({version.change_kind.lower()}): "
        f"{version.change_note}",
    )


def record_block_publication(
    *,
    block_version: SharedBlockVersion,
    notice_versions: list[NoticeVersion],
    by: AbstractBaseUser | None,
) -> None:
    """One national event for the block, and one per council whose notice now embeds it."""
    record(
        action=AuditEvent.Action.BLOCK_PUBLISHED,
        by=by,
        object_repr=str(block_version.block),
        summary=f"Published shared block version {block_version.number}: "
        f"{block_version.change_note}",
    )
    notices = Notice.objects.select_related("council").in_bulk(
        [version.notice_id for version in notice_versions]
    )
    actor = _actor(by)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            action=AuditEvent.Action.BLOCK_EMBEDDED,
            **actor,
            council=notices[version.notice_id].council,
            notice=notices[version.notice_id],
            object_repr=str(notices[version.notice_id])[:300],
            summary=f"Version {version.number} published with shared block version "
            f"{block_version.number}.",
        )
        for version in notice_versions
    )


def record_council_change(*, council: Council, by: AbstractBaseUser | None, summary: str):
    return record(
        action=AuditEvent.Action.COUNCIL_CHANGED,
        by=by,
        council=council,
        object_repr=str(council),
        summary=summary,
    )


def record_staff_change(*, council: Council | None, by: AbstractBaseUser | None, summary: str):
    return record(
        action=AuditEvent.Action.STAFF_CHANGED,
        by=by,
        council=council,
        object_repr=str(council) if council else "National admins",
        summary=summary,
    )


def _actor(by: AbstractBaseUser | None) -> dict:
    """Who did it: the account, and their name as text, kept after the account is gone. Changes
    made by no one signed in (commands, the demo) are the system's."""
    actor = by if by is not None and by.is_authenticated else None
    return {"actor": actor, "actor_name": display_name(actor) if actor else "The system"}
