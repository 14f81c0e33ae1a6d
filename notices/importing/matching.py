"""Matching the names a council's document uses to the shared libraries' items.

Councils name the same thing many ways ("the police", "Police forces"; "GPs and hospitals", "NHS
and health services"), so a name is compared after normalising it (case, punctuation, "and"/"&",
plurals, a leading "the", text in brackets) against each library item's name, its slug, the
synonyms the caller knows and the alias table (notices.importing.library_synonyms). A match is
only ever a proposal for a person to check: nothing here adds to a library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from notices.importing.library_synonyms import SYNONYMS

__all__ = ["SYNONYMS", "LibraryItem", "LibraryMatcher", "NameMatch", "normalise_name"]


@dataclass(frozen=True)
class LibraryItem:
    """One item of a shared library, as the caller passes it in."""

    slug: str
    name: str
    synonyms: tuple[str, ...] = ()  # extra names the caller knows, beside SYNONYMS


# Words that say nothing about which item is meant: "the police" is "police".
_DROPPED_WORDS = frozenset({"and", "or"})
_LEADING_WORDS = frozenset({"the", "a", "an"})
_IRREGULAR = {"children": "child", "childrens": "child", "people": "person"}
# A bracketed aside, e.g. "(DfE)", "(where relevant)"; and a link's URL, which reading text
# writes in brackets.
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _singular(word: str) -> str:
    word = word.replace("’", "'").removesuffix("'s").replace("'", "")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ional") and len(word) > 7:
        word = word[:-2]  # "educational" reads as "education" for matching
    elif len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return _IRREGULAR.get(word, word)


@dataclass(frozen=True)
class _Word:
    key: str  # the normalised word
    end: int  # where the word ends in the original text


def _words(text: str) -> list[_Word]:
    """The words of `text` that matter for matching, each with where it ends in `text`."""
    words: list[_Word] = []
    for match in _WORD.finditer(_without_brackets(text).replace("&", " ")):
        key = _singular(match.group().casefold())
        if key in _DROPPED_WORDS or (not words and key in _LEADING_WORDS):
            continue
        words.append(_Word(key, match.end()))
    return words


def _without_brackets(text: str) -> str:
    """`text` with bracketed asides blanked out, keeping every other character where it was."""
    for _ in range(2):  # twice: "(a (b) c)" loses "(b)", then the rest
        if "(" not in text and "[" not in text:
            break
        text = _BRACKETED.sub(lambda found: " " * len(found.group()), text)
    return text


def normalise_name(text: str) -> str:
    """A name as matching compares it: 'The Police (local force)' → 'police'."""
    return " ".join(word.key for word in _words(text.replace("-", " ").replace("/", " ")))


@dataclass(frozen=True)
class NameMatch:
    """Where a library item's name was found in a piece of text."""

    slug: str
    how: str  # "exact" (the whole text), "prefix" (the text starts with it) or "contains"
    end: int  # where the name ends in the text; what follows is the council's detail


class LibraryMatcher:
    """Finds which item of one library a piece of text names."""

    def __init__(
        self, items: Iterable[LibraryItem], synonyms: Mapping[str, Sequence[str]] = SYNONYMS
    ) -> None:
        self._slugs: dict[tuple[str, ...], str] = {}
        # Names, slugs and the caller's synonyms first, so that the table's guesses never
        # take a name from the item that really bears it.
        items = list(items)
        for item in items:
            for name in (item.name, item.slug, *item.synonyms):
                self._add(name, item.slug)
        for item in items:
            for name in synonyms.get(item.slug, ()):
                self._add(name, item.slug)
        self._longest = max((len(key) for key in self._slugs), default=0)

    def _add(self, name: str, slug: str) -> None:
        key = tuple(normalise_name(name).split())
        if key:
            self._slugs.setdefault(key, slug)

    def match(self, text: str) -> NameMatch | None:
        """The item `text` names: the whole text, else the longest name it starts with, else
        the first name found in it (the longest there)."""
        words = _words(text.replace("-", " ").replace("/", " "))
        keys = [word.key for word in words]
        if not keys:
            return None
        whole = self._slugs.get(tuple(keys))
        if whole:
            return NameMatch(whole, "exact", len(text))
        for start in range(len(keys)):
            for size in range(min(self._longest, len(keys) - start), 0, -1):
                slug = self._slugs.get(tuple(keys[start : start + size]))
                if slug:
                    how = "prefix" if start == 0 else "contains"
                    return NameMatch(slug, how, words[start + size - 1].end)
        return None
