"""Import: a council's existing notice (a file) becomes the draft of its notice here, with a report.

Reading turns the file into Markdown (notices.importing.reading); parsing finds the sections,
library items, retention periods, lawful bases, contacts and the shared DfE text in it
(notices.importing.parsing); this module writes the draft and says what it did. It never
publishes, never changes the council's own details (they are public at once; the report lists the
contacts it found instead), never adds to the shared libraries (unmatched items are proposals),
and never replaces an existing draft unless told to. A dry run does everything in a transaction
that is then rolled back, so its report is exactly what the import would do.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from councils.models import Council
from notices.importing.draft_content import draft_content
from notices.importing.import_report import ImportReport, found_contacts
from notices.importing.isolation import IsolatedRefusal, run_isolated
from notices.importing.national_blocks import current_block_snapshot
from notices.importing.parsing import LibraryItem, ParsedNotice, parse_notice
from notices.importing.proposals import propose_library_entries
from notices.importing.reading import ReadDocument, UnreadableDocument, read_document
from notices.importing.validation import content_problems
from notices.models import (
    DataCategory,
    Notice,
    NoticeKind,
    Recipient,
    RecordKind,
)
from notices.publishing import audit
from notices.publishing.checklist import check_completeness
from notices.publishing.drafts import (
    DraftUnderReviewError,
    ensure_not_under_review,
    ensure_unchanged_since,
    lock_draft,
)
from notices.publishing.restoring import write_draft_content
from notices.publishing.snapshots import notice_snapshot

# Far more headings than any notice has; more means the file is not a notice, and parsing it
# would only be slow.
MAX_HEADINGS = 300


class ImportRefused(Exception):
    """The import cannot go ahead; the message says why and what to do. Nothing was written."""


class DraftAlreadyExists(ImportRefused):
    """The council has a draft already, and the import was not told to replace it."""


class _DryRunDone(Exception):
    """Rolls back a dry run's transaction."""


def import_notice_file(
    *,
    council: Council,
    data: bytes,
    filename: str,
    by: AbstractBaseUser | None,
    replace: bool = False,
    dry_run: bool = False,
    kind: str = NoticeKind.CHILDRENS_SOCIAL_CARE,
    opened_revision: int | None = None,
) -> ImportReport:
    """Reads `data`, and writes what it says into the draft of the council's notice of `kind`
    (creating the notice if the council has none). Raises ImportRefused, with nothing written,
    when the file cannot be read, says nothing the site can use, or would replace an existing
    draft without `replace`; and DraftChangedError when the draft was saved since
    `opened_revision` (the revision the person reviewed the import against)."""
    libraries = {
        "data_categories": _library(DataCategory),
        "recipients": _library(Recipient),
        "record_kinds": _library(RecordKind),
        # The council's own nation's block: a Welsh notice's national text is the Welsh
        # Government's, aligned with that block and never with England's.
        "shared_block": current_block_snapshot(kind=kind, nation=council.nation),
    }
    try:
        # The file is read in a child process with CPU, memory and time limits.
        document, parsed = run_isolated(
            read_and_parse, data, filename, libraries, passed_back=(UnreadableDocument,)
        )
    except IsolatedRefusal as problem:
        raise ImportRefused(str(problem)) from None
    if not parsed.has_headings:
        raise ImportRefused(
            "No headings were found in this document, so it cannot be split into sections. "
            "Give each part of the notice a heading (a short line of its own, or Word's Heading "
            "styles) and try again."
        )
    if not parsed.sections and not parsed.shared_text:
        raise ImportRefused("No sections were found in this document: there is nothing to import.")

    existing = Notice.objects.filter(council=council, kind=kind).first()
    if existing is not None and not replace:
        raise DraftAlreadyExists(
            f"{council.name} already has a draft of this notice. Importing replaces the draft's "
            "title, texts, sections and rows (published versions are kept as they are). Nothing "
            "was imported."
        )
    report = ImportReport(
        council=council,
        filename=filename,
        format=document.format,
        dry_run=dry_run,
        replaced=existing is not None,
        created_notice=existing is None,
        reading_notes=document.notes,
        not_imported=document.left_out,
        parsed=parsed,
        completeness=None,
        category_proposals=tuple(m for m in parsed.data_categories if not m.slug),
        recipient_proposals=tuple(m for m in parsed.recipients if not m.slug),
        contacts=found_contacts(parsed.contacts, council),
        source_markdown=document.markdown,
        library_names={
            library: {item.slug: item.name for item in libraries[library]}
            for library in ("data_categories", "recipients", "record_kinds")
        },
    )
    try:
        with transaction.atomic():
            notice = _write_draft(
                council, kind, existing, parsed, report, by=by, opened_revision=opened_revision
            )
            report.draft = notice_snapshot(notice)
            report.completeness = check_completeness(report.draft)
            # Rolled back with the rest on a dry run, so a preview asks nobody anything.
            report.proposed = len(propose_library_entries(notice=notice, parsed=parsed, by=by))
            if dry_run:
                raise _DryRunDone
    except _DryRunDone:
        return report
    report.notice = notice
    return report


def read_and_parse(
    data: bytes, filename: str, libraries: dict
) -> tuple[ReadDocument, ParsedNotice]:
    """The file read and parsed, with no database: run in the import's child process."""
    document = read_document(data, filename)
    if _heading_count(document.markdown) > MAX_HEADINGS:
        raise UnreadableDocument(
            f"This document has more than {MAX_HEADINGS} headings, far more than a notice has. "
            "Check it is the right file."
        )
    return document, parse_notice(document.markdown, title=document.title, **libraries)


def _write_draft(
    council: Council,
    kind: str,
    existing: Notice | None,
    parsed: ParsedNotice,
    report: ImportReport,
    *,
    by: AbstractBaseUser | None,
    opened_revision: int | None,
) -> Notice:
    if existing is None:
        draft = Notice(council=council, kind=kind)
    else:
        draft = lock_draft(Notice, existing.pk)
        ensure_unchanged_since(draft, opened_revision)
        try:
            ensure_not_under_review(draft)
        except DraftUnderReviewError as locked:
            raise ImportRefused(str(locked)) from None
    content = draft_content(parsed=parsed, to_check=report.to_check)
    problems = content_problems(content)
    if problems:  # the model's own validators, as an admin edit meets them
        raise ImportRefused(" ".join(problems[:5]) + " Nothing was written.")
    not_written = write_draft_content(draft, content, by=by)
    report.to_check += not_written
    summary = (
        f"Imported from {report.filename}: {len(parsed.sections)} sections"
        + (", replacing the draft" if existing is not None else "")
        + "."
    )
    audit.record_draft_saved(draft=draft, by=by, summary=summary, created=existing is None)
    return draft


def _heading_count(markdown: str) -> int:
    return sum(1 for line in markdown.splitlines() if line.startswith("#"))


def _library(model) -> list[LibraryItem]:
    return [
        LibraryItem(slug=slug, name=name)
        for slug, name in model.objects.values_list("slug", "name")
    ]
