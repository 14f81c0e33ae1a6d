"""python manage.py migrate: Django's own, run as the owner role when MIGRATIONS_DATABASE_URL is
set, and then granting the application's role (DATABASE_URL's user) what it needs on every table,
and no more (notices.models.database_roles, docs/security.md)."""

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import migrate
from django.db import DEFAULT_DB_ALIAS, connections

from notices.models.database_roles import RoleError, connected_as, grant_app_role


class Command(migrate.Command):
    def handle(self, *args, **options) -> None:
        url = settings.MIGRATIONS_DATABASE_URL
        if not url or options["database"] != DEFAULT_DB_ALIAS:
            return super().handle(*args, **options)
        app_role = connections[DEFAULT_DB_ALIAS].settings_dict["USER"]
        try:
            with connected_as(url):
                super().handle(*args, **options)
                owner = connections[DEFAULT_DB_ALIAS].settings_dict["USER"]
                if app_role and app_role != owner:
                    grant_app_role(app_role)
                    self.stdout.write(
                        f"Granted {app_role} the application's privileges (no DDL, no TRUNCATE, "
                        "no change to published versions or the audit log)."
                    )
        except RoleError as problem:
            raise CommandError(str(problem)) from None
