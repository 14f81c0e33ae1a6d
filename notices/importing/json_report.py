"""The import report as one JSON object, for scripts and checks (`import_notice --json`).

Built only from what the importer found (notices.importing.import_report.ImportReport): a thing
it does not find yet is an empty list, never a guess. The keys:

- `title`: the notice's own title as found ("" when none was found);
- `introduction`, `young_people_summary`: the texts found before the first section and for young
  people ("" when none);
- `sections`: each `heading`, `ico_item` (an IcoItem value) and `body` (Markdown);
- `data_categories`, `recipients`: each `name` (as the document names it) and either
  `matched_to` (a library slug) or `proposed` (the name proposed as a new library entry);
- `lawful_bases`: LawfulBasis.Provision values ("A6-1-e"), in the order cited;
- `retention_periods`: each `record_type`, `record_kind` (a RecordKind slug or null), `trigger`,
  `years`, `months`, `is_minimum` and `text` (what it was read from);
- `national_parts`: the DfE's own text, each `heading` (the document's), `aligned_to` (the
  anchor of the shared block part it matches, or null when it is like no part), `status`
  ("identical", "reworded" or "only in the council's copy") and `text`;
- `not_imported`: text of the file that went nowhere, verbatim;
- `drift`: per aligned part, never a part against the whole block: its `heading`, `aligned_to`,
  `status` ("identical", "reworded", "only in the council's copy", or "only in the shared block"
  for a part of the block the council's copy has nothing of, with `heading` null), and for a
  reworded part `changes` (each changed block, [-removed-] and {+added+} words) and `says`
  ('the council's copy says "..." where the shared block says "..."').
"""

from typing import Any

from councils.models import Nation
from notices.importing.drift_words import drift_lines, drift_sentences
from notices.importing.import_report import ImportReport
from notices.importing.national_blocks import current_block_snapshot
from notices.importing.parsing import LibraryMatch
from notices.models import NoticeKind

IDENTICAL = "identical"
REWORDED = "reworded"
ONLY_IN_COUNCILS_COPY = "only in the council's copy"
ONLY_IN_SHARED_BLOCK = "only in the shared block"


def report_json(
    report: ImportReport,
    *,
    kind: str = NoticeKind.CHILDRENS_SOCIAL_CARE,
    nation: str = Nation.ENGLAND,
) -> dict:
    """The report as a JSON-ready dict (plain strings, numbers, lists and dicts)."""
    parsed = report.parsed
    anchors = _block_part_anchors(kind, nation)
    national_parts = []
    drift = []
    for match in parsed.shared_text:
        aligned_to = anchors.get(match.block_part_heading) if match.block_part_heading else None
        if not match.block_part_heading:
            status = ONLY_IN_COUNCILS_COPY
        else:
            status = REWORDED if match.has_drifted else IDENTICAL
        national_parts.append(
            {
                "heading": match.heading,
                "aligned_to": aligned_to,
                "status": status,
                "text": match.imported_text,
            }
        )
        drift.append(
            {
                "heading": match.heading,
                "aligned_to": aligned_to,
                "status": status,
                "changes": drift_lines(match.drift) if status == REWORDED else [],
                "says": drift_sentences(match.drift) if status == REWORDED else [],
            }
        )
    aligned = {match.block_part_heading for match in parsed.shared_text}
    if parsed.shared_text:
        # The block's parts the council's copy has nothing of.
        drift += [
            {"heading": None, "aligned_to": anchor, "status": ONLY_IN_SHARED_BLOCK}
            for heading, anchor in anchors.items()
            if heading not in aligned
        ]
    return {
        "title": parsed.title,
        "introduction": parsed.introduction,
        "young_people_summary": parsed.young_people_summary,
        "sections": [
            {"heading": section.heading, "ico_item": section.ico_item, "body": section.body}
            for section in parsed.sections
        ],
        "data_categories": [_library_item(match) for match in parsed.data_categories],
        "recipients": [_library_item(match) for match in parsed.recipients],
        "lawful_bases": [str(provision) for provision in parsed.lawful_bases],
        "retention_periods": [
            {
                "record_type": period.record_type,
                "record_kind": period.record_kind,
                "trigger": period.trigger,
                "years": period.years,
                "months": period.months,
                "is_minimum": period.is_minimum,
                "text": period.text,
            }
            for period in parsed.retention_periods
        ],
        "national_parts": national_parts,
        "not_imported": list(report.not_imported),
        "drift": drift,
    }


def _library_item(match: LibraryMatch) -> dict[str, Any]:
    name = match.name or match.text
    if match.slug:
        return {"name": name, "matched_to": match.slug}
    return {"name": name, "proposed": name}


def _block_part_anchors(kind: str, nation: str) -> dict[str, str]:
    """Each part heading of the nation's shared block as notices show it now, to its anchor."""
    snapshot = current_block_snapshot(kind=kind, nation=nation) or {"parts": []}
    return {part["heading"]: part.get("anchor", "") for part in snapshot.get("parts", [])}
