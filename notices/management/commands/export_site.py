"""python manage.py export_site PATH [--force]

Writes the whole site to one JSON file that import_site restores: councils, the shared
libraries, notices and their drafts, the shared block, every published version as stored, the
audit log, and staff accounts and roles (never passwords). The rules are in notices.site_archive;
this only speaks.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from notices.site_archive.export import export_site_to
from notices.site_archive.records import ArchiveError


class Command(BaseCommand):
    help = (
        "Exports the whole site (councils, notices, drafts, every published version, the shared "
        "block, the audit log, staff accounts without passwords) to one JSON file, for "
        "import_site."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The file to write, e.g. site.json.")
        parser.add_argument(
            "--force", action="store_true", help="Replace the file if it already exists."
        )

    def handle(self, *args, path: str, force: bool, **options) -> None:
        try:
            summary = export_site_to(Path(path), replace=force)
        except ArchiveError as problem:
            raise CommandError(f"{problem} Nothing was written.") from None
        self.stdout.write(f"Exported the site to {path}:")
        for line in summary.lines():
            self.stdout.write(f"  {line}")
        if not settings.SITE_ARCHIVE_KEY:
            self.stdout.write(
                self.style.WARNING(
                    "SITE_ARCHIVE_KEY is not set, so the file is unsigned: importing it will need "
                    "--trust-unsigned, and an edit to it cannot be told apart from the export."
                )
            )
        self.stdout.write(
            "Passwords are never exported. The file holds staff names and email addresses: "
            "keep it as carefully as the database."
        )
