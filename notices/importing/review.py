"""The review screen's left-hand side: the file as read, piece by piece, each marked with where it
went (the title, the introduction, a section and its checklist item, a part of the DfE's text and
the shared block part it is aligned to, the young people's summary, or nowhere).

Built only from what the import already found (an ImportReport): it reads no file and guesses
nothing new, so a piece the parse did not take is shown as not imported, never as placed.
"""

import re
from collections import defaultdict, deque
from dataclasses import dataclass

from notices.importing.import_report import ImportReport
from notices.models import IcoItem

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ESCAPE = re.compile(r"\\(.)")

TITLE = "title"
INTRODUCTION = "introduction"
SUMMARY = "summary"
SECTION = "section"
NATIONAL = "national"
WITHIN = "within"
NOT_IMPORTED = "not-imported"


@dataclass(frozen=True)
class SourcePiece:
    heading: str  # "" for the text before the first heading
    level: int  # the heading's level, 0 for the text before the first heading
    body: str  # the piece's Markdown, as read
    kind: str  # one of the constants above, for the screen's marks
    went_to: str  # where it went, in words, naming things as the admin does


def source_pieces(report: ImportReport) -> list[SourcePiece]:
    """The read file in order, each headed piece marked with where it went."""
    parsed = report.parsed
    sections = defaultdict(deque)
    for section in parsed.sections:
        sections[section.heading].append(section)
    national = defaultdict(deque)
    for part in report.national_parts:
        national[part.heading].append(part)
    pieces: list[SourcePiece] = []
    title_taken = False
    placed_level = 0
    for level, heading, body in _chunks(report.source_markdown):
        if level == 0:
            kind = INTRODUCTION if _within(body, parsed.introduction) else NOT_IMPORTED
            went = "The introduction" if kind == INTRODUCTION else "Not imported"
            if body.strip():
                pieces.append(SourcePiece("", 0, body, kind, went))
            continue
        places = []
        if heading in sections:
            section = sections[heading].popleft()
            if not sections[heading]:
                del sections[heading]
            places.append(
                (SECTION, f"Section \u201c{heading}\u201d ({IcoItem(section.ico_item).label})")
            )
        if heading in national:
            part = national[heading].popleft()
            if not national[heading]:
                del national[heading]
            where = (
                f"the shared block\u2019s \u201c{part.aligned_to}\u201d"
                if part.aligned_to
                else "no part of the shared block"
            )
            places.append((NATIONAL, f"The DfE\u2019s text, aligned to {where}"))
        if places:
            placed_level = level
            kind = places[0][0] if len(places) == 1 else NATIONAL
            pieces.append(SourcePiece(heading, level, body, kind, "; ".join(w for _, w in places)))
        elif not title_taken and heading == parsed.title:
            title_taken = True
            pieces.append(SourcePiece(heading, level, "", TITLE, "The title"))
            if body.strip():
                # The text under the title, before the first section, is the introduction.
                kind = INTRODUCTION if _within(body, parsed.introduction) else NOT_IMPORTED
                went = "The introduction" if kind == INTRODUCTION else "Not imported"
                pieces.append(SourcePiece("", 0, body, kind, went))
            placed_level = 0
        elif body.strip() and _within(body, parsed.young_people_summary):
            pieces.append(
                SourcePiece(
                    heading, level, body, SUMMARY, "The summary for children and young people"
                )
            )
            placed_level = level
        elif placed_level and level > placed_level:
            pieces.append(SourcePiece(heading, level, body, WITHIN, "Read with the part above"))
        else:
            pieces.append(SourcePiece(heading, level, body, NOT_IMPORTED, "Not imported"))
    return pieces


def _chunks(markdown: str) -> list[tuple[int, str, str]]:
    """(level, heading, body) for each headed piece; level 0 for the text before the first."""
    chunks: list[tuple[int, str, list[str]]] = [(0, "", [])]
    for line in markdown.splitlines():
        match = _HEADING.match(line)
        if match:
            chunks.append((len(match.group(1)), _ESCAPE.sub(r"\1", match.group(2)), []))
        else:
            chunks[-1][2].append(line)
    return [(level, heading, "\n".join(lines).strip()) for level, heading, lines in chunks]


def _within(body: str, text: str) -> bool:
    words = " ".join(body.split())
    return bool(words) and words in " ".join(text.split())
