"""Asking for alerts, confirming them and stopping them, through the public pages."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from notices.alerts import subscribing, tokens
from notices.models import AlertDelivery, AlertSubscription

pytestmark = pytest.mark.django_db


def ask(client: Client, url: str, email: str, follows: str = "council", **extra):
    return client.post(url, {"email": email, "follows": follows}, **extra)


def link_in(message, name: str) -> str:
    match = re.search(rf"http://\S+/alerts/{name}/[^/\s]+/", message.body)
    assert match, message.body
    return match.group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_asking_for_alerts_emails_a_link_and_nothing_is_followed_until_it_is_confirmed(
    client, make_council, committed
):
    council = make_council()
    with committed():
        response = ask(client, reverse("alerts:subscribe", args=[council.slug]), "Ann@Example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("alerts:check-email")
    subscription = AlertSubscription.objects.get()
    assert (subscription.email, subscription.council) == ("ann@example.org", council)
    assert not subscription.is_confirmed

    [message] = mail.outbox
    assert message.to == ["ann@example.org"]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f"{council.name}&#x27;s privacy notice" in html
    assert "List-Unsubscribe" not in message.extra_headers
    confirm = path_of(link_in(message, "confirm"))

    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    page = client.get(confirm)
    assert page.status_code == 200
    assert b"Start my email alerts" in page.content
    subscription.refresh_from_db()
    assert not subscription.is_confirmed
    done = client.post(confirm)
    assert done.status_code == 200
    assert b"Your email alerts have started" in done.content
    subscription.refresh_from_db()
    assert subscription.is_confirmed


def test_the_answer_is_the_same_whether_or_not_the_address_already_gets_alerts(
    client, make_council, subscriber, committed
):
    council = make_council()
    subscriber("known@example.org", council)
    url = reverse("alerts:subscribe", args=[council.slug])
    with committed():
        known = ask(client, url, "known@example.org")
        unknown = ask(client, url, "unknown@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    # The confirmed address is not asked to confirm again; the new one is.
    assert [m.to for m in mail.outbox] == [["unknown@example.org"]]
    assert AlertSubscription.objects.filter(email="known@example.org").count() == 1


def test_every_council_is_a_choice_on_every_form_and_the_only_one_without_a_council(
    client, make_council, committed
):
    council = make_council()
    page = client.get(reverse("alerts:subscribe", args=[council.slug]))
    assert b"Every council&#x27;s privacy notice" in page.content
    assert f"{council.name}&#x27;s privacy notice".encode() in page.content
    with committed():
        ask(client, reverse("alerts:subscribe-all"), "all@example.org", follows="all")
    assert AlertSubscription.objects.get().council is None
    # No council to follow on the general form: "council" is not a choice there.
    refused = ask(client, reverse("alerts:subscribe-all"), "x@example.org", follows="council")
    assert refused.status_code == 400
    assert AlertSubscription.objects.count() == 1


@pytest.mark.parametrize(
    "email, message",
    [
        ("not-an-address", "Enter an email address in the correct format"),
        ("", "Enter your email address"),
        ("a@" + "b" * 250 + ".org", "254 characters or fewer"),
        ("two@example.org\nBcc: else@example.org", "Enter an email address in the correct"),
    ],
)
def test_a_bad_address_is_a_form_error_and_stores_and_sends_nothing(
    client, make_council, committed, email, message
):
    council = make_council()
    with committed():
        response = ask(client, reverse("alerts:subscribe", args=[council.slug]), email)
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert message.encode() in response.content
    assert AlertSubscription.objects.count() == 0
    assert mail.outbox == []


def test_an_empty_post_is_a_form_error_naming_both_fields(client, make_council):
    council = make_council()
    response = client.post(reverse("alerts:subscribe", args=[council.slug]))
    assert response.status_code == 400
    assert b"Enter your email address" in response.content
    assert b"Choose which notices you want alerts about" in response.content


def test_an_unknown_council_is_404(client):
    assert client.get("/alerts/councils/no-such-council/").status_code == 404
    assert ask(client, "/alerts/councils/no-such-council/", "a@example.org").status_code == 404
    assert AlertSubscription.objects.count() == 0


def test_one_client_asking_too_often_is_refused_with_429(client, make_council, committed):
    council = make_council()
    url = reverse("alerts:subscribe", args=[council.slug])
    with committed():
        answers = [
            ask(client, url, f"person{n}@example.org").status_code
            for n in range(subscribing.REQUESTS_PER_CLIENT + 1)
        ]
    assert answers == [302] * subscribing.REQUESTS_PER_CLIENT + [429]
    assert len(mail.outbox) == subscribing.REQUESTS_PER_CLIENT


def test_one_address_gets_only_a_few_confirmation_emails_a_day_and_is_not_told(
    make_council, committed
):
    council = make_council()
    with committed():
        outcomes = [
            subscribing.request_alerts(
                email="target@example.org", council=council, client=f"192.0.2.{n}"
            ).confirmation_queued
            for n in range(subscribing.EMAILS_PER_ADDRESS + 2)
        ]
    assert outcomes == [True] * subscribing.EMAILS_PER_ADDRESS + [False, False]
    assert len(mail.outbox) == subscribing.EMAILS_PER_ADDRESS


def test_a_forged_confirmation_link_is_400_an_expired_one_400_and_one_for_a_gone_address_404(
    client, subscriber
):
    subscription = subscriber("late@example.org", confirmed=False)
    genuine = tokens.confirm_token(subscription)
    forged = genuine[:-3] + ("AAA" if not genuine.endswith("AAA") else "BBB")
    for token in (forged, "nonsense", "x" * 500):
        assert client.get(f"/alerts/confirm/{token}/").status_code == 400
        assert client.post(f"/alerts/confirm/{token}/").status_code == 400
    # Signed for the unsubscribe link: not a confirmation link.
    other_kind = tokens.unsubscribe_token(subscription)
    assert client.post(f"/alerts/confirm/{other_kind}/").status_code == 400

    old = signing.dumps(
        [subscription.pk, tokens.address_digest(subscription.email)],
        salt=tokens.CONFIRM_SALT,
    )
    stale_clock = timezone.now() + tokens.CONFIRM_FOR + timedelta(minutes=1)
    with mock.patch("time.time", return_value=stale_clock.timestamp()):
        expired = client.post(f"/alerts/confirm/{old}/")
    assert expired.status_code == 400
    assert b"This link has expired" in expired.content

    subscription.delete()
    assert client.post(f"/alerts/confirm/{genuine}/").status_code == 404
    assert AlertSubscription.objects.count() == 0


def test_a_link_for_an_address_whose_row_id_was_reused_does_not_work(client, subscriber):
    first = subscriber("first@example.org", confirmed=False)
    token = tokens.confirm_token(first)
    first_pk = first.pk
    first.delete()
    AlertSubscription.objects.create(pk=first_pk, email="second@example.org")
    assert client.post(f"/alerts/confirm/{token}/").status_code == 404
    assert not AlertSubscription.objects.get(pk=first_pk).is_confirmed


def test_one_click_unsubscribe_needs_no_cookie_or_csrf_token_and_deletes_the_address(
    make_council, subscriber, publish, make_notice, published_block, committed
):
    council = make_council()
    subscription = subscriber("leaving@example.org", council)
    notice = make_notice(council=council)
    with committed():
        publish(notice)
    assert AlertDelivery.objects.filter(subscription=subscription).count() == 1
    [alert] = mail.outbox
    url = alert.extra_headers["List-Unsubscribe"].strip("<>")
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        path_of(url),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not AlertSubscription.objects.filter(email="leaving@example.org").exists()
    assert AlertDelivery.objects.count() == 0
    # Again: still a calm answer, nothing left to delete.
    assert mail_client.post(path_of(url)).status_code == 200


def test_the_unsubscribe_link_opened_shows_a_button_and_deletes_nothing(client, subscriber):
    subscription = subscriber("staying@example.org")
    token = tokens.unsubscribe_token(subscription)
    page = client.get(f"/alerts/unsubscribe/{token}/")
    assert page.status_code == 200
    assert b"Stop my email alerts" in page.content
    assert AlertSubscription.objects.filter(pk=subscription.pk).exists()


def test_a_forged_unsubscribe_link_is_400_and_deletes_nothing(client, subscriber):
    subscription = subscriber("kept@example.org")
    forged = signing.dumps([subscription.pk, "0" * 16], salt="some-other-salt")
    for token in (forged, "nonsense", tokens.confirm_token(subscription)):
        assert client.post(f"/alerts/unsubscribe/{token}/").status_code == 400
        assert client.get(f"/alerts/unsubscribe/{token}/").status_code == 400
    assert AlertSubscription.objects.filter(pk=subscription.pk).exists()


def test_unconfirmed_addresses_are_deleted_once_their_link_has_expired(subscriber):
    fresh = subscriber("fresh@example.org", confirmed=False)
    stale = subscriber("stale@example.org", confirmed=False)
    confirmed = subscriber("kept@example.org")
    long_ago = timezone.now() - tokens.CONFIRM_FOR - timedelta(hours=1)
    AlertSubscription.objects.filter(pk__in=[stale.pk, confirmed.pk]).update(created_at=long_ago)
    assert subscribing.purge_unconfirmed() == 1
    assert set(AlertSubscription.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed.pk}


def test_asking_again_restarts_an_unconfirmed_addresss_week(make_council, subscriber, committed):
    council = make_council()
    pending = subscriber("again@example.org", council, confirmed=False)
    long_ago = timezone.now() - tokens.CONFIRM_FOR - timedelta(hours=1)
    AlertSubscription.objects.filter(pk=pending.pk).update(created_at=long_ago)
    with committed():
        subscribing.request_alerts(email="again@example.org", council=council, client="192.0.2.1")
    assert subscribing.purge_unconfirmed() == 0
    assert len(mail.outbox) == 1
