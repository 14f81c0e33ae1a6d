"""Review before publishing: an editor asks a council's publishers to check the draft.

While a review waits, the draft is locked (notices.publishing.drafts.ensure_not_under_review):
what a publisher approves is exactly what the editor submitted. A publisher approves it (which
publishes it) or sends it back with a comment, which unlocks the draft. The rows are the record
of each request and decision; the audit log has them too.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from notices.models.notice import Notice
from notices.models.versions import NoticeVersion
from notices.text.input_policy import staff_text

REVIEW_TEXT_MAX_LENGTH = 2000


class NoticeReviewQuerySet(models.QuerySet):
    def pending(self) -> "NoticeReviewQuerySet":
        return self.filter(state=NoticeReview.State.PENDING)

    def of_notice(self, notice: Notice) -> "NoticeReviewQuerySet":
        return self.filter(notice=notice)


class NoticeReview(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "Waiting for a publisher"
        APPROVED = "approved", "Approved and published"
        SENT_BACK = "sent-back", "Sent back to the editor"

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="reviews")
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    message = models.TextField(max_length=REVIEW_TEXT_MAX_LENGTH, validators=[staff_text])
    # The draft's revision when it was submitted: approval publishes exactly that draft.
    draft_revision = models.PositiveIntegerField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(
        blank=True, max_length=REVIEW_TEXT_MAX_LENGTH, validators=[staff_text]
    )
    version = models.ForeignKey(
        NoticeVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = NoticeReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            # Two submissions at once (a double click, two tabs) cannot both wait.
            models.UniqueConstraint(
                fields=["notice"], condition=Q(state="pending"), name="one_pending_review"
            ),
        ]

    def __str__(self) -> str:
        return f"Review of {self.notice} ({self.get_state_display().lower()})"

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING
