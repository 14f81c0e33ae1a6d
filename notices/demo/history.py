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
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone

from notices.demo import content as demo_content
from notices.demo.history_edits import (  # noqa: F401 (the history's edits, read from here too)
    DRAFT,
    ROW_KINDS,
    Add,
    Change,
    DemoHistoryError,
    Draft,
    Edit,
    Remove,
    Reword,
    Target,
    basis,
    category,
    field_value,
    part,
    recipient,
    retention,
    section,
)
from notices.demo.reader import COUNCIL_ORDER, COUNCILS_DIR, SHARED_BLOCK_FILES
from notices.models import (
    Notice,
    NoticeKind,
    NoticeVersion,
    PublishedVersion,
    SharedBlock,
)
from notices.publishing.publish import publish_notice
from notices.publishing.shared_block import publish_shared_block

LONDON = zoneinfo.ZoneInfo("Europe/London")


def london(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """A moment on the clocks in the UK, as the timezone-aware datetime a version is dated with."""
    return timezone.make_aware(datetime(year, month, day, hour, minute), LONDON)


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
        elif field_value(obj, name) != expected:
            return False
    return True


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
