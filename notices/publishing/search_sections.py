"""The headed parts of a published version that the search finds, each with its place on the page.

Every part the notice page gives an id becomes one entry: the young people's summary, the
introduction, each of the council's sections, each structured part (the information kept, who
gets it, the law, how long, the contacts and complaints) and each part of the national block the
version embeds. A search result links to the entry's anchor, so a reader lands on the part that
answers them rather than on the top of a long page.

Reads the snapshots alone (notices.publishing.snapshots), so that the migration that fills the
entries for versions published before it can use it too.
"""

from dataclasses import dataclass
from typing import Any

from notices.publishing.diffing.blocks import markdown_blocks
from notices.publishing.ico import ICO_CONTACT
from notices.text.anchors import SHARED_PART_PREFIX, page_unique_anchors
from notices.text.search_words import TOPIC_WORDS, one_line


@dataclass(frozen=True)
class SearchPart:
    anchor: str
    heading: str
    # The ICO checklist item it answers (notices.models.IcoItem), or "summary".
    topic: str
    text: str
    is_shared: bool = False

    @property
    def topic_words(self) -> str:
        """What the search matches everyday words to (notices.text.search_words)."""
        return TOPIC_WORDS.get(self.topic, "")


# The structured parts: the page's id and heading for each (templates/notices/_notice_body.html),
# and the topic each answers.
CATEGORIES = ("data-categories", "The information we keep", "categories")
RECIPIENTS = ("recipients", "Who we share it with", "recipients")
LAWFUL_BASES = ("lawful-bases", "The law that allows us to use it", "lawful-basis")
RETENTION = ("retention", "How long we keep it", "retention")
CONTACT = ("contact", "Contact us or complain", "contact")


def search_parts(
    snapshot: dict[str, Any], block_snapshot: dict[str, Any] | None = None
) -> list[SearchPart]:
    """The version's parts in page order, as plain text (see the module's docstring)."""
    notice = snapshot.get("notice", {})
    sections = snapshot.get("sections", [])
    block_parts = (block_snapshot or {}).get("parts", [])
    # The ids the page gives the sections (notices.publishing.rendering does the same).
    anchors = page_unique_anchors(
        [section.get("anchor", "") for section in sections],
        shared_part_anchors=[part.get("anchor", "") for part in block_parts],
    )
    parts = [
        SearchPart(
            "summary",
            "If you are a child or young person",
            "summary",
            _markdown_text(notice.get("young_people_summary", "")),
        ),
        SearchPart(
            "introduction", "About this notice", "other", _markdown_text(notice.get("introduction"))
        ),
    ]
    for anchor, section in zip(anchors, sections, strict=True):
        parts.append(
            SearchPart(
                anchor,
                one_line(section.get("heading", "")),
                section.get("ico_item") or "other",
                _markdown_text(section.get("body", "")),
            )
        )
    parts += [
        _structured(
            CATEGORIES,
            snapshot.get("data_categories", []),
            # The page shows the library's description when the council gives no detail.
            lambda use: [use.get("name"), use.get("detail") or use.get("description")],
        ),
        _structured(
            RECIPIENTS,
            snapshot.get("recipients", []),
            lambda share: [share.get("name"), share.get("kind_label"), share.get("purpose")],
        ),
        _structured(
            LAWFUL_BASES,
            snapshot.get("lawful_bases", []),
            lambda basis: [
                basis.get("provision_label"),
                basis.get("schedule_1_condition"),
                basis.get("explanation"),
                basis.get("legislation"),
            ],
        ),
        _structured(
            RETENTION,
            snapshot.get("retention_periods", []),
            lambda period: [
                period.get("record_type"),
                period.get("duration"),
                period.get("source"),
                period.get("notes"),
            ],
        ),
        _contact(snapshot.get("council", {})),
    ]
    if block_snapshot:
        parts.append(
            SearchPart(
                "shared-block",
                one_line(block_snapshot.get("title", "")),
                "other",
                _markdown_text(block_snapshot.get("introduction", "")),
                is_shared=True,
            )
        )
        for part in block_parts:
            parts.append(
                SearchPart(
                    f"{SHARED_PART_PREFIX}{part.get('anchor', '')}",
                    one_line(part.get("heading", "")),
                    "other",
                    _markdown_text(part.get("body", "")),
                    is_shared=True,
                )
            )
    return parts


def _structured(place: tuple[str, str, str], rows: list[dict[str, Any]], fields) -> SearchPart:
    anchor, heading, topic = place
    # One line a row, its cells apart as on the page.
    lines = (" – ".join(filter(None, map(one_line, fields(row)))) for row in rows)
    return SearchPart(anchor, heading, topic, "\n".join(line for line in lines if line))


def _contact(council: dict[str, Any]) -> SearchPart:
    words = [
        council.get(field)
        for field in (
            "name",
            "controller_address",
            "controller_email",
            "controller_phone",
            "dpo_name",
            "dpo_email",
            "dpo_phone",
            "ico_registration_number",
        )
    ]
    # The page's block names the ICO and says it takes complaints; so does its search entry.
    words += [f"Complain to the {ICO_CONTACT['name']}", ICO_CONTACT["helpline"]]
    anchor, heading, topic = CONTACT
    return SearchPart(
        anchor, heading, topic, "\n".join(line for line in map(one_line, words) if line)
    )


def _markdown_text(markdown_text: str | None) -> str:
    # The diff's reading of Markdown: what a reader sees, without rendering it a second time at
    # publishing. Raw HTML and the scripts the sanitiser removes are left out, as on the page.
    return "\n".join(one_line(block.text) for block in markdown_blocks(markdown_text or ""))
