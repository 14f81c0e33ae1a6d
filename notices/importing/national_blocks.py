"""What the national-part recogniser knows of every nation's shared block.

A council's notice carries its own copy of its nation's national text: the Department for
Education's in England, the Welsh Government's in Wales, the Scottish Government's in Scotland.
The import aligns that copy with the block of the council's own nation (`current_block_snapshot`),
and recognises the national text of any of the three by the names and passages below, so a
Welsh or Scottish copy is never taken for the council's own words.
"""

import re

from notices.models import SharedBlock, SharedBlockVersion
from notices.publishing.snapshots import shared_block_snapshot

# The bodies and collections only national text names (lower case, as _keyword_text leaves
# it). Plain "government" headings are already the DfE recogniser's (dfe_alignment).
_NATIONAL_NAME = re.compile(r"\bwelsh government\b|\bscottish government\b")
_NATIONAL_PASSAGE = re.compile(
    r"\bsail databank\b|\bchildren receiving care and support census\b"
    r"|\bscotxed\b|\bchildren'?s social work statistics\b|\bscottish candidate number\b"
)
_NATIONAL_COLLECTION = re.compile(r"\bcensus(?:es)?\b|\breturns?\b|\bcollects?\b|\bstatistics\b")


def names_a_national_body(heading: str) -> bool:
    """Whether a heading (lower-cased keyword text) names the Welsh or Scottish Government."""
    return bool(_NATIONAL_NAME.search(heading))


def has_national_passages(text: str) -> bool:
    """Whether a body (lower-cased keyword text) has the Welsh or Scottish returns' passages."""
    return bool(
        _NATIONAL_PASSAGE.search(text)
        or (_NATIONAL_NAME.search(text) and _NATIONAL_COLLECTION.search(text))
    )


def current_block_snapshot(*, kind: str, nation: str) -> dict | None:
    """The nation's block as its notices show it now: its latest published version, or its draft
    when it has never been published; None when the nation has no block of that kind."""
    latest = SharedBlockVersion.objects.latest_for_kind(kind, nation)
    if latest is not None:
        return latest.snapshot
    block = SharedBlock.objects.for_kind(kind, nation)
    return shared_block_snapshot(block) if block is not None else None
