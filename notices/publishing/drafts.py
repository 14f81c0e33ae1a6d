"""Drafts that two people may edit at once: whoever saves second is told, never silently lost.

Every save of a draft bumps its `revision`. A form remembers the revision it was opened at; if the
draft's revision has moved on by the time the form is saved, someone else saved in between, and
the save is refused with who and when, leaving the second person's input on the form.
"""

from datetime import datetime
from typing import TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils import timezone
from django.utils.formats import date_format

from notices.models import EditableDraft, Notice, NoticeReview

Draft = TypeVar("Draft", bound=EditableDraft)


def display_name(user: AbstractBaseUser | None) -> str:
    if user is None:
        return "Someone"
    return user.get_full_name().strip() or user.get_username()


def describe_moment(moment: datetime) -> str:
    """'14:05 on 21 November 2026', in the site's time zone."""
    local = timezone.localtime(moment)
    return f"{date_format(local, 'H:i')} on {date_format(local, 'j F Y')}"


class DraftChangedError(Exception):
    """The draft was saved by someone else after this person opened it."""

    def __init__(self, draft: EditableDraft) -> None:
        self.saved_by = display_name(draft.updated_by)
        self.saved_at = draft.updated_at
        self.current_revision = draft.revision
        super().__init__(
            f"{self.saved_by} saved this draft at {describe_moment(self.saved_at)}, "
            "after you opened it."
        )


def lock_draft(model: type[Draft], pk: int) -> Draft:
    """The draft's row, locked until the transaction ends, so two saves cannot interleave."""
    # `of=("self",)`: PostgreSQL cannot lock the nullable side of the join to the user.
    return model.objects.select_for_update(of=("self",)).select_related("updated_by").get(pk=pk)


def ensure_unchanged_since(draft: EditableDraft, opened_revision: int | None) -> None:
    """Raises DraftChangedError if `draft` has been saved since it was opened at that revision."""
    if opened_revision is not None and draft.revision != opened_revision:
        raise DraftChangedError(draft)


class DraftUnderReviewError(Exception):
    """The draft waits for a publisher's review, and nobody may change it until they decide."""

    def __init__(self, review: NoticeReview) -> None:
        self.review = review
        super().__init__(
            f"This draft cannot be changed: {display_name(review.submitted_by)} submitted it for "
            f"review at {describe_moment(review.submitted_at)}, and a publisher has not decided "
            "yet. Nothing was saved. A publisher can send it back, which unlocks it."
        )


def ensure_not_under_review(draft: EditableDraft) -> None:
    """Raises DraftUnderReviewError if the notice's draft waits for review: what a publisher
    approves must be what was submitted. Every path that writes a draft (the admin form, restoring
    a version, an import) comes through here, by mark_saved at the latest."""
    if not isinstance(draft, Notice) or draft.pk is None:
        return
    review = (
        NoticeReview.objects.pending()
        .filter(notice_id=draft.pk)
        .select_related("submitted_by")
        .first()
    )
    if review is not None:
        raise DraftUnderReviewError(review)


def mark_saved(draft: EditableDraft, user: AbstractBaseUser | None) -> None:
    """Records a save on the instance; the caller saves it, with the row locked (lock_draft).
    Refuses a draft under review (DraftUnderReviewError)."""
    ensure_not_under_review(draft)
    draft.revision = draft.revision + 1 if draft.pk else 0
    draft.updated_by = user if user is not None and user.is_authenticated else None
