"""Restore: copy a published version back into the notice's draft.

Published versions are never touched; the draft takes the version's content and is saved as a
normal edit, so it is published only when someone publishes it. Library items are found again by
slug; one that has since left the library cannot be restored and is reported, not invented.
"""

from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from notices.models import (
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    NoticeVersion,
    Recipient,
    RecordKind,
    RetentionPeriod,
    Section,
)
from notices.publishing import audit
from notices.publishing.drafts import ensure_unchanged_since, lock_draft, mark_saved

# The snapshot keys each row is rebuilt from; the other keys are labels, kept for reading only.
SECTION_FIELDS = ("heading", "anchor", "ico_item", "body")
LAWFUL_BASIS_FIELDS = ("provision", "schedule_1_condition", "legislation", "explanation")
RETENTION_FIELDS = ("record_type", "trigger", "years", "months", "is_minimum", "source", "notes")


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
        report.not_restored = write_draft_content(draft, snapshot, by=by)
        audit.record_restore(notice=draft, version=version, by=by)
    return report


def write_draft_content(draft: Notice, content: dict, *, by: AbstractBaseUser | None) -> list[str]:
    """Replaces the draft's title, texts, sections and rows with `content`, which has the shape of
    a snapshot (notices.publishing.snapshots; label keys may be left out), and saves it as an edit
    by `by`. Returns what could not be written: library items that are no longer in the library.

    The caller holds the draft's row lock (lock_draft) inside a transaction."""
    not_written: list[str] = []
    for field_name in ("title", "introduction", "young_people_summary"):
        setattr(draft, field_name, content["notice"][field_name])
    mark_saved(draft, by)
    draft.save()
    for model in (Section, NoticeDataCategory, NoticeRecipient, LawfulBasis, RetentionPeriod):
        model.objects.filter(notice=draft).delete()
    _recreate(draft, Section, content["sections"], SECTION_FIELDS)
    _restore_library_links(draft, content, not_written)
    _recreate(draft, LawfulBasis, content["lawful_bases"], LAWFUL_BASIS_FIELDS)
    _restore_retention_periods(draft, content["retention_periods"], not_written)
    return not_written


def _recreate(draft: Notice, model: type, rows: list[dict], fields: tuple[str, ...]) -> None:
    """The draft's rows of `model`, rebuilt in the snapshot's order."""
    model.objects.bulk_create(
        model(notice=draft, position=position, **{name: row[name] for name in fields})
        for position, row in enumerate(rows, start=1)
    )


def _restore_library_links(draft: Notice, snapshot: dict, not_written: list[str]) -> None:
    NoticeDataCategory.objects.bulk_create(
        NoticeDataCategory(notice=draft, position=position, category=category, detail=row["detail"])
        for position, row, category in _found_in_library(
            DataCategory, "data category", snapshot["data_categories"], not_written
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
            Recipient, "recipient", snapshot["recipients"], not_written
        )
    )


def _restore_retention_periods(draft: Notice, rows: list[dict], not_written: list[str]) -> None:
    """A row keeps its period whatever happened to its kind of record: a kind that has left the
    library is dropped from the row (and reported), and versions from before record kinds
    existed have none."""
    kinds = RecordKind.objects.in_bulk(
        [row["record_kind"] for row in rows if row.get("record_kind")], field_name="slug"
    )
    periods = []
    for position, row in enumerate(rows, start=1):
        slug = row.get("record_kind")
        if slug and slug not in kinds:
            not_written.append(
                f"The kind of record '{row.get('record_kind_name') or slug}' of the retention "
                f"period '{row['record_type']}', which is no longer in the shared library (the "
                "period itself is restored)."
            )
        periods.append(
            RetentionPeriod(
                notice=draft,
                position=position,
                record_kind=kinds.get(slug) if slug else None,
                **{name: row[name] for name in RETENTION_FIELDS},
            )
        )
    RetentionPeriod.objects.bulk_create(periods)


def _found_in_library(library: type, noun: str, rows: list[dict], not_written: list[str]):
    """(position, row, library item) for each row whose item is still in the library; the
    others are noted in the report."""
    items = library.objects.in_bulk([row["slug"] for row in rows], field_name="slug")
    for position, row in enumerate(rows, start=1):
        if row["slug"] in items:
            yield position, row, items[row["slug"]]
        else:
            not_written.append(
                f"The {noun} '{row['name']}', which is no longer in the shared library."
            )
