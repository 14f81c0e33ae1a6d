from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _sync_role_groups(sender, using: str = "default", **kwargs) -> None:
    from django.contrib.auth.management import create_permissions

    from councils.roles import sync_role_groups

    # Django creates each app's permissions in its own post_migrate handler; make sure every app's
    # exist before the groups are given them, whichever order the handlers run in.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_role_groups()


class CouncilsConfig(AppConfig):
    name = "councils"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_sync_role_groups, sender=self, dispatch_uid="councils.sync_roles")
