"""Loads the demo councils, their notices, the shared libraries and the shared block, then
publishes their demo history (notices.demo.history): backdated versions, including an update of
the shared block that cascades into the notices.

Idempotent: anything that already exists (matched by slug or natural key) is left exactly as it
is, so running it again changes nothing, and staff edits to demo data survive a re-run. A history
is only published for a draft that has never been published and is exactly as the demo wrote it.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from councils.models import Council
from notices.demo import content as demo_content
from notices.demo.history import build_demo_history
from notices.models import (
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeKind,
    NoticeRecipient,
    Recipient,
    RecordKind,
    RetentionPeriod,
    Section,
    SharedBlock,
    SharedBlockPart,
)


@dataclass
class DemoLoadReport:
    created: dict[type, int] = field(default_factory=dict)

    def count(self, model: type) -> None:
        self.created[model] = self.created.get(model, 0) + 1

    def lines(self) -> list[str]:
        """'Created 5 councils.', 'Created 1 shared DfE/NPD block.'..."""
        lines = []
        for model, number in self.created.items():
            name = model._meta.verbose_name if number == 1 else model._meta.verbose_name_plural
            lines.append(f"Created {number} {name}.")
        return lines

    @property
    def changed_anything(self) -> bool:
        return bool(self.created)


def _validated(instance: Any) -> Any:
    """Demo rows go through the same validation as the admin's forms before they are saved."""
    instance.full_clean()
    instance.save()
    return instance


def load_demo_data(*, publisher: AbstractBaseUser | None = None) -> DemoLoadReport:
    """`publisher` is named as the publisher of the demo versions; None names nobody."""
    report = DemoLoadReport()
    with transaction.atomic():
        categories = _load_library(DataCategory, demo_content.DATA_CATEGORIES, report)
        recipients = _load_library(Recipient, demo_content.RECIPIENTS, report)
        record_kinds = _load_library(RecordKind, demo_content.RECORD_KINDS, report)
        for block_data in demo_content.SHARED_BLOCKS:
            _load_shared_block(block_data, report)
        for council_data in demo_content.COUNCILS:
            _load_council(council_data, categories, recipients, record_kinds, report)
        for version in build_demo_history(publisher=publisher):
            report.count(type(version))
    return report


def _load_library(model: type, rows: list[dict], report: DemoLoadReport) -> dict[str, Any]:
    by_slug = {obj.slug: obj for obj in model.objects.all()}
    for row in rows:
        if row["slug"] not in by_slug:
            by_slug[row["slug"]] = _validated(model(**row))
            report.count(model)
    return by_slug


def _load_shared_block(data: dict, report: DemoLoadReport) -> None:
    kind = NoticeKind.CHILDRENS_SOCIAL_CARE
    if SharedBlock.objects.filter(notice_kind=kind, nation=data["nation"]).exists():
        return
    checked = data["facts_checked_on"]
    block = _validated(
        SharedBlock(
            notice_kind=kind,
            nation=data["nation"],
            body_name=data["body_name"],
            title=data["title"],
            introduction=data["introduction"],
            references=data["references"],
            facts_checked_on=date.fromisoformat(checked) if checked else None,
        )
    )
    for position, part in enumerate(data["parts"], start=1):
        _validated(SharedBlockPart(block=block, position=position, **part))
    report.count(SharedBlock)


def _load_council(
    data: dict,
    categories: dict[str, DataCategory],
    recipients: dict[str, Recipient],
    record_kinds: dict[str, RecordKind],
    report: DemoLoadReport,
) -> None:
    council_fields = {key: value for key, value in data.items() if key != "notice"}
    council = Council.objects.filter(slug=data["slug"]).first()
    if council is None:
        council = _validated(Council(**council_fields))
        report.count(Council)

    notice_data = data["notice"]
    if Notice.objects.for_council(council).of_kind(NoticeKind.CHILDRENS_SOCIAL_CARE).exists():
        return
    notice = _validated(
        Notice(
            council=council,
            kind=NoticeKind.CHILDRENS_SOCIAL_CARE,
            title=notice_data["title"],
            introduction=notice_data["introduction"],
            young_people_summary=notice_data["young_people_summary"],
            last_reviewed=date.fromisoformat(notice_data["last_reviewed"]),
            review_due=date.fromisoformat(notice_data["review_due"]),
        )
    )
    report.count(Notice)
    for position, row in enumerate(notice_data["sections"], start=1):
        _validated(Section(notice=notice, position=position, **row))
    for position, row in enumerate(notice_data["data_categories"], start=1):
        _validated(
            NoticeDataCategory(
                notice=notice,
                position=position,
                category=categories[row["category"]],
                detail=row["detail"],
            )
        )
    for position, row in enumerate(notice_data["recipients"], start=1):
        _validated(
            NoticeRecipient(
                notice=notice,
                position=position,
                recipient=recipients[row["recipient"]],
                purpose=row["purpose"],
                frequency=row["frequency"],
            )
        )
    for position, row in enumerate(notice_data["lawful_bases"], start=1):
        _validated(LawfulBasis(notice=notice, position=position, **row))
    for position, row in enumerate(notice_data["retention_periods"], start=1):
        kind = row["record_kind"]
        values = row | {"record_kind": record_kinds[kind] if kind else None}
        _validated(RetentionPeriod(notice=notice, position=position, **values))
