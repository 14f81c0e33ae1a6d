"""The national admins' list of alert emails: those that keep failing first, with the error, so
someone sees a broken mail relay or Notify key before subscribers notice. Council staff never see
it (only national admins hold its permissions: councils.roles). Addresses are shown only in part:
the list is for finding a fault, not for reading who subscribes."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from notices.alerts.sending import MAX_ATTEMPTS, send_alerts
from notices.models import AlertDelivery


class DeliveryStateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("failing", f"Failing ({MAX_ATTEMPTS} attempts or more)"),
            ("waiting", "Waiting to be sent"),
            ("sent", "Sent"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "failing":
            return queryset.failing(MAX_ATTEMPTS)
        if self.value() == "waiting":
            return queryset.pending(MAX_ATTEMPTS)
        if self.value() == "sent":
            return queryset.filter(sent_at__isnull=False)
        return queryset


@admin.register(AlertDelivery)
class AlertDeliveryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "recipient", "version", "queued_at", "sent_at", "attempts"]
    list_filter = [DeliveryStateFilter]
    list_select_related = ["subscription", "staff", "version__notice__council"]
    fields = ["recipient", "version", "queued_at", "sent_at", "attempts", "last_error"]
    readonly_fields = fields
    actions = ["try_again"]

    @admin.display(description="to")
    def recipient(self, obj: AlertDelivery) -> str:
        if obj.staff_id:
            return f"Publisher {obj.staff.get_username()}"
        local, _, domain = obj.subscription.email.partition("@")
        return f"Subscriber {local[:1]}…@{domain}"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("version__notice__council")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.action(description="Try sending the selected emails again", permissions=["delete"])
    def try_again(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.filter(sent_at__isnull=True).update(attempts=0, last_error="")
        send_alerts.enqueue()
        messages.success(request, f"{count} email(s) will be tried again by the task worker.")
