"""Plain text in the line-break style of text copied from a web page: one paragraph per line, no
blank lines, headings as short lines of their own, and a lead-in line ending with ":" followed by
one item per line, with or without bullets.

The plain-text reader (plain_text_reader._plain_text_to_markdown) works on blocks separated by
blank lines.
This module turns each block written one paragraph per line into the blocks that style means: a
paragraph per long line, a heading line on its own, and a lead-in with its items as a "- " list.
A block that is hard-wrapped (lines broken mid-sentence) or an address (a run of short lines) is
left as it is.
"""

import re
from collections.abc import Callable

_SENTENCE_END = (".", "!", "?", ";", ":")
# Wrapped text breaks lines before this; a longer line is a whole paragraph.
_PARAGRAPH_LINE = 100
_ITEM_MOST = 200

_NUMBERED_HEADING = re.compile(r"^(?:(?:section|part)\s+)?\d{1,2}(?:\.\d{1,2})?[.):]?\s+\S", re.I)
_NUMBERED_ITEM = re.compile(r"^\d{1,3}[.)]\s")
_SECTION_HEADING = re.compile(r"^(?:section|part)\s+\d{1,2}\b", re.I)
# Words of the headings notices use, for telling a heading from the last item of a list.
# Lead-ins that always introduce a list, however long its items.
_LIST_LEAD_IN = re.compile(r"\b(such as|following|includ\w*|are|to|for)\s*:$", re.I)
# A sentence's own start: prose after a list, not another item.
_PROSE_START = re.compile(
    r"^(we|you|our|they|this|these|it|if|please|for more|for example)\b", re.I
)
_HEADING_WORDS = re.compile(
    r"\b(who|what|why|how|your rights?|share|sharing|keep|contact|complain\w*|"
    r"lawful|legal basis|retention|retain|information we|data we|changes to)\b",
    re.I,
)


def _is_strong_heading(line: str) -> bool:
    """Headings that say so: numbered, "Section 3 -", a question, all capitals."""
    if len(line) > 100 or line.endswith((".", ";", ",")):
        return False
    letters = [char for char in line if char.isalpha()]
    all_caps = len(letters) >= 3 and all(char.isupper() for char in letters)
    return (
        bool(_NUMBERED_HEADING.match(line) or _SECTION_HEADING.match(line))
        or (line.endswith("?") and len(line.split()) <= 14)
        or all_caps
    )


def _is_sentence(line: str) -> bool:
    return len(line) >= _PARAGRAPH_LINE or (
        line.endswith((".", "!", ";")) and len(line.split()) >= 5
    )


def _is_lead_in(line: str) -> bool:
    return line.endswith(":") and len(line.split()) >= 2


def is_one_paragraph_per_line(block: list[str]) -> bool:
    """Whether a block's lines are whole paragraphs, headings and items (not wrapped text)."""
    if len(block) < 2:
        return False
    lines = [line.strip() for line in block]
    if any(len(line) >= _PARAGRAPH_LINE for line in lines):
        return True  # wrapped text breaks before this length
    whole = sum(
        1
        for line in lines
        if line.endswith(_SENTENCE_END) or _is_strong_heading(line) or len(line.split()) <= 6
    )
    return len(lines) >= 3 and whole >= 0.8 * len(lines)


def split_block(block: list[str], is_list_line: Callable[[str], bool]) -> list[list[str]]:
    """A one-paragraph-per-line block as the blocks it means (see the module's docstring)."""
    lines = [line.strip() for line in block]
    groups: list[list[str]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        numbered_list = _NUMBERED_ITEM.match(line) and _NUMBERED_ITEM.match(following)
        if _is_strong_heading(line) and not numbered_list:
            groups.append([line])
            index += 1
        elif is_list_line(line):
            run = _run(lines, index, is_list_line)
            groups.append(lines[index:run])
            index = run
        elif _is_lead_in(line) and not _is_strong_heading(line):
            items = _items_after(
                lines, index + 1, is_list_line, long=bool(_LIST_LEAD_IN.search(line))
            )
            groups.append([line, *(f"- {item}" for item in items)])
            index += 1 + len(items)
        elif line.endswith(";") and following.endswith(";"):
            # Items without bullets, each ending ";": a list, its last item ending "." or ";".
            run = index
            while run < len(lines) and lines[run].endswith(";") and not _is_lead_in(lines[run]):
                run += 1
            if run < len(lines) and lines[run].endswith(".") and len(lines[run]) <= _ITEM_MOST:
                run += 1
            groups.append([f"- {item}" for item in lines[index:run]])
            index = run
        elif _is_sentence(line):
            groups.append([line])
            index += 1
        else:
            # A run of short lines: an address, or a heading (alone, or last before a sentence).
            run = index
            while run < len(lines) and not _ends_run(lines, run, is_list_line):
                run += 1
            run = max(run, index + 1)
            short = lines[index:run]
            if len(short) > 1 and run < len(lines) and _could_head(short[-1]):
                groups += [short[:-1], short[-1:]]
            else:
                groups.append(short)
            index = run
    return groups


def _could_head(line: str) -> bool:
    """Not an address's last line or a contact detail."""
    return line[:1].isupper() and not re.search(r"\d|@|://", line)


def _run(lines: list[str], start: int, is_list_line: Callable[[str], bool]) -> int:
    end = start
    while end < len(lines) and is_list_line(lines[end]):
        end += 1
    return end


def _ends_run(lines: list[str], index: int, is_list_line: Callable[[str], bool]) -> bool:
    line = lines[index]
    return is_list_line(line) or _is_lead_in(line) or _is_sentence(line) or _is_strong_heading(line)


def _items_after(
    lines: list[str], start: int, is_list_line: Callable[[str], bool], *, long: bool
) -> list[str]:
    """The item lines after a lead-in: short lines, or lines ending as items do (";", ","), or
    any line up to 200 characters after "such as:" and the like; up to a heading, another
    lead-in, a paragraph, a bulleted list, or a sentence that starts as prose does ("We ...")."""
    items: list[str] = []
    for index in range(start, len(lines)):
        line = lines[index]
        if is_list_line(line) or _is_lead_in(line) or _is_strong_heading(line):
            break
        ends_as_item = long or line.endswith((";", ",", " and", " or", "; and", "; or"))
        if len(line) > _ITEM_MOST or (len(line) >= _PARAGRAPH_LINE and not ends_as_item):
            break
        if items and _reads_as_prose(line) and not _PROSE_START.match(items[0]):
            break
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if items and _reads_as_next_heading(line, items, following):
            break
        items.append(line)
    return items


def _reads_as_prose(line: str) -> bool:
    """A sentence after a list ("We may also ... ."), not an item that starts with "Our" or
    "This" ("Our case recording system supplier – to run it")."""
    return bool(_PROSE_START.match(line)) and (
        line.endswith((".", "!", "?")) or len(line) >= _PARAGRAPH_LINE
    )


def _reads_as_next_heading(line: str, items: list[str], following: str) -> bool:
    """A short line after some items that heads what follows, not the list's last item."""
    if line.endswith((";", ",", ".")) or "(" in line or not following:
        return False
    changes_case = items[0][:1].islower() and line[:1].isupper()
    heads_text = _is_sentence(following) or _is_lead_in(following)
    return heads_text and (changes_case or bool(_HEADING_WORDS.search(line)))
