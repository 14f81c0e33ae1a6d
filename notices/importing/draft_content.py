"""What an import writes: the parse's findings in the shape of a notice snapshot, and the list of
what the publisher must still check, for notices.importing.drafting to write."""

from collections.abc import Iterable

from notices.importing.parsed import LibraryMatch, ParsedNotice
from notices.text.anchors import anchor_from_heading, unique_anchor

# A notice's title when the document states none.
DEFAULT_TITLE = "Children's social care privacy notice"


def draft_content(*, parsed: ParsedNotice, to_check: list[str]) -> dict:
    """What the parse found, in the shape of a snapshot (see notices.publishing.snapshots)."""
    taken: set[str] = set()
    sections = []
    for section in parsed.sections:
        anchor = unique_anchor(anchor_from_heading(section.heading), taken=taken)
        taken.add(anchor)
        sections.append(
            {
                "heading": section.heading[:200],
                "anchor": anchor,
                "ico_item": section.ico_item,
                "body": section.body,
            }
        )
    recipients = first_of_each(parsed.recipients)
    # What the file does not say (a recipient's frequency or purpose, a Schedule 1 condition, an
    # introduction) is left blank, never guessed: the checklist lists it "to complete" and
    # publishing refuses the draft until someone fills it in (notices.publishing.to_complete).
    if not parsed.title:
        to_check.append(
            f"The title: the file states none, so \u201c{DEFAULT_TITLE}\u201d is used until "
            "someone changes it."
        )
    unnamed = [period for period in parsed.retention_periods if not period.record_type]
    if unnamed:
        # A placeholder would be published as the council's words: the row is left out instead.
        to_check.append(
            "Which records these retention periods are for (the file does not say, so they were "
            "not added): " + "; ".join(f"\u201c{period.text}\u201d" for period in unnamed)
        )
    if parsed.shared_text:
        to_check.append(
            "The notice's own copy of the DfE/NPD text was left out: the shared block is shown "
            "instead. The report compares them."
        )
    return {
        "notice": {
            "title": (parsed.title or DEFAULT_TITLE)[:200],
            "introduction": parsed.introduction,
            "young_people_summary": parsed.young_people_summary,
        },
        "sections": sections,
        "data_categories": [
            {"slug": match.slug, "name": match.name or match.text, "detail": match.detail[:5000]}
            for match in first_of_each(parsed.data_categories)
        ],
        "recipients": [
            {
                "slug": match.slug,
                "name": match.name or match.text,
                "purpose": match.detail[:5000],
                "frequency": match.frequency,
            }
            for match in recipients
        ],
        "lawful_bases": [
            {
                "provision": provision,
                "schedule_1_condition": "",
                "legislation": "",
                "explanation": "",
            }
            for provision in parsed.lawful_bases
        ],
        "retention_periods": [
            {
                "record_type": period.record_type[:200],
                "record_kind": period.record_kind,
                "trigger": period.trigger,
                "years": period.years,
                "months": period.months,
                "is_minimum": period.is_minimum,
                "source": "",
                "notes": f"Imported from: {period.text}"[:5000],
            }
            for period in parsed.retention_periods
            if period.record_type
        ],
    }


def first_of_each(matches: Iterable[LibraryMatch]) -> list[LibraryMatch]:
    """Matched items, each library item once."""
    seen: set[str] = set()
    kept = []
    for match in matches:
        if match.slug and match.slug not in seen:
            seen.add(match.slug)
            kept.append(match)
    return kept
