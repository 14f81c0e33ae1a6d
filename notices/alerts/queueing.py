"""Queueing alerts once a publication commits: one delivery record per recipient and version.

A major change to a notice (a council's own, or a shared block update cascaded into it) is owed
to every subscriber following that council or every council who had confirmed by the time it was
published; a shared block update is
also owed to each affected council's publishers, major or minor, so they know their notice
changed without them. Minor changes by a council owe nothing. Queueing twice adds nothing: the
records are unique per recipient and version.
"""

import logging
from collections import defaultdict

from django.db.models import Q
from django_tasks import task

from councils.models import CouncilMembership, Role
from notices.models import AlertDelivery, AlertSubscription, NoticeVersion

logger = logging.getLogger(__name__)

BULK_SIZE = 1000


def versions_published(version_ids: list[int]) -> None:
    """Publishing's `versions_published` signal, sent after the publishing transaction commits:
    hands anything owed an email to the worker. Publishing waits for nothing else."""
    try:
        owed = NoticeVersion.objects.filter(pk__in=version_ids).filter(
            Q(is_major=True) | Q(is_shared_block_update=True)
        )
        if owed.exists():
            queue_alerts.enqueue(version_ids=list(version_ids))
    except Exception:
        # The publication has committed: the person publishing must not see an error page for
        # it. The log names the versions, for `queue_deliveries` by hand.
        logger.exception("Could not queue the alerts for versions %s.", version_ids)


@task()
def queue_alerts(version_ids: list[int]) -> int:
    """The worker's first step: the delivery records, then the task that sends them."""
    from notices.alerts.sending import send_alerts

    queued = queue_deliveries(version_ids)
    send_alerts.enqueue()
    return queued


def queue_deliveries(version_ids: list[int]) -> int:
    """Adds the delivery records these versions owe; returns how many were owed (records that
    already existed are left as they are)."""
    versions = list(
        NoticeVersion.objects.filter(pk__in=version_ids)
        .filter(Q(is_major=True) | Q(is_shared_block_update=True))
        .values("pk", "is_major", "is_shared_block_update", "published_at", "notice__council_id")
    )
    council_ids = {version["notice__council_id"] for version in versions}
    subscribers = _subscribers_by_council(council_ids)
    publishers = _publishers_by_council(
        {v["notice__council_id"] for v in versions if v["is_shared_block_update"]}
    )
    owed = []
    for version in versions:
        council_id = version["notice__council_id"]
        if version["is_major"]:
            # A change made before someone confirmed is not news to them.
            owed += [
                AlertDelivery(subscription_id=subscriber_id, version_id=version["pk"])
                for subscriber_id, confirmed_at in subscribers[council_id] + subscribers[None]
                if confirmed_at <= version["published_at"]
            ]
        if version["is_shared_block_update"]:
            owed += [
                AlertDelivery(staff_id=user_id, version_id=version["pk"])
                for user_id in publishers[council_id]
            ]
    AlertDelivery.objects.bulk_create(owed, batch_size=BULK_SIZE, ignore_conflicts=True)
    return len(owed)


def _subscribers_by_council(council_ids: set[int]) -> dict[int | None, list[tuple]]:
    """Confirmed subscribers' (id, when confirmed) by the council they follow (None: every
    council)."""
    found: dict[int | None, list[tuple]] = defaultdict(list)
    rows = (
        AlertSubscription.objects.confirmed()
        .filter(Q(council_id__in=council_ids) | Q(council__isnull=True))
        .values_list("council_id", "pk", "confirmed_at")
    )
    for council_id, pk, confirmed_at in rows.iterator(chunk_size=BULK_SIZE):
        found[council_id].append((pk, confirmed_at))
    return found


def _publishers_by_council(council_ids: set[int]) -> dict[int, set[int]]:
    """The active publishers with an email address, by council."""
    found: dict[int, set[int]] = defaultdict(set)
    rows = (
        CouncilMembership.objects.filter(
            council_id__in=council_ids, role=Role.PUBLISHER, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("council_id", "user_id")
    )
    for council_id, user_id in rows:
        found[council_id].add(user_id)
    return found
