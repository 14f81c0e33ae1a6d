"""The data categories and recipients recogniser: items from lists, tables and inline enumerations
under headings about either, matched to the shared libraries by whole name or listed alias only,
anything else kept as a proposal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from notices.importing.inline_lists import enumerated_items, introduced_heads
from notices.importing.markdown_blocks import _ITEM, _PARAGRAPH, _Block
from notices.importing.matching import LibraryMatcher, normalise_name
from notices.importing.parsed import LibraryMatch
from notices.importing.section_tags import _heading_tag, _keyword_text
from notices.models import IcoItem, NoticeRecipient
from notices.publishing.diffing.blocks import reading_text

# --- Data categories and recipients ---------------------------------------------------------

_CATEGORIES = "categories"
_RECIPIENTS = "recipients"

# What separates a list item's name from what the council says about it.
_NAME_SEPARATOR = re.compile(
    r"\s+[-–—]\s+|:(?=\s|$)|\s*\(|,?\s+(?=(?:for example|such as|e\.g\.)\b)"
    r"|,\s+(?=including\b)"
)

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


# A list's introducing line that says what the list is, for lists under a heading about no
# checklist item ("More about you" / "The information we hold includes:").
_CATEGORY_LEAD_IN = re.compile(
    r"\b(?:information|data|details) (?:that |which )?(?:we|the council) "
    r"(?:collects?|holds?|keeps?|records?|process\w*)\b"
    r"|\b(?:we|the council) (?:collects?|holds?|keeps?|records?) "
    r"(?:information|data|details)\b"
)
_RECIPIENT_LEAD_IN = re.compile(
    r"\bshar\w* (?:\w+ ){0,3}with\b|\b(?:may|will|can) receive\b|\bpass(?:ed)? (?:\w+ ){0,3}to\b"
)


def _lead_in_topic(headings: Iterable[str], lead_in: str) -> str | None:
    if any(_heading_tag(heading) is not None for heading in headings) or not lead_in:
        return None
    text = _keyword_text(lead_in)
    if _RECIPIENT_LEAD_IN.search(text):
        return _RECIPIENTS
    return _CATEGORIES if _CATEGORY_LEAD_IN.search(text) else None


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


# Between the bodies one line names: "the police, schools and the NHS", "Third sector/voluntary
# agencies".
_BODY_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*")
_OTHER = re.compile(r"^(?:other|the|any)\s+", re.I)


def _body_match(part: str, matcher: LibraryMatcher):
    """A whole-name match for one body of a line, "other education providers" read as
    "education providers"."""
    found = matcher.match(part)
    if found is not None and found.how == "exact":
        return found
    shorter = _OTHER.sub("", part)
    found = matcher.match(shorter) if shorter != part else None
    return found if found is not None and found.how == "exact" else None


def _body_names(name: str) -> list[list[str]]:
    """The ways a line may list bodies: as written, and with a shared last word given to each
    ("Fostering and adoption agencies" is fostering agencies and adoption agencies)."""
    parts = [part.strip() for part in _BODY_SEPARATOR.split(name) if part.strip()]
    ways = [parts]
    last = parts[-1].split() if parts else []
    if len(parts) >= 2 and len(last) >= 2 and all(len(part.split()) == 1 for part in parts[:-1]):
        ways.append([f"{part} {last[-1]}" for part in parts[:-1]] + [parts[-1]])
    return ways


def _recipient_matches(text: str, matcher: LibraryMatcher, detail: str) -> list[LibraryMatch]:
    """A recipient item as the bodies it names: its whole name, or (when that is no library
    name) each of the names it lists, when every one of them is a library name or alias. One
    line naming three bodies gives three; anything else is one proposal, never the nearest."""
    cleaned = _clean_item(text)
    # The whole line as a list of names, or its name part (before ":" or " - ") as one.
    for name, after in ((cleaned, ""), _split_name(cleaned)):
        whole = matcher.match(name)
        if whole is not None and whole.how == "exact":
            break  # "Courts and Cafcass" is one library entry
        for parts in _body_names(name):
            found = [_body_match(part, matcher) for part in parts]
            if len(parts) < 2 or not all(found):
                continue
            slugs = list(dict.fromkeys(match.slug for match in found if match))
            names = {}
            for part, match in zip(parts, found, strict=True):
                names.setdefault(match.slug, part)
            return [
                LibraryMatch(
                    text, slug, detail or after, name=name if len(slugs) == 1 else names[slug]
                )
                for slug in slugs
            ]
    return [_library_match(text, matcher, detail, whole_names_only=True)]


# Between two categories one item names: "Information about being looked after or a child in
# need".
_CATEGORY_SEPARATOR = re.compile(r"\s+(?:and|or)\s+(?:an?\s+)?")


def _category_matches(text: str, matcher: LibraryMatcher, detail: str) -> list[LibraryMatch]:
    """A data category item as the categories it names: one, or (when its name is no library
    name itself) each of two or three joined by "and"/"or" that name different categories,
    every one of them found; otherwise one match or proposal, as _library_match reads it."""
    first = _library_match(text, matcher, detail)
    whole = matcher.match(first.name)
    if whole is not None and whole.how == "exact":
        return [first]
    parts = _CATEGORY_SEPARATOR.split(first.name)
    found = [matcher.match(part) for part in parts] if 2 <= len(parts) <= 3 else []
    slugs = list(dict.fromkeys(match.slug for match in found if match))
    if not found or not all(found) or len(slugs) != len(parts):
        return [first]
    return [replace(first, slug=slug) for slug in slugs]


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
            if topic == _RECIPIENTS:
                # "... in an emergency, for example with the police or the NHS": the bodies
                # named by a library name or alias; prose proposes nothing.
                for item in enumerated_items(reading_text(block.text)):
                    for match in _recipient_matches(item, recipients, ""):
                        if match.slug:
                            found[_RECIPIENTS].add(replace(match, frequency=""))
            if topic == _CATEGORIES:
                # "We collect information such as your name, date of birth and address": the
                # items that name a library category; prose proposes nothing.
                text = reading_text(block.text)
                for item in [*introduced_heads(text), *enumerated_items(text)]:
                    match = _library_match(item, categories)
                    if match.slug:
                        found[_CATEGORIES].add(match)
            continue
        if topic is None:
            topic = _lead_in_topic(block.headings, block.lead_in)
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
        for match in _category_matches(text, matchers[topic], detail):
            parent = found[topic].add(match)
    return tuple(found[_CATEGORIES].matches), tuple(found[_RECIPIENTS].matches)
