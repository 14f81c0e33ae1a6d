"""GOV.UK Notify as an email backend (EMAIL_PROVIDER=notify), for councils and departments that
send through it rather than an SMTP relay.

Notify sends from templates: the site uses one, whose subject is `((subject))` and whose body is
`((body))`, and passes each email's plain-text body; Notify makes the HTML version itself. An
alert's unsubscribe address goes to Notify's `one_click_unsubscribe_url`, which Notify turns into
the RFC 8058 headers. A message Notify refuses raises, so the worker records and retries it.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from notifications_python_client.notifications import NotificationsAPIClient


class NotifyEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, **kwargs) -> None:
        super().__init__(fail_silently=fail_silently)
        self.client = NotificationsAPIClient(
            settings.NOTIFY_API_KEY,
            base_url=settings.NOTIFY_BASE_URL,
            timeout=settings.EMAIL_TIMEOUT,
        )

    def send_messages(self, email_messages: list[EmailMessage]) -> int:
        sent = 0
        for message in email_messages:
            try:
                self._send(message)
            except Exception:
                if not self.fail_silently:
                    raise
                continue
            sent += 1
        return sent

    def _send(self, message: EmailMessage) -> None:
        # The headers hold the unsubscribe address as "<url>".
        unsubscribe = (message.extra_headers.get("List-Unsubscribe") or "").strip("<>") or None
        for address in message.recipients():
            self.client.send_email_notification(
                email_address=address,
                template_id=settings.NOTIFY_TEMPLATE_ID,
                personalisation={"subject": message.subject, "body": message.body},
                reference=(message.extra_headers.get("Message-ID") or "").strip("<>") or None,
                one_click_unsubscribe_url=unsubscribe,
            )
