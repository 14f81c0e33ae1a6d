"""Cross-council comparison: councils against the items of a shared library, as tables.

Three tables, each built from the current published version of every council's notice (what the
public reads now; never a draft or an older version):

- recipients: whether each council shares with each recipient, how often, and why;
- data categories: whether each council says it keeps each kind of information, and what;
- retention: how long each council keeps each kind of record (RecordKind), and on what authority.

Items are told apart by slug and named as the most recently published snapshot names them, so a
library item renamed since an older notice was published still makes one column. The columns are
the items at least one current notice uses, in name order. Everything comes from the versions'
snapshots (only the list each table needs), read in one query however many councils there are.

The result is plain dataclasses of strings, so the template only lays them out and every cell's
text reads on its own ("Only when necessary", "25 years from the child's date of birth").
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models.fields.json import KeyTransform

from councils.sort_names import sort_key
from notices.models import NoticeKind, NoticeVersion, RecordKind
from notices.public.record_kind_words import KindName, kinds_named
from notices.publishing.history import current_versions

NOT_SHARED = "No"
NOT_KEPT = "Not listed"
KEPT = "Kept"
NO_PERIOD = "Not stated"


class UnknownItem(LookupError):
    """The item asked for is not in any council's current notice."""


@dataclass(frozen=True)
class Column:
    """A library item as a column: `note` marks special category or criminal offence data."""

    slug: str
    name: str
    note: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.note})" if self.note else self.name


@dataclass(frozen=True)
class Cell:
    text: str  # the answer, readable out of context: "Routinely", "Not listed"...
    detail: str = ""  # the council's own words: why it shares, what it includes, the source
    is_stated: bool = True  # False when the council's notice says nothing about the item


@dataclass(frozen=True)
class Row:
    council_name: str
    notice_url: str
    cells: tuple[Cell, ...]  # one per column, in column order
    other_records: tuple[str, ...] = ()  # retention rows with no kind of record
    council_slug: str = ""


@dataclass(frozen=True)
class ItemRow:
    """One item across the councils: a row of the side-by-side table, a line of the item list."""

    column: Column
    cells: tuple[Cell, ...]  # one per council, in row order
    council_names: tuple[str, ...]  # the councils' names, in the same order

    @property
    def stated_count(self) -> int:
        return sum(cell.is_stated for cell in self.cells)

    @property
    def answers(self) -> tuple[tuple[str, Cell], ...]:
        """(council name, cell) pairs: each cell labelled for the narrow-screen card."""
        return tuple(zip(self.council_names, self.cells, strict=True))


@dataclass(frozen=True)
class ComparisonTable:
    topic: str  # "recipients", "data-categories" or "retention"
    caption: str
    item_noun: str  # what one column is: "recipient", "kind of information", "kind of record"
    detail_heading: str  # heads the detail column of a focused table
    columns: tuple[Column, ...]  # the shown columns: all of them, or the focused one
    rows: tuple[Row, ...]  # one per council with a published notice, in place-name order
    all_columns: tuple[Column, ...]  # every column, for the "show one" choice
    focus: Column | None = None

    @property
    def has_other_records(self) -> bool:
        return any(row.other_records for row in self.rows)

    @property
    def items(self) -> tuple[ItemRow, ...]:
        """The table turned round: items as rows, councils as columns."""
        names = tuple(row.council_name for row in self.rows)
        return tuple(
            ItemRow(
                column=column,
                cells=tuple(row.cells[index] for row in self.rows),
                council_names=names,
            )
            for index, column in enumerate(self.columns)
        )


@dataclass(frozen=True)
class _Topic:
    slug: str
    snapshot_key: str  # the snapshot list the table is made from
    caption: str
    focus_caption: str  # with {name}
    item_noun: str
    detail_heading: str
    # Which columns an entry belongs to (none, one, or for retention several), given what
    # `extra_columns` returned.
    item_slugs: Callable[[dict, tuple[Column, ...]], list[str]]
    column: Callable[[dict], Column | None]  # the entry's own column, if it names one
    cell: Callable[[list[dict], Column], Cell]  # the council's entries for one column
    lists_other_records: bool = False  # list the entries that belong to no column, per council
    # Library items an entry may count for without naming them by slug (one query, or none).
    extra_columns: Callable[[], tuple[Column, ...]] = lambda: ()


# --- Building ---------------------------------------------------------------------------------

# Councils in columns only up to this many: past it a table no longer fits a laptop, let alone
# a phone, and one item at a time reads better.
MAX_SIDE_BY_SIDE = 4


def recipients_table(
    *,
    item: str | None = None,
    councils: tuple[str, ...] | None = None,
    nation: str | None = None,
) -> ComparisonTable:
    """Who each council shares with; `item` (a recipient's slug) keeps one column, `councils`
    (slugs) keeps those councils' rows and the columns they use, `nation` that nation's
    councils."""
    return _build(RECIPIENTS, item, councils, nation)


def data_categories_table(
    *,
    item: str | None = None,
    councils: tuple[str, ...] | None = None,
    nation: str | None = None,
) -> ComparisonTable:
    """What each council says it keeps; `item`, `councils` and `nation` as for
    recipients_table."""
    return _build(DATA_CATEGORIES, item, councils, nation)


def retention_table(
    *,
    item: str | None = None,
    councils: tuple[str, ...] | None = None,
    nation: str | None = None,
) -> ComparisonTable:
    """How long each council keeps each kind of record; a row that covers several kinds counts
    for each (notices.public.record_kind_words). `item`, `councils` and `nation` as for
    recipients_table."""
    return _build(RETENTION, item, councils, nation)


def councils_compared(nation: str | None = None) -> list[tuple[str, str]]:
    """(slug, name) of every council (of `nation`, if given) with a current published notice,
    in place-name order: the choice of councils to put side by side. One query, of two short
    columns."""
    versions = current_versions(NoticeKind.CHILDRENS_SOCIAL_CARE)
    if nation is not None:
        versions = versions.filter(notice__council__nation=nation)
    rows = versions.values_list("notice__council__slug", "notice__council__name")
    return sorted(rows, key=lambda row: sort_key(row[1]))


def _current(
    topic: _Topic, councils: tuple[str, ...] | None, nation: str | None
) -> list[NoticeVersion]:
    """One query; of each snapshot only the topic's list leaves the database, as `entries`: a
    whole snapshot is a hundred times bigger, and 400 of them cost seconds and hundreds of MB.
    With `nation`, only that nation's councils: they work under the same law."""
    versions = current_versions(NoticeKind.CHILDRENS_SOCIAL_CARE)
    if councils is not None:
        versions = versions.filter(notice__council__slug__in=councils)
    if nation is not None:
        versions = versions.filter(notice__council__nation=nation)
    versions = versions.annotate(entries=KeyTransform(topic.snapshot_key, "snapshot")).defer(
        "snapshot", "rendered_html"
    )
    return sorted(versions, key=lambda version: sort_key(version.notice.council.name))


def _build(
    topic: _Topic, item: str | None, councils: tuple[str, ...] | None, nation: str | None = None
) -> ComparisonTable:
    versions = _current(topic, councils, nation)
    extra = topic.extra_columns() if versions else ()
    all_columns = _columns(topic, versions, extra)
    columns = all_columns
    focus = None
    if item:
        focus = next((column for column in all_columns if column.slug == item), None)
        if focus is None:
            raise UnknownItem(f"No council's current notice lists that {topic.item_noun}.")
        columns = (focus,)
    rows = tuple(_row(topic, version, columns, extra) for version in versions)
    return ComparisonTable(
        topic=topic.slug,
        caption=topic.focus_caption.format(name=focus.name) if focus else topic.caption,
        item_noun=topic.item_noun,
        detail_heading=topic.detail_heading,
        columns=columns,
        rows=rows,
        all_columns=all_columns,
        focus=focus,
    )


def _entries(topic: _Topic, version: NoticeVersion) -> list[dict]:
    entries = version.entries
    return entries if isinstance(entries, list) else []


def _columns(
    topic: _Topic, versions: list[NoticeVersion], extra: tuple[Column, ...]
) -> tuple[Column, ...]:
    by_slug: dict[str, Column] = {}
    extra_by_slug = {column.slug: column for column in extra}
    # Oldest publication first, so the newest snapshot's name for an item is the one kept.
    for version in sorted(versions, key=lambda version: version.published_at):
        for entry in _entries(topic, version):
            own = topic.column(entry)
            for slug in topic.item_slugs(entry, extra):
                if own is not None and slug == own.slug:
                    by_slug[slug] = own
                else:  # named only in the council's words: the library's name until one names it
                    by_slug.setdefault(slug, extra_by_slug[slug])
    return tuple(sorted(by_slug.values(), key=lambda column: (column.name.casefold(), column.slug)))


def _row(
    topic: _Topic, version: NoticeVersion, columns: tuple[Column, ...], extra: tuple[Column, ...]
) -> Row:
    entries = _entries(topic, version)
    by_slug: dict[str, list[dict]] = {}
    for entry in entries:
        for slug in topic.item_slugs(entry, extra) or [""]:
            by_slug.setdefault(slug, []).append(entry)
    other = ()
    if topic.lists_other_records:
        other = tuple(_retention_entry(entry) for entry in by_slug.get("", []))
    notice = version.notice
    return Row(
        council_name=notice.council.name,
        notice_url=notice.get_absolute_url(),
        cells=tuple(topic.cell(by_slug.get(column.slug, []), column) for column in columns),
        other_records=other,
        council_slug=notice.council.slug,
    )


# --- The three topics -------------------------------------------------------------------------


def _text(value: Any) -> str:
    """A snapshot value as one line of reading text."""
    return " ".join(str(value).split()) if value else ""


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _library_column(entry: dict) -> Column | None:
    if not entry.get("slug"):
        return None
    return Column(slug=entry["slug"], name=_text(entry.get("name")) or entry["slug"])


def _recipient_cell(entries: list[dict], column: Column) -> Cell:
    if not entries:
        return Cell(NOT_SHARED, is_stated=False)
    share = entries[0]  # a notice lists a recipient once
    return Cell(
        _text(share.get("frequency_label") or share.get("frequency")) or "Yes",
        detail=_text(share.get("purpose")),
    )


def _category_column(entry: dict) -> Column | None:
    if not entry.get("slug"):
        return None
    name = _text(entry.get("name")) or entry["slug"]
    marks = []
    if entry.get("is_special_category"):
        marks.append("special category data")
    if entry.get("is_criminal_offence"):
        marks.append("criminal offence data")
    # Not "Criminal offence data (criminal offence data)".
    marks = [mark for mark in marks if mark not in name.casefold()]
    return Column(slug=entry["slug"], name=name, note=" and ".join(marks))


def _category_cell(entries: list[dict], column: Column) -> Cell:
    if not entries:
        return Cell(NOT_KEPT, is_stated=False)
    return Cell(KEPT, detail=_text(entries[0].get("detail")))


def _library_slugs(entry: dict, extra: tuple[Column, ...]) -> list[str]:
    return [entry["slug"]] if entry.get("slug") else []


def _record_kinds() -> tuple[Column, ...]:
    return tuple(
        Column(slug=slug, name=name)
        for slug, name in RecordKind.objects.values_list("slug", "name")
    )


def _record_kind_slugs(entry: dict, kinds: tuple[Column, ...]) -> list[str]:
    # Snapshots from before record kinds existed have no key: their rows have no kind of their
    # own, and count only for the kinds their words name.
    return kinds_named(
        record_type=_text(entry.get("record_type")),
        notes=_text(entry.get("notes")),
        kinds=(KindName(slug=kind.slug, name=kind.name) for kind in kinds),
        own=entry.get("record_kind") or None,
    )


def _record_kind_column(entry: dict) -> Column | None:
    slug = entry.get("record_kind")
    if not slug:
        return None
    return Column(slug=slug, name=_text(entry.get("record_kind_name")) or slug)


def _period(entry: dict) -> str:
    """'25 years from the child's date of birth'."""
    duration = _text(entry.get("duration"))
    trigger = _text(entry.get("trigger_label") or entry.get("trigger"))
    return f"{duration} from {trigger}" if trigger else duration


def _retention_entry(entry: dict) -> str:
    """'Leaving care payment records: 7 years from the young person leaving care'."""
    return f"{_text(entry.get('record_type')) or 'Records'}: {_period(entry)}"


def _retention_cell(entries: list[dict], column: Column) -> Cell:
    if not entries:
        return Cell(NO_PERIOD, is_stated=False)

    def named(entry: dict) -> bool:
        # The council's own name for the records is given when it says more than the column.
        record_type = _text(entry.get("record_type"))
        return len(entries) > 1 or record_type.casefold() != column.name.casefold()

    texts = [
        _retention_entry(entry) if named(entry) else _capfirst(_period(entry)) for entry in entries
    ]
    details = []
    for entry in entries:
        why = ". ".join(
            part.rstrip(".")
            for part in (_text(entry.get("source")), _text(entry.get("notes")))
            if part
        )
        if why:
            prefix = f"{_text(entry.get('record_type'))}: " if named(entry) else ""
            details.append(f"{prefix}{why}.")
    return Cell("; ".join(texts), detail=" ".join(details))


RECIPIENTS = _Topic(
    slug="recipients",
    snapshot_key="recipients",
    caption="Who each council shares information with",
    focus_caption="Whether each council shares information with: {name}",
    item_noun="recipient",
    detail_heading="Why the council shares",
    item_slugs=_library_slugs,
    column=_library_column,
    cell=_recipient_cell,
)

DATA_CATEGORIES = _Topic(
    slug="data-categories",
    snapshot_key="data_categories",
    caption="The kinds of information each council says it keeps",
    focus_caption="Whether each council says it keeps: {name}",
    item_noun="kind of information",
    detail_heading="What the council includes",
    item_slugs=_library_slugs,
    column=_category_column,
    cell=_category_cell,
)

RETENTION = _Topic(
    slug="retention",
    snapshot_key="retention_periods",
    caption="How long each council keeps each kind of record",
    focus_caption="How long each council keeps: {name}",
    item_noun="kind of record",
    detail_heading="Where the period comes from, and notes",
    item_slugs=_record_kind_slugs,
    column=_record_kind_column,
    cell=_retention_cell,
    lists_other_records=True,
    extra_columns=_record_kinds,
)
