"""A large synthetic site: many councils, each with a published notice and a long history, stored
exactly as publishing stores it. For `make bench` and for tests that need a realistic amount of
data (how many queries a page makes with 400 councils, say).

    build_site(councils=400, versions=10, sections=40)

Each council ("Synthetic Council 17", slug `synthetic-council-17`) gets a children's social care
notice whose draft says what its last version says, `versions` published versions that really
differ (a sentence reworded, a section added in place of another, a section moved, a recipient
added, a retention period changed; some major, some minor; dated a month apart and ending now),
data categories, recipients, lawful bases and retention periods from the shared libraries (filled
from the demo's libraries when empty), the shared DfE/NPD block's current version (published first
if it has none), and its search index row. A notice needs at least six sections to cover every
checklist item that needs one (notices.publishing.checklist); with fewer its draft is incomplete,
so it could not be published again until sections are added.

Speed is what this package is for, so it does not publish version by version. Councils come in a
few variants (which library items they list, what their sections say); within a variant only the
council's own values differ (its number, name, kind, contacts). Each variant's version is rendered
once with stand-in words for those values, and each council's copy replaces the stand-ins with its
own, which are only letters, digits, spaces, `@`, `.`, `:`, `/` and `-`, so that they read the same
escaped as HTML or JSON, as the stand-ins do. Everything else is what publishing computes: the
snapshot (notices.publishing.snapshots' format), the content hash (publish.notice_content_hash)
and the search index (search_index.index_versions); its tests compare a sample with the real
functions.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from councils.models import Council
from notices.demo.synthetic.council_values import (
    MAX_COUNCIL_NUMBER,
    Own,
    council_fields,
    council_slug,
    fill,
    own_values,
)
from notices.demo.synthetic.edits import variant_history
from notices.demo.synthetic.versions import (
    KIND,
    TITLE,
    VARIANTS,
    VERSION_INTERVAL,
    Content,
    Dates,
    RenderedPages,
    Step,
    latest_shared_block_version,
    load_libraries,
)
from notices.models import (
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    NoticeVersion,
    RetentionPeriod,
    Section,
    SharedBlockVersion,
    add_years,
)
from notices.publishing import search_index
from notices.publishing.publish import notice_content_hash

# The sections a notice needs to cover the checklist items that only a section can answer.
MIN_COMPLETE_SECTIONS = 6
# Councils whose versions are built and stored at once: bounds memory (a 40-section version
# is about 100 KB of HTML and snapshot).
COUNCILS_PER_BATCH = 25


@dataclass(frozen=True)
class SyntheticSite:
    """What build_site made. `slugs` are the councils' slugs, in number order."""

    slugs: tuple[str, ...]
    versions: int
    sections: int
    shared_block_version: int
    notice_versions: int

    @property
    def councils(self) -> int:
        return len(self.slugs)


def build_site(*, councils: int, versions: int, sections: int, first: int = 1) -> SyntheticSite:
    """Creates councils numbered `first` to `first + councils - 1`, each with a published notice
    of `versions` versions of `sections` sections, in one transaction.

    Raises ValueError, having written nothing, for a count below 1, a council number past
    MAX_COUNCIL_NUMBER, or a synthetic council that already exists.
    """
    for name, value in (("councils", councils), ("versions", versions), ("sections", sections)):
        if value < 1:
            raise ValueError(f"A synthetic site needs at least one of each: {name} is {value}.")
    numbers = range(first, first + councils)
    if first < 1 or numbers[-1] > MAX_COUNCIL_NUMBER:
        raise ValueError(f"Council numbers run from 1 to {MAX_COUNCIL_NUMBER:,}.")
    slugs = tuple(council_slug(number) for number in numbers)
    with transaction.atomic():
        taken = sorted(Council.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        if taken:
            raise ValueError(
                f"{len(taken)} of these councils already exist ({', '.join(taken[:3])}...): "
                "start after them with `first`."
            )
        libraries = load_libraries()
        block_version = latest_shared_block_version(at=timezone.now() - VERSION_INTERVAL * versions)
        dates = Dates.ending_now(
            versions=versions, after=block_version.published_at, first=first, councils=councils
        )
        histories = [
            variant_history(variant, libraries, versions=versions, sections=sections, dates=dates)
            for variant in range(VARIANTS)
        ]
        pages = RenderedPages(histories, block_version)
        count = 0
        for batch in _batches(list(numbers), COUNCILS_PER_BATCH):
            count += _build_councils(batch, histories, pages, block_version, dates)
    return SyntheticSite(
        slugs=slugs,
        versions=versions,
        sections=sections,
        shared_block_version=block_version.number,
        notice_versions=count,
    )


# --- Storing -------------------------------------------------------------------------------------


def _batches(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _variant(number: int) -> int:
    return (number - 1) % VARIANTS


def _build_councils(
    numbers: Sequence[int],
    histories: list[list[Step]],
    pages: RenderedPages,
    block_version: SharedBlockVersion,
    dates: Dates,
) -> int:
    """Stores the councils numbered `numbers`: council, draft, versions and search entry."""
    owns = {number: own_values(number) for number in numbers}
    councils = Council.objects.bulk_create(
        Council(**council_fields(owns[number])) for number in numbers
    )
    last_steps = {number: histories[_variant(number)][-1] for number in numbers}
    notices = Notice.objects.bulk_create(
        Notice(
            council=council,
            kind=KIND,
            title=TITLE,
            introduction=fill(last_steps[number].content.introduction, owns[number]),
            young_people_summary=fill(last_steps[number].content.summary, owns[number]),
            last_reviewed=last_steps[number].content.last_reviewed,
            review_due=add_years(last_steps[number].content.last_reviewed, 1),
        )
        for number, council in zip(numbers, councils, strict=True)
    )
    drafts = _DraftRows()
    for number, notice in zip(numbers, notices, strict=True):
        drafts.add(notice, last_steps[number].content, owns[number])
    drafts.store()

    latest = []
    total = 0
    for number, notice in zip(numbers, notices, strict=True):
        own, variant = owns[number], _variant(number)
        versions = []
        for index, step in enumerate(histories[variant]):
            snapshot = pages.snapshot(variant, index, own)
            versions.append(
                NoticeVersion(
                    notice=notice,
                    number=index + 1,
                    title=TITLE,
                    published_at=dates.published_at(index, number),
                    published_by=None,
                    change_note=step.change_note,
                    is_major=step.is_major,
                    snapshot=snapshot,
                    content_hash=notice_content_hash(snapshot, block_version),
                    shared_block_version=block_version,
                    rendered_html=pages.page(variant, index, own),
                )
            )
        # On PostgreSQL Django inserts several rows as arrays, and psycopg quotes JSON for an
        # array in Python, character by character: one row per INSERT is much faster there.
        batch_size = 1 if connection.vendor == "postgresql" else None
        NoticeVersion.objects.bulk_create(versions, batch_size=batch_size)
        latest.append(versions[-1])
        total += len(versions)
    search_index.index_versions(latest)
    return total


@dataclass
class _DraftRows:
    """The draft's parts for many notices, stored together."""

    sections: list[Section] = field(default_factory=list)
    categories: list[NoticeDataCategory] = field(default_factory=list)
    recipients: list[NoticeRecipient] = field(default_factory=list)
    bases: list[LawfulBasis] = field(default_factory=list)
    periods: list[RetentionPeriod] = field(default_factory=list)

    def add(self, notice: Notice, content: Content, own: Own) -> None:
        self.sections += [
            Section(
                notice=notice,
                position=position,
                anchor=section.anchor,
                heading=section.heading,
                ico_item=section.ico_item,
                body=fill(section.body, own),
            )
            for position, section in enumerate(content.sections, start=1)
        ]
        self.categories += [
            NoticeDataCategory(
                notice=notice, category=category, detail=fill(detail, own), position=position
            )
            for position, (category, detail) in enumerate(content.categories, start=1)
        ]
        self.recipients += [
            NoticeRecipient(
                notice=notice,
                recipient=recipient,
                purpose=purpose,
                frequency=frequency,
                position=position,
            )
            for position, (recipient, purpose, frequency) in enumerate(content.recipients, 1)
        ]
        self.bases += [
            LawfulBasis(notice=notice, position=position, **basis)
            for position, basis in enumerate(content.lawful_bases, start=1)
        ]
        self.periods += [
            RetentionPeriod(notice=notice, position=position, **period)
            for position, period in enumerate(content.retention, start=1)
        ]

    def store(self) -> None:
        for model, rows in (
            (Section, self.sections),
            (NoticeDataCategory, self.categories),
            (NoticeRecipient, self.recipients),
            (LawfulBasis, self.bases),
            (RetentionPeriod, self.periods),
        ):
            model.objects.bulk_create(rows, batch_size=2000)
