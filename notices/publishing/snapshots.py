"""A notice's draft, or the shared block's, as one self-contained piece of structured data.

A published version keeps its snapshot for ever, so the snapshot carries everything the version
says, including the library text and the labels of choices as they read at the time: later edits
to a library item or a label never change what an old version said.

Notice snapshot (schema 1):

    {
      "schema": 1,
      "council": {"name", "slug", "kind", "website", "general_privacy_notice_url",
                  "controller_email", "controller_phone", "controller_address",
                  "dpo_name", "dpo_email", "dpo_phone", "dpo_address", "ico_registration_number",
                  "complaint_form_url", "complaint_email", "complaint_address"},  # last 3 if set
      "notice": {"kind", "kind_label", "title", "introduction", "young_people_summary",
                 "last_reviewed", "review_due"},          # dates as "YYYY-MM-DD" or null
      "sections": [{"anchor", "heading", "ico_item", "ico_item_label", "body"}],
      "data_categories": [{"slug", "name", "description", "is_special_category",
                           "is_criminal_offence", "detail"}],
      "recipients": [{"slug", "name", "kind", "kind_label", "purpose", "frequency",
                      "frequency_label"}],
      "lawful_bases": [{"provision", "provision_label", "article", "schedule_1_condition",
                        "legislation", "explanation"}],
      "retention_periods": [{"record_type", "record_kind", "record_kind_name", "trigger",
                             "trigger_label", "years", "months", "is_minimum", "duration",
                             "source", "notes"}]
    }

A retention row's "record_kind" is the slug of its RecordKind library item and
"record_kind_name" that item's name. Both keys are there only when the row has a kind of record:
so a notice whose rows have none has the same snapshot, and content hash, as before record kinds
existed, and is not shown as changed. Read them with .get().

Shared block snapshot: {"schema": 1, "title", "introduction", "parts": [{"anchor", "heading",
"body"}]}. Lists are in the order the page shows them.
"""

import hashlib
import json
from typing import Any

from councils.models import COMPLAINT_FIELDS, DETAIL_FIELDS, Council
from notices.models import Notice, RetentionPeriod, SharedBlock

SNAPSHOT_SCHEMA = 1

COUNCIL_FIELDS = DETAIL_FIELDS


# Fields added after notices were first published: kept out of the snapshot while empty, so a
# council that has not filled them in keeps the snapshot, and content hash, it had before they
# existed, and its notices are not shown as changed. Read them with .get().
ADDED_LATER = frozenset(COMPLAINT_FIELDS)


def council_snapshot(council: Council) -> dict[str, Any]:
    return {
        field: value
        for field in COUNCIL_FIELDS
        if (value := getattr(council, field)) or field not in ADDED_LATER
    }


def notice_snapshot(notice: Notice) -> dict[str, Any]:
    """The notice's draft as it stands in the database now."""
    notice = Notice.objects.with_contents().get(pk=notice.pk)
    return {
        "schema": SNAPSHOT_SCHEMA,
        "council": council_snapshot(notice.council),
        "notice": {
            "kind": notice.kind,
            "kind_label": notice.get_kind_display(),
            "title": notice.title,
            "introduction": notice.introduction,
            "young_people_summary": notice.young_people_summary,
            "last_reviewed": _iso_date(notice.last_reviewed),
            "review_due": _iso_date(notice.review_due),
        },
        "sections": [
            {
                "anchor": section.anchor,
                "heading": section.heading,
                "ico_item": section.ico_item,
                "ico_item_label": section.get_ico_item_display(),
                "body": section.body,
            }
            for section in notice.sections.all()
        ],
        "data_categories": [
            {
                "slug": use.category.slug,
                "name": use.category.name,
                "description": use.category.description,
                "is_special_category": use.category.is_special_category,
                "is_criminal_offence": use.category.is_criminal_offence,
                "detail": use.detail,
            }
            for use in notice.data_categories.all()
        ],
        "recipients": [
            {
                "slug": share.recipient.slug,
                "name": share.recipient.name,
                "kind": share.recipient.kind,
                "kind_label": share.recipient.get_kind_display(),
                "purpose": share.purpose,
                "frequency": share.frequency,
                "frequency_label": share.get_frequency_display(),
            }
            for share in notice.recipients.all()
        ],
        "lawful_bases": [
            {
                "provision": basis.provision,
                "provision_label": basis.get_provision_display(),
                "article": basis.article,
                "schedule_1_condition": basis.schedule_1_condition,
                "legislation": basis.legislation,
                "explanation": basis.explanation,
            }
            for basis in notice.lawful_bases.all()
        ],
        "retention_periods": [
            _with_record_kind(
                {
                    "record_type": period.record_type,
                    "trigger": period.trigger,
                    "trigger_label": period.get_trigger_display(),
                    "years": period.years,
                    "months": period.months,
                    "is_minimum": period.is_minimum,
                    "duration": period.duration_display,
                    "source": period.source,
                    "notes": period.notes,
                },
                period,
            )
            for period in notice.retention_periods.all()
        ],
    }


def _with_record_kind(row: dict[str, Any], period: RetentionPeriod) -> dict[str, Any]:
    if period.record_kind is None:
        return row
    return row | {
        "record_kind": period.record_kind.slug,
        "record_kind_name": period.record_kind.name,
    }


def shared_block_snapshot(block: SharedBlock) -> dict[str, Any]:
    """The shared block's draft as it stands in the database now."""
    return {
        "schema": SNAPSHOT_SCHEMA,
        # The block's government body: the controller of what it receives, named in diffs and
        # in the notice's linked data. Versions from before blocks per nation have none: theirs
        # was the Department for Education (notices.publishing.diffing.notice.block_body).
        "body": block.body_name,
        "title": block.title,
        "introduction": block.introduction,
        "parts": [
            {"anchor": part.anchor, "heading": part.heading, "body": part.body}
            for part in block.parts.order_by("position", "pk")
        ],
    }


def content_hash(content: Any) -> str:
    """A SHA-256 of the content as canonical JSON: equal content, equal hash."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _iso_date(value) -> str | None:
    return value.isoformat() if value else None
