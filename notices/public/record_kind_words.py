"""Which kinds of record a retention row covers, read from the council's own words.

A retention row names one kind of record (its `record_kind`), but councils often write one row
for several: "Child in need and child protection records", or a looked-after children's row whose
note says "Includes care leavers' records". A comparison that counted the row for its one kind
would say the council does not state the others, and a parent would draw the wrong conclusion.

So a row also counts for every kind whose name is in the row's own name, or in what its notes say
it includes ("includes", "including", "also covers"). A kind's name is matched by its telling
words, without the words every kind shares ("records", "case", "data"), as whole words, with
plurals and possessives set aside, followed by one of those shared words or "and"/"or": "care
leavers' records" is "Care leaver records", but "Care Leavers Hub face check images" is not.
Notes that only mention a kind ("Kept with the young person's looked-after case record") do not
count.

Linear in the text: one normalising pass and one regular expression of fixed words per kind,
with no repetition in it.
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

# Words that say nothing about which kind a record is.
_GENERIC = frozenset({"record", "case", "data", "information", "file", "detail"})
_NOT_A_WORD = re.compile(r"[^a-z0-9]+")
# What a note says a row includes: the rest of its sentence after one of these.
_INCLUDES = re.compile(r"\b(?:includ(?:es|ing)|also covers?|together with)\b([^.;]*)")


def _words(text: str) -> list[str]:
    text = text.casefold().replace("'", "").replace("\u2019", "")
    words = _NOT_A_WORD.sub(" ", text).split()
    # "leavers" and "leaver", "children's" and "children", "records" and "record".
    return [word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words]


def _phrase(text: str) -> str:
    return " " + " ".join(_words(text)) + " "


_SHARED = "|".join(sorted(_GENERIC))
_AFTER = "|".join(sorted(_GENERIC | {"and", "or"}))


@dataclass(frozen=True)
class KindName:
    slug: str
    name: str

    def pattern(self) -> re.Pattern | None:
        """The kind's telling words, then (when its name has one) a word such as "records" or
        "and": "Care Leavers Hub images" is not care leaver records, "care leavers' records" is."""
        return _pattern(self.name)


@functools.lru_cache(maxsize=256)  # the library's names: a handful, read on every table
def _pattern(name: str) -> re.Pattern | None:
    words = _words(name)
    telling = [word for word in words if word not in _GENERIC]
    if not telling:
        return None
    phrase = re.escape(" ".join(telling))
    if len(telling) == len(words):
        return re.compile(rf" {phrase} ")
    # "child protection records", "child protection and ...", "case records of looked-after
    # children".
    return re.compile(rf" {phrase} (?:{_AFTER}) | (?:{_SHARED}) of {phrase} ")


def kinds_named(
    *, record_type: str, notes: str, kinds: Iterable[KindName], own: str | None = None
) -> list[str]:
    """The slugs of the kinds a retention row covers: its own first, then each other kind its
    name or an "includes ..." in its notes names, in the order `kinds` gives them."""
    found = [own] if own else []
    text = _phrase(record_type) + " ".join(
        _phrase(match.group(1)) for match in _INCLUDES.finditer(notes.casefold())
    )
    for kind in kinds:
        pattern = kind.pattern()
        if kind.slug not in found and pattern is not None and pattern.search(text):
            found.append(kind.slug)
    return found
