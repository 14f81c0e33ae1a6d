"""A notice's page as topics: one place for each thing a family may want to know.

A council writes sections, each tagged with the ICO checklist item it answers, and fills in
structured rows (data categories, recipients, lawful bases, retention, contacts). Shown apart, the
same topic came up twice with two headings ("Who the Council shares information with" and "Who
we share it with") and a reader could not tell them apart. Here each topic is one part of the
page: the council's own words first, under the council's own heading, then the rows on that
topic. Two sections on one topic share it, the second under a subheading; items that answer the
same question for a family (whether they must give information and where it comes from; sending
it abroad and who gets it) share a topic too.

Pure: a snapshot in, topics out; the renderer (notices.publishing.rendering) lays them out.
"""

from dataclasses import dataclass, field
from typing import Any

from notices.models import IcoItem

Snapshot = dict[str, Any]


@dataclass(frozen=True)
class TopicKind:
    """One topic the page may have. `rows` names the structured part shown after the council's
    words (a key of the snapshot, or "contact" for the council's and the ICO's details)."""

    key: str
    heading: str
    ico_items: tuple[str, ...]
    rows: str = ""

    @property
    def anchor(self) -> str:
        """The topic's id when the council has no section on it (reserved: no section takes it)."""
        return f"topic-{self.key}"


# In the order a family asks: why, by what right, what, from where, to whom, how long, then their
# rights and how to reach the council. "Other" sections each get a topic of their own, before the
# contacts.
TOPIC_KINDS: tuple[TopicKind, ...] = (
    TopicKind("purposes", "Why we use information", (IcoItem.PURPOSES,)),
    TopicKind(
        "lawful-basis",
        "The law that allows us to use it",
        (IcoItem.LAWFUL_BASIS, IcoItem.LEGITIMATE_INTERESTS),
        rows="lawful_bases",
    ),
    TopicKind(
        "categories", "The information we keep", (IcoItem.CATEGORIES,), rows="data_categories"
    ),
    TopicKind(
        "sources",
        "Where the information comes from",
        (IcoItem.SOURCES, IcoItem.STATUTORY_REQUIREMENT),
    ),
    TopicKind(
        "recipients",
        "Who we share it with",
        (IcoItem.RECIPIENTS, IcoItem.TRANSFERS_ABROAD),
        rows="recipients",
    ),
    TopicKind("retention", "How long we keep it", (IcoItem.RETENTION,), rows="retention_periods"),
    TopicKind("automated-decisions", "Decisions made by computers", (IcoItem.AUTOMATED_DECISIONS,)),
    TopicKind("rights", "Your rights", (IcoItem.RIGHTS, IcoItem.WITHDRAWING_CONSENT)),
    TopicKind(
        "contact", "Contact us or complain", (IcoItem.CONTACT, IcoItem.COMPLAINTS), rows="contact"
    ),
)

TOPIC_ANCHORS = frozenset(kind.anchor for kind in TOPIC_KINDS)

_KIND_OF_ITEM = {item: kind for kind in TOPIC_KINDS for item in kind.ico_items}


@dataclass
class Topic:
    """One topic as this notice has it: its heading and id are those of the council's first
    section on it, or the topic's own when the council wrote none."""

    key: str
    heading: str
    anchor: str
    rows: str
    sections: list[dict[str, Any]] = field(default_factory=list)

    @property
    def first_section(self) -> dict[str, Any] | None:
        return self.sections[0] if self.sections else None

    @property
    def more_sections(self) -> list[dict[str, Any]]:
        return self.sections[1:]


def notice_topics(snapshot: Snapshot) -> list[Topic]:
    """The topics of the notice's page, in page order; a topic with neither words nor rows is
    left out. Sections keep their order within a topic, and every section is in exactly one."""
    by_kind: dict[str, list[dict[str, Any]]] = {kind.key: [] for kind in TOPIC_KINDS}
    others: list[dict[str, Any]] = []
    for section in snapshot.get("sections", []):
        kind = _KIND_OF_ITEM.get(section.get("ico_item"))
        if kind is None:
            others.append(section)
        else:
            by_kind[kind.key].append(section)

    topics = []
    for kind in TOPIC_KINDS:
        if kind.key == "contact":
            topics += [_own_topic(section) for section in others]
        # The topic's own item leads ("Where it comes from" before "Must you tell us?"); the
        # council's order holds among sections on the same item.
        sections = sorted(by_kind[kind.key], key=lambda s: kind.ico_items.index(s["ico_item"]))
        if not sections and not _has_rows(snapshot, kind.rows):
            continue
        first = sections[0] if sections else None
        topics.append(
            Topic(
                key=kind.key,
                heading=first["heading"] if first else kind.heading,
                anchor=first["anchor"] if first else kind.anchor,
                rows=kind.rows,
                sections=sections,
            )
        )
    return topics


def _own_topic(section: dict[str, Any]) -> Topic:
    return Topic(
        key=f"other-{section['anchor']}",
        heading=section["heading"],
        anchor=section["anchor"],
        rows="",
        sections=[section],
    )


def _has_rows(snapshot: Snapshot, rows: str) -> bool:
    # Contacts always show: every council has a controller, and anyone may complain to the ICO.
    return rows == "contact" or bool(rows and snapshot.get(rows))
