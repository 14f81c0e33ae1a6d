"""What needs staff attention, on the admin's front page: notices past their review date, drafts
waiting to be published, published notices still showing an older version of their nation's
shared block, published notices that fall short of the law now in force (a rule that began after
they were published; their public pages stay as published), and (for national admins) the shared
blocks whose facts are due a check. Each person sees only the councils they may see
(councils.permissions)."""

import json
from dataclasses import dataclass, field
from datetime import date

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from councils import permissions
from notices.models import Notice, NoticeVersion, SharedBlock, SharedBlockVersion
from notices.publishing.checklist import later_rules
from notices.publishing.nations import block_review_due, is_review_overdue
from notices.publishing.publish import draft_status
from notices.publishing.snapshots import council_snapshot


@dataclass(frozen=True)
class Dashboard:
    overdue_reviews: list[Notice]
    waiting_drafts: list[Notice]
    older_block: list[Notice]
    notice_count: int
    # Each carries `shortfall`: the labels of the checklist items its published version fails.
    falls_short: list[Notice] = field(default_factory=list)
    # Shared blocks of the national admin's nations whose facts are due a check, each with
    # `review_due` (None: never checked).
    block_reviews: list[SharedBlock] = field(default_factory=list)

    @property
    def needs_nothing(self) -> bool:
        return not (
            self.overdue_reviews
            or self.waiting_drafts
            or self.older_block
            or self.falls_short
            or self.block_reviews
        )


def dashboard_for(user: permissions.User, *, today: date | None = None) -> Dashboard:
    """Each notice carries `latest_version_number`, `latest_published_at` and
    `embedded_block_number` (None until first published) and `latest_block_number` (None until
    the block of its kind is first published). Overdue reviews come most overdue first."""
    today = today or timezone.localdate()
    notices = list(
        with_latest_version(
            permissions.limit_to_councils(
                Notice.objects.select_related("council", "updated_by"),
                user,
                "council",
                "notices.view_notice",
            )
        ).order_by("council__name", "kind")
    )
    latest_block_numbers = _latest_block_numbers()
    for notice in notices:
        notice.latest_block_number = latest_block_numbers.get((notice.council.nation, notice.kind))
        notice.shortfall = _shortfall(notice, today)
    return Dashboard(
        overdue_reviews=sorted(
            (notice for notice in notices if notice.review_due < today),
            key=lambda notice: notice.review_due,
        ),
        waiting_drafts=[notice for notice in notices if has_unpublished_changes(notice)],
        older_block=[
            notice
            for notice in notices
            if notice.latest_version_number is not None
            and notice.latest_block_number is not None
            and (notice.embedded_block_number or 0) < notice.latest_block_number
        ],
        notice_count=len(notices),
        falls_short=[notice for notice in notices if notice.shortfall],
        block_reviews=_block_reviews(user, today),
    )


def _block_reviews(user: permissions.User, today: date) -> list[SharedBlock]:
    nations = permissions.admin_nations(user)
    if not nations:
        return []
    due = []
    for block in SharedBlock.objects.in_nations(nations).order_by("nation", "notice_kind"):
        if is_review_overdue(block, today=today):
            block.review_due = block_review_due(block)
            due.append(block)
    return due


def with_latest_version(notices):
    latest = NoticeVersion.objects.filter(notice=OuterRef("pk")).order_by("-number")
    return notices.annotate(
        latest_version_number=Subquery(latest.values("number")[:1]),
        latest_published_at=Subquery(latest.values("published_at")[:1]),
        embedded_block_number=Subquery(latest.values("shared_block_version__number")[:1]),
        # Only the small council part of the snapshot, not the whole of it.
        published_council=Subquery(latest.values("snapshot__council")[:1]),
        published_lawful_bases=Subquery(latest.values("snapshot__lawful_bases")[:1]),
    )


def _shortfall(notice: Notice, today: date) -> list[str]:
    if notice.latest_version_number is None:
        return []
    failing = later_rules(
        council=_as_dict(notice.published_council) or {},
        lawful_bases=_as_dict(notice.published_lawful_bases) or [],
        on=today,
    )
    return [item.label for item in failing]


def _latest_block_numbers() -> dict[tuple[str, str], int]:
    """{(nation, notice kind): number of the newest published version of that block}."""
    numbers: dict[tuple[str, str], int] = {}
    for nation, kind, number in SharedBlockVersion.objects.order_by("number").values_list(
        "block__nation", "block__notice_kind", "number"
    ):
        numbers[(nation, kind)] = number
    return numbers


def has_unpublished_changes(notice: Notice) -> bool:
    if notice.latest_version_number is None:
        return True
    # The council's contact details are part of what a version says, and change without the
    # draft being saved.
    if _as_dict(notice.published_council) != council_snapshot(notice.council):
        return True
    # A draft saved since the last publication may still say the same (saved unchanged, or
    # changed and changed back), so it is compared in full; one not saved since cannot differ,
    # and costs nothing.
    if notice.updated_at <= notice.latest_published_at:
        return False
    return draft_status(notice).has_unpublished_changes


def _as_dict(value):
    # A JSON key pulled out in a subquery comes back as text on some databases.
    return json.loads(value) if isinstance(value, str) else value
