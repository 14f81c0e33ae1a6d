"""What each email says: the confirmation link, the alert to a subscriber, and the note to a
council's publishers that a shared block update changed their notice."""

from datetime import timedelta

from notices.alerts import tokens
from notices.alerts.emails import Email, absolute
from notices.models import AlertDelivery, AlertSubscription, NoticeVersion


def confirmation_email(subscription: AlertSubscription) -> Email:
    return Email(
        to=subscription.email,
        subject="Confirm your email alerts about council privacy notices",
        template="confirm",
        context={
            "following": following_words(subscription),
            "confirm_url": absolute("alerts:confirm", tokens.confirm_token(subscription)),
            "days": tokens.CONFIRM_FOR // timedelta(days=1),
        },
    )


def alert_email(delivery: AlertDelivery) -> Email:
    """A subscriber's alert about a major change, with its one-click unsubscribe address."""
    subscription = delivery.subscription
    version = delivery.version
    unsubscribe_url = absolute("alerts:unsubscribe", tokens.unsubscribe_token(subscription))
    council = version.notice.council
    return Email(
        to=subscription.email,
        subject=f"{council.name} changed its privacy notice: {version.title}",
        template="alert",
        context={
            **_version_context(version),
            "following": following_words(subscription),
        },
        unsubscribe_url=unsubscribe_url,
        message_key=f"alert-{delivery.pk}",
    )


def block_update_email(delivery: AlertDelivery) -> Email:
    """A publisher's note that the shared block update gave their council's notice a version."""
    version = delivery.version
    council = version.notice.council
    return Email(
        to=delivery.staff.email,
        subject=f"The shared DfE section of {council.name}'s notice was updated",
        template="block_update",
        context={
            **_version_context(version),
            "block_version": version.shared_block_version,
        },
        message_key=f"staff-alert-{delivery.pk}",
    )


def email_for(delivery: AlertDelivery) -> Email:
    return alert_email(delivery) if delivery.subscription_id else block_update_email(delivery)


def following_words(subscription: AlertSubscription) -> str:
    if subscription.council_id is None:
        return "every council's privacy notice on this site"
    return f"{subscription.council.name}'s privacy notice"


def _version_context(version: NoticeVersion) -> dict:
    notice = version.notice
    council = notice.council
    args = (council.slug, notice.kind)
    compare_url = (
        absolute("notices:compare", *args, version.number - 1, version.number)
        if version.number > 1
        else None
    )
    return {
        "council": council,
        "version": version,
        "version_url": absolute("notices:version", *args, version.number),
        "compare_url": compare_url,
        "notice_url": absolute("notices:detail", *args),
    }
