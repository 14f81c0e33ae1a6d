"""Where the public finds alerts, and the privacy page that says what they keep."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from notices.alerts import tokens
from notices.alerts.queueing import queue_deliveries
from notices.models import AlertSubscription

pytestmark = pytest.mark.django_db


def test_each_council_page_and_notice_links_to_its_alerts_form(
    client, make_notice, published_block, publish
):
    notice = make_notice()
    publish(notice)
    form = reverse("alerts:subscribe", args=[notice.council.slug])
    for page in (
        reverse("councils:detail", args=[notice.council.slug]),
        reverse("notices:detail", args=[notice.council.slug, notice.kind]),
    ):
        content = client.get(page).content.decode()
        assert f'href="{form}"' in content
        assert "Get updates" in content
    assert client.get(form).status_code == 200


def test_the_privacy_page_is_in_the_footer_and_says_what_alerts_keep_and_for_how_long(client):
    home = client.get(reverse("councils:index")).content.decode()
    assert f'href="{reverse("alerts:privacy")}"' in home
    page = client.get(reverse("alerts:privacy")).content.decode()
    assert "your email address" in page
    assert "what it follows" in page
    assert "whether you have confirmed it" in page
    assert f"within {tokens.CONFIRM_FOR.days} days" in page
    assert "deletes your address at once" in page
    assert "one click" in page


def test_the_send_alerts_command_sends_what_waits_and_deletes_expired_sign_ups(
    make_notice, published_block, publish, subscriber
):
    notice = make_notice()
    subscriber("waiting@example.org", notice.council)
    stale = subscriber("stale@example.org", confirmed=False)
    AlertSubscription.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - tokens.CONFIRM_FOR - timedelta(days=1)
    )
    # Published, but the after-commit hook never ran (as if the worker was down).
    publish(notice)
    queue_deliveries(list(notice.versions.values_list("pk", flat=True)))
    assert mail.outbox == []
    out = StringIO()
    call_command("send_alerts", stdout=out)
    assert [m.to for m in mail.outbox] == [["waiting@example.org"]]
    assert "Sent 1 alert emails" in out.getvalue()
    assert "Deleted 1 unconfirmed sign-ups" in out.getvalue()


def test_a_site_export_carries_no_subscribers_address(
    make_notice, published_block, publish, subscriber, tmp_path
):
    notice = make_notice()
    subscriber("private.reader@example.org", notice.council)
    publish(notice)
    path = tmp_path / "site.json"
    call_command("export_site", str(path), stdout=StringIO())
    text = path.read_text(encoding="utf-8")
    assert notice.council.slug in text
    assert "private.reader" not in text
