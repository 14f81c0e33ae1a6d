"""Stable link targets (#anchors) for the headed parts of a notice page."""

from collections.abc import Iterable

from django.utils.text import slugify

# Element ids the notice page and its draft preview use themselves (templates/base.html,
# notices/notice_detail.html, _notice_body.html, rows/*.html, _shared_block.html,
# draft_preview.html); a section may not take one of these.
RESERVED_ANCHORS = frozenset(
    {
        "top",
        "site-navigation",
        "main-content",
        "old-version-title",
        "in-force-title",
        "draft-title",
        "data-categories-caption",
        "recipients-caption",
        "lawful-bases-caption",
        "retention-caption",
        "contents",
        "introduction",
        "summary",
        "data-categories",
        "recipients",
        "lawful-bases",
        "retention",
        "shared-block",
        "contact",
        # The "at a glance" block and the topics a council wrote no section on
        # (notices.publishing.topics).
        "at-a-glance",
        "topic-purposes",
        "topic-lawful-basis",
        "topic-categories",
        "topic-sources",
        "topic-recipients",
        "topic-retention",
        "topic-automated-decisions",
        "topic-rights",
        "topic-contact",
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


# The shared block's parts are given ids with this prefix on every page that embeds it.
SHARED_PART_PREFIX = "shared-"


def shared_part_ids(part_anchors: Iterable[str]) -> set[str]:
    """The element ids the shared block's parts take on the page."""
    return {f"{SHARED_PART_PREFIX}{anchor}" for anchor in part_anchors if anchor}


def page_unique_anchors(anchors: Iterable[str], *, shared_part_anchors: Iterable[str]) -> list[str]:
    """`anchors` in order, each changed (base-2, base-3...) only where it repeats the page's own
    ids, the shared block's or an earlier one: for rows stored before anchors were checked
    against the whole page."""
    taken = set(RESERVED_ANCHORS) | shared_part_ids(shared_part_anchors)
    result = []
    for anchor in anchors:
        anchor = unique_anchor(anchor or "section", taken=taken)
        taken.add(anchor)
        result.append(anchor)
    return result
