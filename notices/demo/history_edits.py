"""The edits a demo history is made of (notices.demo.history): where each applies in a draft (a
section, a library row, a shared block part) and how it is made and undone. Each checks the text it
expects before changing it, so a history that no longer fits the demo content fails loudly."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from django.core.exceptions import ObjectDoesNotExist
from django.db import models

from notices.models import (
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    Recipient,
    RecordKind,
    RetentionPeriod,
    Section,
    SharedBlock,
    SharedBlockPart,
)

Draft = Notice | SharedBlock


class DemoHistoryError(Exception):
    """A demo history no longer fits the demo content it starts from."""


# --- Where an edit applies -------------------------------------------------------------------


@dataclass(frozen=True)
class RowKind:
    """One kind of row a draft is made of, and how demo_content names it."""

    model: type[models.Model]
    key: str  # the field of a demo_content row that tells the rows apart
    lookup: str  # the same field, as an ORM lookup on the row
    library: type[models.Model] | None = None  # for rows that name a library item by its slug


ROW_KINDS = {
    "sections": RowKind(Section, "anchor", "anchor"),
    "data_categories": RowKind(NoticeDataCategory, "category", "category__slug", DataCategory),
    "recipients": RowKind(NoticeRecipient, "recipient", "recipient__slug", Recipient),
    "lawful_bases": RowKind(LawfulBasis, "provision", "provision"),
    "retention_periods": RowKind(RetentionPeriod, "record_type", "record_type"),
    "parts": RowKind(SharedBlockPart, "anchor", "anchor"),
}


@dataclass(frozen=True)
class Target:
    """The draft itself (rows=None), or one of its rows: rows is the related name, key the value
    of the row's key field (a section's anchor, a recipient's slug...)."""

    rows: str | None = None
    key: str = ""

    def __str__(self) -> str:
        return "the draft" if self.rows is None else f"{self.rows} '{self.key}'"

    def find(self, draft: Draft) -> models.Model:
        if self.rows is None:
            return draft
        try:
            return getattr(draft, self.rows).get(**{ROW_KINDS[self.rows].lookup: self.key})
        except ObjectDoesNotExist:
            raise DemoHistoryError(f"{draft}: found no {self}.") from None


DRAFT = Target()


def section(anchor: str) -> Target:
    return Target("sections", anchor)


def category(slug: str) -> Target:
    return Target("data_categories", slug)


def recipient(slug: str) -> Target:
    return Target("recipients", slug)


def basis(provision: str) -> Target:
    return Target("lawful_bases", provision)


def retention(record_type: str) -> Target:
    return Target("retention_periods", record_type)


def part(anchor: str) -> Target:
    return Target("parts", anchor)


# --- Edits -----------------------------------------------------------------------------------


class Edit(Protocol):
    """A change between two versions. `current` is the draft's content in demo_content."""

    def forward(self, draft: Draft, current: dict) -> None: ...

    def backward(self, draft: Draft, current: dict) -> None: ...


@dataclass(frozen=True)
class Reword:
    """In one text field, `old` (in the earlier version) becomes `new` (in the later one)."""

    target: Target
    field: str
    old: str
    new: str

    def forward(self, draft: Draft, current: dict) -> None:
        _replace(draft, self.target, self.field, self.old, self.new)

    def backward(self, draft: Draft, current: dict) -> None:
        _replace(draft, self.target, self.field, self.new, self.old)


class Change:
    """Whole fields change value: Change(retention("..."), years=(25, 35)) means 25 before, 35
    after. Dates are written as "YYYY-MM-DD"."""

    def __init__(self, target: Target, **values: tuple[Any, Any]) -> None:
        self.target = target
        self.values = values

    def forward(self, draft: Draft, current: dict) -> None:
        self._set(draft, self.values)

    def backward(self, draft: Draft, current: dict) -> None:
        self._set(draft, {name: (new, old) for name, (old, new) in self.values.items()})

    def _set(self, draft: Draft, values: dict[str, tuple[Any, Any]]) -> None:
        obj = self.target.find(draft)
        for name, (expected, value) in values.items():
            model_field = obj._meta.get_field(name)
            if getattr(obj, name) != model_field.to_python(expected):
                raise DemoHistoryError(
                    f"{draft}: expected {self.target}'s {name} to be {expected!r}, "
                    f"found {getattr(obj, name)!r}."
                )
            setattr(obj, name, model_field.to_python(value))
        _validated(obj)


@dataclass(frozen=True)
class Add:
    """A row the later version has and the earlier one lacks. Its content is the row's in
    demo_content, and it goes back where demo_content puts it."""

    target: Target

    def forward(self, draft: Draft, current: dict) -> None:
        kind = ROW_KINDS[self.target.rows]
        keys = [row[kind.key] for row in current[self.target.rows]]
        if self.target.key not in keys:
            raise DemoHistoryError(f"{draft}: demo_content has no {self.target}.")
        present = {_key(row, kind) for row in getattr(draft, self.target.rows).all()}
        after = None
        for key in keys[: keys.index(self.target.key)]:
            if key in present:
                after = key
        row = current[self.target.rows][keys.index(self.target.key)]
        _insert(draft, self.target.rows, row, after=after)

    def backward(self, draft: Draft, current: dict) -> None:
        _delete(draft, self.target)


@dataclass(frozen=True)
class Remove:
    """A row the earlier version has and the later one lacks: `row` is its content (apart from
    the key), `after` the key of the row it followed (None: it came first)."""

    target: Target
    after: str | None
    row: dict = field(default_factory=dict)

    def forward(self, draft: Draft, current: dict) -> None:
        _delete(draft, self.target)

    def backward(self, draft: Draft, current: dict) -> None:
        row = {ROW_KINDS[self.target.rows].key: self.target.key, **self.row}
        _insert(draft, self.target.rows, row, after=self.after)


def _validated(obj: models.Model) -> None:
    obj.full_clean()
    obj.save()


def _replace(draft: Draft, target: Target, name: str, old: str, new: str) -> None:
    obj = target.find(draft)
    text = getattr(obj, name)
    if text.count(old) != 1:
        raise DemoHistoryError(
            f"{draft}: expected {target}'s {name} to contain {old!r} once, "
            f"found it {text.count(old)} times."
        )
    setattr(obj, name, text.replace(old, new))
    _validated(obj)


def _key(row: models.Model, kind: RowKind) -> Any:
    return field_value(row, kind.key)


def _insert(draft: Draft, rows: str, data: dict, *, after: str | None) -> None:
    kind = ROW_KINDS[rows]
    manager = getattr(draft, rows)
    siblings = list(manager.all())
    keys = [_key(sibling, kind) for sibling in siblings]
    if after is not None and after not in keys:
        raise DemoHistoryError(f"{draft}: cannot put a row after {rows} '{after}': not found.")
    values = dict(data)
    if kind.library is not None:
        values[kind.key] = kind.library.objects.get(slug=values[kind.key])
    if values.get("record_kind"):  # a retention row names its kind of record by slug too
        values["record_kind"] = RecordKind.objects.get(slug=values["record_kind"])
    new_row = kind.model(**{manager.field.name: draft}, **values)
    siblings.insert(0 if after is None else keys.index(after) + 1, new_row)
    _renumber(siblings)


def _delete(draft: Draft, target: Target) -> None:
    target.find(draft).delete()
    _renumber(list(getattr(draft, target.rows).all()))


def _renumber(rows: list[models.Model]) -> None:
    """Positions 1, 2, 3... in list order, as the loader numbers them."""
    for position, row in enumerate(rows, start=1):
        if row.pk is None or row.position != position:
            row.position = position
            _validated(row)


def field_value(obj: models.Model, name: str) -> Any:
    value = getattr(obj, name)
    if isinstance(value, models.Model):
        return value.slug
    if isinstance(value, date):
        return value.isoformat()
    return value
