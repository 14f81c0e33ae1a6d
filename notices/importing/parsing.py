"""Understanding an imported notice: clean Markdown in, a structured proposal out.

notices.importing.reading turns the council's file into Markdown; this module reads that Markdown
the way a person filling in the admin would: the title, the introduction, the young people's
summary, the sections (each tagged with the ICO checklist item it most likely answers), the data
categories and recipients it lists (matched to the shared libraries, or kept as proposals), the
retention periods it states, the lawful bases it cites, the council's contact details, and the
sections that are the council's old copy of the shared DfE/NPD text, with how far that copy has
drifted from the current block.

It is pure: it touches no database, and the caller passes the libraries and the shared block in.
Everything it finds is a proposal for a person to check, so it guesses nothing it cannot read: a
retention period with no event to count from, or an article that does not exist, is left out.

The shared DfE/NPD text is the Department for Education's, not the council's, so nothing is read
from it (no contacts, lawful bases, lists or retention periods): its DfE contact details must
never become the council's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from notices.importing.dfe_passages import split_dfe_paragraphs
from notices.importing.inline_lists import enumerated_items
from notices.importing.lawful_basis_names import dotted_citations, named_bases
from notices.importing.matching import LibraryItem, LibraryMatcher, normalise_name
from notices.models import IcoItem, LawfulBasis, NoticeRecipient, RetentionPeriod
from notices.publishing.diffing.blocks import reading_text
from notices.publishing.diffing.results import DELETE, INSERT, TextDiff
from notices.publishing.diffing.words import markdown_diff
from notices.text.markdown_lines import SETEXT_UNDERLINE, TABLE_SEPARATOR, THEMATIC_BREAK

__all__ = [
    "FoundContacts",
    "ImportedRetention",
    "ImportedSection",
    "LibraryItem",
    "LibraryMatch",
    "ParsedNotice",
    "SharedTextMatch",
    "parse_notice",
    "tag_section",
]


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


def parse_notice(
    markdown: str,
    *,
    title: str = "",
    data_categories: Sequence[LibraryItem],
    recipients: Sequence[LibraryItem],
    record_kinds: Sequence[LibraryItem],
    shared_block: dict | None,
) -> ParsedNotice:
    """Reads a notice's Markdown into a ParsedNotice.

    `title` is the document's title if the caller knows it (a web page's <title>, a Word
    document's title): a first heading that matches it is taken as the title, not a section.
    `shared_block` is a shared block snapshot ({"title", "introduction", "parts": [{"heading",
    "body"}]}); with None, no section is taken for shared DfE text.
    """
    document = _split_document(_normal_lines(markdown), title)
    shared_text = _SharedBlockText(shared_block) if shared_block else None
    young_people: list[str] = []
    sections: list[ImportedSection] = []
    shared: list[SharedTextMatch] = []
    council_regions = [_Region(document.introduction_lines, ())]
    for part in document.parts:
        if _is_for_young_people(part.heading):
            young_people.append(part.body)
            council_regions.append(_Region(part.lines, ((part.level, part.heading),)))
            continue
        match = shared_text.match(part) if shared_text else None
        if match is not None:
            shared.append(match)
            continue
        own, dfe = split_dfe_paragraphs(part.lines) if shared_text else (part.lines, [])
        if dfe and shared_text:
            # The DfE's text under the council's own heading: aligned with the block, and
            # nothing (recipients, categories) read from it as the council's.
            shared.append(shared_text.passage(_Part(part.heading, part.level, dfe, _markdown(dfe))))
            if not any(line.strip() for line in own):
                continue
            part = _Part(part.heading, part.level, own, _markdown(own))
        item, reason = tag_section(part.heading, part.body)
        sections.append(ImportedSection(part.heading, part.body, item, reason))
        council_regions.append(_Region(part.lines, ((part.level, part.heading),)))

    blocks = [block for region in council_regions for block in _blocks(region)]
    categories, found_recipients = _library_lists(
        blocks, LibraryMatcher(data_categories), LibraryMatcher(recipients)
    )
    return ParsedNotice(
        title=document.title,
        introduction=document.introduction,
        young_people_summary="\n\n".join(body for body in young_people if body),
        sections=tuple(sections),
        data_categories=categories,
        recipients=found_recipients,
        retention_periods=_retention_periods(blocks, LibraryMatcher(record_kinds)),
        lawful_bases=_lawful_bases(block.text for block in blocks),
        contacts=_contacts(blocks),
        shared_text=tuple(shared),
        has_headings=document.has_headings,
    )


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
        rest = lines[start:]
        return _Document(found_title, _markdown(rest), rest, [], True)
    level = min(heading_level for _, heading_level, _ in headings)
    starts = [(index, raw) for index, heading_level, raw in headings if heading_level == level]
    introduction_lines = lines[start : starts[0][0]]
    parts = []
    for number, (index, raw) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        body_lines = lines[index + 1 : end]
        parts.append(_Part(_heading_text(raw), level, body_lines, _markdown(body_lines)))
    return _Document(found_title, _markdown(introduction_lines), introduction_lines, parts, True)


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


# --- ICO checklist tags ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Keyword:
    item: str
    pattern: re.Pattern
    also: re.Pattern | None = None  # a second pattern the text must match too


def _keywords(item: str, *patterns: str, also: str | None = None) -> list[_Keyword]:
    second = re.compile(also) if also else None
    return [_Keyword(item, re.compile(pattern), second) for pattern in patterns]


# In priority order: a heading is tagged with the first entry it matches, so narrower items come
# before the broad ones that share their words ("Why we share it" is about sharing, not
# purposes; "Withdrawing consent" is not about the lawful basis).
ICO_KEYWORDS: tuple[_Keyword, ...] = (
    *_keywords(IcoItem.WITHDRAWING_CONSENT, r"\bwithdraw\w*", also=r"\bconsent"),
    *_keywords(IcoItem.WITHDRAWING_CONSENT, r"\bchang\w* (?:your|their) mind"),
    *_keywords(IcoItem.LEGITIMATE_INTERESTS, r"\blegitimate interests?\b"),
    *_keywords(
        IcoItem.COMPLAINTS,
        r"\bcomplain\w*",
        r"\bico\b",
        r"\binformation commissioner",
        r"\bnot happy\b",
        r"\bunhappy\b",
        r"\brais\w* a concern",
    ),
    *_keywords(
        IcoItem.AUTOMATED_DECISIONS,
        r"\bautomated\b",
        r"\bprofiling\b",
        r"\bdecisions? (?:made )?by (?:a )?computers?\b",
        r"\bcomputers? making decisions\b",
        r"\barticle 22\b",
    ),
    *_keywords(
        IcoItem.TRANSFERS_ABROAD,
        r"\boutside (?:of )?(?:the )?(?:uk|united kingdom|eea|european economic area)\b",
        r"\babroad\b",
        r"\boverseas\b",
        r"\btransfer(?:s|red|ring)?\b",
        r"\bthird countr",
        r"\binternational\b",
    ),
    *_keywords(
        IcoItem.LAWFUL_BASIS,
        r"\blawful\b",
        r"\blegal (?:bas[ie]s|reasons?|grounds?)\b",
        r"\barticle (?:6|9|10)\b",
        r"\bwhat allows us\b",
        r"\bthe law (?:that|which) (?:lets|allows)\b",
    ),
    *_keywords(
        IcoItem.STATUTORY_REQUIREMENT,
        r"\bdo (?:you|i|we) have to\b",
        r"\brequired by law\b",
        r"\bstatutory\b",
        r"\bmust (?:be provided|(?:you|i) (?:give|provide|tell))\b",
        r"\bhave to (?:give|provide|tell)\b",
    ),
    *_keywords(
        IcoItem.RETENTION,
        r"\bhow long\b",
        r"\bretention\b",
        r"\bretain\w*",
        r"\bkeep(?:ing)? your\b",
    ),
    *_keywords(IcoItem.CONTACT, r"\bwho we are\b"),
    *_keywords(
        IcoItem.RECIPIENTS,
        r"\bshar(?:e|es|ed|ing)\b",
        r"\bwho (?:we|do we|does the council)\b",
        r"\brecipients?\b",
        r"\bdisclos\w*",
    ),
    *_keywords(
        IcoItem.SOURCES,
        r"\bwhere (?:do )?we get\b",
        r"\bsources?\b",
        r"\bcomes? from\b",
        r"\bhow (?:we|do we|the council) (?:collect|gets?|obtain)",
        r"\bcollecting\b",
    ),
    *_keywords(
        IcoItem.CATEGORIES,
        r"\bwhat (?:personal )?(?:information|data)\b",
        r"\bcategor(?:y|ies)\b",
        r"\bthe (?:personal )?(?:data|information) we\b",
        r"\b(?:information|data) (?:we|the council) (?:collects?|holds?|keeps?|process\w*|uses?)\b",
        r"\btypes? of (?:personal )?(?:information|data)\b",
        r"\bwhat (?:do )?we (?:collect|hold)\b",
        r"\bpersonal (?:data|information) (?:processed|we process|we hold|we collect)\b",
    ),
    *_keywords(
        IcoItem.RIGHTS,
        r"\brights?\b",
        r"\baccess\w*",
    ),
    *_keywords(
        IcoItem.CONTACT,
        r"\bcontact\w*",
        r"\bdata protection officer\b",
        r"\bdpo\b",
        r"\bget in touch\b",
    ),
    *_keywords(
        IcoItem.PURPOSES,
        r"\bwhy (?:we|do we|the council|does the council)\b",
        r"\bpurposes?\b",
        r"\bhow (?:we|the council) uses?\b",
        r"\bwhat (?:do )?we use\b",
        r"\bused for\b",
    ),
)

# A section tagged from its text alone needs this many keyword mentions: one passing "access"
# in a section about security does not make it a section about rights.
BODY_KEYWORD_MENTIONS = 2


def _keyword_text(text: str) -> str:
    return text.casefold().replace("’", "'").replace("-", " ")


@functools.lru_cache(maxsize=1024)  # every block asks about the same few headings
def _heading_tag(heading: str) -> tuple[str, str] | None:
    """(ICO item, the words that decided) for a heading, or None."""
    text = _keyword_text(heading)
    for keyword in ICO_KEYWORDS:
        found = keyword.pattern.search(text)
        if found and (keyword.also is None or keyword.also.search(text)):
            words = f'"{found.group()}"'
            if keyword.also is not None:
                words += f' and "{keyword.also.search(text).group()}"'
            return keyword.item, words
    return None


def tag_section(heading: str, body: str) -> tuple[str, str]:
    """The ICO checklist item a section most likely answers, and why in a few words.

    The heading decides when it names an item (the first entry of ICO_KEYWORDS it matches);
    otherwise the body does, by the item it mentions most (the earliest first mention on a tie),
    if it mentions it at least BODY_KEYWORD_MENTIONS times; otherwise the item is "other".
    """
    found = _heading_tag(heading)
    if found:
        return str(found[0]), f"heading mentions {found[1]}"
    text = _keyword_text(body)
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str]] = {}
    for keyword in ICO_KEYWORDS:
        if keyword.also is not None and not keyword.also.search(text):
            continue
        for mention in keyword.pattern.finditer(text):
            counts[keyword.item] = counts.get(keyword.item, 0) + 1
            if keyword.item not in first or mention.start() < first[keyword.item][0]:
                first[keyword.item] = (mention.start(), mention.group())
    if counts:
        item = max(counts, key=lambda key: (counts[key], -first[key][0]))
        if counts[item] >= BODY_KEYWORD_MENTIONS:
            return str(item), f'text mentions "{first[item][1]}" ({counts[item]} times)'
    return str(IcoItem.OTHER), "no checklist words in the heading or text"


# --- The young people's summary -------------------------------------------------------------

_YOUNG_PEOPLE_HEADING = re.compile(
    r"\bif you(?:'re| are) (?:a )?(?:child|young|under 18)"
    r"|^(?:a |the )?(?:short |simple |plain |easy )?(?:summary |version |guide )?for "
    r"(?:children|young people|kids)\b(?!')"
    r"|\b(?:summary|version|guide|notice) for (?:children|young people|kids)\b(?!')"
    r"|\beasy read\b|^in short\b|^(?:the |a )?short version\b|\bchild friendly\b"
    r"|\b(?:young people|children)'s (?:summary|version|guide)\b"
)


def _is_for_young_people(heading: str) -> bool:
    return bool(_YOUNG_PEOPLE_HEADING.search(_keyword_text(heading).strip()))


# --- The shared DfE/NPD text ----------------------------------------------------------------

# A heading this alike to a block part's heading (difflib ratio) is that part.
SHARED_HEADING_RATIO = 0.8
# A body this alike (difflib ratio of words) to a block part's body is that part; less alike,
# it is compared with the whole block.
SHARED_BODY_RATIO = 0.5
# A DfE part less alike than that to any block part is still aligned with the most alike if it
# reaches this, unless it is as long as most of the block (WHOLE_BLOCK_SHARE of its words).
LOOSE_BODY_RATIO = 0.2
WHOLE_BLOCK_SHARE = 0.6
# Words of a body compared no further than this: a bound on difflib's work.
_COMPARED_WORDS = 3000

_DFE_HEADING = re.compile(
    r"\bdepartment for education\b|\bdfe\b|\bnational pupil database\b|\bnpd\b"
    r"|(?<!local )\bgovernment\b"
)
_DFE_PASSAGE = re.compile(
    r"\bnational pupil database\b|\bssda ?903\b|\bchild(?:ren)? in need census\b"
    r"|\b(?:looked after children|children looked after) (?:return|census)\b"
)
_DFE_NAME = re.compile(r"\bdepartment for education\b|\bdfe\b")
_DFE_COLLECTION = re.compile(
    r"\bdata collections?\b|\bcollects\b|\bshares\b|\bhow to request\b"
    r"|\bfind out more about the data collection requirements\b"
)
_HEADING_STOPWORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "by", "with", "about", "from"}
    | {"at", "we", "us", "our", "you", "your", "it", "its", "this", "that", "how", "what", "why"}
    | {"who", "where", "when", "do", "does", "is", "are", "be", "data", "information"}
)


# Abbreviations headings use for the block's words.
_HEADING_ABBREVIATIONS = {
    "dfe": ("department", "education"),
    "npd": ("national", "pupil", "database"),
}


def _content_words(text: str) -> set[str]:
    words: set[str] = set()
    for word in normalise_name(text.replace("-", " ")).split():
        words.update(_HEADING_ABBREVIATIONS.get(word, (word,)))
    return words - _HEADING_STOPWORDS


def _body_words(text: str) -> list[str]:
    return _keyword_text(reading_text(text)).split()[:_COMPARED_WORDS]


@dataclass(frozen=True)
class _Candidate:
    """The block's title (standing for the whole block) or one of its parts, ready to compare."""

    heading: str
    normal: str
    words: frozenset[str]
    body: str  # the block text it stands for, in Markdown
    body_words: list[str]
    is_whole_block: bool


class _SharedBlockText:
    """The shared block, prepared once per document, and the test of whether an imported
    section is a copy of it."""

    def __init__(self, block: dict) -> None:
        parts = [
            (str(part.get("heading") or ""), str(part.get("body") or ""))
            for part in (block.get("parts") or [])
            if isinstance(part, dict) and part.get("heading")
        ]
        texts = [str(block.get("introduction") or "")]
        texts += [f"### {heading}\n\n{body}" for heading, body in parts]
        whole = "\n\n".join(text for text in texts if text.strip())
        title = str(block.get("title") or "")
        # The title first: a heading as like the title as a part's means the whole block.
        entries = [(title, whole, True)] if title else []
        entries += [(heading, body, False) for heading, body in parts]
        self.candidates = [
            _Candidate(
                heading,
                normalise_name(heading)[:300],
                frozenset(_content_words(heading)),
                body,
                _body_words(body),
                is_whole,
            )
            for heading, body, is_whole in entries
        ]
        self.whole = whole
        self.whole_words = _body_words(whole)

    def match(self, part: _Part) -> SharedTextMatch | None:
        """The block text `part` is a copy of, or None when it is the council's own text.

        A section is shared text when its heading is like the block's title or a part's heading
        (difflib ratio, or most of its words), or names the Department for Education, the
        National Pupil Database or the government, or (under a heading about no checklist item)
        its text has the DfE returns' key passages."""
        closest = self._closest_heading(part.heading)
        if closest is not None and closest.is_whole_block:
            # A heading like the block's title over only part of its text: the part it is like,
            # so that part is not reported as the whole block with most of it "removed".
            return self.passage(part, f'heading like "{closest.heading}"')
        if closest is not None:
            return self._drift(part, closest, f'heading like "{closest.heading}"')
        if _DFE_HEADING.search(_keyword_text(part.heading)):
            reason = "heading names the Department for Education or its data"
        elif _heading_tag(part.heading) is None and _has_dfe_passages(_keyword_text(part.body)):
            reason = "text has the DfE data collection passages"
        else:
            return None
        return self.passage(part, reason)

    def passage(
        self, part: _Part, reason: str = "text has the DfE data collection passages"
    ) -> SharedTextMatch:
        """`part`, known to be DfE text, aligned with the block part its body is most like."""
        words = _body_words(part.body)
        best, best_ratio = None, 0.0
        for candidate in self.candidates:
            if candidate.is_whole_block or not words or not candidate.body_words:
                continue
            ratio = SequenceMatcher(None, words, candidate.body_words, autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = candidate, ratio
        if best_ratio < SHARED_BODY_RATIO and (
            len(words) >= WHOLE_BLOCK_SHARE * len(self.whole_words) or best_ratio < LOOSE_BODY_RATIO
        ):
            # As long as most of the block, it is compared with all of it; a shorter part that
            # is like none of the block's parts is compared with all of it too, as before.
            best = None
        return self._drift(part, best, reason)

    def _closest_heading(self, heading: str) -> _Candidate | None:
        normal = normalise_name(heading)[:300]
        if not normal:
            return None
        words = _content_words(heading)
        matcher = SequenceMatcher(None)
        matcher.set_seq2(
            normal
        )  # difflib caches the second sequence: the heading, compared 7 times
        best, best_score = None, 0.0
        for candidate in self.candidates:
            if not candidate.normal:
                continue
            overlap = len(words & candidate.words) / len(words) if len(words) >= 2 else 0.0
            matcher.set_seq1(candidate.normal)
            ratio = 0.0
            # Cheapest bound first: each is an upper bound of the next.
            if (
                matcher.real_quick_ratio() >= SHARED_HEADING_RATIO
                and matcher.quick_ratio() >= SHARED_HEADING_RATIO
            ):
                ratio = matcher.ratio()
            score = max(ratio, overlap)
            if score > best_score:
                best, best_score = candidate, score
        return best if best_score >= SHARED_HEADING_RATIO else None

    def _drift(self, part: _Part, candidate: _Candidate | None, reason: str) -> SharedTextMatch:
        whole = candidate is None or candidate.is_whole_block
        drift = markdown_diff(self.whole if whole else candidate.body, part.body)
        has_drifted = any(
            segment.kind in (INSERT, DELETE) for diff in drift.blocks for segment in diff.segments
        )
        return SharedTextMatch(
            heading=part.heading,
            imported_text=part.body,
            block_part_heading="" if whole else candidate.heading,
            drift=drift,
            has_drifted=has_drifted,
            reason=reason,
        )


def _has_dfe_passages(text: str) -> bool:
    return bool(
        _DFE_PASSAGE.search(text) or (_DFE_NAME.search(text) and _DFE_COLLECTION.search(text))
    )


# --- Data categories and recipients ---------------------------------------------------------

_CATEGORIES = "categories"
_RECIPIENTS = "recipients"

# What separates a list item's name from what the council says about it.
_NAME_SEPARATOR = re.compile(r"\s+[-–—]\s+|:(?=\s|$)|\s*\(")

_ROUTINELY = re.compile(
    r"\b(?:routine(?:ly)?|regularly|always|every (?:year|month|term|week|quarter)|annual(?:ly)?"
    r"|termly|monthly|weekly|yearly)\b"
)
_WHEN_NECESSARY = re.compile(
    r"\b(?:when(?:ever)?|if|where) (?:it is )?(?:necessary|needed|required|appropriate|relevant)"
    r"\b|\bsometimes\b|\boccasionally\b|\bon request\b|\bcase by case\b|\bonly (?:when|if|where)\b"
)


def _list_topic(headings: Iterable[str]) -> str | None:
    """Whether lists under these headings name data categories or recipients: the innermost
    heading about any checklist item decides ("Why we share it" lists reasons, not bodies)."""
    for heading in reversed(tuple(headings)):
        tag = _heading_tag(heading)
        if tag is None:
            continue
        if tag[0] == IcoItem.CATEGORIES:
            return _CATEGORIES
        if tag[0] == IcoItem.RECIPIENTS and not _keyword_text(heading).startswith("why"):
            return _RECIPIENTS
        return None
    return None


def _split_name(text: str) -> tuple[str, str]:
    """'Police – to keep children safe' → ('Police', 'to keep children safe'). A bracket holding
    one word is an abbreviation ('Department for Education (DfE)'), not a separator."""
    position = 0
    while True:
        separator = _NAME_SEPARATOR.search(text, position)
        if separator is None:
            return text.strip(), ""
        if separator.group().endswith("("):
            close = text.find(")", separator.end())
            inside = text[separator.end() : close] if close != -1 else ""
            if inside and " " not in inside.strip() and close == len(text.rstrip()) - 1:
                return text.strip(), ""  # "Department for Education (DfE)"
            if inside and " " not in inside.strip():
                position = close + 1
                continue
        return text[: separator.start()].strip(), _clean_detail(text[separator.start() :])


def _clean_detail(text: str) -> str:
    text = text.strip().lstrip("-–—:,;").strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text.rstrip(";,").strip()


# What starts a description after a library name, without a separator.
_DETAIL_START = re.compile(
    r"\s*(?:[,;]|(?:such as|including|includes|like|for example|e\.g\.|eg|especially|"
    r"particularly|which|who|whose|where|when|about|to|for|from|with|in|on)\b)",
    re.I,
)
# Words in a list item short enough to be a name rather than a description.
SHORT_NAME_WORDS = 6
# A table column saying how often, read for a recipient's frequency rather than its purpose.
_HOW_OFTEN = re.compile(r"\bhow often\b|\bfrequen|\bwhen\b", re.I)


def _clean_item(text: str) -> str:
    text = text.strip().rstrip(";,.:").strip()
    return re.sub(r"\s+(?:and|or)$", "", text)


def _library_match(
    text: str, matcher: LibraryMatcher, detail: str = "", *, whole_names_only: bool = False
) -> LibraryMatch:
    """`text` matched to the library; `detail` (a table row's other cells) when given.

    With `whole_names_only` (recipients: who the council shares with is a legal statement), a
    name counts only when it is the item's whole name, or its start followed by a description
    ("Police, to prevent crime"); a name met in passing leaves the item a proposal, never merged
    into the nearest library entry."""
    text = _clean_item(text)
    name, after = _split_name(text)
    found = matcher.match(name)
    if (
        found is not None
        and whole_names_only
        and found.how != "exact"
        and (found.how == "contains" or not _DETAIL_START.match(name, found.end))
    ):
        found = None
    if found is None:
        return LibraryMatch(text, None, detail or after, name=name)
    if detail:
        return LibraryMatch(text, found.slug, detail, name=name)
    if found.how == "contains":
        # A long item names its category in passing, and all of it describes it; a short one
        # ("Fostering and adoption agencies") is a name, not a description.
        described = len(name.split()) > SHORT_NAME_WORDS
        return LibraryMatch(text, found.slug, after or (text if described else ""), name=name)
    if _DETAIL_START.match(name, found.end):
        # "Personal details such as names", "Adoption information, including court orders".
        return LibraryMatch(text, found.slug, _clean_detail(text[found.end :]), name=name)
    # "GPs and hospitals: for health checks", "Health agencies": the name goes on; the detail,
    # if any, is after the separator.
    return LibraryMatch(text, found.slug, after, name=name)


# Between the bodies one line names: "the police, schools and the NHS".
_BODY_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")


def _recipient_matches(text: str, matcher: LibraryMatcher, detail: str) -> list[LibraryMatch]:
    """A recipient item as the bodies it names: its whole name, or (when that is no library
    name) each of the names it lists, when every one of them is a library name or alias. One
    line naming three bodies gives three; anything else is one proposal, never the nearest."""
    cleaned = _clean_item(text)
    # The whole line as a list of names, or its name part (before ":" or " - ") as one.
    for name, after in ((cleaned, ""), _split_name(cleaned)):
        parts = [part.strip() for part in _BODY_SEPARATOR.split(name) if part.strip()]
        found = [matcher.match(part) for part in parts]
        if len(parts) < 2 or not all(match and match.how == "exact" for match in found):
            continue
        slugs = list(dict.fromkeys(match.slug for match in found if match))
        names = {match.slug: part for part, match in zip(parts, found, strict=True) if match}
        return [
            LibraryMatch(text, slug, detail or after, name=name if len(slugs) == 1 else names[slug])
            for slug in slugs
        ]
    return [_library_match(text, matcher, detail, whole_names_only=True)]


def _frequency(*texts: str) -> str:
    """A recipient's NoticeRecipient.Frequency when its text (or its list's introduction) says."""
    for text in texts:
        text = _keyword_text(text)
        routinely, necessary = _ROUTINELY.search(text), _WHEN_NECESSARY.search(text)
        if routinely and (not necessary or routinely.start() < necessary.start()):
            return str(NoticeRecipient.Frequency.ROUTINELY)
        if necessary:
            return str(NoticeRecipient.Frequency.WHEN_NECESSARY)
    return ""


# The longest detail merged from several items: the models' detail and purpose fields hold 5,000.
DETAIL_LENGTH = 5000


class _MatchList:
    """Matches in document order, each library item once: a second item matching the same one
    adds its detail to the first. Proposals are kept once per name in the same way."""

    def __init__(self) -> None:
        self.matches: list[LibraryMatch] = []
        self.positions: dict[str, int] = {}

    def add(self, match: LibraryMatch) -> int:
        key = f"slug:{match.slug}" if match.slug else f"name:{normalise_name(match.text)}"
        if key in self.positions:
            index = self.positions[key]
            self.add_detail(index, match.detail)
            return index
        self.matches.append(match)
        self.positions[key] = len(self.matches) - 1
        return len(self.matches) - 1

    def add_detail(self, index: int, detail: str) -> None:
        kept = self.matches[index]
        if (
            detail
            and len(kept.detail) < DETAIL_LENGTH
            and detail.casefold() not in kept.detail.casefold()
        ):
            merged = f"{kept.detail}; {detail}" if kept.detail else detail
            self.matches[index] = replace(kept, detail=merged)


def _library_lists(
    blocks: list[_Block], categories: LibraryMatcher, recipients: LibraryMatcher
) -> tuple[tuple[LibraryMatch, ...], tuple[LibraryMatch, ...]]:
    """Every list item and table row under a heading about data categories or recipients."""
    found = {_CATEGORIES: _MatchList(), _RECIPIENTS: _MatchList()}
    matchers = {_CATEGORIES: categories, _RECIPIENTS: recipients}
    parent: int | None = None  # the top-level item that nested items describe
    for block in blocks:
        topic = _list_topic(block.headings)
        if block.kind == _PARAGRAPH:
            if topic == _CATEGORIES:
                # "We collect information such as your name, date of birth and address": the
                # items that name a library category; prose proposes nothing.
                for item in enumerated_items(reading_text(block.text)):
                    match = _library_match(item, categories)
                    if match.slug:
                        found[_CATEGORIES].add(match)
            continue
        if topic is None:
            parent = None
            continue
        if block.kind == _ITEM and block.depth > 0:
            if parent is not None:
                found[topic].add_detail(parent, _clean_item(reading_text(block.text)))
            continue
        if block.kind == _ITEM:
            text, detail = reading_text(block.text), ""
        else:
            text = block.cells[0] if block.cells else ""
            headers = (*block.header[1:], *[""] * len(block.cells))
            detail = "; ".join(
                cell
                for cell, header in zip(block.cells[1:], headers, strict=False)
                if cell and not _HOW_OFTEN.search(header)
            )
        if not _clean_item(text):
            continue
        if topic == _RECIPIENTS:
            frequency = _frequency(block.reading, block.lead_in)
            for match in _recipient_matches(text, matchers[topic], detail):
                parent = found[topic].add(replace(match, frequency=frequency))
            continue
        parent = found[topic].add(_library_match(text, matchers[topic], detail))
    return tuple(found[_CATEGORIES].matches), tuple(found[_RECIPIENTS].matches)


# --- Retention periods ----------------------------------------------------------------------

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_UNITS += ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen")
_TEENS += ("eighteen", "nineteen", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth")
_TEENS += ("fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TENS += ("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth")
_TENS += ("eightieth", "ninetieth")
_WORD_VALUES = {
    **{word: index % 9 + 1 for index, word in enumerate(_UNITS)},
    **{word: index % 10 + 10 for index, word in enumerate(_TEENS)},
    **{word: (index % 8 + 2) * 10 for index, word in enumerate(_TENS)},
}
_BELOW_HUNDRED = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_UNITS)}))?"
    rf"|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})\b"
)
_NUMBER = (
    rf"(?:\d{{1,3}}(?:st|nd|rd|th)?\b|(?:one|a)\s+hundred(?:th)?\b(?:(?:\s+and)?\s+{_BELOW_HUNDRED})?"
    rf"|{_BELOW_HUNDRED})"
)

_DURATION = re.compile(
    rf"\b(?P<number>{_NUMBER})[\s-]{{0,3}}(?P<unit>years?|yrs?|months?)\b"
    rf"(?:,?\s{{1,3}}(?:and\s{{1,3}})?(?P<months>{_NUMBER})[\s-]{{0,3}}months?\b)?"
)
# Ages: "until their 25th birthday", "the 75th anniversary of the date of birth", "until the young
# person is 25", "until age 18". Each is a number of years counted from the date of birth.
_AGE = re.compile(
    rf"\b(?P<number>{_NUMBER})\s+(?:birthday\b|anniversary of (?:the |their |the child's |his or "
    rf"her )?(?:date of )?birth\b)"
    rf"|\buntil (?:(?:the|a) (?:child|young person|person|adult|individual|young adult)|they|he or "
    rf"she|you)\s+(?:is|are|reaches|reach|turns|turn|becomes|become)\s+(?:the age of\s+|age\s+|"
    rf"aged\s+)?(?P<number2>{_NUMBER})(?:\s+years(?: old| of age)?)?"
    rf"|\buntil (?:the )?age (?:of )?(?P<number3>{_NUMBER})(?:\s+years)?"
)
_TRIGGERS = {
    RetentionPeriod.Trigger.DATE_OF_BIRTH: r"date of birth|\bd\.?o\.?b\b|\bbirth ?day|\bborn\b"
    r"|\bbirth\b",
    RetentionPeriod.Trigger.ADOPTION_ORDER: r"\badoption order|\bdate of (?:the )?adoption\b"
    r"|\badoption (?:is|was|has been) (?:granted|made|final)",
    RetentionPeriod.Trigger.CASE_CLOSURE: r"\bclos(?:e|ed|es|ing|ure)\b|\bend of (?:the |our )?"
    r"(?:case|involvement|support)\b",
    RetentionPeriod.Trigger.LAST_CONTACT: r"\blast (?:contact|involvement|entry|action|activity)\b",
    RetentionPeriod.Trigger.RECORD_CREATED: r"\bcreat(?:ed|ion|e|ing)\b|\b(?:is|was|were) opened\b",
    RetentionPeriod.Trigger.LEAVING_CARE: r"\b(?:leav(?:es|ing|e)|left) (?:our |local authority )?"
    r"care\b|\bceas(?:es|ed|ing) to be looked after",
    RetentionPeriod.Trigger.DEATH: r"\bdeath\b|\bdied\b|\bdies\b|\bdeceased\b",
}
_TRIGGER = re.compile(
    "|".join(f"(?P<t{index}>{pattern})" for index, pattern in enumerate(_TRIGGERS.values()))
)
_TRIGGER_VALUES = list(_TRIGGERS)
_COUNTED_FROM = re.compile(
    r"\s*(?:of|from|after|since|following|beyond|past|counted from|starting from)\b"
)
_PLUS = re.compile(r"(?:plus|\+)\s*$")
_MINIMUM_BEFORE = re.compile(r"\b(?:at least|minimum|no less than|not less than|at a minimum)\b")
_MINIMUM_AFTER = re.compile(r"\W{0,3}(?:minimum|at least)\b")
# A period is only read from text about keeping records, or under a heading about it.
_RETENTION_WORDS = re.compile(
    r"\b(?:keep|keeps|kept|retain\w*|retention|held|hold|holds|store|stored|destroy\w*|delet\w*"
    r"|dispos\w*|records?|files?|how long|period)\b"
)
_SUBJECT = re.compile(
    r"(?P<subject>[^.;:]{2,150}?)\s+(?:are|is|will be|must be|should be|shall be|have to be|has "
    r"to be|need to be|needs to be|would be|may be|can be)\s+(?:\w+ly\s+)?(?:kept|retained|held|"
    r"stored)\b",
    re.I,
)
_OBJECT = re.compile(
    r"\bwe (?:will |must |\w+ly )?(?:keep|retain|hold|store)\s+(?P<object>[^.;:]{2,120}?)\s+"
    r"(?:for|until|up to|from|after|till)\b",
    re.I,
)
# Subjects that name no record: "They are kept …" takes its record type from the heading.
_PRONOUNS = frozenset(
    {"it", "they", "them", "these", "this", "those", "records", "information", "data"}
    | {"this information", "these records", "the records", "your records", "your information"}
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])")
# Words in a record type: more, and it is a sentence, not a name.
RECORD_TYPE_WORDS = 12
# Longest period read, in years: a bound against reading a year ("2025 years") as a period.
LONGEST_PERIOD_YEARS = 200
# How far either side of a duration its counting event is looked for, in characters.
_TRIGGER_REACH = 120


def _number(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    total = 0
    for word in re.split(r"[-\s]+", text.casefold()):
        if word.startswith("hundred"):
            total = (total or 1) * 100
        else:
            total += _WORD_VALUES.get(word, 0)
    return total


@dataclass(frozen=True)
class _Period:
    years: int
    months: int
    trigger: str
    is_minimum: bool


def _periods_in(text: str) -> list[_Period]:
    """The retention periods a sentence, list item or row states, in order."""
    lowered = _keyword_text(text)
    found: list[tuple[int, int, _Period | None]] = []  # (start, end, period)
    ages = list(_AGE.finditer(lowered))
    for age in ages:
        number = age.group("number") or age.group("number2") or age.group("number3")
        years = _number(number)
        period = _Period(
            years, 0, str(RetentionPeriod.Trigger.DATE_OF_BIRTH), _is_minimum(lowered, *age.span())
        )
        found.append(
            (age.start(), age.end(), period if 0 < years <= LONGEST_PERIOD_YEARS else None)
        )
    in_an_age = set()  # "25 years" in "until they are 25 years old" was read as an age
    for age in ages:
        in_an_age.update(range(age.start(), age.end()))
    durations = [
        duration for duration in _DURATION.finditer(lowered) if duration.start() not in in_an_age
    ]
    for index, duration in enumerate(durations):
        previous_end = durations[index - 1].end() if index else 0
        next_start = durations[index + 1].start() if index + 1 < len(durations) else len(lowered)
        amount = _number(duration.group("number"))
        months = amount if duration.group("unit").startswith("month") else amount * 12
        months += _number(duration.group("months")) if duration.group("months") else 0
        trigger = _trigger(lowered, duration.start(), duration.end(), previous_end, next_start)
        period = None
        if trigger and 0 < months <= LONGEST_PERIOD_YEARS * 12:
            minimum = _is_minimum(lowered, duration.start(), duration.end(), previous_end)
            period = _Period(months // 12, months % 12, trigger, minimum)
        found.append((duration.start(), duration.end(), period))
    return [period for _, _, period in sorted(found, key=lambda entry: entry[0]) if period]


def _trigger(text: str, start: int, end: int, previous_end: int, next_start: int) -> str | None:
    """The event a duration is counted from: after it ("25 years from the date of birth") or,
    for "date of birth plus 25 years", before it. None when the text names none."""
    before = text[max(previous_end, start - _TRIGGER_REACH) : start]
    after = text[end : min(next_start, end + _TRIGGER_REACH)]
    after_first = _COUNTED_FROM.match(after) or not _PLUS.search(before)
    looks = [(after, False), (before, True)] if after_first else [(before, True), (after, False)]
    for window, closest_last in looks:
        matches = list(_TRIGGER.finditer(window))
        if matches:
            chosen = matches[-1] if closest_last else matches[0]
            index = int(chosen.lastgroup.removeprefix("t"))
            return str(_TRIGGER_VALUES[index])
    return None


def _is_minimum(text: str, start: int, end: int, previous_end: int = 0) -> bool:
    before = text[max(previous_end, start - 40) : start]
    return bool(_MINIMUM_BEFORE.search(before) or _MINIMUM_AFTER.match(text, end))


def _retention_units(block: _Block) -> list[tuple[str, str, str]]:
    """(text shown, text to read periods from, record type) for each unit of a block."""
    if block.kind == _ROW:
        first, rest = (block.cells[0], " ".join(block.cells[1:])) if block.cells else ("", "")
        if _DURATION.search(_keyword_text(first)) or _AGE.search(_keyword_text(first)):
            return [(block.reading, block.reading, "")]
        return [(block.reading, rest, first)]
    reading = reading_text(block.text)
    if block.kind == _ITEM:
        name, rest = _split_name(reading)
        lowered = _keyword_text(name)
        if (
            rest
            and len(name.split()) <= RECORD_TYPE_WORDS
            and not _DURATION.search(lowered)
            and not _AGE.search(lowered)
        ):
            return [(reading, rest, name)]
        return [(reading, reading, _record_type_in(reading))]
    sentences = _SENTENCE_END.split(reading)
    return [(sentence, sentence, _record_type_in(sentence)) for sentence in sentences]


def _record_type_in(sentence: str) -> str:
    """The record a sentence is about: 'Adoption records are kept …', 'We keep case files …'."""
    subject = _SUBJECT.match(sentence)
    if subject:
        text = subject.group("subject").rsplit(",", 1)[-1]
    else:
        kept = _OBJECT.search(sentence)
        text = kept.group("object") if kept else ""
    text = text.strip()
    if text.casefold() in _PRONOUNS or len(text.split()) > RECORD_TYPE_WORDS:
        return ""
    return text[:1].upper() + text[1:]


def _record_type_from_headings(headings: tuple[str, ...]) -> str:
    """A heading naming a kind of record ("Adoption records"), for 'They are kept …'."""
    heading = headings[-1] if headings else ""
    if heading and _heading_tag(heading) is None and len(heading.split()) <= RECORD_TYPE_WORDS:
        return heading
    return ""


def _retention_periods(
    blocks: list[_Block], record_kinds: LibraryMatcher
) -> tuple[ImportedRetention, ...]:
    found: list[ImportedRetention] = []
    seen: set[tuple] = set()
    for block in blocks:
        about_retention = any(
            (_heading_tag(heading) or ("",))[0] == IcoItem.RETENTION for heading in block.headings
        ) or _RETENTION_WORDS.search(_keyword_text(" ".join(block.header)))
        for shown, text, record_type in _retention_units(block):
            if not about_retention and not _RETENTION_WORDS.search(_keyword_text(shown)):
                continue
            periods = _periods_in(text)
            if not periods:
                continue
            record_type = _clean_item(record_type) or _record_type_from_headings(block.headings)
            matched = record_kinds.match(record_type) if record_type else None
            for period in periods:
                key = (record_type.casefold(), period)
                if key in seen:
                    continue
                seen.add(key)
                found.append(
                    ImportedRetention(
                        text=shown,
                        record_type=record_type,
                        trigger=period.trigger,
                        years=period.years,
                        months=period.months,
                        is_minimum=period.is_minimum,
                        record_kind=matched.slug if matched else None,
                    )
                )
    return tuple(found)


# --- Lawful bases ---------------------------------------------------------------------------

_PROVISIONS = frozenset(str(provision) for provision in LawfulBasis.Provision)
_ARTICLE = re.compile(r"\bart(?:icle|\.)?s?\s{0,3}(?P<article>6|9|10)(?!\d)")
_PARAGRAPH_AND_POINT = re.compile(
    r"\s{0,3}(?:\(\s{0,3}(?P<paragraph>[12])\s{0,3}\)|[\s.]{1,3}(?P<paragraph2>[12])(?!\d))"
    r"\s{0,3}(?:\(\s{0,3}(?P<point>[a-j])\s{0,3}\)|[\s.]{0,3}(?P<point2>[a-j])\b)"
)
_BARE = re.compile(
    r"(?<![\w(])(?P<article>6|9)\s{0,3}\(\s{0,3}(?P<paragraph>[12])\s{0,3}\)\s{0,3}"
    r"\(\s{0,3}(?P<point>[a-j])\s{0,3}\)"
)
# A bare "6(1)(c)" after one of these words cites another law.
_NOT_GDPR = re.compile(
    r"\b(?:sections?|s\.|regulations?|reg\.|paragraphs?|para\.|schedule|part|rules?)\s*$"
)
# "Article 9(2)(g) and (h)": more points of the same article and paragraph.
_MORE_POINTS = re.compile(r"\s{0,3}(?:,|and|or|&|/)\s{0,3}\(\s{0,3}(?P<point>[a-j])\s{0,3}\)")


def _lawful_bases(texts: Iterable[str]) -> tuple[str, ...]:
    """The UK GDPR provisions the texts cite, as LawfulBasis.Provision values, in order."""
    found: list[str] = []
    for text in texts:
        lowered = text.casefold()
        cited: list[tuple[int, list[str]]] = named_bases(lowered)
        if "6" not in lowered and "9" not in lowered and "10" not in lowered:
            _add_provisions(cited, found)
            continue
        cited += dotted_citations(lowered)
        ends: dict[int, int] = {}
        for article in _ARTICLE.finditer(lowered):
            number = article.group("article")
            if number == "10":
                points, end = ["A10"], article.end()
            else:
                points, end = _points(lowered, number, article.end())
            cited.append((article.start(), points))
            ends[article.start()] = end
        starts = sorted(ends)
        position = 0
        for bare in _BARE.finditer(lowered):
            # Skip "6(1)(e)" inside "Article 6(1)(e)", already read.
            while position < len(starts) and ends[starts[position]] <= bare.start():
                position += 1
            if position < len(starts) and starts[position] <= bare.start():
                continue
            if _NOT_GDPR.search(lowered, max(0, bare.start() - 16), bare.start()):
                continue  # "section 6(1)(c) of the Act" is another law's
            points, _ = _points(lowered, bare.group("article"), bare.start() + 1)
            cited.append((bare.start(), points))
        _add_provisions(cited, found)
    return tuple(found)


def _add_provisions(cited: list[tuple[int, list[str]]], found: list[str]) -> None:
    """Each provision cited, in the order of the text, to `found` once."""
    for _, provisions in sorted(cited, key=lambda entry: entry[0]):
        for provision in provisions:
            if provision in _PROVISIONS and provision not in found:
                found.append(provision)


def _points(text: str, article: str, position: int) -> tuple[list[str], int]:
    """The provisions cited at `position`, just after an article's number, and where they end."""
    cited = _PARAGRAPH_AND_POINT.match(text, position)
    if not cited:
        return [], position
    paragraph = cited.group("paragraph") or cited.group("paragraph2")
    provisions = [f"A{article}-{paragraph}-{cited.group('point') or cited.group('point2')}"]
    end = cited.end()
    while more := _MORE_POINTS.match(text, end):
        provisions.append(f"A{article}-{paragraph}-{more.group('point')}")
        end = more.end()
    return provisions, end


# --- Contacts -------------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.%+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d(?:[ \-)]{0,2}\d){7,10}(?!\d)")
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b")
_ICO_REGISTRATION = re.compile(r"\bZ[A-Z0-9]{7}\b")
_DPO = re.compile(r"\bdata protection officer\b|\bdpo\b", re.I)
_DPO_MAILBOX = re.compile(r"dpo|data\W?protection", re.I)
_DPO_NAME = re.compile(r"((?:[A-Z][\w'’-]*\s+){0,3})Data Protection Officer\b")
_NOT_PART_OF_A_NAME = frozenset(
    {"the", "our", "your", "a", "an", "contact", "contacting", "email", "e-mail", "write", "call"}
    | {"phone", "ask", "please", "to", "by", "for", "of", "and", "or", "at", "via", "from"}
    | {"council's"}
)
# The Information Commissioner's own contact details, which notices give for complaints: never
# the council's.
_ICO_PHONES = frozenset({"03031231113", "01625545745"})
_ICO_POSTCODE = "SK95AF"
_ICO_DOMAIN = re.compile(r"@(?:[\w-]+\.)*ico\.org\.uk$", re.I)
_LABEL = re.compile(r"^[^:]{0,40}:\s*")


def _national_phone(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    if number.lstrip().startswith("+44"):
        digits = digits[2:]
        digits = digits if digits.startswith("0") else "0" + digits
    return digits


def _phones(text: str) -> list[str]:
    phones = []
    for found in _PHONE.finditer(text):
        digits = _national_phone(found.group())
        if len(digits) in (10, 11) and digits[1] != "0" and digits not in _ICO_PHONES:
            phones.append(" ".join(found.group().split()))
    return phones


def _emails(text: str) -> list[str]:
    return [
        email.rstrip(".")
        for email in _EMAIL.findall(text)
        if not _ICO_DOMAIN.search(email.rstrip("."))
    ]


def _addresses(markdown: str) -> list[str]:
    """Postal addresses ending in a UK postcode, one line each: the lines above the postcode's
    (or, on one line, the comma-separated parts), back to a label or introduction."""
    lines = [reading_text(line) for line in markdown.split("\n")]
    addresses = []
    for index, line in enumerate(lines):
        postcode = _POSTCODE.search(line)
        if not postcode or postcode.group().replace(" ", "") == _ICO_POSTCODE:
            continue
        address_lines = [line[: postcode.end()]]
        labelled = bool(_LABEL.match(address_lines[0]))
        above = index - 1
        while not labelled and above >= 0 and len(address_lines) < 8:
            text = lines[above]
            if not text or text.endswith(":") or "@" in text or _PHONE.search(text):
                break
            address_lines.insert(0, text)
            labelled = bool(_LABEL.match(text))
            above -= 1
        address_lines[0] = _LABEL.sub("", address_lines[0])
        parts = [
            part.strip(" ,.") for address_line in address_lines for part in address_line.split(",")
        ]
        parts = [part for part in parts if part]
        if len(parts) == 1:  # "write to us at County Hall HM1 1CH": keep from the first capital
            parts = [re.sub(r"^.*?\b(?:at|to)\s+(?=[A-Z0-9])", "", parts[0])]
        elif parts:
            parts[0] = re.sub(r"^\w[^A-Z0-9]*\b(?:at|to)\s+(?=[A-Z0-9])", "", parts[0])
        if "wycliffe house" not in " ".join(parts).casefold():
            addresses.append("\n".join(parts))
    return addresses


def _dpo_name(text: str) -> str:
    """'Corporate Data Protection Officer' from '… our Corporate Data Protection Officer …'."""
    found = _DPO_NAME.search(text)
    if not found:
        return "Data Protection Officer"
    words = found.group(1).split()
    kept: list[str] = []
    for word in reversed(words):
        if word.casefold() in _NOT_PART_OF_A_NAME:
            break
        kept.insert(0, word)
    return " ".join([*kept, "Data Protection Officer"])


def _contacts(blocks: list[_Block]) -> FoundContacts:
    """The council's contact details. A detail belongs to the Data Protection Officer when its
    paragraph, list item, the list's introduction or the heading above names the DPO (or its
    mailbox is the DPO's); otherwise to the council as controller. The first of each is kept."""
    found: dict[str, str] = {}
    dpo_text = ""
    for block in blocks:
        reading = block.reading
        if block.kind == _PARAGRAPH and "\n" in block.text:
            reading = "\n".join(reading_text(line) for line in block.text.split("\n"))
        nearby = " ".join([reading, block.lead_in, block.headings[-1] if block.headings else ""])
        # A mailbox's name ("dpo@…") is not a mention of the DPO for the details beside it.
        is_dpo = bool(_DPO.search(_EMAIL.sub(" ", nearby)))
        if is_dpo and not dpo_text:
            dpo_text = reading if _DPO.search(reading) else nearby
        for email in _emails(reading):
            role = "dpo" if is_dpo or _DPO_MAILBOX.search(email.split("@")[0]) else "controller"
            found.setdefault(f"{role}_email", email)
        for phone in _phones(reading):
            found.setdefault(f"{'dpo' if is_dpo else 'controller'}_phone", phone)
        for address in _addresses(block.text if block.kind != _ROW else reading):
            found.setdefault(f"{'dpo' if is_dpo else 'controller'}_address", address)
        for number in _ICO_REGISTRATION.findall(reading):
            if sum(character.isdigit() for character in number) >= 6:
                found.setdefault("ico_registration_number", number)
    if any(key.startswith("dpo_") for key in found):
        found["dpo_name"] = _dpo_name(dpo_text)
    return FoundContacts(**found)
