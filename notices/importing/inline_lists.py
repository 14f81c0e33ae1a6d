"""Lists written inline in a sentence: "such as your name, date of birth and address".

Notices often name their data categories and recipients in prose rather than as a list. This
finds the enumeration after "such as", "including", "includes", "like" or "for example", up to
the sentence's end, and splits it into its items at commas and a last "and" or "or". The parser
matches each item to the library and keeps only the items that match: prose yields no
proposals, as a phrase in a sentence is too loose to propose as a new library entry.
"""

import re

_INTRODUCED = re.compile(
    r"\b(?:such as|including|includes?|like|for example|e\.g\.)\s*[:,]?\s+", re.I
)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n")
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LEADING = re.compile(r"^(?:(?:your|their|his|her|our|the|a|an|any|some|with|to)\s+)+", re.I)
# An enumeration's items are short; a longer piece is a clause, not an item.
_ITEM_WORDS = 6


def enumerated_items(text: str) -> list[str]:
    """The items each "such as ..." in `text` lists, in order."""
    items: list[str] = []
    for introduced in _INTRODUCED.finditer(text):
        end = _SENTENCE_END.search(text, introduced.end())
        run = text[introduced.end() : end.start() if end else len(text)]
        for part in _SEPARATOR.split(run):
            part = _LEADING.sub("", part.strip().strip("()"))
            if part and len(part.split()) <= _ITEM_WORDS:
                items.append(part)
    return items


# "We may also hold relevant criminal history about you, including allegations": what is held,
# named before the examples of it.
_HELD = re.compile(
    r"\b(?:hold|holds|collect|collects|process|processes|keep|keeps|record|records)\s+"
    r"(?P<head>[^,.;:()]{3,80}?),?\s+(?:such as|including|includes|like|for example)\b",
    re.I,
)


def introduced_heads(text: str) -> list[str]:
    """What each "we hold X, including ..." in `text` says is held (X), in order."""
    heads = []
    for found in _HELD.finditer(text):
        head = _LEADING.sub("", found.group("head").strip())
        if head and len(head.split()) <= _ITEM_WORDS:
            heads.append(head)
    return heads
