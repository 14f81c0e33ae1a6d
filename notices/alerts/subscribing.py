"""Subscribing to alerts, with double opt-in, and leaving them.

Anyone may ask for alerts about one council's notices or every notice. Nothing is sent about a
change until the address's owner follows the link emailed to them; a link not followed within
tokens.CONFIRM_FOR is dead, and `purge_unconfirmed` deletes the address. Unsubscribing deletes
it at once. No answer to a request says whether the address already follows anything, and
requests are limited per client address and per email address, so the form can be used neither
to find out who subscribes nor to flood someone's inbox.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from councils.models import Council
from notices.alerts import tokens
from notices.models import AlertSubscription

logger = logging.getLogger(__name__)

# Requests for alerts from one client address, and confirmation emails to one email address.
REQUESTS_PER_CLIENT = 10
CLIENT_WINDOW_SECONDS = 60 * 60
EMAILS_PER_ADDRESS = 3
ADDRESS_WINDOW_SECONDS = 24 * 60 * 60


class TooManyRequests(Exception):
    """This client asked for alerts too often; it may try again later."""


@dataclass(frozen=True)
class Request:
    """What happened to a request, for the tests and the log; the person is told the same thing
    whichever it was."""

    subscription: AlertSubscription | None
    confirmation_queued: bool


def request_alerts(*, email: str, council: Council | None, client: str) -> Request:
    """Records the wish to follow `council` (None: every council) and queues the email with the
    confirmation link. TooManyRequests if `client` (an IP address) asked too often."""
    if _over_limit("client", client, REQUESTS_PER_CLIENT, CLIENT_WINDOW_SECONDS):
        raise TooManyRequests
    email = normalise_address(email)
    subscription = _find_or_add(email, council)
    if subscription.is_confirmed:
        return Request(subscription, confirmation_queued=False)
    if _over_limit("address", email, EMAILS_PER_ADDRESS, ADDRESS_WINDOW_SECONDS):
        logger.info("Confirmation email to subscription %s held back: too many.", subscription.pk)
        return Request(subscription, confirmation_queued=False)
    from notices.alerts.sending import send_confirmation

    subscription_id = subscription.pk
    transaction.on_commit(lambda: send_confirmation.enqueue(subscription_id=subscription_id))
    return Request(subscription, confirmation_queued=True)


def normalise_address(email: str) -> str:
    """One spelling per address, so that one person cannot follow the same notices twice."""
    return email.strip().lower()


def _find_or_add(email: str, council: Council | None) -> AlertSubscription:
    existing = AlertSubscription.objects.filter(email=email, council=council).first()
    if existing is not None:
        if not existing.is_confirmed:
            # Asked again: the new link's week starts now, and so does the address's.
            existing.created_at = timezone.now()
            existing.save(update_fields=["created_at"])
        return existing
    try:
        with transaction.atomic():
            return AlertSubscription.objects.create(email=email, council=council)
    except IntegrityError:
        # Added by a second request at the same moment.
        return AlertSubscription.objects.get(email=email, council=council)


class NoSuchSubscription(Exception):
    """The link is genuine but its subscription is gone (unsubscribed or expired)."""


def subscription_to_confirm(token: str) -> AlertSubscription:
    """The subscription a confirmation link names. tokens.BadToken or tokens.ExpiredToken for a
    link that is not ours or too old; NoSuchSubscription when its subscription is gone."""
    subject = tokens.read_confirm_token(token)
    subscription = (
        AlertSubscription.objects.filter(pk=subject.subscription_id)
        .select_related("council")
        .first()
    )
    if subscription is None or not subject.matches(subscription):
        raise NoSuchSubscription
    return subscription


def confirm(token: str) -> AlertSubscription:
    """Confirms the subscription a link names; raises as subscription_to_confirm does."""
    with transaction.atomic():
        subscription = subscription_to_confirm(token)
        if not subscription.is_confirmed:
            subscription.confirmed_at = timezone.now()
            subscription.save(update_fields=["confirmed_at"])
    return subscription


def subscription_for_unsubscribe(token: str) -> AlertSubscription | None:
    """The subscription an unsubscribe link names, or None if it is already gone."""
    subject = tokens.read_unsubscribe_token(token)
    subscription = AlertSubscription.objects.filter(pk=subject.subscription_id).first()
    if subscription is None or not subject.matches(subscription):
        return None
    return subscription


def unsubscribe(token: str) -> bool:
    """Deletes the address's subscription (and the record of the alerts sent to it). True if
    there was one; unsubscribing twice is not an error. tokens.BadToken for a forged link."""
    subscription = subscription_for_unsubscribe(token)
    if subscription is None:
        return False
    AlertSubscription.objects.filter(pk=subscription.pk).delete()
    return True


def purge_unconfirmed() -> int:
    """Deletes the addresses whose confirmation link has expired. Returns how many."""
    cutoff = timezone.now() - tokens.CONFIRM_FOR
    deleted, _ = AlertSubscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def _over_limit(kind: str, value: str, limit: int, window: int) -> bool:
    """Counts one more request against `value` in the cache. Only a digest of the value is used
    as the key: the cache keeps no addresses. A cache that fails lets the request through."""
    key = f"alerts:{kind}:" + hashlib.sha256(value.encode()).hexdigest()[:32]
    try:
        if cache.add(key, 1, timeout=window):
            return False
        return cache.incr(key) > limit
    except ValueError:
        # Expired between add and incr.
        cache.set(key, 1, timeout=window)
        return False
    except Exception:
        logger.exception("The rate limit for alert requests could not be read.")
        return False
