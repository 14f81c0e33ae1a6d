"""The audit log's record: one thing a person did, written once."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from councils.models import Council
from notices.models.notice import Notice
from notices.models.versions import ImmutableVersionError


class AuditEventQuerySet(models.QuerySet):
    """Refuses bulk changes too: the database's triggers would refuse them anyway (migration
    0009), and this says why before the query is sent."""

    def update(self, **kwargs):
        raise ImmutableVersionError("Audit events are written once and never changed.")

    def delete(self):
        raise ImmutableVersionError("Audit events are written once and never deleted.")

    def for_council(self, council: Council) -> "AuditEventQuerySet":
        return self.filter(council=council)


class AuditEvent(models.Model):
    """One thing a person did to a council's notice or details, or to the shared block: written
    once by the service that did it (see notices.publishing.audit) and never changed."""

    class Action(models.TextChoices):
        DRAFT_CREATED = "draft-created", "Draft created"
        DRAFT_SAVED = "draft-saved", "Draft saved"
        DRAFT_RESTORED = "draft-restored", "Published version copied into the draft"
        NOTICE_PUBLISHED = "notice-published", "Notice published"
        BLOCK_PUBLISHED = "block-published", "Shared block published"
        BLOCK_EMBEDDED = "block-embedded", "Shared block update published in the notice"
        COUNCIL_CHANGED = "council-changed", "Council details changed"
        STAFF_CHANGED = "staff-changed", "Staff access changed"
        REVIEW_SUBMITTED = "review-submitted", "Draft submitted for review"
        REVIEW_APPROVED = "review-approved", "Review approved"
        REVIEW_SENT_BACK = "review-sent-back", "Review sent back"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as text too, so the record still names the person after their account is removed.
    actor_name = models.CharField("by", max_length=200)
    action = models.CharField(max_length=30, choices=Action.choices)
    # Null for national changes (the shared block); those are seen by national admins only.
    # PROTECT: a council with a history is never deleted, or its history would go with it.
    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events"
    )
    notice = models.ForeignKey(
        Notice, on_delete=models.SET_NULL, null=True, blank=True, related_name="audit_events"
    )
    object_repr = models.CharField("changed", max_length=300)
    summary = models.TextField("what changed", max_length=5000, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "audit event"
        indexes = [models.Index(fields=["council", "-at"], name="audit_event_council_at")]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.object_repr}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ImmutableVersionError("Audit events are written once and never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableVersionError("Audit events are written once and never deleted.")
