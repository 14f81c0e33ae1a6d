"""The staff home: a council's own notices, each with where it stands and what to do next.

What a council editor or publisher sees first when they sign in, instead of Django's list of
models: for each of their council's notices, the version the public sees, whether a draft waits
to be published (and who saved it, when), whether the ICO checklist is met, whether the published
version still meets the law in force (a duty that began after it was published, such as the
complaint route of 19 June 2026, shows here, while its public page stays as published), the review
date, and the next thing to do. Who may do what comes from councils.permissions.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone

from councils import permissions
from notices.models import Notice
from notices.publishing.checklist import check_completeness
from notices.publishing.drafts import display_name
from notices.publishing.publish import draft_status

# A council has one notice of each kind; more than this is a national view, which has its own.
MAX_HOME_NOTICES = 20


@dataclass(frozen=True)
class Action:
    label: str
    url: str
    # The one thing to do next is shown as the main button; the rest as links.
    is_next: bool = False


@dataclass(frozen=True)
class NoticeState:
    notice: Notice
    published_number: int | None
    published_at: datetime | None
    draft_waiting: bool
    draft_saved_by: str | None
    draft_saved_at: datetime
    missing_items: list[str]
    # Checklist items the published version fails under today's law.
    published_shortfall: list[str]
    review_due: date
    review_overdue: bool
    actions: list[Action] = field(default_factory=list)

    @property
    def states(self) -> list[tuple[str, str]]:
        """(key, words) for each thing that needs attention; ("clean", ...) when none does."""
        found = []
        if self.missing_items:
            count = len(self.missing_items)
            found.append(
                ("checklist-failing", f"Checklist: {count} item{'s' if count != 1 else ''} missing")
            )
        if self.published_shortfall:
            found.append(("falls-short", "Published version falls short of the law now in force"))
        if self.draft_waiting:
            found.append(("draft-waiting", "Draft waiting to be published"))
        if self.review_overdue:
            found.append(("review-overdue", "Review overdue"))
        return found or [("clean", "Published and up to date")]


def staff_home_for(user: permissions.User, *, today: date | None = None) -> list[NoticeState]:
    """The state of each notice the person may see, their council's by name then kind."""
    today = today or timezone.localdate()
    notices = permissions.limit_to_councils(
        Notice.objects.select_related("council", "updated_by"),
        user,
        "council",
        "notices.view_notice",
    ).order_by("council__name", "kind")[:MAX_HOME_NOTICES]
    return [_state_of(notice, user, today) for notice in notices]


def _state_of(notice: Notice, user: permissions.User, today: date) -> NoticeState:
    status = draft_status(notice)
    completeness = check_completeness(status.draft_snapshot)
    latest = status.latest_version
    waiting = status.has_unpublished_changes
    return NoticeState(
        notice=notice,
        published_number=latest.number if latest else None,
        published_at=latest.published_at if latest else None,
        draft_waiting=waiting,
        draft_saved_by=display_name(notice.updated_by) if notice.updated_by_id else None,
        draft_saved_at=notice.updated_at,
        missing_items=[item.label for item in completeness.missing],
        published_shortfall=[item.label for item in check_completeness(latest.snapshot).missing]
        if latest
        else [],
        review_due=notice.review_due,
        review_overdue=notice.review_due < today,
        actions=_actions(notice, user, waiting=waiting, complete=completeness.is_complete),
    )


def _actions(notice: Notice, user: permissions.User, *, waiting: bool, complete: bool) -> list:
    def url(name: str) -> str:
        return reverse(f"admin:notices_notice_{name}", args=[notice.pk])

    may_publish = permissions.can_publish_notice(user, notice)
    # Publishing is next only when there is something to publish and nothing stops it.
    publish_next = may_publish and waiting and complete
    actions = [
        Action(
            "Edit" if permissions.can_edit_draft(user, notice) else "View",
            url("change"),
            is_next=not publish_next,
        ),
        Action("Preview", url("preview")),
    ]
    if may_publish:
        actions.append(Action("Publish", url("publish"), is_next=publish_next))
    return actions
