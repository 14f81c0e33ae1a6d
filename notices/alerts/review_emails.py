"""The review workflow's emails (notices.publishing.review): a council's publishers hear that a
draft waits for them; the editor who submitted it hears that it was sent back, with the comment,
or approved. One task per recipient, queued once the review's transaction commits, so a failure
retries that one email and no other (up to sending.MAX_ATTEMPTS, then the failed task stays in
the queue's list for national admins)."""

from django.contrib.auth import get_user_model
from django_tasks import task

from councils.models import CouncilMembership, Role
from notices.alerts.emails import Email, absolute, build_message
from notices.models import NoticeReview
from notices.publishing.drafts import display_name

SUBMITTED, SENT_BACK, APPROVED = "submitted", "sent-back", "approved"


def queue_review_emails(review_id: int, event: str) -> None:
    """Queues one email per person the event concerns."""
    review = NoticeReview.objects.select_related("notice").filter(pk=review_id).first()
    if review is None:
        return
    for user_id in recipients(review, event):
        send_review_email.enqueue(review_id=review_id, event=event, user_id=user_id)


def recipients(review: NoticeReview, event: str) -> list[int]:
    """Active people with an address: the council's publishers, for a submission (not the
    submitter, who knows); the submitter, for a decision."""
    if event == SUBMITTED:
        return list(
            CouncilMembership.objects.filter(
                council_id=review.notice.council_id, role=Role.PUBLISHER, user__is_active=True
            )
            .exclude(user__email="")
            .exclude(user_id=review.submitted_by_id)
            .order_by("user_id")
            .values_list("user_id", flat=True)
        )
    submitter = review.submitted_by
    if submitter is None or not submitter.is_active or not submitter.email:
        return []
    return [submitter.pk]


@task()
def send_review_email(review_id: int, event: str, user_id: int, attempt: int = 1) -> bool:
    from notices.alerts.sending import MAX_ATTEMPTS, _retry_later

    review = (
        NoticeReview.objects.select_related("notice__council", "submitted_by", "decided_by")
        .filter(pk=review_id)
        .first()
    )
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if review is None or user is None or not user.email:
        return False
    try:
        build_message(review_email(review, event, to=user)).send()
    except Exception:
        if attempt < MAX_ATTEMPTS:
            _retry_later(
                send_review_email,
                after_attempt=attempt,
                review_id=review_id,
                event=event,
                user_id=user_id,
                attempt=attempt + 1,
            )
        raise
    return True


def review_email(review: NoticeReview, event: str, *, to) -> Email:
    notice = review.notice
    subjects = {
        SUBMITTED: f"Please review the draft of {notice.council.name}'s privacy notice",
        SENT_BACK: f"Your draft of {notice.council.name}'s privacy notice was sent back",
        APPROVED: f"Your draft of {notice.council.name}'s privacy notice was published",
    }
    return Email(
        to=to.email,
        subject=subjects[event],
        template=f"review_{event.replace('-', '_')}",
        context={
            "review": review,
            "notice": notice,
            "council": notice.council,
            "submitted_by": display_name(review.submitted_by),
            "decided_by": display_name(review.decided_by),
            "review_url": absolute("admin:notices_notice_review", notice.pk),
            "change_url": absolute("admin:notices_notice_change", notice.pk),
        },
        message_key=f"review-{review.pk}-{event}-{to.pk}",
    )
