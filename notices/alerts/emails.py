"""The site's emails: each a plain-text body with an HTML alternative, from a pair of templates
in templates/emails/ (`<name>.txt`, `<name>.html`), sent through whichever backend the settings
choose (Django's SMTP, or GOV.UK Notify: notices.alerts.notify)."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

# One-click unsubscribe, RFC 8058: the mail client POSTs this body to the List-Unsubscribe address.
ONE_CLICK = "List-Unsubscribe=One-Click"


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    template: str
    context: dict = field(default_factory=dict)
    # The address that unsubscribes the recipient in one click, for alerts to the public.
    unsubscribe_url: str | None = None
    # A stable Message-ID for an email that may be sent again after a crash, so that a second copy
    # is recognisably the same message (and mail services that drop duplicates drop it).
    message_key: str | None = None


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def absolute(viewname: str, *args) -> str:
    return site_url(reverse(viewname, args=args))


def build_message(email: Email) -> EmailMultiAlternatives:
    context = {**email.context, "site_url": settings.SITE_URL, "subject": email.subject}
    if email.unsubscribe_url:
        context["unsubscribe_url"] = email.unsubscribe_url
    text = render_to_string(f"emails/{email.template}.txt", context)
    html = render_to_string(f"emails/{email.template}.html", context)
    headers = {}
    if email.unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{email.unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = ONE_CLICK
    if email.message_key:
        headers["Message-ID"] = f"<{email.message_key}@{_mail_domain()}>"
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message


def _mail_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"
