"""Restore: copy a published version back into the notice's draft.

Published versions are never touched; the draft takes the version's content and is saved as a
normal edit, so it is published only when someone publishes it. Library items are found again by
slug; one that has since left the library cannot be restored and is reported, not invented.
"""

from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from notices import audit
from notices.drafts import ensure_unchanged_since, lock_draft, mark_saved
from notices.models import (
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    NoticeVersion,
    Recipient,
    RetentionPeriod,
    Section,
)


@dataclass
class RestoreReport:
    version_number: int
    not_restored: list[str] = field(default_factory=list)


def restore_version_to_draft(
    notice: Notice,
    version: NoticeVersion,
    *,
    by: AbstractBaseUser | None,
    opened_revision: int | None = None,
) -> RestoreReport:
    """Replaces the draft's content with what `version` said. Council contact details are not
    restored (they belong to the council, not to this notice), and neither are the review dates
    (they say when the council next checks the notice, whatever it says)."""
    if version.notice_id != notice.pk:
        raise ValueError("That version belongs to another notice.")
    snapshot = version.snapshot
    report = RestoreReport(version.number)
    with transaction.atomic():
        draft = lock_draft(Notice, notice.pk)
        ensure_unchanged_since(draft, opened_revision)
        for field_name in ("title", "introduction", "young_people_summary"):
            setattr(draft, field_name, snapshot["notice"][field_name])
        mark_saved(draft, by)
        draft.save()
        for model in (Section, NoticeDataCategory, NoticeRecipient, LawfulBasis, RetentionPeriod):
            model.objects.filter(notice=draft).delete()
        Section.objects.bulk_create(
            Section(
                notice=draft,
                position=position,
                heading=row["heading"],
                anchor=row["anchor"],
                ico_item=row["ico_item"],
                body=row["body"],
            )
            for position, row in enumerate(snapshot["sections"], start=1)
        )
        _restore_library_links(draft, snapshot, report)
        LawfulBasis.objects.bulk_create(
            LawfulBasis(
                notice=draft,
                position=position,
                provision=row["provision"],
                schedule_1_condition=row["schedule_1_condition"],
                legislation=row["legislation"],
                explanation=row["explanation"],
            )
            for position, row in enumerate(snapshot["lawful_bases"], start=1)
        )
        RetentionPeriod.objects.bulk_create(
            RetentionPeriod(
                notice=draft,
                position=position,
                **{
                    key: row[key]
                    for key in ("record_type", "trigger", "years", "months", "is_minimum")
                },
                source=row["source"],
                notes=row["notes"],
            )
            for position, row in enumerate(snapshot["retention_periods"], start=1)
        )
        audit.record_restore(notice=draft, version=version, by=by)
    return report


def _restore_library_links(draft: Notice, snapshot: dict, report: RestoreReport) -> None:
    NoticeDataCategory.objects.bulk_create(
        NoticeDataCategory(notice=draft, position=position, category=category, detail=row["detail"])
        for position, row, category in _found_in_library(
            DataCategory, "data category", snapshot["data_categories"], report
        )
    )
    NoticeRecipient.objects.bulk_create(
        NoticeRecipient(
            notice=draft,
            position=position,
            recipient=recipient,
            purpose=row["purpose"],
            frequency=row["frequency"],
        )
        for position, row, recipient in _found_in_library(
            Recipient, "recipient", snapshot["recipients"], report
        )
    )


def _found_in_library(library: type, noun: str, rows: list[dict], report: RestoreReport):
    """(position, row, library item) for each row whose item is still in the library; the
    others are noted in the report."""
    items = library.objects.in_bulk([row["slug"] for row in rows], field_name="slug")
    for position, row in enumerate(rows, start=1):
        if row["slug"] in items:
            yield position, row, items[row["slug"]]
        else:
            report.not_restored.append(
                f"The {noun} '{row['name']}', which is no longer in the shared library."
            )
