"""What a synthetic version says (its content, with stand-ins for the council's own values), the
libraries and shared block version it uses, when each is published, and its snapshot and page,
rendered once per variant."""

import json
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from notices.demo import content as demo_content
from notices.demo.synthetic.council_values import STAND_INS, Own, council_fields, fill
from notices.models import (
    DataCategory,
    IcoItem,
    LawfulBasis,
    NoticeKind,
    NoticeRecipient,
    Recipient,
    RecordKind,
    RetentionPeriod,
    SharedBlock,
    SharedBlockPart,
    SharedBlockVersion,
    add_years,
)
from notices.publishing.rendering import render_notice_html, render_shared_block_html
from notices.publishing.snapshots import SNAPSHOT_SCHEMA, content_hash, shared_block_snapshot

KIND = NoticeKind.CHILDRENS_SOCIAL_CARE
TITLE = "Children's social care privacy notice"

# Councils of the same variant list the same library items and say the same in their sections.
VARIANTS = 4
# Versions are published this far apart, the last one a minute before the site is built.
VERSION_INTERVAL = timedelta(days=30)


# --- What a notice says -------------------------------------------------------------------------

# A paragraph is a list of sentences; a list is a tuple of items. Edits change single sentences.
Block = list[str] | tuple[str, ...]


@dataclass
class SectionContent:
    anchor: str
    heading: str
    ico_item: str
    blocks: list[Block]
    required: bool = False

    @property
    def body(self) -> str:
        return "\n\n".join(
            " ".join(block) if isinstance(block, list) else "\n".join(f"- {i}" for i in block)
            for block in self.blocks
        )


@dataclass
class Content:
    """Everything a version says, with stand-ins for the council's own values."""

    introduction: str
    summary: str
    last_reviewed: date
    sections: list[SectionContent]
    categories: list[tuple[DataCategory, str]]
    recipients: list[tuple[Recipient, str, str]]  # recipient, purpose, frequency
    lawful_bases: list[dict[str, str]]
    retention: list[dict[str, Any]]  # RetentionPeriod fields, record_kind a RecordKind or None

    def copy(self) -> "Content":
        return replace(
            self,
            sections=[
                replace(s, blocks=[b.copy() if isinstance(b, list) else b for b in s.blocks])
                for s in self.sections
            ],
            categories=list(self.categories),
            recipients=list(self.recipients),
            lawful_bases=[dict(basis) for basis in self.lawful_bases],
            retention=[dict(period) for period in self.retention],
        )


@dataclass
class Step:
    """One version of a variant's history."""

    content: Content
    change_note: str
    is_major: bool


@dataclass(frozen=True)
class Libraries:
    categories: list[DataCategory]
    recipients: list[Recipient]
    record_kinds: list[RecordKind]


def load_libraries() -> Libraries:
    """The shared libraries, each filled from the demo's when it is empty."""
    for model, rows in (
        (DataCategory, demo_content.DATA_CATEGORIES),
        (Recipient, demo_content.RECIPIENTS),
        (RecordKind, demo_content.RECORD_KINDS),
    ):
        if not model.objects.exists():
            model.objects.bulk_create(model(**row) for row in rows)
    return Libraries(
        categories=list(DataCategory.objects.order_by("name")),
        recipients=list(Recipient.objects.order_by("name")),
        record_kinds=list(RecordKind.objects.order_by("name")),
    )


def latest_shared_block_version(*, at: datetime) -> SharedBlockVersion:
    """The shared block's latest version; the block is made from the demo's text and its first
    version stored (dated `at`) if there is none."""
    block = SharedBlock.objects.for_kind(KIND)
    if block is None:
        data = demo_content.SHARED_BLOCK
        block = SharedBlock.objects.create(
            notice_kind=KIND, title=data["title"], introduction=data["introduction"]
        )
        SharedBlockPart.objects.bulk_create(
            SharedBlockPart(block=block, position=position, **part)
            for position, part in enumerate(data["parts"], start=1)
        )
    latest = SharedBlockVersion.objects.filter(block=block).order_by("-number").first()
    if latest is not None:
        return latest
    # What publish_shared_block stores, without giving notices published before it a version.
    snapshot = shared_block_snapshot(block)
    return SharedBlockVersion.objects.create(
        block=block,
        number=1,
        published_at=at,
        published_by=None,
        change_note="First version of the Department for Education section.",
        is_major=True,
        snapshot=snapshot,
        content_hash=content_hash(snapshot),
    )


@dataclass(frozen=True)
class Dates:
    """Version n of every notice falls in the first half of the n-th step after `start`, each
    council a little after the one before; the last step ends a minute ago."""

    start: datetime
    step: timedelta
    first: int
    councils: int

    @classmethod
    def ending_now(cls, *, versions: int, after: datetime, first: int, councils: int) -> "Dates":
        end = timezone.now() - timedelta(minutes=1)
        start = max(end - VERSION_INTERVAL * versions, after)
        return cls(start=start, step=(end - start) / versions, first=first, councils=councils)

    def published_at(self, version_index: int, number: int) -> datetime:
        offset = (self.step / 2) * (number - self.first) / self.councils
        return self.start + self.step * version_index + offset

    def reviewed_on(self, version_index: int) -> date:
        return timezone.localdate(self.start + self.step * version_index)


# --- Snapshots and rendering --------------------------------------------------------------------


def _snapshot(content: Content, own: Own) -> dict[str, Any]:
    """The snapshot publishing would take of a draft holding `content`
    (notices.publishing.snapshots)."""
    council = council_fields(own)
    return {
        "schema": SNAPSHOT_SCHEMA,
        "council": council,
        "notice": {
            "kind": KIND.value,
            "kind_label": KIND.label,
            "title": TITLE,
            "introduction": content.introduction,
            "young_people_summary": content.summary,
            "last_reviewed": content.last_reviewed.isoformat(),
            "review_due": add_years(content.last_reviewed, 1).isoformat(),
        },
        "sections": [
            {
                "anchor": section.anchor,
                "heading": section.heading,
                "ico_item": section.ico_item,
                "ico_item_label": IcoItem(section.ico_item).label,
                "body": section.body,
            }
            for section in content.sections
        ],
        "data_categories": [
            {
                "slug": category.slug,
                "name": category.name,
                "description": category.description,
                "is_special_category": category.is_special_category,
                "is_criminal_offence": category.is_criminal_offence,
                "detail": detail,
            }
            for category, detail in content.categories
        ],
        "recipients": [
            {
                "slug": recipient.slug,
                "name": recipient.name,
                "kind": recipient.kind,
                "kind_label": recipient.get_kind_display(),
                "purpose": purpose,
                "frequency": frequency,
                "frequency_label": NoticeRecipient.Frequency(frequency).label,
            }
            for recipient, purpose, frequency in content.recipients
        ],
        "lawful_bases": [
            {
                "provision": basis["provision"],
                "provision_label": LawfulBasis.Provision(basis["provision"]).label,
                "article": LawfulBasis(provision=basis["provision"]).article,
                "schedule_1_condition": basis["schedule_1_condition"],
                "legislation": basis["legislation"],
                "explanation": basis["explanation"],
            }
            for basis in content.lawful_bases
        ],
        "retention_periods": [_retention_row(period) for period in content.retention],
    }


def _retention_row(period: dict[str, Any]) -> dict[str, Any]:
    model = RetentionPeriod(**period)
    row = {
        "record_type": model.record_type,
        "trigger": model.trigger,
        "trigger_label": model.get_trigger_display(),
        "years": model.years,
        "months": model.months,
        "is_minimum": model.is_minimum,
        "duration": model.duration_display,
        "source": model.source,
        "notes": model.notes,
    }
    if model.record_kind is not None:
        row |= {"record_kind": model.record_kind.slug, "record_kind_name": model.record_kind.name}
    return row


class RenderedPages:
    """Each variant's versions rendered once, with the stand-ins in them."""

    def __init__(self, histories: list[list[Step]], block_version: SharedBlockVersion) -> None:
        block_html = render_shared_block_html(block_version.snapshot)
        self.snapshots: list[list[str]] = []
        self.pages: list[list[str]] = []
        for steps in histories:
            snapshots = [_snapshot(step.content, STAND_INS) for step in steps]
            self.snapshots.append([json.dumps(snapshot) for snapshot in snapshots])
            self.pages.append(
                [
                    render_notice_html(snapshot, block_version.snapshot, block_html=block_html)
                    for snapshot in snapshots
                ]
            )

    def snapshot(self, variant: int, index: int, own: Own) -> dict[str, Any]:
        return json.loads(fill(self.snapshots[variant][index], own))

    def page(self, variant: int, index: int, own: Own) -> str:
        html = fill(self.pages[variant][index], own)
        if any(stand_in in html.lower() for stand_in in STAND_INS.values()):
            # A template changed a stand-in (capitalised it, say), so the filled page would not be
            # what rendering the council's own values gives.
            raise RuntimeError(
                "A stand-in survived in a synthetic page; see notices.demo.synthetic."
            )
        return html
