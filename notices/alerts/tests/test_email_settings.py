"""Email settings from the environment (Django's own names), and GOV.UK Notify as the other
backend, tested against a fake Notify API on 127.0.0.1 that checks what the real one checks."""

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from django.core.mail import get_connection

from config.tests.test_settings import load_settings
from notices.alerts.emails import Email, build_message
from notices.models import AlertDelivery

SECRET = "x" * 50


def test_email_is_sent_by_smtp_configured_from_djangos_own_variable_names():
    result = load_settings(
        {
            "DJANGO_SECRET_KEY": SECRET,
            "EMAIL_HOST": "smtp.example.org",
            "EMAIL_PORT": "587",
            "EMAIL_HOST_USER": "notices",
            "EMAIL_HOST_PASSWORD": "relay-password",
            "EMAIL_USE_TLS": "true",
            "DEFAULT_FROM_EMAIL": "alerts@example.org",
        },
        "[s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
        "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL]",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(
        [
            "django.core.mail.backends.smtp.EmailBackend",
            "smtp.example.org",
            587,
            "notices",
            "relay-password",
            True,
            "alerts@example.org",
        ]
    )


def test_notify_is_chosen_by_email_provider_and_refuses_to_start_without_its_key():
    missing = load_settings({"DJANGO_SECRET_KEY": SECRET, "EMAIL_PROVIDER": "notify"})
    assert missing.returncode != 0
    assert "NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID" in missing.stderr
    chosen = load_settings(
        {
            "DJANGO_SECRET_KEY": SECRET,
            "EMAIL_PROVIDER": "Notify",
            "NOTIFY_API_KEY": "key",
            "NOTIFY_TEMPLATE_ID": "template",
        },
        "s.EMAIL_BACKEND",
    )
    assert chosen.stdout.strip() == "notices.alerts.notify.NotifyEmailBackend"
    to_files = load_settings(
        {"DJANGO_SECRET_KEY": SECRET, "EMAIL_PROVIDER": "file", "EMAIL_FILE_PATH": "/srv/mail"},
        "[s.EMAIL_BACKEND, s.EMAIL_FILE_PATH]",
    )
    assert to_files.stdout.strip() == str(
        ["django.core.mail.backends.filebased.EmailBackend", "/srv/mail"]
    )
    unknown = load_settings({"DJANGO_SECRET_KEY": SECRET, "EMAIL_PROVIDER": "carrier-pigeon"})
    assert "EMAIL_PROVIDER must be smtp, notify or file" in unknown.stderr


SERVICE_ID, KEY_SECRET = str(uuid.uuid4()), str(uuid.uuid4())
API_KEY = f"test_key-{SERVICE_ID}-{KEY_SECRET}"
TEMPLATE_ID = str(uuid.uuid4())


class FakeNotify(BaseHTTPRequestHandler):
    """Accepts POST /v2/notifications/email with a JWT signed by the key's secret, as Notify
    does; answers `status` (201, or what the test sets)."""

    received: list[dict] = []
    status = 201

    def do_POST(self) -> None:
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        claims = jwt.decode(token, KEY_SECRET, algorithms=["HS256"])
        assert claims["iss"] == SERVICE_ID
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).received.append({"path": self.path, **body})
        answer = json.dumps({"id": str(uuid.uuid4())} if self.status == 201 else {"errors": []})
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(answer.encode())

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def notify(settings):
    FakeNotify.received, FakeNotify.status = [], 201
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeNotify)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "notices.alerts.notify.NotifyEmailBackend"
    settings.NOTIFY_API_KEY = API_KEY
    settings.NOTIFY_TEMPLATE_ID = TEMPLATE_ID
    settings.NOTIFY_BASE_URL = f"http://127.0.0.1:{server.server_port}"
    yield FakeNotify
    server.shutdown()
    server.server_close()


def test_an_alert_through_notify_carries_its_text_and_one_click_unsubscribe_address(
    notify, make_notice, published_block, publish, subscriber, committed
):
    notice = make_notice()
    subscriber("notified@example.org", notice.council)
    with committed():
        publish(notice, "Our first notice")
    [sent] = notify.received
    assert sent["path"] == "/v2/notifications/email"
    assert sent["email_address"] == "notified@example.org"
    assert sent["template_id"] == TEMPLATE_ID
    assert notice.council.name in sent["personalisation"]["subject"]
    assert "Our first notice" in sent["personalisation"]["body"]
    assert sent["one_click_unsubscribe_url"].startswith("http")
    assert "/alerts/unsubscribe/" in sent["one_click_unsubscribe_url"]
    assert sent["reference"].startswith("alert-")
    assert AlertDelivery.objects.get().sent_at is not None


def test_an_email_notify_refuses_is_recorded_for_a_retry(
    notify, make_notice, published_block, publish, subscriber, committed
):
    notify.status = 400
    notice = make_notice()
    subscriber("refused@example.org", notice.council)
    with committed():
        publish(notice)
    delivery = AlertDelivery.objects.get()
    assert delivery.sent_at is None
    assert delivery.attempts == 1
    assert "HTTPError" in delivery.last_error or "400" in delivery.last_error


def test_every_email_has_a_plain_text_body_and_an_html_alternative(settings):
    message = build_message(
        Email(
            to="someone@example.org",
            subject="Check",
            template="confirm",
            context={"following": "<b>a council</b>", "confirm_url": "http://x/", "days": 7},
        )
    )
    assert "<b>a council</b>" in message.body  # text is not HTML-escaped
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "&lt;b&gt;a council&lt;/b&gt;" in html  # HTML is
    assert get_connection().send_messages([message]) == 1
