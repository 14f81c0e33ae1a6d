"""Sends the alert emails waiting in the queue now, in this process, then deletes the expired
sign-ups: for a deployment that wants to drain the queue by hand or from cron, or after a
worker was killed and its successor run is not yet due. The worker does the same on its own."""

from django.core.management.base import BaseCommand

from notices.alerts.sending import MAX_ATTEMPTS, send_pending
from notices.alerts.subscribing import purge_unconfirmed
from notices.models import AlertDelivery


class Command(BaseCommand):
    help = "Sends the queued alert emails and deletes sign-ups whose link expired."

    def handle(self, *args, **options) -> None:
        drained = send_pending()
        purged = purge_unconfirmed()
        failing = AlertDelivery.objects.failing(MAX_ATTEMPTS).count()
        self.stdout.write(
            f"Sent {drained.sent} alert emails; {drained.failed} failed and will be tried "
            f"again; {failing} failing for good (the admin lists them). "
            f"Deleted {purged} unconfirmed sign-ups."
        )
        if drained.failed:
            self.stderr.write("Some alert emails failed; the log says why.")
