"""Public email alerts: who follows which notices, and each alert email owed to them.

A subscription keeps no more than UK GDPR's data minimisation needs for the service: the address,
what it follows (one council's notices, or every council's) and whether the address was
confirmed (and when it signed up, so unconfirmed ones can expire). Unsubscribing deletes the row,
and with it every record of the emails sent to it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from councils.models import Council
from notices.models.versions import NoticeVersion

EMAIL_MAX_LENGTH = 254


class AlertSubscriptionQuerySet(models.QuerySet):
    def confirmed(self) -> "AlertSubscriptionQuerySet":
        return self.filter(confirmed_at__isnull=False)

    def following(self, council_id: int) -> "AlertSubscriptionQuerySet":
        """Subscriptions to this council's notices or to every notice."""
        return self.filter(Q(council_id=council_id) | Q(council__isnull=True))


class AlertSubscription(models.Model):
    email = models.EmailField(max_length=EMAIL_MAX_LENGTH)
    council = models.ForeignKey(
        Council,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alert_subscriptions",
        help_text="The council whose notices this address follows; empty for every council.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = AlertSubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = "email alert subscription"
        constraints = [
            models.UniqueConstraint(
                fields=["email", "council"],
                condition=Q(council__isnull=False),
                name="alert_subscription_one_per_council",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(council__isnull=True),
                name="alert_subscription_one_for_all",
            ),
        ]

    def __str__(self) -> str:
        return f"Alert subscription {self.pk}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class AlertDeliveryQuerySet(models.QuerySet):
    def pending(self, max_attempts: int) -> "AlertDeliveryQuerySet":
        return self.filter(sent_at__isnull=True, attempts__lt=max_attempts)

    def failing(self, max_attempts: int) -> "AlertDeliveryQuerySet":
        return self.filter(sent_at__isnull=True, attempts__gte=max_attempts)


class AlertDelivery(models.Model):
    """One email owed about one published version: to a subscriber (a major change) or to one of
    the council's publishers (a shared block update changed their notice).

    The unique pairs make queueing idempotent, and `sent_at`, set in the same transaction as the
    send, makes sending so: a worker killed mid-send leaves the row unsent, and it is sent once
    the worker starts again."""

    subscription = models.ForeignKey(
        AlertSubscription, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    version = models.ForeignKey(NoticeVersion, on_delete=models.PROTECT, related_name="+")
    queued_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    objects = AlertDeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = "alert email"
        verbose_name_plural = "alert emails"
        constraints = [
            models.CheckConstraint(
                condition=Q(subscription__isnull=False, staff__isnull=True)
                | Q(subscription__isnull=True, staff__isnull=False),
                name="alert_delivery_one_recipient",
            ),
            models.UniqueConstraint(
                fields=["subscription", "version"], name="alert_delivery_once_per_subscriber"
            ),
            models.UniqueConstraint(
                fields=["staff", "version"], name="alert_delivery_once_per_staff"
            ),
        ]
        indexes = [
            models.Index(
                fields=["id"], condition=Q(sent_at__isnull=True), name="alert_delivery_unsent"
            )
        ]

    def __str__(self) -> str:
        return f"Alert email {self.pk}"
