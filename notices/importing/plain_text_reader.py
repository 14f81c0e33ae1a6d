"""The plain-text reader: text with or without blank lines between paragraphs, headings as short
lines of their own (numbered, "Section 3 -", questions, capitals), lead-in lines ending with ":"
followed by item lines with or without bullets, read into Markdown.
"""

import re

from notices.importing.html_chrome import _FEEDBACK_TEXT
from notices.importing.html_markdown import _escape_line_start, _inline_plain
from notices.importing.html_reader import _NAMES_THE_NOTICE
from notices.importing.text_paragraphs import is_one_paragraph_per_line, split_block

# "•", "·", "▪", "◦", "●" and the like may sit straight against the text; "*", "-", "–" and "o"
# need a space after them, or they are words and numbers ("-5", "often").
_BULLET = re.compile(
    r"^(\s*)(?:[\u2022\u00b7\u25aa\u25ab\u25e6\u2023\u2043\u25cf\u25cb\u25a0\u25a1\u27a2\u2713\uf0b7]\s*"
    r"|[*\u2013\u2014-]\s+|o\s+)(\S.*)$"
)
_NUMBERED_ITEM = re.compile(r"^(\s*)(\d{1,3})[.)]\s+(\S.*)$")
_LETTERED_ITEM = re.compile(r"^(\s*)\(?(?:[a-z]|[ivx]{1,4})\)\s+(\S.*)$")
# "Section 4: Lawful basis", "Part 2 - Sharing"
_SECTION_HEADING = re.compile(r"^(?:section|part)\s+\d{1,3}\s*[:.)\u2013\u2014-]?\s+(\S.*)$", re.I)
# "4. What is the lawful basis", "4) ...", and "4.1 ..." (one level down)
_NUMBER_HEADING = re.compile(r"^\d{1,3}(?:[.)]|(\.\d{1,3})\.?)\s+(\S.*)$")
_RULE = re.compile(r"^\s*([=_*~-])\1{2,}\s*$")
# Words that make a line ending in ":" a sentence leading into a list, not the list's heading:
# "We collect:", "The groups we share with include:".
_LEAD_IN_WORDS = re.compile(
    r"^(we|you|our|they|this|these|it|i|the)\b"
    r"|\b(following|such as|includ\w*|below|are|is|was|were|will|may|can|must)\b",
    re.I,
)
# Lines this short all through a block were never wrapped: an address, contact details.
_SHORT_LINE = 50
# Unwrapped text puts each paragraph on one long line; wrapped text breaks lines before this.
_PARAGRAPH_LINE = 100
_HEADING_MAX = 80


def _plain_text_to_markdown(text: str) -> tuple[str, str, list[str]]:
    """Plain text as Markdown: its headings found, its bullets made lists, wrapped lines joined."""
    blocks = []
    for block in _text_blocks(text.expandtabs(4)):
        if is_one_paragraph_per_line(block):  # text copied from a web page
            blocks += split_block(block, _is_list_line)
        else:
            blocks.append(block)
    notes = []
    # Text copied from a web page often ends with the page's "Was this page helpful?" form.
    for index in range(len(blocks) * 2 // 3, len(blocks)):
        line = blocks[index][0].strip()
        if len(line) <= 60 and _FEEDBACK_TEXT.search(line):
            blocks = blocks[:index]
            notes.append("Left out the web page's feedback form at the end of the text")
            break
    out: list[str] = []
    titles: list[str] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if index == 0 and (
            _is_title_block(block, blocks[1:]) or _is_first_line_title(block, blocks[1:])
        ):
            # "Larchfield Borough Council" over "Children's privacy notice", then a heading.
            title = ": ".join(line.strip().rstrip(":") for line in block)
            out.append(f"# {_inline_plain(title)}")
            titles.append(title)
            continue
        heading = _block_heading(block, following, first=index == 0)
        if heading is not None:
            level, title, consumed = heading
            out.append(f"{'#' * level} {_inline_plain(title)}")
            titles.append(title)
            block = block[consumed:]
        out.extend(_text_body(block))
    # A first heading followed straight away by another, or naming the notice, is its title.
    if (
        out
        and out[0].startswith("## ")
        and ((len(out) > 1 and out[1].startswith("#")) or _NAMES_THE_NOTICE.search(out[0]))
    ):
        out[0] = out[0][1:]
    markdown = "\n\n".join(part for part in out if part)
    return markdown, (titles[0] if titles else ""), notes


def _is_title_block(block: list[str], rest: list[list[str]]) -> bool:
    return (
        2 <= len(block) <= 3
        and all(_reads_as_heading(line) and not _is_list_line(line) for line in block)
        and len(rest) > 0
        and _block_heading(rest[0], rest[1] if len(rest) > 1 else None, first=False) is not None
    )


def _is_first_line_title(block: list[str], rest: list[list[str]]) -> bool:
    """The text's first line on its own, short and not a sentence, with a heading soon after:
    "Tarnside Council: children's social care". A colon is allowed here, unlike in a heading
    further down, where "Telephone: 01632 960000" is a label and its value."""
    if len(block) != 1 or _block_heading(block, rest[0] if rest else None, first=True):
        return False
    line = block[0].strip()
    return (
        _reads_as_heading(line.replace(":", " -"))
        and not re.search(r":\s*[\d+(]", line)
        and any(
            _block_heading(following, after, first=False) is not None
            for following, after in zip(rest[:3], [*rest[1:4], None], strict=False)
        )
    )


def _text_blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_list_line(line: str) -> bool:
    return _list_item(line) is not None


def _reads_as_heading(text: str) -> bool:
    """Short, not a sentence's end or middle, not a contact detail."""
    text = text.strip()
    return (
        0 < len(text) < _HEADING_MAX
        and len(text.split()) <= 14
        and not text.endswith((".", ",", ";"))
        and not text[0].islower()
        and "@" not in text
        and "://" not in text
        and not re.search(r"\w:\s*\S", text)  # "Telephone: 01632 960000" is a label and value
    )


def _is_all_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 3 and all(char.isupper() for char in letters)


def _block_heading(
    block: list[str], following: list[str] | None, *, first: bool
) -> tuple[int, str, int] | None:
    """(level, text, lines it takes) if the block starts with a heading."""
    line = block[0].strip()
    if _RULE.match(line):
        return None
    if len(block) > 1 and _RULE.match(block[1]) and _reads_as_heading(line):
        return 2, line, 2  # underlined with === or ---
    after = block[1] if len(block) > 1 else (following[0] if following else None)
    followed_by_list = after is not None and _is_list_line(after)

    numbered = _SECTION_HEADING.match(line) or _NUMBER_HEADING.match(line)
    if numbered:
        title = numbered.groups()[-1].rstrip(":").strip()
        sub_level = numbered.re is _NUMBER_HEADING and numbered.group(1)
        # "1. Who we are" then "2. What we collect" straight after is a list, not two headings.
        next_is_item = after is not None and bool(_NUMBERED_ITEM.match(after))
        if _reads_as_heading(title) and not (next_is_item and not sub_level):
            return (3 if sub_level else 2), title, 1
        return None
    if _is_list_line(line):
        return None

    if line.endswith(":"):
        # "Who we share it with:" above a list heads it; "We share it with these groups:" and
        # "We collect the following:" lead into it.
        title = line[:-1].strip()
        if (
            followed_by_list
            and len(title.split()) <= 6
            and not _LEAD_IN_WORDS.search(title)
            and _reads_as_heading(title)
        ):
            return 2, title, 1
        return None
    if after is None:
        return None  # a heading heads something
    if _is_all_caps(line) and len(line) < _HEADING_MAX and not line.endswith((".", ",", ";")):
        return 2, line, 1
    if not _reads_as_heading(line):
        return None
    if len(block) == 1:
        # A short line on its own heads what follows, unless a run of short lines follows it
        # (an address, a list without bullets). The first may be the document's title.
        # A lead-in ("We use it to:") after it is the start of its text, not another short line.
        next_is_short = (
            following is not None
            and len(following) == 1
            and _reads_as_heading(following[0])
            and not following[0].rstrip().endswith(":")
        )
        if next_is_short and not first:
            return None
        return 2, line, 1
    if len(block) >= 3 and all(len(line.strip()) < _SHORT_LINE for line in block):
        return None  # an address, or contact details, line by line
    # A short line straight above a paragraph or list, not the first line of a wrapped paragraph.
    next_line = block[1].strip()
    longest_rest = max(len(rest.strip()) for rest in block[1:])
    if followed_by_list or (
        next_line[:1].isupper() and len(line) <= 60 and len(line) < 0.7 * longest_rest
    ):
        return 2, line, 1
    return None


def _text_body(lines: list[str]) -> list[str]:
    """A block's paragraphs and lists as Markdown blocks."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[tuple[int, str, str]] = []  # (indent, marker, text)

    def flush_paragraph() -> None:
        if len(paragraph) > 1 and all(len(line) < _SHORT_LINE for line in paragraph):
            out.append("\n".join(_escape_line_start(_inline_plain(line)) for line in paragraph))
        elif paragraph:
            out.append(_escape_line_start(_inline_plain(" ".join(paragraph))))
        paragraph.clear()

    def flush_list() -> None:
        if not items:
            return
        base = min(indent for indent, _marker, _text in items)
        rendered = []
        for indent, marker, text in items:
            nested = "    " if indent > base else ""
            rendered.append(f"{nested}{marker}{_escape_line_start(_inline_plain(text))}")
        out.append("\n".join(rendered))
        items.clear()

    for raw in lines:
        if _RULE.match(raw):
            flush_paragraph()
            flush_list()
            continue
        item = _list_item(raw)
        if item is not None:
            flush_paragraph()
            items.append(item)
            continue
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        if items:
            last_indent, marker, last_text = items[-1]
            # A wrapped item goes on indented, or mid-sentence; anything else starts a paragraph.
            mid_sentence = stripped[:1].islower() and not last_text.endswith((".", "!", "?"))
            if indent > last_indent or mid_sentence:
                items[-1] = (last_indent, marker, f"{last_text} {stripped}")
                continue
            flush_list()
        paragraph.append(stripped)
        if len(stripped) >= _PARAGRAPH_LINE and stripped.endswith((".", "!", "?", ":", ";")):
            flush_paragraph()
    flush_paragraph()
    flush_list()
    return out


def _list_item(line: str) -> tuple[int, str, str] | None:
    """(indent, Markdown marker, text) if the line is a bullet, numbered or lettered item."""
    bullet = _BULLET.match(line)
    if bullet:
        return len(bullet.group(1)), "- ", bullet.group(2)
    numbered = _NUMBERED_ITEM.match(line)
    if numbered:
        return len(numbered.group(1)), f"{int(numbered.group(2))}. ", numbered.group(3)
    lettered = _LETTERED_ITEM.match(line)
    if lettered:
        return len(lettered.group(1)), "- ", lettered.group(2)
    return None
