"""The report of an import: what was read, what went where, and what a person must still check.
Plain text for the command line (`lines`); the admin's review screen and the JSON report read
the same object."""

from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields

from django.utils.text import capfirst

from councils.models import Council
from notices.importing.draft_content import DEFAULT_TITLE
from notices.importing.drift_words import drift_lines, drift_sentences
from notices.importing.parsed import FoundContacts, LibraryMatch, ParsedNotice
from notices.models import IcoItem, LawfulBasis, Notice, RetentionPeriod
from notices.publishing.checklist import Completeness
from notices.publishing.diffing.results import TextDiff

# How the report names a retention period whose records the document does not name.
UNNAMED_RECORDS = "Records the file does not name"


@dataclass(frozen=True)
class FoundContact:
    """A contact detail the document states, beside what the council's record holds."""

    label: str
    found: str
    on_record: str

    @property
    def differs(self) -> bool:
        return self.found.strip().casefold() != self.on_record.strip().casefold()


@dataclass(frozen=True)
class LibraryLine:
    """One data category or recipient the file names: its words, and the library entry's name
    it was matched to ("" when it is proposed instead)."""

    found: str
    library_name: str
    detail: str


@dataclass(frozen=True)
class NationalPart:
    """A part of the file recognised as the DfE's own text, and how it compares with the part
    of the shared block it is aligned to."""

    heading: str
    aligned_to: str  # the shared block part's heading, "" when it is like no part
    has_drifted: bool
    changes: tuple[str, ...]  # drift_lines
    says: tuple[str, ...]  # drift_sentences
    drift: TextDiff | None = None  # the block's part against the council's copy, for the screen

    @property
    def state(self) -> str:
        if not self.aligned_to:
            return "only in the council's copy, like no part of the shared block"
        if self.has_drifted:
            return f"reworded: differs from the shared block's \u201c{self.aligned_to}\u201d"
        return f"identical to the shared block's \u201c{self.aligned_to}\u201d"


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
    # The file as read, in Markdown: the review screen's left-hand side.
    source_markdown: str = ""
    # Each library's entries, slug to name, so that the report names them as people do.
    library_names: dict[str, dict[str, str]] = field(default_factory=dict)
    # The draft as written (a notice snapshot), and how many library entries were proposed.
    draft: dict | None = None
    proposed: int = 0

    @property
    def title(self) -> str:
        return self.parsed.title or DEFAULT_TITLE

    @property
    def missing_items(self) -> list[str]:
        """The ICO checklist items the draft does not cover."""
        if not self.completeness:
            return []
        return [result.label for result in self.completeness.missing_ico_items]

    @property
    def to_complete(self) -> list[str]:
        """What the file did not say and the draft leaves blank, naming each row: a publisher
        fills these in before publishing."""
        if not self.completeness:
            return []
        return [f"{gap.label}: {gap.reason}" for gap in self.completeness.to_complete]

    @property
    def sections(self) -> list[tuple[str, str, str]]:
        """(heading, checklist item's label, why) for each section, in order."""
        return [
            (section.heading, IcoItem(section.ico_item).label, section.ico_reason)
            for section in self.parsed.sections
        ]

    @property
    def data_categories(self) -> list[LibraryLine]:
        return self._library_lines(self.parsed.data_categories, "data_categories")

    @property
    def recipients(self) -> list[LibraryLine]:
        return self._library_lines(self.parsed.recipients, "recipients")

    @property
    def record_kind_proposals(self) -> list[str]:
        """Records the file names a retention period for that no shared kind of record fits."""
        return list(
            dict.fromkeys(
                period.record_type
                for period in self.parsed.retention_periods
                if period.record_type and not period.record_kind
            )
        )

    @property
    def lawful_bases(self) -> list[str]:
        """Each provision cited, by its name: 'Article 6(1)(e): public task'."""
        return [LawfulBasis.Provision(code).label for code in self.parsed.lawful_bases]

    @property
    def retention(self) -> list[str]:
        """Each retention period read, in words."""
        kinds = self.library_names.get("record_kinds", {})
        return [
            f"{period.record_type or UNNAMED_RECORDS}: {_period_words(period)}"
            + (
                f" (kind of record: {kinds.get(period.record_kind, period.record_kind)})"
                if period.record_kind
                else ""
            )
            for period in self.parsed.retention_periods
        ]

    @property
    def national_parts(self) -> list[NationalPart]:
        return [
            NationalPart(
                heading=match.heading,
                aligned_to=match.block_part_heading,
                has_drifted=bool(match.block_part_heading) and match.has_drifted,
                changes=tuple(drift_lines(match.drift)) if match.block_part_heading else (),
                says=tuple(drift_sentences(match.drift)) if match.block_part_heading else (),
                drift=match.drift if match.block_part_heading else None,
            )
            for match in self.parsed.shared_text
        ]

    @property
    def proposals_words(self) -> str:
        """What happened to the unmatched names: true of a preview and of an import."""
        if self.dry_run:
            return "not in the shared library: creating the draft proposes them to a national admin"
        return "not in the shared library: proposed to a national admin, not added"

    def lines(self) -> list[str]:
        """The report as plain text, for the command line: what the admin's review screen
        shows, in the same order."""
        parsed = self.parsed
        verb = "Would import" if self.dry_run else "Imported"
        lines = [
            f"{verb} {self.filename} ({self.format}) into the draft of {self.council.name}'s "
            f"notice{' (replacing the draft)' if self.replaced else ''}.",
        ]
        lines += [f"  Note: {note}" for note in self.reading_notes]
        lines.append(f"Title: {self.title}")
        lines.append("Introduction: " + ("found" if parsed.introduction else "not found"))
        lines.append(
            "Young people's summary: " + ("found" if parsed.young_people_summary else "not found")
        )
        lines.append(f"Sections found ({len(parsed.sections)}), in order:")
        lines += [
            f"  {number}. {heading}  [{item}: {reason}]"
            for number, (heading, item, reason) in enumerate(self.sections, start=1)
        ]
        for noun, found, proposals in (
            ("Data categories", self.data_categories, self.category_proposals),
            ("Recipients", self.recipients, self.recipient_proposals),
        ):
            matched = [line for line in found if line.library_name]
            lines.append(f"{noun} matched to the shared library ({len(matched)}):")
            lines += [f"  {line.found} -> {line.library_name}" for line in matched]
            if proposals:
                lines.append(f"{noun} {self.proposals_words}:")
                lines += [f"  {match.text}" for match in proposals]
        lines.append(f"Retention periods read ({len(parsed.retention_periods)}):")
        lines += [f"  {period}" for period in self.retention]
        if self.record_kind_proposals:
            lines.append(f"Kinds of record {self.proposals_words}:")
            lines += [f"  {name}" for name in self.record_kind_proposals]
        if self.lawful_bases:
            lines.append("Lawful bases named: " + "; ".join(self.lawful_bases))
        if self.contacts:
            lines.append("Contacts found (the council's record is not changed by an import):")
            lines += [
                f"  {contact.label}: {contact.found}"
                + (f" (on record: {contact.on_record or 'nothing'})" if contact.differs else "")
                for contact in self.contacts
            ]
        if self.national_parts:
            lines.append("Shared DfE/NPD text recognised (the shared block is used instead):")
            for part in self.national_parts:
                lines.append(f"  {part.heading}: {part.state}")
                lines += [f"    {line}" for line in (*part.changes, *part.says)]
        if self.not_imported:
            lines.append(f"Not imported ({len(self.not_imported)} lines of the file), as written:")
            lines += [f"  {text}" for text in self.not_imported]
        lines += [f"To complete: {item}" for item in self.to_complete]
        lines += [f"To check: {item}" for item in self.to_check]
        missing = self.missing_items
        lines.append(
            "ICO checklist items still missing: " + (", ".join(missing) if missing else "none")
        )
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines

    def _library_lines(self, matches, library: str) -> list[LibraryLine]:
        names = self.library_names.get(library, {})
        return [
            LibraryLine(
                found=match.name or match.text,
                library_name=names.get(match.slug, match.name or match.text) if match.slug else "",
                detail=match.detail,
            )
            for match in matches
        ]


def found_contacts(found: FoundContacts, council: Council) -> tuple[FoundContact, ...]:
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
