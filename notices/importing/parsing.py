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

from collections.abc import Sequence

from notices.importing.contacts import _contacts
from notices.importing.dfe_alignment import _SharedBlockText
from notices.importing.dfe_passages import split_dfe_paragraphs
from notices.importing.lawful_bases import _lawful_bases
from notices.importing.library_lists import _library_lists
from notices.importing.markdown_blocks import (
    _PARAGRAPH,
    _Block,
    _blocks,
    _markdown,
    _normal_lines,
    _Part,
    _Region,
    _split_document,
)
from notices.importing.matching import LibraryItem, LibraryMatcher
from notices.importing.parsed import (
    FoundContacts,
    ImportedRetention,
    ImportedSection,
    LibraryMatch,
    ParsedNotice,
    SharedTextMatch,
)
from notices.importing.retention_rules import _retention_periods
from notices.importing.section_tags import _heading_tag, _is_for_young_people, tag_section
from notices.models import IcoItem

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
            shared.extend(shared_text.aligned(match, part.level))
            continue
        own, dfe = split_dfe_paragraphs(part.lines) if shared_text else (part.lines, [])
        if dfe and shared_text:
            # The DfE's text under the council's own heading: aligned with the block, and
            # nothing (recipients, categories) read from it as the council's.
            passage = shared_text.passage(_Part(part.heading, part.level, dfe, _markdown(dfe)))
            shared.extend(shared_text.aligned(passage, part.level))
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
        lawful_bases=_lawful_bases(_about_the_basis(block) for block in blocks),
        contacts=_contacts(blocks),
        shared_text=tuple(shared),
        has_headings=document.has_headings,
    )


def _about_the_basis(block: _Block) -> tuple[str, bool]:
    """A block's text, and whether it is about the lawful basis: under a heading about it, or a
    list item whose lead-in is ("The lawful bases we rely on are:")."""
    if _innermost_tag(block.headings) == IcoItem.LAWFUL_BASIS:
        return block.text, True
    if block.kind != _PARAGRAPH and block.lead_in:
        return f"{block.lead_in} {block.text}", False
    return block.text, False


def _innermost_tag(headings: Sequence[str]) -> str | None:
    for heading in reversed(headings):
        tag = _heading_tag(heading)
        if tag is not None:
            return tag[0]
    return None
