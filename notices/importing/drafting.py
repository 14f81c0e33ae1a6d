"""Import: a council's existing notice (a file) becomes the draft of its notice here, with a report.

Reading turns the file into Markdown (notices.importing.reading); parsing finds the sections,
library items, retention periods, lawful bases, contacts and the shared DfE text in it
(notices.importing.parsing); this module writes the draft and says what it did. It never
publishes, never changes the council's own details (they are public at once; the report lists the
contacts it found instead), never adds to the shared libraries (unmatched items are proposals),
and never replaces an existing draft unless told to. A dry run does everything in a transaction
that is then rolled back, so its report is exactly what the import would do.
"""

from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils.text import capfirst

from councils.models import Council
from notices.importing.isolation import IsolatedRefusal, run_isolated
from notices.importing.national_blocks import current_block_snapshot
from notices.importing.parsing import (
    FoundContacts,
    LibraryItem,
    LibraryMatch,
    ParsedNotice,
    parse_notice,
)
from notices.importing.reading import ReadDocument, UnreadableDocument, read_document
from notices.importing.validation import content_problems
from notices.models import (
    DataCategory,
    IcoItem,
    LawfulBasis,
    Notice,
    NoticeKind,
    NoticeRecipient,
    Recipient,
    RecordKind,
    RetentionPeriod,
)
from notices.publishing import audit
from notices.publishing.checklist import Completeness, check_completeness
from notices.publishing.diffing.results import DELETE, EQUAL, INSERT, TextDiff
from notices.publishing.drafts import lock_draft
from notices.publishing.restoring import write_draft_content
from notices.publishing.snapshots import notice_snapshot
from notices.text.anchors import anchor_from_heading, unique_anchor

# A notice's title when the document states none.
DEFAULT_TITLE = "Children's social care privacy notice"
# How the report names a retention period whose records the document does not name.
UNNAMED_RECORDS = "Records the file does not name"
# Far more headings than any notice has; more means the file is not a notice, and parsing it
# would only be slow.
MAX_HEADINGS = 300


class ImportRefused(Exception):
    """The import cannot go ahead; the message says why and what to do. Nothing was written."""


class DraftAlreadyExists(ImportRefused):
    """The council has a draft already, and the import was not told to replace it."""


class _DryRunDone(Exception):
    """Rolls back a dry run's transaction."""


@dataclass(frozen=True)
class FoundContact:
    """A contact detail the document states, beside what the council's record holds."""

    label: str
    found: str
    on_record: str

    @property
    def differs(self) -> bool:
        return self.found.strip().casefold() != self.on_record.strip().casefold()


@dataclass
class ImportReport:
    council: Council
    filename: str
    format: str
    dry_run: bool
    replaced: bool
    created_notice: bool
    reading_notes: tuple[str, ...]
    parsed: ParsedNotice
    completeness: Completeness | None  # of the draft as written; set once it is
    notice: Notice | None = None
    # Library items named in the document that are not in the shared library.
    category_proposals: tuple[LibraryMatch, ...] = ()
    recipient_proposals: tuple[LibraryMatch, ...] = ()
    contacts: tuple[FoundContact, ...] = ()
    # Things the draft needs a person to check before it can be published.
    to_check: list[str] = field(default_factory=list)
    # The file's text that went into no section, DfE part or field, verbatim.
    not_imported: tuple[str, ...] = ()

    @property
    def missing_items(self) -> list[str]:
        return [result.label for result in self.completeness.missing] if self.completeness else []

    @property
    def sections(self) -> list[tuple[str, str, str]]:
        """(heading, checklist item's label, why) for each section, in order."""
        return [
            (section.heading, IcoItem(section.ico_item).label, section.ico_reason)
            for section in self.parsed.sections
        ]

    @property
    def retention(self) -> list[str]:
        """Each retention period read, in words."""
        return [
            f"{period.record_type or UNNAMED_RECORDS}: {_period_words(period)}"
            + (f" (kind of record: {period.record_kind})" if period.record_kind else "")
            for period in self.parsed.retention_periods
        ]

    def lines(self) -> list[str]:
        """The report as plain text, for the command line."""
        parsed = self.parsed
        verb = "Would import" if self.dry_run else "Imported"
        lines = [
            f"{verb} {self.filename} ({self.format}) into the draft of {self.council.name}'s "
            f"notice{' (replacing the draft)' if self.replaced else ''}.",
        ]
        lines += [f"  Note: {note}" for note in self.reading_notes]
        lines.append(f"Title: {parsed.title or DEFAULT_TITLE}")
        lines.append(
            "Young people's summary: "
            + ("found" if parsed.young_people_summary else "not found: write one before publishing")
        )
        lines.append(f"Sections found ({len(parsed.sections)}), in order:")
        lines += [
            f"  {number}. {heading}  [{item}: {reason}]"
            for number, (heading, item, reason) in enumerate(self.sections, start=1)
        ]
        for noun, matches, proposals in (
            ("Data categories", parsed.data_categories, self.category_proposals),
            ("Recipients", parsed.recipients, self.recipient_proposals),
        ):
            matched = [match for match in matches if match.slug]
            lines.append(f"{noun} matched to the shared library ({len(matched)}):")
            lines += [f"  {match.name or match.text} -> {match.slug}" for match in matched]
            if proposals:
                lines.append(f"{noun} not in the shared library, proposed, not added:")
                lines += [f"  {match.text}" for match in proposals]
        lines.append(f"Retention periods read ({len(parsed.retention_periods)}):")
        lines += [f"  {period}" for period in self.retention]
        if parsed.lawful_bases:
            lines.append("Lawful bases named: " + ", ".join(parsed.lawful_bases))
        if self.contacts:
            lines.append("Contacts found (the council's record is not changed by an import):")
            lines += [
                f"  {contact.label}: {contact.found}"
                + (f" (on record: {contact.on_record or 'nothing'})" if contact.differs else "")
                for contact in self.contacts
            ]
        if parsed.shared_text:
            lines.append("Shared DfE/NPD text recognised (the shared block is used instead):")
            for match in parsed.shared_text:
                if not match.block_part_heading:
                    lines.append(f"  {match.heading}: only in the council's copy, like no part")
                    continue
                state = "differs from" if match.has_drifted else "same as"
                lines.append(
                    f'  {match.heading}: {state} the block\'s "{match.block_part_heading}"'
                )
                lines += [f"    {line}" for line in drift_lines(match.drift)]
                lines += [f"    {line}" for line in drift_sentences(match.drift)]
        if self.not_imported:
            lines.append(f"Not imported ({len(self.not_imported)} lines of the file), as written:")
            lines += [f"  {text}" for text in self.not_imported]
        lines += [f"To check: {item}" for item in self.to_check]
        missing = self.missing_items
        lines.append(
            "ICO checklist items still missing: " + (", ".join(missing) if missing else "none")
        )
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines


def import_notice_file(
    *,
    council: Council,
    data: bytes,
    filename: str,
    by: AbstractBaseUser | None,
    replace: bool = False,
    dry_run: bool = False,
    kind: str = NoticeKind.CHILDRENS_SOCIAL_CARE,
) -> ImportReport:
    """Reads `data`, and writes what it says into the draft of the council's notice of `kind`
    (creating the notice if the council has none). Raises ImportRefused, with nothing written,
    when the file cannot be read, says nothing the site can use, or would replace an existing
    draft without `replace`."""
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
        contacts=_found_contacts(parsed.contacts, council),
    )
    try:
        with transaction.atomic():
            notice = _write_draft(council, kind, existing, parsed, report, by=by)
            report.completeness = check_completeness(notice_snapshot(notice))
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
) -> Notice:
    if existing is None:
        draft = Notice(council=council, kind=kind)
    else:
        draft = lock_draft(Notice, existing.pk)
    content = _draft_content(parsed, report)
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


def _draft_content(parsed: ParsedNotice, report: ImportReport) -> dict:
    """What the parse found, in the shape of a snapshot (see notices.publishing.snapshots)."""
    taken: set[str] = set()
    sections = []
    for section in parsed.sections:
        anchor = unique_anchor(anchor_from_heading(section.heading), taken=taken)
        taken.add(anchor)
        sections.append(
            {
                "heading": section.heading[:200],
                "anchor": anchor,
                "ico_item": section.ico_item,
                "body": section.body,
            }
        )
    recipients = _first_of_each(parsed.recipients)
    unsure = [match.name or match.text for match in recipients if not match.frequency]
    if unsure:
        report.to_check.append(
            "How often the council shares with "
            + ", ".join(unsure)
            + ": the file does not say, so 'Only when necessary' is set until someone checks it."
        )
    if any(not match.detail for match in recipients):
        report.to_check.append(
            "Why the council shares with each recipient: some have no reason yet."
        )
    bases = [
        provision
        for provision in parsed.lawful_bases
        if provision in LawfulBasis.NEEDS_SCHEDULE_1_CONDITION
    ]
    if bases:
        report.to_check.append(
            "The Data Protection Act 2018 Schedule 1 condition for "
            + ", ".join(LawfulBasis.Provision(provision).label for provision in bases)
            + ": the draft cannot be saved in the admin without it."
        )
    unnamed = [period for period in parsed.retention_periods if not period.record_type]
    if unnamed:
        # A placeholder would be published as the council's words: the row is left out instead.
        report.to_check.append(
            "Which records these retention periods are for (the file does not say, so they were "
            "not added): " + "; ".join(f"\u201c{period.text}\u201d" for period in unnamed)
        )
    if parsed.shared_text:
        report.to_check.append(
            "The notice's own copy of the DfE/NPD text was left out: the shared block is shown "
            "instead. The report compares them."
        )
    return {
        "notice": {
            "title": (parsed.title or DEFAULT_TITLE)[:200],
            "introduction": parsed.introduction,
            "young_people_summary": parsed.young_people_summary,
        },
        "sections": sections,
        "data_categories": [
            {"slug": match.slug, "name": match.name or match.text, "detail": match.detail[:5000]}
            for match in _first_of_each(parsed.data_categories)
        ],
        "recipients": [
            {
                "slug": match.slug,
                "name": match.name or match.text,
                "purpose": match.detail[:5000],
                "frequency": match.frequency or NoticeRecipient.Frequency.WHEN_NECESSARY,
            }
            for match in recipients
        ],
        "lawful_bases": [
            {
                "provision": provision,
                "schedule_1_condition": "",
                "legislation": "",
                "explanation": "",
            }
            for provision in parsed.lawful_bases
        ],
        "retention_periods": [
            {
                "record_type": period.record_type[:200],
                "record_kind": period.record_kind,
                "trigger": period.trigger,
                "years": period.years,
                "months": period.months,
                "is_minimum": period.is_minimum,
                "source": "",
                "notes": f"Imported from: {period.text}"[:5000],
            }
            for period in parsed.retention_periods
            if period.record_type
        ],
    }


def _heading_count(markdown: str) -> int:
    return sum(1 for line in markdown.splitlines() if line.startswith("#"))


def _first_of_each(matches) -> list[LibraryMatch]:
    """Matched items, each library item once."""
    seen: set[str] = set()
    kept = []
    for match in matches:
        if match.slug and match.slug not in seen:
            seen.add(match.slug)
            kept.append(match)
    return kept


def _library(model) -> list[LibraryItem]:
    return [
        LibraryItem(slug=slug, name=name)
        for slug, name in model.objects.values_list("slug", "name")
    ]


def _found_contacts(found: FoundContacts, council: Council) -> tuple[FoundContact, ...]:
    """Each contact detail the file states, named as the council's own field is (the found
    details have the council's field names), beside what the council's record holds."""
    return tuple(
        FoundContact(
            capfirst(Council._meta.get_field(detail.name).verbose_name),
            getattr(found, detail.name),
            getattr(council, detail.name) or "",
        )
        for detail in dataclass_fields(found)
        if getattr(found, detail.name)
    )


def _period_words(period) -> str:
    """'at least 25 years from the child's date of birth', as the notice page would put it."""
    row = RetentionPeriod(
        trigger=period.trigger,
        years=period.years,
        months=period.months,
        is_minimum=period.is_minimum,
    )
    return f"{row.duration_display} from {row.get_trigger_display()}"


def drift_sentences(drift: TextDiff) -> list[str]:
    """Each difference in words: 'the council's copy says "..." where the shared block says
    "..."', or what the copy adds or leaves out. The diff runs from the block to the copy."""
    sentences = []
    for block in drift.blocks:
        if block.change == EQUAL:
            continue
        removed: list[str] = []
        added: list[str] = []
        for segment in (*block.segments, None):
            if segment is not None and segment.kind in (DELETE, INSERT):
                (removed if segment.kind == DELETE else added).append(segment.text)
                continue
            old, new = " ".join("".join(removed).split()), " ".join("".join(added).split())
            if old and new:
                sentences.append(
                    f'the council\'s copy says "{new}" where the shared block says "{old}"'
                )
            elif new:
                sentences.append(f'the council\'s copy adds "{new}"')
            elif old:
                sentences.append(f'the council\'s copy leaves out "{old}"')
            removed, added = [], []
    return sentences


def drift_lines(drift: TextDiff) -> list[str]:
    """A drift diff as text: each changed block with [-removed-] and {+added+} words."""
    marks = {DELETE: "[-{}-]", INSERT: "{{+{}+}}"}
    return [
        "".join(
            marks.get(segment.kind, "{}").format(segment.text) for segment in block.segments
        ).strip()
        for block in drift.blocks
        if block.change != EQUAL
    ]
