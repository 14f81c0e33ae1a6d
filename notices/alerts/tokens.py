"""The signed links in alert emails: confirming a subscription and unsubscribing.

Each names the subscription and a short digest of its address, so a link outlives neither the
subscription (deleted on unsubscribe) nor a reuse of its id by another address. Nothing about
the link is stored. A confirmation link expires; an unsubscribe link works as long as the
subscription exists, as RFC 8058 expects of a List-Unsubscribe address.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing

from notices.models import AlertSubscription

CONFIRM_SALT = "notices.alerts.confirm"
UNSUBSCRIBE_SALT = "notices.alerts.unsubscribe"
# How long a confirmation link works, and so how long an unconfirmed address is kept.
CONFIRM_FOR = timedelta(days=7)
# Tokens are short; anything longer in a URL is refused before it is verified.
MAX_TOKEN_LENGTH = 200


class BadToken(Exception):
    """The link was not made by this site, or was changed."""


class ExpiredToken(BadToken):
    """The link was made here, but too long ago."""


@dataclass(frozen=True)
class TokenSubject:
    subscription_id: int
    address_digest: str

    def matches(self, subscription: AlertSubscription) -> bool:
        return address_digest(subscription.email) == self.address_digest


def address_digest(email: str) -> str:
    return hashlib.sha256(email.lower().encode()).hexdigest()[:16]


def confirm_token(subscription: AlertSubscription) -> str:
    return signing.dumps(_payload(subscription), salt=CONFIRM_SALT, compress=False)


def unsubscribe_token(subscription: AlertSubscription) -> str:
    return signing.dumps(_payload(subscription), salt=UNSUBSCRIBE_SALT, compress=False)


def read_confirm_token(token: str) -> TokenSubject:
    return _read(token, salt=CONFIRM_SALT, max_age=CONFIRM_FOR)


def read_unsubscribe_token(token: str) -> TokenSubject:
    return _read(token, salt=UNSUBSCRIBE_SALT, max_age=None)


def _payload(subscription: AlertSubscription) -> list:
    return [subscription.pk, address_digest(subscription.email)]


def _read(token: str, *, salt: str, max_age: timedelta | None) -> TokenSubject:
    if len(token) > MAX_TOKEN_LENGTH:
        raise BadToken("The link is too long to be one of ours.")
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as expired:
        raise ExpiredToken(str(expired)) from None
    except signing.BadSignature as bad:
        raise BadToken(str(bad)) from None
    if (
        not isinstance(payload, list)
        or len(payload) != 2
        or not isinstance(payload[0], int)
        or not isinstance(payload[1], str)
    ):
        raise BadToken("The link does not say which subscription it is for.")
    return TokenSubject(subscription_id=payload[0], address_digest=payload[1])
