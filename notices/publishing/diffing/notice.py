"""What changed between two versions of a notice, as a whole: the parts, lists, council contacts
and shared block compared, grouped under the page's headings, and summed up in words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from notices.publishing.diffing.parts import (
    LIST_SPECS,
    Field,
    diff_list,
    diff_parts,
    field_change,
    normal_heading,
    text_part,
)
from notices.publishing.diffing.results import (
    ADDED,
    CHANGED,
    REMOVED,
    UNCHANGED,
    DiffGroup,
    FieldChange,
    ListDiff,
    NoticeDiff,
    NoticeSide,
    PartDiff,
    PartsDiff,
    SharedBlockDiff,
)
from notices.publishing.diffing.words import changed_markdown, matching_budget, plain_diff

# Names listed in one summary sentence before "and N more".
SUMMARY_NAMES = 5

# Blocks published before there was one per nation were all the Department for Education's.
LEGACY_BLOCK_BODY = "Department for Education"


def block_body(snapshot: dict | None) -> str:
    """The government body a block snapshot is about."""
    return (snapshot or {}).get("body") or LEGACY_BLOCK_BODY


def block_heading(old: dict | None, new: dict | None) -> str:
    return f"{block_body(new if new is not None else old)} section"


# --- Council contacts -----------------------------------------------------------------------

# The council fields a reader sees, with the names the page gives them. The slug and kind are
# left out: they are not contact details and do not appear in the notice.
CONTACT_FIELDS = (
    Field("name", "Council name"),
    Field("website", "Council website"),
    Field("general_privacy_notice_url", "General privacy notice link"),
    Field("controller_email", "Data controller email"),
    Field("controller_phone", "Data controller phone"),
    Field("controller_address", "Data controller postal address"),
    Field("dpo_name", "Data Protection Officer name or role"),
    Field("dpo_email", "Data Protection Officer email"),
    Field("dpo_phone", "Data Protection Officer phone"),
    Field("dpo_address", "Data Protection Officer postal address"),
    Field("ico_registration_number", "ICO registration number"),
    Field("complaint_form_url", "Data protection complaint form"),
    Field("complaint_email", "Complaints email"),
    Field("complaint_address", "Complaints postal address"),
)


def diff_contacts(old: dict, new: dict) -> tuple[FieldChange, ...]:
    return tuple(
        change
        for field in CONTACT_FIELDS
        if (change := field_change(field, old.get(field.key), new.get(field.key)))
    )


# --- Shared block ---------------------------------------------------------------------------


def diff_shared_block(old: dict | None, new: dict | None) -> SharedBlockDiff:
    old_title = normal_heading((old or {}).get("title", ""))
    new_title = normal_heading((new or {}).get("title", ""))
    if old is None or new is None:
        status = "none" if old is None and new is None else ADDED if old is None else REMOVED
        return SharedBlockDiff(
            status=status,
            old_title=old_title,
            new_title=new_title,
            title=None,
            introduction=None,
            parts=diff_parts((), ()),
            has_changes=status != "none",
            heading=block_heading(old, new),
        )
    title = plain_diff(old_title, new_title) if old_title != new_title else None
    introduction = changed_markdown(old, new, "introduction")
    parts = diff_parts(old.get("parts", []), new.get("parts", []))
    has_changes = bool(title or introduction or parts.has_changes)
    return SharedBlockDiff(
        status=CHANGED if has_changes else UNCHANGED,
        old_title=old_title,
        new_title=new_title,
        title=title,
        introduction=introduction,
        parts=parts,
        has_changes=has_changes,
        heading=block_heading(old, new),
    )


# --- The whole notice -----------------------------------------------------------------------

TITLE_HEADING = "Title"
INTRODUCTION_HEADING = "About this notice"
YOUNG_PEOPLE_HEADING = "If you are a child or young person"


def diff_versions(old: NoticeSide, new: NoticeSide) -> NoticeDiff:
    """Everything that changed from `old` to `new`, ready for `_notice_diff.html`."""
    with matching_budget():  # one budget for the whole comparison, however many texts
        return _diff_versions(old, new)


def _diff_versions(old: NoticeSide, new: NoticeSide) -> NoticeDiff:
    old_notice, new_notice = old.snapshot.get("notice", {}), new.snapshot.get("notice", {})

    title = None
    if normal_heading(old_notice.get("title")) != normal_heading(new_notice.get("title")):
        title = plain_diff(old_notice.get("title", ""), new_notice.get("title", ""))
    introduction = changed_markdown(old_notice, new_notice, "introduction")
    young_people_summary = changed_markdown(old_notice, new_notice, "young_people_summary")
    sections = diff_parts(old.snapshot.get("sections", []), new.snapshot.get("sections", []))
    lists = {
        spec.key: diff_list(spec, old.snapshot.get(spec.key, []), new.snapshot.get(spec.key, []))
        for spec in LIST_SPECS
    }
    contacts = diff_contacts(old.snapshot.get("council", {}), new.snapshot.get("council", {}))
    shared_block = diff_shared_block(old.block, new.block)

    has_changes = bool(
        title
        or introduction
        or young_people_summary
        or sections.has_changes
        or any(diff.has_changes for diff in lists.values())
        or contacts
        or shared_block.has_changes
    )
    texts = tuple(
        text_part(heading, diff)
        for heading, diff in (
            (TITLE_HEADING, title),
            (INTRODUCTION_HEADING, introduction),
            (YOUNG_PEOPLE_HEADING, young_people_summary),
        )
        if diff is not None
    )
    ordered_lists = tuple(lists[spec.key] for spec in LIST_SPECS)
    return NoticeDiff(
        old_label=old.label,
        new_label=new.label,
        has_changes=has_changes,
        summary=_summary(texts, sections, ordered_lists, contacts, shared_block),
        title=title,
        introduction=introduction,
        young_people_summary=young_people_summary,
        sections=sections,
        data_categories=lists["data_categories"],
        recipients=lists["recipients"],
        lawful_bases=lists["lawful_bases"],
        retention_periods=lists["retention_periods"],
        contacts=contacts,
        shared_block=shared_block,
        groups=(
            _groups(texts, sections, ordered_lists, contacts, shared_block, old, new)
            if has_changes
            else ()
        ),
    )


def _groups(
    texts: tuple[PartDiff, ...],
    sections: PartsDiff,
    lists: tuple[ListDiff, ...],
    contacts: tuple[FieldChange, ...],
    block: SharedBlockDiff,
    old: NoticeSide,
    new: NoticeSide,
) -> tuple[DiffGroup, ...]:
    """The partial's h2 groups, in the order the notice page reads; groups with nothing to say
    are left out, except "Sections", which always lists the unchanged ones."""
    groups = []
    if texts:
        groups.append(_group_of("Title and introduction", parts=texts))
    section_notes = () if sections.has_changes else ("No section changed.",)
    groups.append(
        _group_of(
            "Sections",
            notes=section_notes,
            parts=sections.changed_parts,
            unchanged=tuple(part.heading for part in sections.unchanged),
            part_noun="section",
        )
    )
    changed_lists = tuple(diff for diff in lists if diff.has_changes)
    if changed_lists:
        groups.append(
            _group_of("Information kept, sharing, lawful bases and retention", lists=changed_lists)
        )
    if block.has_changes:
        groups.append(_block_group(block, old, new))
    if contacts:
        groups.append(_group_of("Contact details", contacts=contacts))
    return tuple(groups)


def _group_of(heading: str, **fields: Any) -> DiffGroup:
    values: dict[str, Any] = {
        "notes": (),
        "parts": (),
        "unchanged": (),
        "part_noun": "",
        "lists": (),
        "contacts": (),
    }
    return DiffGroup(heading=heading, **(values | fields))


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _block_group(block: SharedBlockDiff, old: NoticeSide, new: NoticeSide) -> DiffGroup:
    if block.status == ADDED:
        note = f"{_capfirst(new.label)} includes the section “{block.new_title}”"
        return _group_of(block.heading, notes=(f"{note}; {old.label} did not.",))
    if block.status == REMOVED:
        note = f"{_capfirst(old.label)} included the section “{block.old_title}”"
        return _group_of(block.heading, notes=(f"{note}; {new.label} does not.",))
    texts = []
    if block.title:
        texts.append(text_part(TITLE_HEADING, block.title))
    if block.introduction:
        texts.append(text_part("Introduction", block.introduction))
    return _group_of(
        block.heading,
        notes=("This section is the same in every council's notice.",),
        parts=(*texts, *block.parts.changed_parts),
        unchanged=tuple(part.heading for part in block.parts.unchanged),
        part_noun="part",
    )


# --- Summary --------------------------------------------------------------------------------


def _counted(count: int, singular: str, plural: str, verb: str, names: Sequence[str] = ()) -> str:
    sentence = f"{count} {singular if count == 1 else plural} {verb}"
    if names:
        shown = ", ".join(names[:SUMMARY_NAMES])
        more = len(names) - SUMMARY_NAMES
        sentence += f": {shown}" + (f" and {more} more" if more > 0 else "")
    return sentence


def _parts_summary(parts: PartsDiff, singular: str, plural: str) -> list[str]:
    sentences = []
    if parts.changed:
        sentences.append(_counted(parts.changed, singular, plural, "changed"))
    for status, verb in ((ADDED, "added"), (REMOVED, "removed")):
        names = [part.heading for part in parts.parts if part.status == status]
        if names:
            sentences.append(_counted(len(names), singular, plural, verb, names))
    if parts.moved:
        sentences.append(_counted(parts.moved, singular, plural, "moved"))
    return sentences


def _summary(
    texts: tuple[PartDiff, ...],
    sections: PartsDiff,
    lists: tuple[ListDiff, ...],
    contacts: tuple[FieldChange, ...],
    block: SharedBlockDiff,
) -> tuple[str, ...]:
    sentences = [f"“{part.heading}” changed" for part in texts]
    sentences += _parts_summary(sections, "section", "sections")
    for diff, spec in zip(lists, LIST_SPECS, strict=True):
        for items, verb in ((diff.added, "added"), (diff.removed, "removed")):
            if items:
                names = [item.label for item in items]
                sentences.append(_counted(len(items), spec.singular, spec.plural, verb, names))
        if diff.changed:
            names = [item.label for item in diff.changed]
            sentences.append(
                _counted(len(diff.changed), spec.singular, spec.plural, "changed", names)
            )
        if diff.reordered:
            sentences.append(f"The order of the {spec.plural} changed")
    if contacts:
        sentences.append("Contact details changed: " + ", ".join(c.name for c in contacts))
    if block.status == ADDED:
        sentences.append(f"{block.heading} added")
    elif block.status == REMOVED:
        sentences.append(f"{block.heading} removed")
    elif block.has_changes:
        changes = (["title changed"] if block.title else []) + (
            ["introduction changed"] if block.introduction else []
        )
        changes += [sentence for sentence in _parts_summary(block.parts, "part", "parts")]
        sentences.append(f"{block.heading}: " + "; ".join(changes))
    return tuple(sentences)
