"""Stable link targets (#anchors) for the headed parts of a notice page."""

from collections.abc import Iterable

from django.utils.text import slugify

# Element ids the notice page template uses itself; a section may not take one of these.
RESERVED_ANCHORS = frozenset(
    {
        "top",
        "main-content",
        "contents",
        "introduction",
        "summary",
        "data-categories",
        "recipients",
        "lawful-bases",
        "retention",
        "shared-block",
        "contact",
    }
)

MAX_ANCHOR_LENGTH = 80


def anchor_from_heading(heading: str) -> str:
    """A slug for a heading, falling back to 'section' when the heading has no letters or digits."""
    return slugify(heading)[:MAX_ANCHOR_LENGTH].strip("-") or "section"


def unique_anchor(base: str, *, taken: Iterable[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is free and not reserved."""
    taken = set(taken) | RESERVED_ANCHORS
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: MAX_ANCHOR_LENGTH - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1
