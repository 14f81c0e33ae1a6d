"""The lawful bases recogniser: UK GDPR provisions cited as "Article 6(1)(e)", "6.1(c)",
"Art 9(2)(h)" or named in a sentence (notices.importing.lawful_basis_names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from notices.importing.lawful_basis_names import dotted_citations, named_bases
from notices.models import LawfulBasis

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


def _lawful_bases(texts: Iterable[str | tuple[str, bool]]) -> tuple[str, ...]:
    """The UK GDPR provisions the texts cite, as LawfulBasis.Provision values, in order. A text
    may come as (text, whether it is about the lawful basis): a list item under a lead-in or a
    heading about the basis names it in words alone ("- public task")."""
    found: list[str] = []
    for entry in texts:
        text, about = entry if isinstance(entry, tuple) else (entry, False)
        lowered = text.casefold()
        cited: list[tuple[int, list[str]]] = named_bases(lowered, about=about)
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
