"""The shared block each council's notices carry, by nation, and when a block's facts are due a
fresh check.

England's councils send their children's data to the Department for Education, Wales's to the
Welsh Government and Scotland's to the Scottish Government, so each nation has its own block
(per kind of notice). A council's nation decides which one its notices embed.
"""

from datetime import date, timedelta

from councils.models import Council, Nation
from notices.models import SharedBlock, SharedBlockVersion

# Collections and the law behind them change; a block's facts are checked again a year after
# the last check, and national admins see the date (facts_checked_on).
REVIEW_INTERVAL = timedelta(days=365)


# The body each nation's councils send their children's data to: the name a block is created
# with, and what pages say before a block of the nation exists.
NATIONAL_BODIES = {
    Nation.ENGLAND: "Department for Education",
    Nation.WALES: "Welsh Government",
    Nation.SCOTLAND: "Scottish Government",
}


def national_body(nation: str) -> str:
    return NATIONAL_BODIES.get(nation, NATIONAL_BODIES[Nation.ENGLAND])


def block_for_council(*, council: Council, kind: str) -> SharedBlock | None:
    """The draft of the block the council's notices of that kind carry."""
    return SharedBlock.objects.for_kind(kind, council.nation)


def latest_block_version(*, nation: str, kind: str) -> SharedBlockVersion | None:
    return SharedBlockVersion.objects.latest_for_kind(kind, nation)


def block_review_due(block: SharedBlock) -> date | None:
    """When the block's facts are next due a check; None if they were never checked."""
    if block.facts_checked_on is None:
        return None
    return block.facts_checked_on + REVIEW_INTERVAL


def is_review_overdue(block: SharedBlock, *, today: date) -> bool:
    due = block_review_due(block)
    return due is None or due <= today


def nation_label(nation: str) -> str:
    return Nation(nation).label
