"""Linear scans for the inline Markdown that `blocks.reading_text` takes apart.

Each replaces a regular expression whose lazy `.+?` went back over the rest of the text for every
opening mark that had no closing one (a body of 10,000 backticks took the comparison page about
20 s). Here every closing mark is found once, up front, and each opening mark looks its partner up
with a binary search, so the work grows with the text, not with its square.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from notices.text.markdown import REMOVED_WITH_CONTENT

_BACKTICK_RUN = re.compile(r"`+")


def replace_code_spans(text: str, keep: Callable[[str], str]) -> str:
    """Each code span (a run of backticks closed by the next run of the same length, as
    CommonMark reads it) becomes `keep(its content, stripped)`; unmatched runs stay as they are."""
    runs = [(match.start(), match.end()) for match in _BACKTICK_RUN.finditer(text)]
    # For each run, the index of the next run of the same length, found in one backward pass.
    next_same: list[int | None] = [None] * len(runs)
    last_of_length: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        next_same[index] = last_of_length.get(length)
        last_of_length[length] = index
    pieces: list[str] = []
    position = index = 0
    while index < len(runs):
        closing = next_same[index]
        if closing is None:
            index += 1
            continue
        pieces.append(text[position : runs[index][0]])
        pieces.append(keep(text[runs[index][1] : runs[closing][0]].strip()))
        position = runs[closing][1]
        index = closing + 1
    pieces.append(text[position:])
    return "".join(pieces)


def _positions(pattern: re.Pattern, text: str) -> list[int]:
    return [match.start() for match in pattern.finditer(text)]


def _strip_pairs(
    text: str, openers: list[tuple[int, str]], closers: dict[str, list[int]], width: int
) -> str:
    """Remove each opening mark and the first closing mark of its kind after it (with at least
    one character between), leftmost first, keeping the text between: what `re.sub` does with
    `(mark)(?=\\S)(.+?)(?<=\\S)mark` and `\\2`, without going back over the text."""
    pieces: list[str] = []
    position = 0
    for start, kind in openers:
        if start < position:
            continue  # inside or part of a pair already taken
        ends = closers.get(kind, [])
        found = bisect_left(ends, start + width + 1)
        if found == len(ends):
            continue  # no closing mark after this one, so none after later ones of this kind
        end = ends[found]
        pieces.append(text[position:start])
        pieces.append(text[start + width : end])
        position = end + width
    pieces.append(text[position:])
    return "".join(pieces)


_STRONG_OPEN = re.compile(r"(?=(\*\*|__)\S)")
_STRONG_CLOSE = re.compile(r"(?<=\S)(?=(\*\*|__))")
_STAR_OPEN = re.compile(r"\*(?=\S)")
_STAR_CLOSE = re.compile(r"(?<=\S)\*")
_UNDERSCORE_OPEN = re.compile(r"(?<!\w)_(?=\S)")
_UNDERSCORE_CLOSE = re.compile(r"(?<=\S)_(?!\w)")


def strip_emphasis(text: str) -> str:
    """`**strong**`, `__strong__`, `*em*` and `_em_` (not inside words) become their text."""
    if "**" in text or "__" in text:
        closers: dict[str, list[int]] = {"**": [], "__": []}
        for match in _STRONG_CLOSE.finditer(text):
            closers[match.group(1)].append(match.start())
        openers = [(match.start(), match.group(1)) for match in _STRONG_OPEN.finditer(text)]
        text = _strip_pairs(text, openers, closers, 2)
    if "*" in text:
        openers = [(start, "*") for start in _positions(_STAR_OPEN, text)]
        text = _strip_pairs(text, openers, {"*": _positions(_STAR_CLOSE, text)}, 1)
    if "_" in text:
        openers = [(start, "_") for start in _positions(_UNDERSCORE_OPEN, text)]
        text = _strip_pairs(text, openers, {"_": _positions(_UNDERSCORE_CLOSE, text)}, 1)
    return text


_NAMES = "|".join(sorted(REMOVED_WITH_CONTENT))
_REMOVED_OPEN = re.compile(rf"<({_NAMES})\b", re.I)
_REMOVED_CLOSE = re.compile(rf"</({_NAMES})\s*>", re.I)


def remove_elements_with_content(text: str) -> str:
    """Drop `<script ...>...</script>` and the other elements the renderer removes with their
    content: the opening tag up to its first `>`, through the next closing tag of its name."""
    closers: dict[str, list[tuple[int, int]]] = {}
    for match in _REMOVED_CLOSE.finditer(text):
        closers.setdefault(match.group(1).lower(), []).append((match.start(), match.end()))
    if not closers:
        return text
    pieces: list[str] = []
    position = 0
    tag_end = -1  # the last `>` found, reused by openers before it
    for match in _REMOVED_OPEN.finditer(text):
        start = match.start()
        if start < position:
            continue
        if tag_end < match.end():
            tag_end = text.find(">", match.end())
            if tag_end == -1:
                break  # no `>` after here: no later opening tag is complete either
        ends = closers.get(match.group(1).lower(), [])
        found = bisect_left(ends, (tag_end + 1, -1))
        if found == len(ends):
            continue
        pieces.append(text[position:start])
        position = ends[found][1]
    pieces.append(text[position:])
    return "".join(pieces)
