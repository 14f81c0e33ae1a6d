"""The demo's published history: dated versions of the shared block and of every demo notice.

The history is data, read from `councils/<slug>/history.toml` and `shared-block/history.toml`
beside this module: one `[[versions]]` table per version published, with the date, the change
note the public reads, whether the change was major, and the edits that turned the previous
version into this one. Version 1 has no edits of its own: it is what the current text becomes
once every later step is undone.

How it is built (build_demo_history, called by notices.demo.loading.load_demo_data after the
drafts have been created with their current text from notices.demo.content):

1. Every later edit is undone, newest first, which winds each draft back to its version 1.
2. The steps of all councils and of the shared block are replayed in date order: each step's edits
   are made to the draft and the draft is published, backdated to the step's date. The shared
   block's second version therefore lands in the middle of the councils' histories and gives
   every notice published by then a new version that embeds it.
3. Edits listed as unpublished are made last and left in the draft, unpublished.

Every edit knows both directions, and each checks the text it expects before changing it, so a
history that no longer fits demo_content fails loudly (DemoHistoryError) instead of publishing
something odd. After the replay each draft must again say exactly what demo_content says.

A history is built only for a draft that has never been published and still says exactly what
demo_content says, so staff edits and existing versions are left alone; the shared block's is built
only while no notice of its kind has been published, since its versions cascade into them.
"""

import tomllib
import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from django.utils import timezone

from notices.demo import content as demo_content
from notices.demo.reader import COUNCIL_ORDER, COUNCILS_DIR, SHARED_BLOCK_FILES
from notices.models import (
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeKind,
    NoticeRecipient,
    NoticeVersion,
    PublishedVersion,
    Recipient,
    RecordKind,
    RetentionPeriod,
    Section,
    SharedBlock,
    SharedBlockPart,
)
from notices.publishing.publish import publish_notice
from notices.publishing.shared_block import publish_shared_block

LONDON = zoneinfo.ZoneInfo("Europe/London")

Draft = Notice | SharedBlock


class DemoHistoryError(Exception):
    """The history in this module no longer fits the demo content it starts from."""


def london(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """A moment on the clocks in the UK, as the timezone-aware datetime a version is dated with."""
    return timezone.make_aware(datetime(year, month, day, hour, minute), LONDON)


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
    return _field_value(row, kind.key)


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


# --- The histories ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One published version: when, what the public is told, and the edits that made it."""

    published_at: datetime
    change_note: str
    is_major: bool = True
    edits: tuple[Edit, ...] = ()


@dataclass(frozen=True)
class History:
    steps: tuple[Step, ...]
    # Saved in the draft after the last step and not published (yet).
    unpublished: tuple[Edit, ...] = ()

    def edits(self) -> list[Edit]:
        """Every edit, oldest first."""
        return [edit for step in self.steps for edit in step.edits] + list(self.unpublished)


# --- The histories, read from their files ----------------------------------------------------

EDIT_KINDS = ("reword", "change", "add", "remove")


def _target(path: Path, name: str) -> Target:
    if name == "draft":
        return DRAFT
    rows, _, key = name.partition("/")
    if rows not in ROW_KINDS or not key:
        raise DemoHistoryError(f"{path}: {name!r} names no row (expected 'draft' or 'rows/key').")
    return Target(rows, key)


def _edit(path: Path, data: dict[str, Any]) -> Edit:
    kinds = [kind for kind in EDIT_KINDS if kind in data]
    if len(kinds) != 1:
        raise DemoHistoryError(f"{path}: an edit needs exactly one of {EDIT_KINDS}: {data!r}.")
    kind = kinds[0]
    target = _target(path, data[kind])
    if kind == "reword":
        try:
            return Reword(target, data["field"], old=data["old"], new=data["new"])
        except KeyError as error:
            raise DemoHistoryError(f"{path}: a reword needs field, old and new: {error}") from None
    if kind == "change":
        values = {name: tuple(pair) for name, pair in data.items() if name != kind}
        if not values or any(len(pair) != 2 for pair in values.values()):
            raise DemoHistoryError(f"{path}: a change gives each field as [before, after].")
        return Change(target, **values)
    if kind == "add":
        return Add(target)
    return Remove(target, after=data.get("after"), row=data.get("row", {}))


def read_history(path: Path) -> History:
    """A history file: `[[versions]]` (published, note, major, edits) and `[[unpublished]]`."""
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
        versions = data["versions"]
        if not isinstance(versions, list) or not versions:
            raise TypeError("expected at least one [[versions]] table")
        steps = []
        for version in versions:
            if not isinstance(version["published"], datetime):
                raise TypeError("published is a date and time such as 2025-03-10T10:00:00")
            edits = tuple(_edit(path, edit) for edit in version.get("edits", []))
            published = timezone.make_aware(version["published"], LONDON)
            major = version.get("major", True)
            steps.append(Step(published, version["note"], is_major=major, edits=edits))
        unpublished = tuple(_edit(path, edit) for edit in data.get("unpublished", []))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, TypeError, ValueError) as error:
        raise DemoHistoryError(f"{path}: {error}") from None
    except KeyError as error:
        raise DemoHistoryError(f"{path}: missing {error}.") from None
    return History(tuple(steps), unpublished=unpublished)


# {nation: its block's history}, from the history.toml beside each block's file.
BLOCK_HISTORIES: dict[str, History] = {
    block["nation"]: read_history(path.parent / "history.toml")
    for block, path in zip(demo_content.SHARED_BLOCKS, SHARED_BLOCK_FILES, strict=True)
}
BLOCK_HISTORY = BLOCK_HISTORIES["england"]
NOTICE_HISTORIES: dict[str, History] = {
    slug: read_history(COUNCILS_DIR / slug / "history.toml") for slug in COUNCIL_ORDER
}


# --- Building ---------------------------------------------------------------------------------


def matches_demo_content(obj: models.Model, content: dict) -> bool:
    """Whether a draft (or one of its rows) says exactly what its demo_content dict says."""
    for name, expected in content.items():
        if isinstance(expected, list):
            rows = list(getattr(obj, name).all())
            if len(rows) != len(expected):
                return False
            if not all(
                matches_demo_content(row, data) for row, data in zip(rows, expected, strict=True)
            ):
                return False
        elif _field_value(obj, name) != expected:
            return False
    return True


def _field_value(obj: models.Model, name: str) -> Any:
    value = getattr(obj, name)
    if isinstance(value, models.Model):
        return value.slug
    if isinstance(value, date):
        return value.isoformat()
    return value


@dataclass
class _Replay:
    draft: Draft
    current: dict
    history: History

    def rewind(self) -> None:
        for edit in reversed(self.history.edits()):
            edit.backward(self.draft, self.current)

    def publish(self, step: Step, by: AbstractBaseUser | None) -> list[PublishedVersion]:
        for edit in step.edits:
            edit.forward(self.draft, self.current)
        options = {
            "by": by,
            "change_note": step.change_note,
            "is_major": step.is_major,
            "published_at": step.published_at,
        }
        if isinstance(self.draft, SharedBlock):
            publication = publish_shared_block(self.draft, **options)
            return [publication.block_version, *publication.notice_versions]
        return [publish_notice(self.draft, **options)]

    def finish(self) -> None:
        for edit in self.history.unpublished:
            edit.forward(self.draft, self.current)
        self.draft.refresh_from_db()
        if not matches_demo_content(self.draft, self.current):
            raise DemoHistoryError(
                f"{self.draft}: replaying its history does not lead back to its content in "
                "demo_content."
            )


def _replays() -> list[_Replay]:
    kind = NoticeKind.CHILDRENS_SOCIAL_CARE
    replays = []
    for block_data in demo_content.SHARED_BLOCKS:
        nation = block_data["nation"]
        block = SharedBlock.objects.filter(notice_kind=kind, nation=nation).first()
        if (
            block is not None
            and not block.versions.exists()
            # A block version cascades into its nation's published notices: never into
            # existing histories.
            and not NoticeVersion.objects.filter(
                notice__kind=kind, notice__council__nation=nation
            ).exists()
            and matches_demo_content(block, block_data)
        ):
            replays.append(_Replay(block, block_data, BLOCK_HISTORIES[nation]))
    for council in demo_content.COUNCILS:
        history = NOTICE_HISTORIES.get(council["slug"])
        notice = Notice.objects.filter(council__slug=council["slug"], kind=kind).first()
        if (
            history is not None
            and notice is not None
            and not notice.versions.exists()
            and matches_demo_content(notice, council["notice"])
        ):
            replays.append(_Replay(notice, council["notice"], history))
    return replays


def _check(history: History, draft: Draft) -> None:
    if history.steps[0].edits:
        raise DemoHistoryError(f"{draft}: version 1 is made by undoing the later steps' edits.")
    moments = [step.published_at for step in history.steps]
    if any(later <= earlier for earlier, later in pairwise(moments)):
        raise DemoHistoryError(f"{draft}: the steps' dates must increase.")


def build_demo_history(*, publisher: AbstractBaseUser | None = None) -> list[PublishedVersion]:
    """Publishes the histories of the shared block and of the demo notices that have none yet,
    with `publisher` named as the publisher. Returns the versions it created, oldest first.
    All or nothing: a history that does not fit raises DemoHistoryError and publishes nothing."""
    created: list[PublishedVersion] = []
    with transaction.atomic():
        replays = _replays()
        for replay in replays:
            _check(replay.history, replay.draft)
        for replay in replays:
            replay.rewind()
        timeline = sorted(
            ((step, replay) for replay in replays for step in replay.history.steps),
            key=lambda event: event[0].published_at,
        )
        for step, replay in timeline:
            created.extend(replay.publish(step, publisher))
        for replay in replays:
            replay.finish()
    return created
