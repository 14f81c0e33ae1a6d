"""What changed between two versions of a notice, section by section and word by word.

Used by the public compare page and by the staff publish page (draft against current version).
The inputs are snapshots (see notices.publishing.snapshots); the output is a tree of frozen
dataclasses made of plain strings, numbers and tuples, which `templates/notices/_notice_diff.html`
renders with auto-escaping: nothing here produces HTML.

Speed matters (a 60-section notice must diff in well under 100 ms), so Markdown bodies are never
rendered: they are cut into text blocks (paragraphs, list items, headings, table rows) and their
inline markup is stripped to reading text with a few regular expressions. Equal text is compared
as strings and never parsed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from notices.text.markdown import REMOVED_WITH_CONTENT
from notices.text.markdown_lines import SETEXT_UNDERLINE, TABLE_SEPARATOR, THEMATIC_BREAK

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

# Replaced blocks at least this alike (difflib ratio of their words) are diffed word by word;
# less alike, the old block is shown deleted and the new one inserted.
SIMILAR_BLOCK_RATIO = 0.4
# Unchanged blocks shown either side of a change inside a changed text; longer unchanged runs
# are summed up as a count.
CONTEXT_BLOCKS = 1
# How far ahead, in a replaced run of blocks, an old block looks for its new counterpart: bounds
# the work when a whole text is rewritten.
PAIRING_WINDOW = 6
# Names listed in one summary sentence before "and N more".
SUMMARY_NAMES = 5

BLOCK_HEADING = "Department for Education section"


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
    """The shared (Department for Education) block each side embeds."""

    status: str  # "none" (neither side has one) | ADDED | REMOVED | CHANGED | UNCHANGED
    old_title: str
    new_title: str
    title: TextDiff | None
    introduction: TextDiff | None
    parts: PartsDiff
    has_changes: bool


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


# --- Markdown to text blocks ----------------------------------------------------------------


@dataclass(frozen=True)
class TextBlock:
    """A paragraph, list item, heading or table row of a Markdown text, as reading text."""

    kind: str
    text: str
    ordered: bool = False


# What a line that starts a heading, list item, rule or table (or underlines a heading) may
# start with; other lines carry on the paragraph or list item being read.
_BLOCK_MARKERS = frozenset("#-*+_=[0123456789")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_ATX = re.compile(r"^(#{1,6})(.*?)#*[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|(\d{1,9})[.)])(?:[ \t]+(.*)|[ \t]*$)")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
# A table cell: code spans and escaped characters may hold a "|" that does not end the cell.
_CELL = re.compile(r"(?:`[^`]*`|\\.|[^|`\\]|`)*")


def markdown_blocks(text: str) -> list[TextBlock]:
    """Cut Markdown into reading-text blocks, the way Python-Markdown would cut it into elements,
    near enough for a diff: paragraphs, list items, headings and table rows."""
    blocks: list[TextBlock] = []
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    current: list[str] = []  # lines of the paragraph or list item being read
    current_kind = PARAGRAPH
    current_ordered = False
    in_table = False

    def close() -> None:
        nonlocal current, current_kind, current_ordered
        if current:
            reading = reading_text(" ".join(current))
            if reading:
                blocks.append(TextBlock(current_kind, reading, current_ordered))
        current, current_kind, current_ordered = [], PARAGRAPH, False

    was_quote = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        is_quote = stripped.startswith(">") and bool(_QUOTE.match(line))
        if is_quote:  # a quotation reads as its text, in its own blocks
            while _QUOTE.match(line):
                line = _QUOTE.sub("", line, count=1)
            stripped = line.strip()
        if is_quote != was_quote:
            close()
        was_quote = is_quote
        if not stripped:
            close()
            in_table = False
            continue
        if stripped[0] not in _BLOCK_MARKERS and not in_table and "|" not in line:
            current.append(stripped)  # most lines: more of the paragraph or list item
            continue
        if in_table or (
            not current
            and "|" in line
            and index + 1 < len(lines)
            and "|" in lines[index + 1]
            and TABLE_SEPARATOR.match(lines[index + 1])
        ):
            close()
            in_table = True
            if not TABLE_SEPARATOR.match(line):
                cells = _table_cells(line)
                if any(cells):
                    blocks.append(TextBlock(TABLE_ROW, " ".join(" | ".join(cells).split())))
            continue
        if current and current_kind == PARAGRAPH and SETEXT_UNDERLINE.match(line):
            heading_line = current.pop()  # "Heading\n-------": the line above is a heading
            close()
            current, current_kind = [heading_line], HEADING
            close()
            continue
        if _REFERENCE_DEFINITION.match(line):
            continue  # "[id]: https://..." is not shown
        if THEMATIC_BREAK.match(line):
            close()
            continue
        heading = _ATX.match(line)
        if heading:
            close()
            current, current_kind = [heading.group(2)], HEADING
            close()
            continue
        item = _LIST_ITEM.match(line)
        if item:
            close()
            current = [item.group(2) or ""]
            current_kind, current_ordered = LIST_ITEM, item.group(1) is not None
            continue
        current.append(line.strip())
    close()
    return blocks


def _table_cells(row: str) -> list[str]:
    """A table row's cells as reading text; the row's outer pipes are optional."""
    row = row.strip()
    row = row.removeprefix("|")
    cells = []
    position = 0
    while position <= len(row):
        match = _CELL.match(row, position)
        cells.append(match.group())
        position = match.end() + 1  # past the "|"
    if cells and not cells[-1].strip():
        cells.pop()  # what followed the closing pipe
    return [reading_text(cell) for cell in cells]


_PLACEHOLDER = re.compile("\x00(\\d+)\x00")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>&])")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_REMOVED_ELEMENT = re.compile(
    r"<(" + "|".join(sorted(REMOVED_WITH_CONTENT)) + r")\b[^>]*>.*?</\1\s*>", re.S | re.I
)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto|tel):[^<>\s]+)>", re.I)
_EMAIL_AUTOLINK = re.compile(r"<([^<>\s@]+@[^<>\s@]+)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<![A-Za-z][^<>]*>|<\?[^<>]*>")
_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_LINK = re.compile(
    r"\[([^\[\]]*)\]\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)?)>?"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_EM_STAR = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*", re.S)
_EM_UNDERSCORE = re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)", re.S)


def reading_text(markdown: str) -> str:
    """Inline Markdown as a reader sees it: `**bold**` is "bold", `[text](url)` is
    "text (url)", raw HTML tags are gone. Text only: the result is escaped where it is shown."""
    if not markdown:
        return ""
    text = markdown.replace("\x00", "")
    kept: list[str] = []  # code spans and escaped characters, put back after the markup is gone

    def keep(value: str) -> str:
        kept.append(value)
        return f"\x00{len(kept) - 1}\x00"

    if "`" in text:
        text = _CODE_SPAN.sub(lambda m: keep(m.group(2).strip()), text)
    if "\\" in text:
        text = _ESCAPED.sub(lambda m: keep(m.group(1)), text)
    if "<" in text:
        text = _COMMENT.sub("", text)
        text = _REMOVED_ELEMENT.sub("", text)
        text = _AUTOLINK.sub(lambda m: keep(m.group(1)), text)
        text = _EMAIL_AUTOLINK.sub(lambda m: keep(m.group(1)), text)
        text = _TAG.sub("", text)
    if "[" in text:
        text = _IMAGE.sub("", text)  # the renderer does not allow images
        text = _LINK.sub(_link_text, text)
        text = _REFERENCE_LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _STRONG.sub(r"\2", text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDERSCORE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    if kept:
        # Twice: a kept autolink can hold a kept escape.
        for _ in range(2):
            text = _PLACEHOLDER.sub(lambda m: kept[int(m.group(1))], text)
    return " ".join(text.split())


def _link_text(match: re.Match) -> str:
    text, url = match.group(1).strip(), match.group(2)
    if not url:
        return text
    bare = url.removeprefix("mailto:").removeprefix("tel:")
    if not text or text in (url, bare):
        return bare
    return f"{text} ({url})"


def _plain_blocks(text: str) -> list[TextBlock]:
    """A plain-text field (a title, a heading) as one paragraph."""
    text = " ".join((text or "").split())
    return [TextBlock(PARAGRAPH, text)] if text else []


# --- Word and block diffs -------------------------------------------------------------------

# A token is a word or a punctuation mark, with the whitespace after it. Words are compared
# without their whitespace: a space is in nearly every position, and matching it would both
# make unlike sentences look alike and make difflib slow.
_TOKEN = re.compile(r"(^\s+|\w+(?:['’]\w+)*|[^\w\s])(\s*)")


@dataclass(frozen=True)
class _Tokens:
    words: list[str]  # the words and punctuation marks, compared
    spaces: list[str]  # the whitespace after each, kept for the text

    @classmethod
    def of(cls, text: str) -> _Tokens:
        pairs = _TOKEN.findall(text)
        return cls([word for word, _ in pairs], [space for _, space in pairs])

    def text(self, start: int, end: int) -> str:
        return "".join(map(str.__add__, self.words[start:end], self.spaces[start:end]))


def word_segments(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level diff of two strings: tokens are words, whitespace and punctuation marks.

    Joining the EQUAL and DELETE segments gives `old` back, and EQUAL and INSERT `new`, except
    that where both sides have the same words with different whitespace between them, the new
    side's whitespace is used: a diff of reading text does not mark changed spacing."""
    if old == new:
        return (Segment(EQUAL, old),) if old else ()
    a, b = _Tokens.of(old), _Tokens.of(new)
    return _segments_from(a, b, _word_opcodes(a.words, b.words, None) or [])


def _word_opcodes(a: list[str], b: list[str], threshold: float | None) -> list[tuple] | None:
    """difflib opcodes from `a` to `b`, or None when their likeness (difflib's ratio) is at most
    `threshold`. The common head and tail are matched first, by hand: an edited paragraph is
    mostly those, and difflib is slow on long runs of common words."""
    size, limit = len(a) + len(b), min(len(a), len(b))
    head = 0
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    matcher = SequenceMatcher(None, middle_a, middle_b, autojunk=False)
    if threshold is not None and size:
        known, rest = 2 * (head + tail), len(middle_a) + len(middle_b)
        # Cheapest bound first; each one is an upper bound of the next.
        for bound in (matcher.real_quick_ratio, matcher.quick_ratio, matcher.ratio):
            if known / size > threshold:
                break
            if (known + bound() * rest) / size <= threshold:
                return None
    opcodes: list[tuple] = [("equal", 0, head, 0, head)] if head else []
    opcodes += [
        (tag, i1 + head, i2 + head, j1 + head, j2 + head)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    if tail:
        opcodes.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return opcodes


def _segments_from(a: _Tokens, b: _Tokens, opcodes: Sequence[tuple]) -> tuple[Segment, ...]:
    # One short word or mark left equal between two changes is folded into them:
    # "<del>a b c</del><ins>x b z</ins>" reads better than four interleaved marks.
    runs: list[list] = []
    for position, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if (
            tag == "equal"
            and 0 < position < len(opcodes) - 1
            and i2 - i1 == 1
            and len(a.words[i1]) <= 3
        ):
            tag = "replace"
        if runs and tag != "equal" and runs[-1][0] != "equal":
            runs[-1][2], runs[-1][4] = i2, j2
        else:
            runs.append([tag, i1, i2, j1, j2])
    segments: list[Segment] = []
    # Whitespace after an equal run that differs between the sides goes with the next change.
    old_carry = new_carry = ""
    for tag, i1, i2, j1, j2 in runs:
        if tag == "equal":
            last_old, last_new = a.spaces[i2 - 1], b.spaces[j2 - 1]
            shared = last_old if last_old == last_new else ""
            _append(segments, EQUAL, b.text(j1, j2 - 1) + b.words[j2 - 1] + shared)
            old_carry, new_carry = last_old[len(shared) :], last_new[len(shared) :]
            continue
        old_text, new_text = old_carry + a.text(i1, i2), new_carry + b.text(j1, j2)
        old_carry = new_carry = ""
        # The same space after both sides of a change is not part of the change.
        old_space = old_text[len(old_text.rstrip()) :]
        shared = old_space if old_space and new_text.endswith(old_space) else ""
        if shared:
            old_text, new_text = old_text[: -len(shared)], new_text[: -len(shared)]
        _append(segments, DELETE, old_text)
        _append(segments, INSERT, new_text)
        _append(segments, EQUAL, shared)
    _append(segments, DELETE, old_carry)  # trailing whitespace only one side has
    _append(segments, INSERT, new_carry)
    return tuple(segments)


def _append(segments: list[Segment], kind: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].kind == kind:
        segments[-1] = Segment(kind, segments[-1].text + text)
    else:
        segments.append(Segment(kind, text))


def _whole(block: TextBlock, change: str) -> BlockDiff:
    """A block kept as it was (EQUAL), or inserted or deleted whole."""
    return BlockDiff(block.kind, change, (Segment(change, block.text),), block.ordered)


def _changed_pair(
    old: TextBlock, new: TextBlock, tokens: Callable[[str], _Tokens]
) -> BlockDiff | None:
    """The word diff of two blocks, or None when they are too unlike to read as one edit."""
    a, b = tokens(old.text), tokens(new.text)
    opcodes = _word_opcodes(a.words, b.words, SIMILAR_BLOCK_RATIO)
    if opcodes is None:
        return None
    return BlockDiff(new.kind, CHANGED, _segments_from(a, b, opcodes), new.ordered)


def _diff_blocks(old: Sequence[TextBlock], new: Sequence[TextBlock]) -> list[BlockDiff]:
    matcher = SequenceMatcher(None, list(old), list(new), autojunk=False)
    result: list[BlockDiff] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend(_whole(block, EQUAL) for block in new[j1:j2])
        elif tag == "delete":
            result.extend(_whole(block, DELETE) for block in old[i1:i2])
        elif tag == "insert":
            result.extend(_whole(block, INSERT) for block in new[j1:j2])
        else:
            result.extend(_pair_blocks(old[i1:i2], new[j1:j2]))
    return result


def _pair_blocks(old: Sequence[TextBlock], new: Sequence[TextBlock]) -> Iterable[BlockDiff]:
    """In a run of replaced blocks, pair each old block with the next new one alike enough to
    be the same paragraph edited; the rest were deleted or inserted."""
    memo: dict[str, _Tokens] = {}  # a new block may be tried against several old ones

    def tokens(text: str) -> _Tokens:
        if text not in memo:
            memo[text] = _Tokens.of(text)
        return memo[text]

    start = 0
    for block in old:
        for position in range(start, min(len(new), start + PAIRING_WINDOW)):
            pair = _changed_pair(block, new[position], tokens)
            if pair is not None:
                yield from (_whole(inserted, INSERT) for inserted in new[start:position])
                yield pair
                start = position + 1
                break
        else:
            yield _whole(block, DELETE)
    yield from (_whole(inserted, INSERT) for inserted in new[start:])


def _text_diff(
    old: Sequence[TextBlock], new: Sequence[TextBlock], *, context: int | None = CONTEXT_BLOCKS
) -> TextDiff:
    blocks = _diff_blocks(old, new)
    has_changes = any(block.change != EQUAL for block in blocks)
    return TextDiff(tuple(blocks), _group(blocks, context if has_changes else None), has_changes)


def markdown_diff(old: str, new: str) -> TextDiff:
    return _text_diff(markdown_blocks(old), markdown_blocks(new))


def plain_diff(old: str, new: str) -> TextDiff:
    return _text_diff(_plain_blocks(old), _plain_blocks(new))


def _all(blocks: Sequence[TextBlock], change: str) -> TextDiff:
    """An added text, all inserted, or a removed one, all deleted."""
    diffs = [_whole(block, change) for block in blocks]
    return TextDiff(tuple(diffs), _group(diffs, None), bool(diffs))


def _group(blocks: Sequence[BlockDiff], context: int | None) -> tuple[BlockGroup, ...]:
    """Lay blocks out for the partial: runs of list items become one list, and (with `context`)
    unchanged blocks further than `context` blocks from a change become one gap."""
    shown = [True] * len(blocks)
    if context is not None:
        changed = [index for index, block in enumerate(blocks) if block.change != EQUAL]
        shown = [False] * len(blocks)
        for index in changed:
            for near in range(max(0, index - context), min(len(blocks), index + context + 1)):
                shown[near] = True
        # A gap standing for one block saves nothing: show the block.
        for index in range(len(blocks)):
            if (
                not shown[index]
                and (index == 0 or shown[index - 1])
                and (index + 1 == len(blocks) or shown[index + 1])
            ):
                shown[index] = True
    groups: list[BlockGroup] = []
    hidden = 0
    for index, block in enumerate(blocks):
        if not shown[index]:
            hidden += 1
            continue
        if hidden:
            groups.append(BlockGroup("", (), hidden))
            hidden = 0
        list_tag = ("ol" if block.ordered else "ul") if block.kind == LIST_ITEM else ""
        previous = groups[-1] if groups else None
        if list_tag and previous and previous.list_tag == list_tag:
            groups[-1] = BlockGroup(list_tag, (*previous.blocks, block))
        else:
            groups.append(BlockGroup(list_tag, (block,)))
    if hidden:
        groups.append(BlockGroup("", (), hidden))
    return tuple(groups)


# --- Sections and shared block parts --------------------------------------------------------


def _unmoved(pairs: Sequence[tuple[int, int]]) -> set[int]:
    """Old indexes of the matched pairs that keep their relative order: the longest increasing
    run of old indexes taken in new order (the LCS of the two matched sequences)."""
    ordered = sorted(pairs, key=lambda pair: pair[1])
    olds = [old for old, _ in ordered]
    tails: list[int] = []  # tails[k]: position in olds ending the best run of length k+1
    previous = [-1] * len(olds)
    for position, value in enumerate(olds):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if olds[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        previous[position] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    kept: set[int] = set()
    position = tails[-1] if tails else -1
    while position != -1:
        kept.add(olds[position])
        position = previous[position]
    return kept


def _match(
    old_keys: Sequence[Any], new_keys: Sequence[Any], fallback: Callable[[int, int], bool] | None
) -> dict[int, int]:
    """Old index → new index of the items both sides have: same key, else (for items left over)
    `fallback(old, new)`, e.g. the same heading under a changed anchor."""
    new_by_key: dict[Any, int] = {}
    for index, key in enumerate(new_keys):
        new_by_key.setdefault(key, index)
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for index, key in enumerate(old_keys):
        other = new_by_key.get(key)
        if other is not None and other not in taken:
            matched[index] = other
            taken.add(other)
    if fallback is not None:
        for index in range(len(old_keys)):
            if index in matched:
                continue
            for other in range(len(new_keys)):
                if other not in taken and fallback(index, other):
                    matched[index] = other
                    taken.add(other)
                    break
    return matched


def _merged_order(
    old_count: int, new_count: int, matched: dict[int, int], unmoved: set[int]
) -> list[tuple[int | None, int | None]]:
    """(old index, new index) of every item in the new side's order, each removed item placed
    after the unmoved item it followed on the old side."""
    removed_after: dict[int, list[int]] = {}
    last = -1
    for index in range(old_count):
        if index in matched:
            if index in unmoved:
                last = matched[index]
        else:
            removed_after.setdefault(last, []).append(index)
    new_to_old = {new: old for old, new in matched.items()}
    order: list[tuple[int | None, int | None]] = [(i, None) for i in removed_after.get(-1, [])]
    for index in range(new_count):
        order.append((new_to_old.get(index), index))
        order.extend((i, None) for i in removed_after.get(index, []))
    return order


def _normal_heading(heading: str) -> str:
    return " ".join((heading or "").split())


def diff_parts(old: Sequence[dict], new: Sequence[dict]) -> PartsDiff:
    """Sections of a notice, or parts of the shared block: matched by anchor, else by heading."""
    matched = _match(
        [part.get("anchor") for part in old],
        [part.get("anchor") for part in new],
        lambda i, j: (
            _normal_heading(old[i].get("heading", "")) == _normal_heading(new[j].get("heading", ""))
        ),
    )
    unmoved = _unmoved(list(matched.items()))
    parts = []
    for old_index, new_index in _merged_order(len(old), len(new), matched, unmoved):
        if new_index is None:
            parts.append(_removed_part(old[old_index], old_index))
        elif old_index is None:
            parts.append(_added_part(new[new_index], new_index))
        else:
            parts.append(
                _matched_part(
                    old[old_index], new[new_index], old_index, new_index, old_index not in unmoved
                )
            )
    changed_parts = tuple(part for part in parts if part.status != UNCHANGED)
    return PartsDiff(
        parts=tuple(parts),
        changed_parts=changed_parts,
        unchanged=tuple(part for part in parts if part.status == UNCHANGED),
        added=sum(part.status == ADDED for part in parts),
        removed=sum(part.status == REMOVED for part in parts),
        changed=sum(part.status == CHANGED for part in parts),
        moved=sum(part.is_moved for part in parts),
        has_changes=bool(changed_parts),
    )


def _heading_of(part: dict) -> str:
    return _normal_heading(part.get("heading", "")) or "Untitled section"


def _added_part(part: dict, index: int) -> PartDiff:
    return PartDiff(
        status=ADDED,
        heading=_heading_of(part),
        anchor=part.get("anchor", ""),
        tags=("Added",),
        is_moved=False,
        old_position=None,
        new_position=index + 1,
        old_heading="",
        heading_change=(),
        field_changes=(),
        body=_all(markdown_blocks(part.get("body", "")), INSERT),
        formatting_only=False,
    )


def _removed_part(part: dict, index: int) -> PartDiff:
    return PartDiff(
        status=REMOVED,
        heading=_heading_of(part),
        anchor=part.get("anchor", ""),
        tags=("Removed",),
        is_moved=False,
        old_position=index + 1,
        new_position=None,
        old_heading=_heading_of(part),
        heading_change=(),
        field_changes=(),
        body=_all(markdown_blocks(part.get("body", "")), DELETE),
        formatting_only=False,
    )


def _matched_part(old: dict, new: dict, old_index: int, new_index: int, is_moved: bool) -> PartDiff:
    old_heading, new_heading = _heading_of(old), _heading_of(new)
    heading_change = word_segments(old_heading, new_heading) if old_heading != new_heading else ()
    field_changes: tuple[FieldChange, ...] = ()
    if old.get("ico_item") != new.get("ico_item"):
        field_changes = (
            FieldChange(
                "ICO checklist item",
                old.get("ico_item_label") or old.get("ico_item") or "",
                new.get("ico_item_label") or new.get("ico_item") or "",
            ),
        )
    body = _changed_markdown(old, new, "body")
    formatting_only = body is not None and not body.has_changes
    is_changed = bool(heading_change or field_changes or body)
    tags = (("Changed",) if is_changed else ()) + (("Moved",) if is_moved else ())
    return PartDiff(
        status=CHANGED if is_changed else MOVED if is_moved else UNCHANGED,
        heading=new_heading,
        anchor=new.get("anchor", ""),
        tags=tags,
        is_moved=is_moved,
        old_position=old_index + 1,
        new_position=new_index + 1,
        old_heading=old_heading,
        heading_change=heading_change,
        field_changes=field_changes,
        body=body,
        formatting_only=formatting_only,
    )


def _text_part(heading: str, body: TextDiff) -> PartDiff:
    """The title or an introduction, shown the way a changed section is."""
    return PartDiff(
        status=CHANGED,
        heading=heading,
        anchor="",
        tags=("Changed",),
        is_moved=False,
        old_position=None,
        new_position=None,
        old_heading=heading,
        heading_change=(),
        field_changes=(),
        body=body,
        formatting_only=not body.has_changes,
    )


# --- Structured lists -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Field:
    key: str
    name: str
    long: bool = False  # long text: shown as a word diff rather than "from X to Y"
    joiner: str = ", "  # joins the lines of a multi-line value


@dataclass(frozen=True)
class _ListSpec:
    key: str
    heading: str
    singular: str
    plural: str
    item_key: Callable[[dict], Any]
    label: Callable[[dict], str]
    fields: tuple[_Field, ...]


def _record_type_key(item: dict) -> str:
    return " ".join(str(item.get("record_type") or "").casefold().split())


def _basis_label(item: dict) -> str:
    return f"UK GDPR {item.get('provision_label') or item.get('provision') or ''}".strip()


LIST_SPECS = (
    _ListSpec(
        key="data_categories",
        heading="The information we keep",
        singular="kind of information",
        plural="kinds of information",
        item_key=lambda item: item.get("slug"),
        label=lambda item: item.get("name") or item.get("slug") or "",
        fields=(
            _Field("name", "Name"),
            _Field("description", "Description", long=True),
            _Field("detail", "What this council includes", long=True),
            _Field("is_special_category", "Special category data"),
            _Field("is_criminal_offence", "Criminal offence data"),
        ),
    ),
    _ListSpec(
        key="recipients",
        heading="Who we share it with",
        singular="recipient",
        plural="recipients",
        item_key=lambda item: item.get("slug"),
        label=lambda item: item.get("name") or item.get("slug") or "",
        fields=(
            _Field("name", "Name"),
            _Field("kind_label", "Kind of organisation"),
            _Field("purpose", "Why we share", long=True),
            _Field("frequency_label", "How often"),
        ),
    ),
    _ListSpec(
        key="lawful_bases",
        heading="The law that allows us to use it",
        singular="lawful basis",
        plural="lawful bases",
        item_key=lambda item: item.get("provision"),  # plus its occurrence, see _keys
        label=_basis_label,
        fields=(
            _Field("provision_label", "Lawful basis"),
            _Field("schedule_1_condition", "Data Protection Act 2018 Schedule 1 condition", True),
            _Field("legislation", "Laws relied on", long=True, joiner="; "),
            _Field("explanation", "What it covers", long=True),
        ),
    ),
    _ListSpec(
        key="retention_periods",
        heading="How long we keep it",
        singular="retention period",
        plural="retention periods",
        item_key=_record_type_key,
        label=lambda item: item.get("record_type") or "",
        fields=(
            _Field("record_type", "Record"),
            _Field("record_kind_name", "Kind of record"),
            _Field("duration", "Kept for"),
            _Field("trigger_label", "Counted from"),
            _Field("source", "Why this long", long=True),
            _Field("notes", "Notes", long=True),
        ),
    ),
)


def _value(value: Any, joiner: str = ", ") -> str:
    """A snapshot value as reading text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    lines = [" ".join(line.split()) for line in str(value).splitlines()]
    return joiner.join(line for line in lines if line)


def _field_change(field: _Field, old: Any, new: Any) -> FieldChange | None:
    old_text, new_text = _value(old, field.joiner), _value(new, field.joiner)
    if old_text == new_text:
        return None
    segments: tuple[Segment, ...] = ()
    if field.long and old_text and new_text:
        segments = word_segments(old_text, new_text)
    return FieldChange(field.name, old_text, new_text, segments)


def _keys(spec: _ListSpec, items: Sequence[dict]) -> list[tuple[Any, int]]:
    """Each item's key with its occurrence number, so that repeated keys (a provision relied on
    twice) pair up in order."""
    seen: dict[Any, int] = {}
    keys = []
    for item in items:
        key = spec.item_key(item)
        keys.append((key, seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    return keys


def _item_label(spec: _ListSpec, item: dict, occurrence: int) -> str:
    label = spec.label(item) or "Unnamed"
    return f"{label} (entry {occurrence + 1})" if occurrence else label


def _details(spec: _ListSpec, item: dict) -> tuple[tuple[str, str], ...]:
    label_value = spec.label(item)
    details = []
    for field in spec.fields:
        value = item.get(field.key)
        text = _value(value, field.joiner)
        if value is False or not text or text == label_value:
            continue
        details.append((field.name, text))
    return tuple(details)


def diff_list(spec: _ListSpec, old: Sequence[dict], new: Sequence[dict]) -> ListDiff:
    old_keys, new_keys = _keys(spec, old), _keys(spec, new)
    matched = _match(old_keys, new_keys, None)
    unmoved = _unmoved(list(matched.items()))
    items: list[ItemChange] = []
    for old_index, new_index in _merged_order(len(old), len(new), matched, unmoved):
        if new_index is None:
            item = old[old_index]
            label = _item_label(spec, item, old_keys[old_index][1])
            items.append(ItemChange(REMOVED, label, (), _details(spec, item)))
        elif old_index is None:
            item = new[new_index]
            label = _item_label(spec, item, new_keys[new_index][1])
            items.append(ItemChange(ADDED, label, (), _details(spec, item)))
        else:
            before, after = old[old_index], new[new_index]
            fields = tuple(
                change
                for field in spec.fields
                if (change := _field_change(field, before.get(field.key), after.get(field.key)))
            )
            if fields:
                label = _item_label(spec, after, new_keys[new_index][1])
                items.append(ItemChange(CHANGED, label, fields, ()))
    reordered = len(unmoved) < len(matched)
    return ListDiff(
        key=spec.key,
        heading=spec.heading,
        items=tuple(items),
        added=tuple(item for item in items if item.status == ADDED),
        removed=tuple(item for item in items if item.status == REMOVED),
        changed=tuple(item for item in items if item.status == CHANGED),
        reordered=reordered,
        has_changes=bool(items) or reordered,
    )


# --- Council contacts -----------------------------------------------------------------------

# The council fields a reader sees, with the names the page gives them. The slug and kind are
# left out: they are not contact details and do not appear in the notice.
CONTACT_FIELDS = (
    _Field("name", "Council name"),
    _Field("website", "Council website"),
    _Field("general_privacy_notice_url", "General privacy notice link"),
    _Field("controller_email", "Data controller email"),
    _Field("controller_phone", "Data controller phone"),
    _Field("controller_address", "Data controller postal address"),
    _Field("dpo_name", "Data Protection Officer name or role"),
    _Field("dpo_email", "Data Protection Officer email"),
    _Field("dpo_phone", "Data Protection Officer phone"),
    _Field("dpo_address", "Data Protection Officer postal address"),
    _Field("ico_registration_number", "ICO registration number"),
)


def diff_contacts(old: dict, new: dict) -> tuple[FieldChange, ...]:
    return tuple(
        change
        for field in CONTACT_FIELDS
        if (change := _field_change(field, old.get(field.key), new.get(field.key)))
    )


# --- Shared block ---------------------------------------------------------------------------


def diff_shared_block(old: dict | None, new: dict | None) -> SharedBlockDiff:
    old_title = _normal_heading((old or {}).get("title", ""))
    new_title = _normal_heading((new or {}).get("title", ""))
    if old is None or new is None:
        status = "none" if old is None and new is None else ADDED if old is None else REMOVED
        return SharedBlockDiff(
            status=status,
            old_title=old_title,
            new_title=new_title,
            title=None,
            introduction=None,
            parts=diff_parts((), ()),
            has_changes=status != "none",
        )
    title = plain_diff(old_title, new_title) if old_title != new_title else None
    introduction = _changed_markdown(old, new, "introduction")
    parts = diff_parts(old.get("parts", []), new.get("parts", []))
    has_changes = bool(title or introduction or parts.has_changes)
    return SharedBlockDiff(
        status=CHANGED if has_changes else UNCHANGED,
        old_title=old_title,
        new_title=new_title,
        title=title,
        introduction=introduction,
        parts=parts,
        has_changes=has_changes,
    )


# --- The whole notice -----------------------------------------------------------------------

TITLE_HEADING = "Title"
INTRODUCTION_HEADING = "About this notice"
YOUNG_PEOPLE_HEADING = "If you are a child or young person"


def diff_versions(old: NoticeSide, new: NoticeSide) -> NoticeDiff:
    """Everything that changed from `old` to `new`, ready for `_notice_diff.html`."""
    old_notice, new_notice = old.snapshot.get("notice", {}), new.snapshot.get("notice", {})

    title = None
    if _normal_heading(old_notice.get("title")) != _normal_heading(new_notice.get("title")):
        title = plain_diff(old_notice.get("title", ""), new_notice.get("title", ""))
    introduction = _changed_markdown(old_notice, new_notice, "introduction")
    young_people_summary = _changed_markdown(old_notice, new_notice, "young_people_summary")
    sections = diff_parts(old.snapshot.get("sections", []), new.snapshot.get("sections", []))
    lists = {
        spec.key: diff_list(spec, old.snapshot.get(spec.key, []), new.snapshot.get(spec.key, []))
        for spec in LIST_SPECS
    }
    contacts = diff_contacts(old.snapshot.get("council", {}), new.snapshot.get("council", {}))
    shared_block = diff_shared_block(old.block, new.block)

    has_changes = bool(
        title
        or introduction
        or young_people_summary
        or sections.has_changes
        or any(diff.has_changes for diff in lists.values())
        or contacts
        or shared_block.has_changes
    )
    texts = tuple(
        _text_part(heading, diff)
        for heading, diff in (
            (TITLE_HEADING, title),
            (INTRODUCTION_HEADING, introduction),
            (YOUNG_PEOPLE_HEADING, young_people_summary),
        )
        if diff is not None
    )
    ordered_lists = tuple(lists[spec.key] for spec in LIST_SPECS)
    return NoticeDiff(
        old_label=old.label,
        new_label=new.label,
        has_changes=has_changes,
        summary=_summary(texts, sections, ordered_lists, contacts, shared_block),
        title=title,
        introduction=introduction,
        young_people_summary=young_people_summary,
        sections=sections,
        data_categories=lists["data_categories"],
        recipients=lists["recipients"],
        lawful_bases=lists["lawful_bases"],
        retention_periods=lists["retention_periods"],
        contacts=contacts,
        shared_block=shared_block,
        groups=(
            _groups(texts, sections, ordered_lists, contacts, shared_block, old, new)
            if has_changes
            else ()
        ),
    )


def _changed_markdown(old: dict, new: dict, key: str) -> TextDiff | None:
    """The diff of a Markdown field, or None when a reader would see no difference. A diff
    without changed blocks means only the formatting changed (bold, a link's layout...)."""
    old_text, new_text = old.get(key) or "", new.get(key) or ""
    if old_text == new_text:
        return None
    diff = markdown_diff(old_text, new_text)
    if not diff.has_changes and old_text.split() == new_text.split():
        return None  # only spacing or line endings changed
    return diff


def _groups(
    texts: tuple[PartDiff, ...],
    sections: PartsDiff,
    lists: tuple[ListDiff, ...],
    contacts: tuple[FieldChange, ...],
    block: SharedBlockDiff,
    old: NoticeSide,
    new: NoticeSide,
) -> tuple[DiffGroup, ...]:
    """The partial's h2 groups, in the order the notice page reads; groups with nothing to say
    are left out, except "Sections", which always lists the unchanged ones."""
    groups = []
    if texts:
        groups.append(_group_of("Title and introduction", parts=texts))
    section_notes = () if sections.has_changes else ("No section changed.",)
    groups.append(
        _group_of(
            "Sections",
            notes=section_notes,
            parts=sections.changed_parts,
            unchanged=tuple(part.heading for part in sections.unchanged),
            part_noun="section",
        )
    )
    changed_lists = tuple(diff for diff in lists if diff.has_changes)
    if changed_lists:
        groups.append(
            _group_of("Information kept, sharing, lawful bases and retention", lists=changed_lists)
        )
    if block.has_changes:
        groups.append(_block_group(block, old, new))
    if contacts:
        groups.append(_group_of("Contact details", contacts=contacts))
    return tuple(groups)


def _group_of(heading: str, **fields: Any) -> DiffGroup:
    values: dict[str, Any] = {
        "notes": (),
        "parts": (),
        "unchanged": (),
        "part_noun": "",
        "lists": (),
        "contacts": (),
    }
    return DiffGroup(heading=heading, **(values | fields))


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _block_group(block: SharedBlockDiff, old: NoticeSide, new: NoticeSide) -> DiffGroup:
    if block.status == ADDED:
        note = f"{_capfirst(new.label)} includes the section “{block.new_title}”"
        return _group_of(BLOCK_HEADING, notes=(f"{note}; {old.label} did not.",))
    if block.status == REMOVED:
        note = f"{_capfirst(old.label)} included the section “{block.old_title}”"
        return _group_of(BLOCK_HEADING, notes=(f"{note}; {new.label} does not.",))
    texts = []
    if block.title:
        texts.append(_text_part(TITLE_HEADING, block.title))
    if block.introduction:
        texts.append(_text_part("Introduction", block.introduction))
    return _group_of(
        BLOCK_HEADING,
        notes=("This section is the same in every council's notice.",),
        parts=(*texts, *block.parts.changed_parts),
        unchanged=tuple(part.heading for part in block.parts.unchanged),
        part_noun="part",
    )


# --- Summary --------------------------------------------------------------------------------


def _counted(count: int, singular: str, plural: str, verb: str, names: Sequence[str] = ()) -> str:
    sentence = f"{count} {singular if count == 1 else plural} {verb}"
    if names:
        shown = ", ".join(names[:SUMMARY_NAMES])
        more = len(names) - SUMMARY_NAMES
        sentence += f": {shown}" + (f" and {more} more" if more > 0 else "")
    return sentence


def _parts_summary(parts: PartsDiff, singular: str, plural: str) -> list[str]:
    sentences = []
    if parts.changed:
        sentences.append(_counted(parts.changed, singular, plural, "changed"))
    for status, verb in ((ADDED, "added"), (REMOVED, "removed")):
        names = [part.heading for part in parts.parts if part.status == status]
        if names:
            sentences.append(_counted(len(names), singular, plural, verb, names))
    if parts.moved:
        sentences.append(_counted(parts.moved, singular, plural, "moved"))
    return sentences


def _summary(
    texts: tuple[PartDiff, ...],
    sections: PartsDiff,
    lists: tuple[ListDiff, ...],
    contacts: tuple[FieldChange, ...],
    block: SharedBlockDiff,
) -> tuple[str, ...]:
    sentences = [f"“{part.heading}” changed" for part in texts]
    sentences += _parts_summary(sections, "section", "sections")
    for diff, spec in zip(lists, LIST_SPECS, strict=True):
        for items, verb in ((diff.added, "added"), (diff.removed, "removed")):
            if items:
                names = [item.label for item in items]
                sentences.append(_counted(len(items), spec.singular, spec.plural, verb, names))
        if diff.changed:
            names = [item.label for item in diff.changed]
            sentences.append(
                _counted(len(diff.changed), spec.singular, spec.plural, "changed", names)
            )
        if diff.reordered:
            sentences.append(f"The order of the {spec.plural} changed")
    if contacts:
        sentences.append("Contact details changed: " + ", ".join(c.name for c in contacts))
    if block.status == ADDED:
        sentences.append(f"{BLOCK_HEADING} added")
    elif block.status == REMOVED:
        sentences.append(f"{BLOCK_HEADING} removed")
    elif block.has_changes:
        changes = (["title changed"] if block.title else []) + (
            ["introduction changed"] if block.introduction else []
        )
        changes += [sentence for sentence in _parts_summary(block.parts, "part", "parts")]
        sentences.append(f"{BLOCK_HEADING}: " + "; ".join(changes))
    return tuple(sentences)
