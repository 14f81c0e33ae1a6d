"""What parsing proposes: the sections, library matches, retention periods, contacts and shared
text alignments of an imported notice, as frozen records for the drafting step and the report.
"""

from __future__ import annotations

from dataclasses import dataclass

from notices.publishing.diffing.results import TextDiff

# --- The result -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportedSection:
    heading: str
    body: str  # Markdown; headings inside it start one level below the section's own (###)
    ico_item: str  # an IcoItem value: the checklist item it most likely answers ("other" if none)
    ico_reason: str  # why, in a few words: 'heading mentions "share"'


@dataclass(frozen=True)
class LibraryMatch:
    text: str  # the list item (or table row's first cell) as the document says it
    slug: str | None  # the library item it matches, or None: a proposal, never added to the library
    detail: (
        str  # what the council says about it: NoticeDataCategory.detail / NoticeRecipient.purpose
    )
    name: str = ""  # the name part of `text`, before any " – ", ":" or "(": a proposal's name
    frequency: str = ""  # recipients: a NoticeRecipient.Frequency value when the text says, or ""


@dataclass(frozen=True)
class ImportedRetention:
    text: str  # the sentence, list item or table row it came from
    record_type: str  # "Looked-after children's case records"; "" when the text does not say
    trigger: str  # a RetentionPeriod.Trigger value
    years: int
    months: int
    is_minimum: bool
    record_kind: str | None  # a RecordKind slug when the record type matches the library


@dataclass(frozen=True)
class FoundContacts:
    controller_email: str = ""
    controller_phone: str = ""
    controller_address: str = ""
    dpo_name: str = ""
    dpo_email: str = ""
    dpo_phone: str = ""
    dpo_address: str = ""
    ico_registration_number: str = ""


@dataclass(frozen=True)
class SharedTextMatch:
    heading: str  # the imported section's heading
    imported_text: str  # its body
    block_part_heading: str  # the shared block part it corresponds to ("" for the whole block)
    drift: (
        TextDiff  # markdown_diff(block text, imported text): the council's copy against the block
    )
    has_drifted: bool  # any real difference
    reason: str = ""  # why it was recognised: 'heading like "The National Pupil Database"'


@dataclass(frozen=True)
class ParsedNotice:
    title: str
    introduction: str  # text before the first section heading
    young_people_summary: str  # the body of a section written for children and young people
    sections: tuple[ImportedSection, ...]  # in document order, without the shared DfE text
    data_categories: tuple[LibraryMatch, ...]
    recipients: tuple[LibraryMatch, ...]
    retention_periods: tuple[ImportedRetention, ...]
    lawful_bases: tuple[str, ...]  # LawfulBasis.Provision values cited, in order, no repeats
    contacts: FoundContacts
    shared_text: tuple[SharedTextMatch, ...]
    has_headings: bool  # False when the document had no headings at all
