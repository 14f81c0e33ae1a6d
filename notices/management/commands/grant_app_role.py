"""python manage.py grant_app_role ROLE: gives the application's PostgreSQL role its privileges
on every table, as `migrate` does when MIGRATIONS_DATABASE_URL is set. Run as the owner."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from notices.models.database_roles import RoleError, connected_as, grant_app_role


class Command(BaseCommand):
    help = (
        "Grant the application's database role what serving and editing need, and nothing "
        "that could undo the protection of published versions and the audit log."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="The application's role, e.g. notices_app.")

    def handle(self, *args, role: str, **options) -> None:
        try:
            if settings.MIGRATIONS_DATABASE_URL:
                with connected_as(settings.MIGRATIONS_DATABASE_URL):
                    count = grant_app_role(role)
            else:
                count = grant_app_role(role)
        except RoleError as problem:
            raise CommandError(str(problem)) from None
        self.stdout.write(f"Granted {role} the application's privileges ({count} statements).")
