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
from notices.models import IcoItem, Notice, RetentionPeriod
from notices.publishing.checklist import Completeness

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
        lines += [f"To complete: {item}" for item in self.to_complete]
        lines += [f"To check: {item}" for item in self.to_check]
        missing = self.missing_items
        lines.append(
            "ICO checklist items still missing: " + (", ".join(missing) if missing else "none")
        )
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines


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
