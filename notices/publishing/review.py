"""Review before publishing: an editor submits the draft with a message, and one of the council's
publishers approves it (publishing it through `publish.publish_notice`, checklist and all) or
sends it back with a comment.

While the review waits the draft is locked (drafts.ensure_not_under_review): every write path
refuses, so a publisher approves exactly what was submitted. Sending it back is what unlocks it.
Each step is in the audit log, and sends a signal once its transaction commits, on which the
emails are queued (notices.alerts.review_emails; connected in notices/apps.py).
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from notices.models import AuditEvent, Notice, NoticeReview, NoticeVersion
from notices.models.reviews import REVIEW_TEXT_MAX_LENGTH
from notices.publishing import audit
from notices.publishing.drafts import (
    describe_moment,
    display_name,
    ensure_unchanged_since,
    lock_draft,
)
from notices.publishing.publish import draft_status, publish_notice, publisher
from notices.text.input_policy import staff_text

# Sent with `review_id` once the transaction that changed the review commits.
review_submitted = Signal()
review_sent_back = Signal()
review_approved = Signal()


class ReviewError(Exception):
    """The review step was refused; the message says why, for the person asking."""


def pending_review(notice: Notice) -> NoticeReview | None:
    return (
        NoticeReview.objects.pending()
        .filter(notice_id=notice.pk)
        .select_related("submitted_by")
        .first()
    )


def latest_review(notice: Notice) -> NoticeReview | None:
    """The review waiting, or else the last one decided."""
    return (
        NoticeReview.objects.of_notice(notice)
        .select_related("submitted_by", "decided_by", "version")
        .order_by("-submitted_at", "-pk")
        .first()
    )


def submit_for_review(
    *, notice: Notice, by: AbstractBaseUser, message: str, opened_revision: int | None
) -> NoticeReview:
    """Asks the council's publishers to review the saved draft, and locks it until they decide.

    Refuses an empty or too long message, a draft saved by someone else since the person looked
    at it (DraftChangedError), one already waiting for review, and one that says what the
    published version says."""
    message = _checked_text(message, what="a message for the publisher")
    with transaction.atomic():
        draft = lock_draft(Notice, notice.pk)
        ensure_unchanged_since(draft, opened_revision)
        waiting = pending_review(draft)
        if waiting is not None:
            raise ReviewError(_already_waiting(waiting))
        if not draft_status(draft).has_unpublished_changes:
            raise ReviewError(
                "The draft is the same as the published version: there is nothing to review. "
                "Change the draft first, then submit it."
            )
        try:
            # Its own savepoint: the unique constraint is the last word on a double submit.
            with transaction.atomic():
                review = NoticeReview.objects.create(
                    notice=draft,
                    submitted_by=publisher(by),
                    message=message,
                    draft_revision=draft.revision,
                )
        except IntegrityError:
            raise ReviewError(_already_waiting(pending_review(draft))) from None
        audit.record(
            action=AuditEvent.Action.REVIEW_SUBMITTED,
            by=by,
            notice=draft,
            object_repr=str(draft),
            summary=f"Submitted for review: {message}",
        )
        _announce(review_submitted, review.pk)
    return review


def approve_review(
    *,
    review: NoticeReview,
    by: AbstractBaseUser,
    change_note: str,
    is_major: bool,
) -> NoticeVersion:
    """Publishes the submitted draft and closes the review. The publishing rules all apply (the
    change note, the ICO checklist): if publishing refuses, the review still waits."""
    with transaction.atomic():
        review = _lock_pending(review)
        if review.submitted_by_id is not None and review.submitted_by_id == by.pk:
            raise ReviewError(
                "You submitted this draft, so another publisher of the council must approve it. "
                "If it needs no second look, send it back and publish it yourself."
            )
        # The draft cannot have changed while locked; the revision check says so if it did.
        version = publish_notice(
            review.notice,
            by=by,
            change_note=change_note,
            is_major=is_major,
            opened_revision=review.draft_revision,
        )
        _decide(review, NoticeReview.State.APPROVED, by=by, version=version)
        audit.record(
            action=AuditEvent.Action.REVIEW_APPROVED,
            by=by,
            notice=review.notice,
            object_repr=str(review.notice),
            summary=f"Approved the draft submitted by {display_name(review.submitted_by)}; "
            f"published as version {version.number}.",
        )
        _announce(review_approved, review.pk)
    return version


def send_back(*, review: NoticeReview, by: AbstractBaseUser, comment: str) -> NoticeReview:
    """Returns the draft to its editor with the publisher's comment, unlocking it."""
    comment = _checked_text(comment, what="a comment saying what to change")
    with transaction.atomic():
        review = _lock_pending(review)
        review.comment = comment
        _decide(review, NoticeReview.State.SENT_BACK, by=by)
        audit.record(
            action=AuditEvent.Action.REVIEW_SENT_BACK,
            by=by,
            notice=review.notice,
            object_repr=str(review.notice),
            summary=f"Sent back to {display_name(review.submitted_by)}: {comment}",
        )
        _announce(review_sent_back, review.pk)
    return review


def _lock_pending(review: NoticeReview) -> NoticeReview:
    """The review's row, locked; ReviewError if someone has decided it already (a second click,
    a page left open while another publisher decided)."""
    # The draft first, in the same order as every other write, so two decisions queue up.
    lock_draft(Notice, review.notice_id)
    current = (
        NoticeReview.objects.select_for_update(of=("self",))
        .select_related("notice__council", "submitted_by", "decided_by")
        .get(pk=review.pk)
    )
    if not current.is_pending:
        raise ReviewError(
            f"{display_name(current.decided_by)} already decided this review at "
            f"{describe_moment(current.decided_at)}: "
            f"{current.get_state_display().lower()}. Nothing else was changed."
        )
    return current


def _decide(
    review: NoticeReview, state: str, *, by: AbstractBaseUser, version: NoticeVersion | None = None
) -> None:
    review.state = state
    review.decided_by = publisher(by)
    review.decided_at = timezone.now()
    review.version = version
    review.save(update_fields=["state", "decided_by", "decided_at", "comment", "version"])


def _checked_text(text: str, *, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ReviewError(f"Write {what}.")
    if len(text) > REVIEW_TEXT_MAX_LENGTH:
        raise ReviewError(f"Keep it under {REVIEW_TEXT_MAX_LENGTH:,} characters.")
    try:
        staff_text(text)
    except ValidationError as invalid:
        raise ReviewError(" ".join(invalid.messages)) from None
    return text


def _already_waiting(review: NoticeReview | None) -> str:
    if review is None:
        return "This draft is already waiting for review."
    return (
        f"This draft is already waiting for review: {display_name(review.submitted_by)} "
        f"submitted it at {describe_moment(review.submitted_at)}. Nothing else was changed."
    )


def _announce(signal: Signal, review_id: int) -> None:
    transaction.on_commit(lambda: signal.send(sender=NoticeReview, review_id=review_id))
