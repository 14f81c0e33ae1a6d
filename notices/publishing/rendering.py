"""A notice's snapshot in, the notice's HTML out, which publishing stores so that public pages
never render again. Staff text in it goes through the one renderer, `render_markdown`."""

import datetime
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from notices.publishing.at_a_glance import at_a_glance
from notices.publishing.ico import ICO_CONTACT
from notices.publishing.topics import notice_topics
from notices.text.anchors import page_unique_anchors

# A list with more rows than this shows names first, details on demand (GOV.UK Details).
LONG_LIST = 6


def render_shared_block_html(block_snapshot: dict[str, Any]) -> SafeString:
    """One version of the shared block as it appears in every notice that embeds it."""
    return mark_safe(  # noqa: S308 (a template of ours; staff text in it is sanitised)
        render_to_string("notices/_shared_block.html", {"shared_block": block_snapshot}).strip()
    )


def render_notice_html(
    snapshot: dict[str, Any],
    block_snapshot: dict[str, Any] | None,
    *,
    block_html: str | None = None,
) -> str:
    """A notice's body, from its contents list to its contacts, as one version of it reads.

    `block_html` is the shared block already rendered, when a caller renders many notices that
    embed the same block version.
    """
    if block_snapshot is not None and block_html is None:
        block_html = render_shared_block_html(block_snapshot)
    snapshot = _with_page_unique_anchors(snapshot, block_snapshot)
    review_due = snapshot["notice"].get("review_due")
    topics = notice_topics(snapshot)
    context = {
        "snapshot": snapshot,
        "topics": topics,
        "at_a_glance": at_a_glance(snapshot, topics),
        # Longer lists show names first and each row's detail on demand.
        "long_list": LONG_LIST,
        "review_due": datetime.date.fromisoformat(review_due) if review_due else None,
        "shared_block": block_snapshot,
        "shared_block_html": mark_safe(block_html or ""),  # noqa: S308 (rendered above)
        "ico": ICO_CONTACT,
    }
    return render_to_string("notices/_notice_body.html", context).strip()


def _with_page_unique_anchors(
    snapshot: dict[str, Any], block_snapshot: dict[str, Any] | None
) -> dict[str, Any]:
    """The snapshot, its sections' anchors changed only where one repeats an id of the page or of
    the shared block (stored before anchors were checked against the whole page). A copy: the
    snapshot itself is what was published."""
    sections = snapshot.get("sections", [])
    block_anchors = [part.get("anchor", "") for part in (block_snapshot or {}).get("parts", [])]
    anchors = page_unique_anchors(
        [section.get("anchor", "") for section in sections], shared_part_anchors=block_anchors
    )
    if all(
        anchor == section.get("anchor") for anchor, section in zip(anchors, sections, strict=True)
    ):
        return snapshot
    return snapshot | {
        "sections": [
            section | {"anchor": anchor} for anchor, section in zip(anchors, sections, strict=True)
        ]
    }
