from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_save


def _council_saved(sender, instance, **kwargs) -> None:
    from notices.publishing.stamps import mark_councils_changed

    # The council's own page shows its details as they are now: any save is a public change.
    mark_councils_changed([instance.pk])


def _council_deleted(sender, instance, **kwargs) -> None:
    from notices.publishing.stamps import announce_change

    announce_change()


class NoticesConfig(AppConfig):
    name = "notices"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from councils.models import Council
        from notices.models.immutability import register_sqlite_function
        from notices.public.page_cache import forget_stamps_on_change
        from notices.publishing.stamps import public_change_committed

        # SQLite's triggers that keep published versions call a function each connection has.
        connection_created.connect(
            register_sqlite_function, dispatch_uid="notices.sqlite_emptying_function"
        )
        post_save.connect(_council_saved, sender=Council, dispatch_uid="notices.council_saved")
        post_delete.connect(
            _council_deleted, sender=Council, dispatch_uid="notices.council_deleted"
        )
        # Publishing announces a change; the page cache, built on top of it, listens.
        public_change_committed.connect(
            forget_stamps_on_change, dispatch_uid="notices.page_cache_forgets_stamps"
        )
