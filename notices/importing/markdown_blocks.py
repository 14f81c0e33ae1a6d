"""Reading the imported Markdown into its parts: normalised lines, headings, sections, and the
paragraphs, list items and table rows (blocks) within each that the recognisers read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from notices.importing.matching import normalise_name
from notices.importing.section_tags import _heading_tag
from notices.publishing.diffing.blocks import reading_text
from notices.text.markdown_lines import SETEXT_UNDERLINE, TABLE_SEPARATOR, THEMATIC_BREAK

# --- Reading the Markdown: lines, headings and blocks ---------------------------------------

_ATX_OPEN = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|[ \t]*)$")
_QUOTE = re.compile(r"(?: {0,3}>[ ]?)+")
# "2. Who we share it with", "3) Your rights", "1.2 Retention": the numbering is the order's.
_HEADING_NUMBER = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.):]|[ivx]{1,5}[.)]|[a-z][.)])\s+", re.I
)


def _atx_heading(line: str) -> tuple[int, str] | None:
    """(level, raw text) of an ATX heading line; None for any other line or an empty heading.
    Parsed by hand: a regular expression for the optional closing #s backtracks badly on a
    hostile line of thousands of #s."""
    opening = _ATX_OPEN.match(line)
    if not opening:
        return None
    text = line[opening.end() :].strip()
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1] in " \t"):
        text = closed.strip()
    return (len(opening.group(1)), text) if text else None


def _normal_lines(markdown: str) -> list[str]:
    """The document's lines, with setext headings ("Title" over "=====") turned into ATX ones
    so that everything after reads one kind of heading."""
    text = (markdown or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = text.split("\n")
    result: list[str] = []
    in_fence = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
        elif (
            not in_fence
            and line.strip()
            and index + 1 < len(lines)
            and SETEXT_UNDERLINE.match(lines[index + 1])
            and (not result or not result[-1].strip())  # a one-line paragraph
            and not _atx_heading(line)
            and not _LIST_ITEM.match(line)
            and not THEMATIC_BREAK.match(line)
        ):
            level = 1 if lines[index + 1].strip().startswith("=") else 2
            result.append("#" * level + " " + line.strip())
            index += 2
            continue
        result.append(line)
        index += 1
    return result


def _heading_text(raw: str) -> str:
    """A heading as plain words: no Markdown, no leading number, no trailing colon."""
    text = reading_text(raw)
    text = _HEADING_NUMBER.sub("", text, count=1) if _HEADING_NUMBER.match(text) else text
    return text.strip().rstrip(":").strip() or reading_text(raw)


def _headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line index, level, raw text) of every heading outside fenced code."""
    found = []
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            heading = _atx_heading(line)
            if heading and reading_text(heading[1]):
                found.append((index, *heading))
    return found


@dataclass(frozen=True)
class _Part:
    """A section of the document: its heading, its lines and its body as Markdown."""

    heading: str
    level: int
    lines: list[str]
    body: str


@dataclass(frozen=True)
class _Document:
    title: str
    introduction: str
    introduction_lines: list[str]
    parts: list[_Part]
    has_headings: bool


def _split_document(lines: list[str], title: str) -> _Document:
    headings = _headings(lines)
    if not headings:
        return _Document(title.strip(), _markdown(lines), lines, [], False)
    first_index, first_level, first_raw = headings[0]
    first_text = _heading_text(first_raw)
    only_h1 = first_level == 1 and sum(1 for _, level, _ in headings if level == 1) == 1
    start = 0
    found_title = title.strip()
    if only_h1 or (title.strip() and _same_text(first_text, title)):
        found_title = first_text
        start = first_index + 1
        headings = headings[1:]
    if not headings:
        rest = lines[: start - 1 if start else 0] + lines[start:]
        return _Document(found_title, _markdown(rest), rest, [], True)
    level = min(heading_level for _, heading_level, _ in headings)
    starts = _section_starts(headings, level)
    # Text above a title heading further down is the introduction too, never dropped.
    introduction_lines = lines[: start - 1 if start else 0] + lines[start : starts[0][0]]
    parts = []
    for number, (index, raw) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        body_lines = lines[index + 1 : end]
        parts.append(_Part(_heading_text(raw), level, body_lines, _markdown(body_lines)))
    return _Document(found_title, _markdown(introduction_lines), introduction_lines, parts, True)


def _section_starts(headings: list[tuple[int, int, str]], level: int) -> list[tuple[int, str]]:
    """(line index, raw text) of each section's heading: the top level's, and a sub-heading one
    level down that names another checklist item than its section does ("Collecting this
    information" under "Lawful basis"): a notice that nests its sections under one another still
    gives each its own, and "Why we share it" stays inside "Who we share it with"."""
    starts: list[tuple[int, str]] = []
    section_tag = None
    for index, heading_level, raw in headings:
        tag = _heading_tag(_heading_text(raw))
        if heading_level == level or (
            heading_level == level + 1
            and tag is not None
            and section_tag is not None
            and tag[0] != section_tag[0]
        ):
            starts.append((index, raw))
            section_tag = tag
    return starts


def _markdown(lines: list[str]) -> str:
    """Lines as a body's Markdown, blank lines trimmed at both ends, with its headings one level
    below the section's: the n-th heading level the body uses becomes ### + n (a section's own
    heading is an h2 on the page), so no level is skipped."""
    levels: dict[int, int] = {}
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (heading := _atx_heading(line)):
            levels[index] = heading[0]
    new_level = {level: min(3 + rank, 6) for rank, level in enumerate(sorted(set(levels.values())))}
    out = []
    for index, line in enumerate(lines):
        if index in levels:
            line = "#" * new_level[levels[index]] + " " + (_atx_heading(line) or (0, ""))[1]
        out.append(line.rstrip())
    return "\n".join(out).strip("\n")


def _same_text(first: str, second: str) -> bool:
    a, b = normalise_name(first), normalise_name(second)
    return bool(a and b) and (a == b or SequenceMatcher(None, a[:300], b[:300]).ratio() >= 0.8)


# Block kinds.
_PARAGRAPH = "paragraph"
_ITEM = "item"
_ROW = "row"


@dataclass(frozen=True)
class _Region:
    """A run of the council's own lines, and the headings above it (level, text)."""

    lines: list[str]
    headings: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class _Block:
    """A paragraph, list item or table row, with what surrounds it."""

    kind: str
    text: str  # Markdown as written; a row's cells joined with " | "
    headings: tuple[str, ...]  # the headings above it, outermost first
    depth: int = 0  # a list item's nesting: 0 for the top level
    lead_in: str = ""  # a list item's or row's introducing paragraph ("We share with:")
    cells: tuple[str, ...] = ()  # a row's cells, as reading text
    header: tuple[str, ...] = ()  # a row's table header, as reading text

    @property
    def reading(self) -> str:
        return " | ".join(self.cells) if self.cells else reading_text(self.text)


def _cells(row: str) -> tuple[str, ...]:
    row = row.strip().removeprefix("|").removesuffix("|")
    return tuple(reading_text(cell) for cell in re.split(r"(?<!\\)\|", row))


class _BlockReader:
    """Cuts a region's lines into paragraphs, list items and table rows, keeping the headings
    above each one and the paragraph that introduces each list or table."""

    def __init__(self, region: _Region) -> None:
        self.stack = list(region.headings)
        self.blocks: list[_Block] = []
        self.paragraph: list[str] = []
        self.item: list[str] = []
        self.item_depth = 0
        self.list_indents: list[int] = []
        self.lead_in = ""
        self.last_paragraph = ""

    def headings(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.stack)

    def close_paragraph(self) -> None:
        if self.paragraph:
            text = "\n".join(self.paragraph)
            self.blocks.append(_Block(_PARAGRAPH, text, self.headings()))
            self.last_paragraph = text
        self.paragraph = []

    def close_item(self) -> None:
        if self.item:
            text = "\n".join(self.item)
            self.blocks.append(_Block(_ITEM, text, self.headings(), self.item_depth, self.lead_in))
        self.item = []

    def close_list(self) -> None:
        self.close_item()
        if self.list_indents:
            self.last_paragraph = ""  # it introduced this list, not what follows
        self.list_indents = []

    def read(self, lines: list[str]) -> list[_Block]:
        index = 0
        in_fence = False
        after_blank = False
        while index < len(lines):
            line = lines[index]
            quote = _QUOTE.match(line)
            if quote:
                line = line[quote.end() :]  # a quotation is read as its text
            stripped = line.strip()
            index += 1
            if in_fence or _FENCE.match(line):
                if _FENCE.match(line):
                    in_fence = not in_fence
                elif stripped:
                    self.paragraph.append(stripped)
                continue
            if not stripped:
                self.close_paragraph()
                after_blank = True
                continue
            heading = _atx_heading(line)
            if heading:
                self.close_paragraph()
                self.close_list()
                level, raw = heading
                while self.stack and self.stack[-1][0] >= level:
                    self.stack.pop()
                self.stack.append((level, _heading_text(raw)))
                self.last_paragraph = ""
                after_blank = False
                continue
            if THEMATIC_BREAK.match(line):
                self.close_paragraph()
                self.close_list()
                continue
            if (
                "|" in line
                and index < len(lines)
                and "|" in lines[index]
                and TABLE_SEPARATOR.match(lines[index])
            ):
                index = self.read_table(lines, index - 1)
                after_blank = False
                continue
            item = _LIST_ITEM.match(line)
            if item:
                self.close_paragraph()
                self.start_item(item)
                after_blank = False
                continue
            indent = len(line) - len(line.lstrip())
            if self.item and (not after_blank or indent >= 2):
                self.item.append(stripped)  # more of the list item
            else:
                if self.list_indents:
                    self.close_list()
                self.paragraph.append(stripped)
            after_blank = False
        self.close_paragraph()
        self.close_list()
        return self.blocks

    def start_item(self, item: re.Match) -> None:
        self.close_item()
        indent = len(item.group(1).expandtabs(4))
        if not self.list_indents:
            self.lead_in = self.last_paragraph
            self.list_indents = [indent]
        while len(self.list_indents) > 1 and self.list_indents[-1] > indent:
            self.list_indents.pop()
        if indent > self.list_indents[-1] + 1:
            self.list_indents.append(indent)
        elif indent < self.list_indents[0]:
            self.list_indents = [indent]
        self.item_depth = len(self.list_indents) - 1
        self.item = [(item.group(3) or "").strip()]

    def read_table(self, lines: list[str], index: int) -> int:
        """Reads the table whose header is lines[index]; returns the index after it."""
        self.close_paragraph()
        self.close_list()
        header = _cells(lines[index])
        index += 2  # past the header and the separator
        while index < len(lines) and "|" in lines[index] and lines[index].strip():
            cells = _cells(lines[index])
            if any(cells):
                self.blocks.append(
                    _Block(
                        _ROW,
                        " | ".join(cells),
                        self.headings(),
                        lead_in=self.last_paragraph,
                        cells=cells,
                        header=header,
                    )
                )
            index += 1
        self.last_paragraph = ""
        return index


def _blocks(region: _Region) -> list[_Block]:
    return _BlockReader(region).read(region.lines)
