"""The search's entries for each published notice, kept in step by publishing.

Publishing (`index_version`) keeps, for each published notice's current version:

- one NoticeSearchSection per headed part of the page (notices.publishing.search_sections),
  which the search matches and links to: the council's sections, the structured parts and the
  shared national block's parts. On PostgreSQL each holds its weighted full-text vector; on
  SQLite a full-text table (FTS5, Porter stemming) follows the rows through triggers (migration
  notices 0013), so any write here, or a row copied in, is indexed in the same transaction;
- one NoticeSearchText: the notice's title, and the plain text of the council's own words (the
  site archive checks its rebuild against it).

The search itself, which reads these entries, is notices.public.search.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import CombinedSearchVector, SearchVector
from django.db import connections
from django.db.models import F, Model, Value
from django.db.models.functions import Substr

from notices.models import NoticeSearchSection, NoticeSearchText, NoticeVersion
from notices.publishing.diffing.blocks import markdown_blocks
from notices.publishing.search_sections import search_parts
from notices.text.search_words import one_line

SEARCH_CONFIG = "english"

# A tsvector holds at most 1 MB; this much text stays well under it, and far exceeds a real
# notice, so a pasted-in file cannot make publishing fail.
MAX_VECTOR_TEXT = 400_000


# The words of a notice ---------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeWords:
    """The words of one version of a notice that the search looks at."""

    title: str
    # The section headings, weighted like the title.
    headings: str
    # Everything else, weighted below them.
    body: str
    # All of it but the title, in reading order, one passage a line: snippets are cut from this.
    text: str


def notice_words(snapshot: dict[str, Any]) -> NoticeWords:
    """The council's own words in a version's snapshot (see notices.publishing.snapshots), as
    plain text.

    Takes the snapshot alone, so that the data migration that fills the search text for existing
    versions can use it too.
    """
    notice = snapshot.get("notice", {})
    headings: list[str] = []
    body: list[str] = []
    text: list[str] = []

    def add(passage: str, *, heading: bool = False) -> None:
        passage = one_line(passage)
        if passage:
            (headings if heading else body).append(passage)
            text.append(passage)

    add(_markdown_text(notice.get("young_people_summary", "")))
    add(_markdown_text(notice.get("introduction", "")))
    for section in snapshot.get("sections", []):
        add(section.get("heading", ""), heading=True)
        add(_markdown_text(section.get("body", "")))
    for use in snapshot.get("data_categories", []):
        add(use.get("name", ""))
        # The page shows the library's description when the council gives no detail.
        add(use.get("detail") or use.get("description", ""))
    for share in snapshot.get("recipients", []):
        add(share.get("name", ""))
        add(share.get("purpose", ""))
    for basis in snapshot.get("lawful_bases", []):
        add(basis.get("provision_label", ""))
        add(basis.get("explanation", ""))
    for period in snapshot.get("retention_periods", []):
        add(period.get("record_type", ""))
    return NoticeWords(
        title=one_line(notice.get("title", "")),
        headings="\n".join(headings),
        body="\n".join(body),
        text="\n".join(text),
    )


def _markdown_text(markdown_text: str) -> str:
    # The diff's reading of Markdown: what a reader sees, without rendering it a second time at
    # publishing. Raw HTML and the scripts the sanitiser removes are left out, as on the page.
    return " ".join(block.text for block in markdown_blocks(markdown_text))


def weighted_vector(words: NoticeWords) -> CombinedSearchVector:
    """The full-text vector (PostgreSQL): title and headings weigh A, everything else B."""
    return SearchVector(
        Value(f"{words.title}\n{words.headings}"[:MAX_VECTOR_TEXT]),
        weight="A",
        config=SEARCH_CONFIG,
    ) + SearchVector(Value(words.body[:MAX_VECTOR_TEXT]), weight="B", config=SEARCH_CONFIG)


def write_search_text(
    model: type[Model],
    *,
    notice_id: int,
    version_number: int,
    snapshot: dict[str, Any],
    using: str = "default",
) -> None:
    """Writes (updates or creates) one notice's search text, vector included on PostgreSQL.

    Takes the model, so that the data migration can pass its historical one.
    """
    words = notice_words(snapshot)
    fields: dict[str, Any] = {
        "version_number": version_number,
        "title": words.title[:200],
        "text": words.text,
    }
    if connections[using].vendor == "postgresql":
        fields["search_vector"] = weighted_vector(words)
    entries = model._default_manager.using(using)
    if not entries.filter(notice_id=notice_id).update(**fields):
        entries.create(notice_id=notice_id, **fields)


@dataclass(frozen=True)
class IndexedVersion:
    """What the search sections of one notice are written from."""

    notice_id: int
    number: int
    snapshot: dict[str, Any] | None
    block_snapshot: dict[str, Any] | None

    @classmethod
    def of(cls, version: NoticeVersion) -> "IndexedVersion":
        block = version.shared_block_version
        return cls(
            version.notice_id, version.number, version.snapshot, block.snapshot if block else None
        )


def write_search_sections(
    model: type[Model],
    *,
    versions: Sequence[IndexedVersion],
    shared_only: bool = False,
    using: str = "default",
) -> None:
    """Replaces the search sections of each version's notice with the version's.

    `shared_only`: only the shared block's sections are replaced (a block update), each notice's
    own sections staying as they are. The statements are as many for one notice as for a
    thousand. Takes the model, so that the data migration can pass its historical one.
    """
    entries = model._default_manager.using(using)
    notice_ids = [version.notice_id for version in versions]
    old = entries.filter(notice_id__in=notice_ids)
    if shared_only:
        old = old.filter(is_shared=True)
    old.delete()
    rows = []
    for version in versions:
        for position, part in enumerate(
            search_parts(version.snapshot or {}, version.block_snapshot)
        ):
            if shared_only and not part.is_shared:
                continue
            rows.append(
                model(
                    notice_id=version.notice_id,
                    version_number=version.number,
                    position=position,
                    anchor=part.anchor[:100],
                    heading=part.heading[:300],
                    topic=part.topic[:40],
                    topic_words=part.topic_words[:200],
                    text=part.text,
                    is_shared=part.is_shared,
                )
            )
    entries.bulk_create(rows, batch_size=500)
    if connections[using].vendor == "postgresql":
        entries.filter(notice_id__in=notice_ids, search_vector__isnull=True).update(
            search_vector=section_vector()
        )


def section_vector() -> CombinedSearchVector:
    """A section's full-text vector (PostgreSQL), from its own columns: its heading and topic
    words weigh A, its text B."""
    return SearchVector("heading", "topic_words", weight="A", config=SEARCH_CONFIG) + SearchVector(
        Substr("text", 1, MAX_VECTOR_TEXT), weight="B", config=SEARCH_CONFIG
    )


def index_version(version: NoticeVersion) -> None:
    """Makes `version` the one the search finds for its notice. Publishing calls it, in the
    transaction that creates the version."""
    write_search_text(
        NoticeSearchText,
        notice_id=version.notice_id,
        version_number=version.number,
        snapshot=version.snapshot,
    )
    write_search_sections(NoticeSearchSection, versions=[IndexedVersion.of(version)])


def index_versions(versions: Sequence[NoticeVersion]) -> None:
    """Indexes many notices' new versions at once: those a shared block update gives every
    published notice, or a generated site's.

    A block update's version repeats its notice's previous version word for word and only
    embeds the new block. So where a notice's entries are already at the previous version, its
    own sections just take the new number and its block sections are replaced, in a few
    statements for all of them; any other version is indexed in full, its sections written with
    the others'.
    """
    by_notice = {version.notice_id: version for version in versions}
    indexed_numbers = dict(
        NoticeSearchText.objects.filter(notice_id__in=by_notice).values_list(
            "notice_id", "version_number"
        )
    )
    in_step = sorted(
        notice_id
        for notice_id, version in by_notice.items()
        if version.is_shared_block_update and indexed_numbers.get(notice_id) == version.number - 1
    )
    if in_step:
        NoticeSearchText.objects.filter(notice_id__in=in_step).update(
            version_number=F("version_number") + 1
        )
        NoticeSearchSection.objects.filter(notice_id__in=in_step).update(
            version_number=F("version_number") + 1
        )
        write_search_sections(
            NoticeSearchSection,
            versions=[IndexedVersion.of(by_notice[notice_id]) for notice_id in in_step],
            shared_only=True,
        )
    others = [version for notice_id, version in by_notice.items() if notice_id not in in_step]
    for version in others:
        write_search_text(
            NoticeSearchText,
            notice_id=version.notice_id,
            version_number=version.number,
            snapshot=version.snapshot,
        )
    if others:
        write_search_sections(
            NoticeSearchSection, versions=[IndexedVersion.of(version) for version in others]
        )
