"""The search text of each published notice, kept in step by publishing.

Publishing keeps one NoticeSearchText per published notice (`index_version`), holding the plain
text of the council's own words in that version. The shared DfE/NPD block is left out: it is the
same in every notice, so it would match every notice alike. On PostgreSQL the entry also holds
its weighted full-text vector. The search itself, which reads these entries, is
notices.public.search.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import CombinedSearchVector, SearchVector
from django.db import connections
from django.db.models import F, Model, Value

from notices.models import NoticeSearchText, NoticeVersion
from notices.publishing.diffing.blocks import markdown_blocks

SEARCH_CONFIG = "english"

# A tsvector holds at most 1 MB; this much text stays well under it, and far exceeds a real
# notice, so a pasted-in file cannot make publishing fail.
MAX_VECTOR_TEXT = 400_000

# Control characters, and with them the search's snippet marks, become spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


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


def one_line(text: str) -> str:
    """One line of text: control characters gone, runs of whitespace one space."""
    return " ".join(_CONTROL.sub(" ", text or "").split())


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


def index_version(version: NoticeVersion) -> None:
    """Makes `version` the one the search finds for its notice. Publishing calls it, in the
    transaction that creates the version."""
    write_search_text(
        NoticeSearchText,
        notice_id=version.notice_id,
        version_number=version.number,
        snapshot=version.snapshot,
    )


def index_versions(versions: Sequence[NoticeVersion]) -> None:
    """Indexes the versions a shared block update gives every published notice.

    Such a version repeats its notice's previous version word for word and only embeds the new
    block, which the search leaves out. So an entry already at the previous version just takes
    the new number, in one UPDATE for all of them; any other version is indexed in full.
    """
    by_notice = {version.notice_id: version for version in versions}
    indexed_numbers = dict(
        NoticeSearchText.objects.filter(notice_id__in=by_notice).values_list(
            "notice_id", "version_number"
        )
    )
    in_step = {
        notice_id
        for notice_id, version in by_notice.items()
        if version.is_shared_block_update and indexed_numbers.get(notice_id) == version.number - 1
    }
    if in_step:
        NoticeSearchText.objects.filter(notice_id__in=in_step).update(
            version_number=F("version_number") + 1
        )
    for notice_id, version in by_notice.items():
        if notice_id not in in_step:
            index_version(version)
