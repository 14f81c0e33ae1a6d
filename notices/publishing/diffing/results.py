"""What a comparison gives: a tree of frozen dataclasses made of plain strings, numbers and
tuples, which `templates/notices/_notice_diff.html` renders with auto-escaping. Nothing in the diff
produces HTML."""

from __future__ import annotations

from dataclasses import dataclass

# Segment and block changes.
EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"

# Block kinds.
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
HEADING = "heading"
TABLE_ROW = "table_row"

# Part (section / shared block part) and list item statuses.
ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
MOVED = "moved"
UNCHANGED = "unchanged"


# --- The result -----------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeSide:
    """One side of a comparison: a notice version (or the draft) and the shared block it embeds."""

    snapshot: dict
    block: dict | None
    label: str  # how the page names this side, e.g. "version 2" or "the draft"


@dataclass(frozen=True)
class Segment:
    """A run of words that is the same on both sides, or only in the new one, or only the old."""

    kind: str  # EQUAL | INSERT | DELETE
    text: str


@dataclass(frozen=True)
class BlockDiff:
    """One paragraph, list item, heading or table row of a text, and how it changed."""

    kind: str  # PARAGRAPH | LIST_ITEM | HEADING | TABLE_ROW
    change: str  # EQUAL | INSERT (a new block) | DELETE (a removed block) | CHANGED (word diff)
    segments: tuple[Segment, ...]
    ordered: bool = False  # a numbered list item

    @property
    def tag(self) -> str:
        """The HTML element the partial wraps the block in (a fixed name, never staff text)."""
        return {LIST_ITEM: "li", HEADING: "h4"}.get(self.kind, "p")


@dataclass(frozen=True)
class BlockGroup:
    """Consecutive blocks as the partial lays them out: one list, one block, or a gap standing
    for unchanged blocks left out."""

    list_tag: str  # "ul" or "ol" for a run of list items, "" otherwise
    blocks: tuple[BlockDiff, ...]
    hidden: int = 0  # for a gap: how many unchanged blocks it stands for


@dataclass(frozen=True)
class TextDiff:
    """A text (Markdown or plain) compared block by block, and word by word inside blocks."""

    blocks: tuple[BlockDiff, ...]  # every block, in reading order
    groups: tuple[BlockGroup, ...]  # what the partial shows: unchanged runs shortened
    has_changes: bool  # False when only the Markdown formatting differs


@dataclass(frozen=True)
class FieldChange:
    """One field that changed: a readable name and both values, as reading text."""

    name: str
    old: str
    new: str
    segments: tuple[Segment, ...] = ()  # word diff for long text; () means show "from X to Y"


@dataclass(frozen=True)
class PartDiff:
    """A notice section or shared block part (or the title or an introduction) and its change."""

    status: str  # ADDED | REMOVED | CHANGED | MOVED | UNCHANGED (changed and moved: CHANGED)
    heading: str  # as the new side has it; the old side's when removed
    anchor: str
    tags: tuple[str, ...]  # status words shown on the page: ("Changed", "Moved")
    is_moved: bool
    old_position: int | None  # 1-based; None when added
    new_position: int | None  # 1-based; None when removed
    old_heading: str
    heading_change: tuple[Segment, ...]  # word diff of the heading; () when it is the same
    field_changes: tuple[FieldChange, ...]  # e.g. the ICO checklist item
    body: TextDiff | None  # None when the body is the same
    formatting_only: bool  # the body's Markdown changed but its reading text did not


@dataclass(frozen=True)
class PartsDiff:
    """Every section (or part) of both sides: the new side's order, removed ones where they were."""

    parts: tuple[PartDiff, ...]
    changed_parts: tuple[PartDiff, ...]  # the ones with any change, same order
    unchanged: tuple[PartDiff, ...]
    added: int
    removed: int
    changed: int  # changed in heading, ICO item or text (moved or not)
    moved: int
    has_changes: bool


@dataclass(frozen=True)
class ItemChange:
    """A data category, recipient, lawful basis or retention period added, removed or changed."""

    status: str  # ADDED | REMOVED | CHANGED
    label: str
    fields: tuple[FieldChange, ...]  # what changed (changed items)
    details: tuple[tuple[str, str], ...]  # (field name, value) of an added or removed item

    @property
    def status_label(self) -> str:
        return self.status.capitalize()


@dataclass(frozen=True)
class ListDiff:
    """One of the notice's structured lists, compared item by item."""

    key: str  # the snapshot key, e.g. "recipients"
    heading: str  # as the notice page heads it, e.g. "Who we share it with"
    items: tuple[ItemChange, ...]  # new order, removed items where they were
    added: tuple[ItemChange, ...]
    removed: tuple[ItemChange, ...]
    changed: tuple[ItemChange, ...]
    reordered: bool  # the items both sides share are in a different order
    has_changes: bool


@dataclass(frozen=True)
class SharedBlockDiff:
    """The shared national block (the Department for Education's, the Welsh Government's...)
    each side embeds."""

    status: str  # "none" (neither side has one) | ADDED | REMOVED | CHANGED | UNCHANGED
    old_title: str
    new_title: str
    title: TextDiff | None
    introduction: TextDiff | None
    parts: PartsDiff
    has_changes: bool
    heading: str = "Department for Education section"  # names the block's own body


@dataclass(frozen=True)
class DiffGroup:
    """One h2 group of the partial: text parts, structured lists or contact details."""

    heading: str
    notes: tuple[str, ...]  # plain sentences shown under the heading
    parts: tuple[PartDiff, ...]  # shown in full
    unchanged: tuple[str, ...]  # headings of unchanged parts, listed collapsed
    part_noun: str  # "section" or "part": what the parts are called in sentences
    lists: tuple[ListDiff, ...]
    contacts: tuple[FieldChange, ...]


@dataclass(frozen=True)
class NoticeDiff:
    """Everything that changed between two sides; `has_changes` is False when they read the same
    (anchors, review dates and other things a reader does not see are not compared)."""

    old_label: str
    new_label: str
    has_changes: bool
    summary: tuple[str, ...]  # short sentences, e.g. "1 recipient removed: Police"
    title: TextDiff | None  # None when unchanged
    introduction: TextDiff | None
    young_people_summary: TextDiff | None
    sections: PartsDiff
    data_categories: ListDiff
    recipients: ListDiff
    lawful_bases: ListDiff
    retention_periods: ListDiff
    contacts: tuple[FieldChange, ...]
    shared_block: SharedBlockDiff
    groups: tuple[DiffGroup, ...]  # what the partial shows, in the notice page's order

    @property
    def lists(self) -> tuple[ListDiff, ...]:
        return (self.data_categories, self.recipients, self.lawful_bases, self.retention_periods)
