"""python manage.py import_site PATH

Restores a site written by export_site into a freshly migrated, empty database, all or nothing,
then rebuilds the search text and empties the cache. The rules are in notices.site_archive; this
only speaks.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from notices.site_archive.records import ArchiveError
from notices.site_archive.restore import import_site_from, password_instructions


class Command(BaseCommand):
    help = (
        "Imports a site exported with export_site into an empty database: every council, "
        "notice, draft, version, block version, audit event and staff account, at the same "
        "addresses. Accounts come without passwords."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The file export_site wrote.")
        parser.add_argument(
            "--trust-unsigned",
            action="store_true",
            help="Import a file that is unsigned or whose signature cannot be checked with this "
            "site's SITE_ARCHIVE_KEY. Every record is still checked.",
        )

    def handle(self, *args, path: str, verbosity: int, trust_unsigned: bool, **options) -> None:
        try:
            summary = import_site_from(Path(path), trust_unsigned=trust_unsigned)
        except ArchiveError as problem:
            raise CommandError(f"{problem} Nothing was imported.") from None
        self.stdout.write(f"Imported the site exported at {summary.exported_at} from {path}:")
        for line in summary.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(
            f"Rebuilt the search text of {summary.search_texts} published notices, removed "
            "this site's pages from the cache (and nothing else in it), and told running web "
            "processes to forget what they knew of the site before the import."
        )
        if summary.usernames:
            self._explain_passwords(summary.usernames, verbosity)

    def _explain_passwords(self, usernames: list[str], verbosity: int) -> None:
        self.stdout.write(
            self.style.WARNING(
                f"Nobody can sign in yet: exports hold no passwords, so the {len(usernames)} "
                "restored accounts have none."
            )
        )
        self.stdout.write(
            "  Council staff and national admins: python manage.py add_staff EMAIL --council "
            "SLUG --role ROLE (the role they hold now), or add_staff EMAIL --national, prints a "
            "one-time link for them to set a password; their role stays as it is.\n"
            "  Superusers: python manage.py changepassword USERNAME."
        )
        if verbosity >= 2:
            self.stdout.write("For each active account:")
            for line in password_instructions(usernames):
                self.stdout.write(f"  {line}")
        else:
            self.stdout.write("Run with -v 2 to see the command for each active account.")
