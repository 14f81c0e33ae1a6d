"""python manage.py import_notice --council SLUG PATH [--dry-run] [--replace] [--json]

Turns a council's existing notice (Markdown, a saved web page, a Word .docx or plain text) into
the draft of its notice here, and prints what it found. The rules are in
notices.importing.drafting; this only reads the file and speaks. With --json it prints the report
as one JSON object (notices.importing.json_report) instead of text.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from councils.directory import UnknownCouncil, council_by_slug
from notices.importing.drafting import DraftAlreadyExists, ImportRefused, import_notice_file
from notices.importing.json_report import report_json
from notices.importing.reading import MAX_IMPORT_BYTES


class Command(BaseCommand):
    help = (
        "Imports a council's existing notice into the draft of its notice, and reports the "
        "sections, library matches, proposals, retention periods, shared DfE text and its drift, "
        "and the ICO checklist items still missing. Never publishes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The file: .md, .html, .docx or .txt.")
        parser.add_argument("--council", metavar="SLUG", required=True, help="The council's slug.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be imported; write nothing."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace the council's existing draft (its published versions are kept).",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            dest="as_json",
            help="Print the report as one JSON object (for scripts) instead of text.",
        )

    def handle(
        self,
        *args,
        path: str,
        council: str,
        dry_run: bool,
        replace: bool,
        as_json: bool = False,
        **options,
    ):
        try:
            target = council_by_slug(council)
        except UnknownCouncil as problem:
            raise CommandError(str(problem)) from None
        try:
            report = import_notice_file(
                council=target,
                data=_read(Path(path)),
                filename=Path(path).name,
                by=None,
                replace=replace,
                dry_run=dry_run,
            )
        except DraftAlreadyExists as problem:
            raise CommandError(f"{problem} Run again with --replace to replace it.") from None
        except ImportRefused as problem:
            raise CommandError(f"{problem} Nothing was imported.") from None
        if as_json:
            document = report_json(report, nation=target.nation)
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            self.stdout.write("\n".join(report.lines()))


def _read(path: Path) -> bytes:
    """The file's bytes, refusing before reading one that is not a file or is over the limit."""
    if not path.is_file():
        raise CommandError(f"There is no file at {path}.")
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise CommandError(
            f"{path.name} is {size / 1_048_576:.1f} MB; the limit is "
            f"{MAX_IMPORT_BYTES // 1_048_576} MB. A notice is far smaller: check it is the right "
            "file. Nothing was imported."
        )
    try:
        return path.read_bytes()
    except OSError as problem:
        raise CommandError(f"Could not read {path}: {problem.strerror}.") from None
