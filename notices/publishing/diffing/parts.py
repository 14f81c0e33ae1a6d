"""The ordered parts of two versions (sections, shared block parts) matched and compared, and
their structured lists (data categories, recipients, lawful bases, retention periods)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from notices.publishing.diffing.blocks import markdown_blocks
from notices.publishing.diffing.results import (
    ADDED,
    CHANGED,
    DELETE,
    INSERT,
    MOVED,
    REMOVED,
    UNCHANGED,
    FieldChange,
    ItemChange,
    ListDiff,
    PartDiff,
    PartsDiff,
    Segment,
    TextDiff,
)
from notices.publishing.diffing.words import changed_markdown, whole_text_diff, word_segments

# --- Sections and shared block parts --------------------------------------------------------


def _unmoved(pairs: Sequence[tuple[int, int]]) -> set[int]:
    """Old indexes of the matched pairs that keep their relative order: the longest increasing
    run of old indexes taken in new order (the LCS of the two matched sequences)."""
    ordered = sorted(pairs, key=lambda pair: pair[1])
    olds = [old for old, _ in ordered]
    tails: list[int] = []  # tails[k]: position in olds ending the best run of length k+1
    previous = [-1] * len(olds)
    for position, value in enumerate(olds):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if olds[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        previous[position] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    kept: set[int] = set()
    position = tails[-1] if tails else -1
    while position != -1:
        kept.add(olds[position])
        position = previous[position]
    return kept


def _match(
    old_keys: Sequence[Any], new_keys: Sequence[Any], fallback: Callable[[int, int], bool] | None
) -> dict[int, int]:
    """Old index → new index of the items both sides have: same key, else (for items left over)
    `fallback(old, new)`, e.g. the same heading under a changed anchor."""
    new_by_key: dict[Any, int] = {}
    for index, key in enumerate(new_keys):
        new_by_key.setdefault(key, index)
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for index, key in enumerate(old_keys):
        other = new_by_key.get(key)
        if other is not None and other not in taken:
            matched[index] = other
            taken.add(other)
    if fallback is not None:
        for index in range(len(old_keys)):
            if index in matched:
                continue
            for other in range(len(new_keys)):
                if other not in taken and fallback(index, other):
                    matched[index] = other
                    taken.add(other)
                    break
    return matched


def _merged_order(
    old_count: int, new_count: int, matched: dict[int, int], unmoved: set[int]
) -> list[tuple[int | None, int | None]]:
    """(old index, new index) of every item in the new side's order, each removed item placed
    after the unmoved item it followed on the old side."""
    removed_after: dict[int, list[int]] = {}
    last = -1
    for index in range(old_count):
        if index in matched:
            if index in unmoved:
                last = matched[index]
        else:
            removed_after.setdefault(last, []).append(index)
    new_to_old = {new: old for old, new in matched.items()}
    order: list[tuple[int | None, int | None]] = [(i, None) for i in removed_after.get(-1, [])]
    for index in range(new_count):
        order.append((new_to_old.get(index), index))
        order.extend((i, None) for i in removed_after.get(index, []))
    return order


def normal_heading(heading: str) -> str:
    return " ".join((heading or "").split())


def diff_parts(old: Sequence[dict], new: Sequence[dict]) -> PartsDiff:
    """Sections of a notice, or parts of the shared block: matched by anchor, else by heading."""
    matched = _match(
        [part.get("anchor") for part in old],
        [part.get("anchor") for part in new],
        lambda i, j: (
            normal_heading(old[i].get("heading", "")) == normal_heading(new[j].get("heading", ""))
        ),
    )
    unmoved = _unmoved(list(matched.items()))
    parts = []
    for old_index, new_index in _merged_order(len(old), len(new), matched, unmoved):
        if new_index is None:
            parts.append(_removed_part(old[old_index], old_index))
        elif old_index is None:
            parts.append(_added_part(new[new_index], new_index))
        else:
            parts.append(
                _matched_part(
                    old[old_index], new[new_index], old_index, new_index, old_index not in unmoved
                )
            )
    changed_parts = tuple(part for part in parts if part.status != UNCHANGED)
    return PartsDiff(
        parts=tuple(parts),
        changed_parts=changed_parts,
        unchanged=tuple(part for part in parts if part.status == UNCHANGED),
        added=sum(part.status == ADDED for part in parts),
        removed=sum(part.status == REMOVED for part in parts),
        changed=sum(part.status == CHANGED for part in parts),
        moved=sum(part.is_moved for part in parts),
        has_changes=bool(changed_parts),
    )


def _heading_of(part: dict) -> str:
    return normal_heading(part.get("heading", "")) or "Untitled section"


def _added_part(part: dict, index: int) -> PartDiff:
    return PartDiff(
        status=ADDED,
        heading=_heading_of(part),
        anchor=part.get("anchor", ""),
        tags=("Added",),
        is_moved=False,
        old_position=None,
        new_position=index + 1,
        old_heading="",
        heading_change=(),
        field_changes=(),
        body=whole_text_diff(markdown_blocks(part.get("body", "")), INSERT),
        formatting_only=False,
    )


def _removed_part(part: dict, index: int) -> PartDiff:
    return PartDiff(
        status=REMOVED,
        heading=_heading_of(part),
        anchor=part.get("anchor", ""),
        tags=("Removed",),
        is_moved=False,
        old_position=index + 1,
        new_position=None,
        old_heading=_heading_of(part),
        heading_change=(),
        field_changes=(),
        body=whole_text_diff(markdown_blocks(part.get("body", "")), DELETE),
        formatting_only=False,
    )


def _matched_part(old: dict, new: dict, old_index: int, new_index: int, is_moved: bool) -> PartDiff:
    old_heading, new_heading = _heading_of(old), _heading_of(new)
    heading_change = word_segments(old_heading, new_heading) if old_heading != new_heading else ()
    field_changes: tuple[FieldChange, ...] = ()
    if old.get("ico_item") != new.get("ico_item"):
        field_changes = (
            FieldChange(
                "ICO checklist item",
                old.get("ico_item_label") or old.get("ico_item") or "",
                new.get("ico_item_label") or new.get("ico_item") or "",
            ),
        )
    body = changed_markdown(old, new, "body")
    formatting_only = body is not None and not body.has_changes
    is_changed = bool(heading_change or field_changes or body)
    tags = (("Changed",) if is_changed else ()) + (("Moved",) if is_moved else ())
    return PartDiff(
        status=CHANGED if is_changed else MOVED if is_moved else UNCHANGED,
        heading=new_heading,
        anchor=new.get("anchor", ""),
        tags=tags,
        is_moved=is_moved,
        old_position=old_index + 1,
        new_position=new_index + 1,
        old_heading=old_heading,
        heading_change=heading_change,
        field_changes=field_changes,
        body=body,
        formatting_only=formatting_only,
    )


def text_part(heading: str, body: TextDiff) -> PartDiff:
    """The title or an introduction, shown the way a changed section is."""
    return PartDiff(
        status=CHANGED,
        heading=heading,
        anchor="",
        tags=("Changed",),
        is_moved=False,
        old_position=None,
        new_position=None,
        old_heading=heading,
        heading_change=(),
        field_changes=(),
        body=body,
        formatting_only=not body.has_changes,
    )


# --- Structured lists -----------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    key: str
    name: str
    long: bool = False  # long text: shown as a word diff rather than "from X to Y"
    joiner: str = ", "  # joins the lines of a multi-line value


@dataclass(frozen=True)
class _ListSpec:
    key: str
    heading: str
    singular: str
    plural: str
    item_key: Callable[[dict], Any]
    label: Callable[[dict], str]
    fields: tuple[Field, ...]


def _record_type_key(item: dict) -> str:
    return " ".join(str(item.get("record_type") or "").casefold().split())


def _basis_label(item: dict) -> str:
    return f"UK GDPR {item.get('provision_label') or item.get('provision') or ''}".strip()


LIST_SPECS = (
    _ListSpec(
        key="data_categories",
        heading="The information we keep",
        singular="kind of information",
        plural="kinds of information",
        item_key=lambda item: item.get("slug"),
        label=lambda item: item.get("name") or item.get("slug") or "",
        fields=(
            Field("name", "Name"),
            Field("description", "Description", long=True),
            Field("detail", "What this council includes", long=True),
            Field("is_special_category", "Special category data"),
            Field("is_criminal_offence", "Criminal offence data"),
        ),
    ),
    _ListSpec(
        key="recipients",
        heading="Who we share it with",
        singular="recipient",
        plural="recipients",
        item_key=lambda item: item.get("slug"),
        label=lambda item: item.get("name") or item.get("slug") or "",
        fields=(
            Field("name", "Name"),
            Field("kind_label", "Kind of organisation"),
            Field("purpose", "Why we share", long=True),
            Field("frequency_label", "How often"),
        ),
    ),
    _ListSpec(
        key="lawful_bases",
        heading="The law that allows us to use it",
        singular="lawful basis",
        plural="lawful bases",
        item_key=lambda item: item.get("provision"),  # plus its occurrence, see _keys
        label=_basis_label,
        fields=(
            Field("provision_label", "Lawful basis"),
            Field("schedule_1_condition", "Data Protection Act 2018 Schedule 1 condition", True),
            Field("legislation", "Laws relied on", long=True, joiner="; "),
            Field("explanation", "What it covers", long=True),
        ),
    ),
    _ListSpec(
        key="retention_periods",
        heading="How long we keep it",
        singular="retention period",
        plural="retention periods",
        item_key=_record_type_key,
        label=lambda item: item.get("record_type") or "",
        fields=(
            Field("record_type", "Record"),
            Field("record_kind_name", "Kind of record"),
            Field("duration", "Kept for"),
            Field("trigger_label", "Counted from"),
            Field("source", "Why this long", long=True),
            Field("notes", "Notes", long=True),
        ),
    ),
)


def _value(value: Any, joiner: str = ", ") -> str:
    """A snapshot value as reading text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    lines = [" ".join(line.split()) for line in str(value).splitlines()]
    return joiner.join(line for line in lines if line)


def field_change(field: Field, old: Any, new: Any) -> FieldChange | None:
    old_text, new_text = _value(old, field.joiner), _value(new, field.joiner)
    if old_text == new_text:
        return None
    segments: tuple[Segment, ...] = ()
    if field.long and old_text and new_text:
        segments = word_segments(old_text, new_text)
    return FieldChange(field.name, old_text, new_text, segments)


def _keys(spec: _ListSpec, items: Sequence[dict]) -> list[tuple[Any, int]]:
    """Each item's key with its occurrence number, so that repeated keys (a provision relied on
    twice) pair up in order."""
    seen: dict[Any, int] = {}
    keys = []
    for item in items:
        key = spec.item_key(item)
        keys.append((key, seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    return keys


def _item_label(spec: _ListSpec, item: dict, occurrence: int) -> str:
    label = spec.label(item) or "Unnamed"
    return f"{label} (entry {occurrence + 1})" if occurrence else label


def _details(spec: _ListSpec, item: dict) -> tuple[tuple[str, str], ...]:
    label_value = spec.label(item)
    details = []
    for field in spec.fields:
        value = item.get(field.key)
        text = _value(value, field.joiner)
        if value is False or not text or text == label_value:
            continue
        details.append((field.name, text))
    return tuple(details)


def diff_list(spec: _ListSpec, old: Sequence[dict], new: Sequence[dict]) -> ListDiff:
    old_keys, new_keys = _keys(spec, old), _keys(spec, new)
    matched = _match(old_keys, new_keys, None)
    unmoved = _unmoved(list(matched.items()))
    items: list[ItemChange] = []
    for old_index, new_index in _merged_order(len(old), len(new), matched, unmoved):
        if new_index is None:
            item = old[old_index]
            label = _item_label(spec, item, old_keys[old_index][1])
            items.append(ItemChange(REMOVED, label, (), _details(spec, item)))
        elif old_index is None:
            item = new[new_index]
            label = _item_label(spec, item, new_keys[new_index][1])
            items.append(ItemChange(ADDED, label, (), _details(spec, item)))
        else:
            before, after = old[old_index], new[new_index]
            fields = tuple(
                change
                for field in spec.fields
                if (change := field_change(field, before.get(field.key), after.get(field.key)))
            )
            if fields:
                label = _item_label(spec, after, new_keys[new_index][1])
                items.append(ItemChange(CHANGED, label, fields, ()))
    reordered = len(unmoved) < len(matched)
    return ListDiff(
        key=spec.key,
        heading=spec.heading,
        items=tuple(items),
        added=tuple(item for item in items if item.status == ADDED),
        removed=tuple(item for item in items if item.status == REMOVED),
        changed=tuple(item for item in items if item.status == CHANGED),
        reordered=reordered,
        has_changes=bool(items) or reordered,
    )
