"""Lawful bases written other than as "Article 6(1)(e)": dotted ("6.1(c)", "Art 9.2(h)"), and
named in words ("public task", "substantial public interest"), for the parser's lawful-basis
reader (lawful_bases._lawful_bases), which reads the "Article ..." and "6(1)(e)" forms itself.

A name counts only in a sentence about the basis for using information ("we rely on", "lawful
basis", "legal basis", "under", "because"): "we have a legal obligation to keep records" in a
retention section states a duty, not the basis the notice relies on, and is left alone.
"""

import re

# "6.1(c)", "6.1.c", "9.2(h)", "Art 9.2(h)"; never "section 6.1(c)" of another law.
_DOTTED = re.compile(
    r"(?<![\w.(])(?P<article>6|9)\.(?P<paragraph>[12])\s{0,3}"
    r"(?:\(\s{0,3}(?P<point>[a-j])\s{0,3}\)|\.(?P<point2>[a-j])\b)"
)
_NOT_GDPR = re.compile(
    r"\b(?:sections?|s\.|regulations?|reg\.|paragraphs?|para\.|schedule|part|rules?)\s*$"
)

# Names of bases, each with its provision, in the order the longer names must be tried.
_NAMED = (
    (re.compile(r"\bsubstantial public interest\b"), "A9-2-g"),
    (re.compile(r"\bpublic task\b|\bofficial authority\b"), "A6-1-e"),
    (re.compile(r"\blegal obligations?\b"), "A6-1-c"),
    (re.compile(r"\blegitimate interests?\b"), "A6-1-f"),
    (
        re.compile(r"\bprovision of health or social care\b|\bhealth or social care purposes\b"),
        "A9-2-h",
    ),
    (re.compile(r"\blegal claims\b"), "A9-2-f"),
)
_ABOUT_THE_BASIS = re.compile(
    r"\b(?:rel(?:y|ies|ying)|lawful|legal basis|bases|basis|under|because|grounds?)\b"
)
_SENTENCE = re.compile(r"[^.!?;\n]+")


def dotted_citations(lowered: str) -> list[tuple[int, list[str]]]:
    """(position, [provision]) for each dotted citation in `lowered` (casefolded text)."""
    cited = []
    for found in _DOTTED.finditer(lowered):
        if _NOT_GDPR.search(lowered, max(0, found.start() - 16), found.start()):
            continue
        point = found.group("point") or found.group("point2")
        cited.append(
            (found.start(), [f"A{found.group('article')}-{found.group('paragraph')}-{point}"])
        )
    return cited


def named_bases(lowered: str, *, about: bool = False) -> list[tuple[int, list[str]]]:
    """(position, [provision]) for each basis named in words in a sentence about the basis, or
    anywhere in `lowered` when the caller knows it is about the basis (`about`)."""
    cited = []
    for sentence in _SENTENCE.finditer(lowered):
        text = sentence.group()
        if not about and not _ABOUT_THE_BASIS.search(text):
            continue
        taken: list[tuple[int, int]] = []
        for pattern, provision in _NAMED:
            for found in pattern.finditer(text):
                span = found.span()
                if any(start < span[1] and span[0] < end for start, end in taken):
                    continue  # "substantial public interest" is not also "public ..."
                taken.append(span)
                cited.append((sentence.start() + span[0], [provision]))
    return cited
