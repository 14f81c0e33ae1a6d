"""Markdown read as a reader sees it, without rendering it: text blocks (paragraphs, list items,
headings, table rows) whose inline markup is stripped to reading text by a few regular
expressions and linear scans (`inline`), none of which goes back over the text. Fast enough for
every section of two versions (the diff) and of every published version (the search text)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from notices.publishing.diffing.inline import (
    remove_elements_with_content,
    replace_code_spans,
    strip_emphasis,
)
from notices.publishing.diffing.results import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW
from notices.text.markdown_lines import SETEXT_UNDERLINE, TABLE_SEPARATOR, THEMATIC_BREAK

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
_ATX = re.compile(r"(#{1,6})(.*)")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|(\d{1,9})[.)])(?:[ \t]+(.*)|[ \t]*$)")
_QUOTE = re.compile(r" {0,3}>[ ]?")
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
            position = 0
            while marker := _QUOTE.match(line, position):
                position = marker.end()
            line = line[position:]
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
            # Without its closing hashes: "## Title ##" reads "Title".
            current, current_kind = [heading.group(2).rstrip(" \t").rstrip("#")], HEADING
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
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>&])")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto|tel):[^<>\s]+)>", re.I)
_EMAIL_AUTOLINK = re.compile(r"<([^<>\s@]+@[^<>\s@]+)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<![A-Za-z][^<>]*>|<\?[^<>]*>")
_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_LINK = re.compile(
    r"\[([^\[\]]*)\]\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)?)>?"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")


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
        text = replace_code_spans(text, keep)
    if "\\" in text:
        text = _ESCAPED.sub(lambda m: keep(m.group(1)), text)
    if "<" in text:
        text = _COMMENT.sub("", text)
        text = remove_elements_with_content(text)
        text = _AUTOLINK.sub(lambda m: keep(m.group(1)), text)
        text = _EMAIL_AUTOLINK.sub(lambda m: keep(m.group(1)), text)
        text = _TAG.sub("", text)
    if "[" in text:
        text = _IMAGE.sub("", text)  # the renderer does not allow images
        text = _LINK.sub(_link_text, text)
        text = _REFERENCE_LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = strip_emphasis(text)
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


def plain_blocks(text: str) -> list[TextBlock]:
    """A plain-text field (a title, a heading) as one paragraph."""
    text = " ".join((text or "").split())
    return [TextBlock(PARAGRAPH, text)] if text else []
