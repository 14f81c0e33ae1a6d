from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_save, pre_save


def _council_saved(sender, instance, **kwargs) -> None:
    from notices.publishing.stamps import mark_councils_changed

    # The council's own page shows its details as they are now: any save is a public change.
    mark_councils_changed([instance.pk])


def _council_deleted(sender, instance, **kwargs) -> None:
    from notices.publishing.stamps import announce_change

    announce_change()


def _normalise_line_endings(sender, instance, **kwargs) -> None:
    """Browsers send CRLF from every text area: store LF, whichever way the text came in.
    Published versions are made from drafts already normalised, and never saved again."""
    from notices.models.versions import PublishedVersion
    from notices.text.input_policy import StaffTextValidator, normalise_line_endings

    if isinstance(instance, PublishedVersion):
        return
    for field in sender._meta.concrete_fields:
        if any(isinstance(validator, StaffTextValidator) for validator in field.validators):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and "\r" in value:
                setattr(instance, field.attname, normalise_line_endings(value))


def _versions_published(sender, version_ids: list[int], **kwargs) -> None:
    from django.conf import settings

    from notices.printing.pdf import store_pdfs_of_ids

    if not settings.PDF_ON_PUBLISH:
        return

    store_pdfs_of_ids(version_ids)


def _alerts_owed(sender, version_ids: list[int], **kwargs) -> None:
    from notices.alerts.queueing import versions_published

    versions_published(version_ids)


def _review_emails(event: str):
    def queue(sender, review_id: int, **kwargs) -> None:
        from notices.alerts.review_emails import queue_review_emails

        queue_review_emails(review_id, event)

    return queue


class NoticesConfig(AppConfig):
    name = "notices"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from councils.models import Council
        from notices.models.immutability import register_sqlite_function
        from notices.public.page_cache import forget_stamps_on_change
        from notices.publishing.stamps import public_change_committed, versions_published

        # SQLite's triggers that keep published versions call a function each connection has.
        connection_created.connect(
            register_sqlite_function, dispatch_uid="notices.sqlite_emptying_function"
        )
        post_save.connect(_council_saved, sender=Council, dispatch_uid="notices.council_saved")
        post_delete.connect(
            _council_deleted, sender=Council, dispatch_uid="notices.council_deleted"
        )
        for model in (*self.get_models(), Council):
            pre_save.connect(
                _normalise_line_endings,
                sender=model,
                dispatch_uid=f"notices.line_endings.{model._meta.label_lower}",
            )
        # Publishing announces a change; the page cache, built on top of it, listens.
        public_change_committed.connect(
            forget_stamps_on_change, dispatch_uid="notices.page_cache_forgets_stamps"
        )
        # Each published version's PDF is made once, after its publication commits.
        versions_published.connect(_versions_published, dispatch_uid="notices.version_pdfs")
        # A major change emails its subscribers, a shared block update its councils' publishers:
        # queued for the worker (notices.alerts), after the publication commits.
        versions_published.connect(_alerts_owed, dispatch_uid="notices.alerts")
        # Each step of a review emails the people it concerns, after it commits.
        from notices.publishing import review

        for signal, event in (
            (review.review_submitted, "submitted"),
            (review.review_sent_back, "sent-back"),
            (review.review_approved, "approved"),
        ):
            signal.connect(
                _review_emails(event), dispatch_uid=f"notices.review_{event}", weak=False
            )
