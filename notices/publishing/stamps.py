"""Each council's stamp: what the public reads about it changed, and when.

A council's `public_revision` and `public_changed_at` are its stamp. Publishing, a shared block
update and an edit to a council bump it in the same transaction as the change, then announce the
change: on PostgreSQL with a NOTIFY on CHANNEL, which every web process hears once the
transaction commits, and in this process with `public_change_committed`, sent on commit. The
public page cache (notices.public.page_cache) keys its pages on the stamps and listens for both;
publishing knows nothing of it.
"""

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone

from councils.models import Council

CHANNEL = "notices_public_pages"

# Sent once the transaction that announced a change commits (at once outside a transaction).
public_change_committed = Signal()
# Sent, with `version_ids`, once the transaction that published notice versions commits: their
# PDFs are made from it (notices.printing), never inside the publishing transaction.
versions_published = Signal()


def announce_published(version_ids: list[int]) -> None:
    """Call inside the transaction that publishes these notice versions."""
    ids = list(version_ids)
    transaction.on_commit(lambda: versions_published.send(sender=Council, version_ids=ids))


def mark_councils_changed(council_ids: Iterable[int]) -> None:
    """Call inside the transaction that changes what the public reads about these councils."""
    Council.objects.filter(pk__in=council_ids).update(
        public_revision=F("public_revision") + 1, public_changed_at=timezone.now()
    )
    announce_change()


def announce_change() -> None:
    """Tells every process that public pages changed, once the transaction commits."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"NOTIFY {CHANNEL}")
    transaction.on_commit(_committed)


def _committed() -> None:
    public_change_committed.send(sender=Council)
