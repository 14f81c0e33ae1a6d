"""How easy each part of a notice is to read, as a reading age staff can see.

The ICO asks for notices people can understand; a number beside each section shows an editor
which part to work on before a family struggles with it. The number is the Flesch-Kincaid grade
(US school year, from sentence length and syllables per word, via `textstat`) plus five, the
usual way to turn it into an age. The targets: 14 for the notice, the age the ICO's own notice
reads at, and 12 for the part written for young people. It is guidance, never a refusal: a formula
cannot tell a clear long word ("Department for Education") from a hard one.

Bullet points and table cells count as sentences of their own. Staff text is Markdown, and a list
of ten items separated by semicolons is ten things to read, not one 200-word sentence.
"""

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import textstat

from notices.text.markdown import render_markdown

SECTION_TARGET = 14
SUMMARY_TARGET = 12
# Below this many words the formula says little; the part is shown without a number.
MIN_WORDS = 20
# Flesch-Kincaid grades are US school years; a reading age adds the five years before them.
GRADE_TO_AGE = 5

_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd"})
_ENDINGS = (".", "!", "?")


@dataclass(frozen=True)
class PartReadability:
    """One part of the notice: `age` is None when the part is too short to judge."""

    label: str
    anchor: str
    age: int | None
    target: int
    words: int

    @property
    def meets_target(self) -> bool:
        return self.age is None or self.age <= self.target


@dataclass(frozen=True)
class NoticeReadability:
    parts: list[PartReadability]

    @property
    def above_target(self) -> list[PartReadability]:
        return [part for part in self.parts if not part.meets_target]


def notice_readability(snapshot: dict[str, Any]) -> NoticeReadability:
    """The reading age of the young people's summary, the introduction and each section."""
    notice = snapshot["notice"]
    parts = [
        _part("Young people's summary", "summary", notice["young_people_summary"], SUMMARY_TARGET),
        _part("About this notice", "introduction", notice["introduction"], SECTION_TARGET),
    ]
    parts += [
        _part(section["heading"], section["anchor"], section["body"], SECTION_TARGET)
        for section in snapshot.get("sections", [])
    ]
    return NoticeReadability(parts=parts)


def readability_context(snapshot: dict[str, Any]) -> dict[str, Any]:
    """What the admin's readability table needs (templates/admin/notices/_readability.html)."""
    return {
        "readability": notice_readability(snapshot),
        "section_target": SECTION_TARGET,
        "summary_target": SUMMARY_TARGET,
    }


def reading_age(markdown: str) -> int | None:
    """The reading age of staff Markdown, or None when it has too few words to judge."""
    text = plain_sentences(markdown)
    if textstat.lexicon_count(text) < MIN_WORDS:
        return None
    return max(0, round(textstat.flesch_kincaid_grade(text) + GRADE_TO_AGE))


def plain_sentences(markdown: str) -> str:
    """The words of the rendered Markdown, each paragraph, list item and cell one sentence."""
    reader = _BlockText()
    reader.feed(render_markdown(markdown or ""))
    reader.close()
    sentences = []
    for block in reader.blocks:
        block = " ".join(block.split()).rstrip(";:,")
        if block:
            sentences.append(block if block.endswith(_ENDINGS) else f"{block}.")
    return " ".join(sentences)


def _part(label: str, anchor: str, markdown: str, target: int) -> PartReadability:
    return PartReadability(
        label=label,
        anchor=anchor,
        age=reading_age(markdown),
        target=target,
        words=textstat.lexicon_count(plain_sentences(markdown)),
    )


class _BlockText(HTMLParser):
    """The HTML's text, split where a block (paragraph, list item, heading, cell) starts or ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = [""]

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.blocks.append("")

    def handle_data(self, data: str) -> None:
        self.blocks[-1] += data
