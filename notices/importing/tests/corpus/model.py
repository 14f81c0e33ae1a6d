"""The pieces a corpus notice is written in, and the golden structure they imply.

A notice is written once as data (a title, sections of paragraphs and lists, the DfE's own text in
some arrangement, page furniture) and rendered into the shape under test (render.py). The golden
file is what the notice says, taken from the same data, so the two cannot disagree.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Category:
    name: str  # as the notice names it
    slug: str | None  # the library entry it is, or None: to be proposed
    detail: str = ""

    @property
    def text(self) -> str:
        return f"{self.name} – {self.detail}" if self.detail else self.name


@dataclass(frozen=True)
class Recipient:
    name: str
    slug: str | None
    purpose: str = ""

    @property
    def text(self) -> str:
        return f"{self.name} – {self.purpose}" if self.purpose else self.name


@dataclass(frozen=True)
class Retention:
    record_type: str
    how_long: str  # "until the child's 25th birthday"
    years: int
    trigger: str  # a RetentionPeriod.Trigger value
    record_kind: str | None = None
    months: int = 0

    @property
    def text(self) -> str:
        return f"{self.record_type}: {self.how_long}"


Item = str | Category | Recipient | Retention


def item_text(item: Item) -> str:
    return item if isinstance(item, str) else item.text


def table_cells(row: "Recipient | Retention") -> tuple[str, str]:
    if isinstance(row, Recipient):
        return (row.name, row.purpose)
    return (row.record_type, row.how_long)


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Items:
    """A lead-in line ("We share it with:") and one item per line."""

    lead: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Table:
    """A two-column table (rendered as a table in Word and HTML, as lines in text)."""

    header: tuple[str, str]
    rows: tuple[Recipient | Retention, ...]


Block = Para | Items | Table


@dataclass(frozen=True)
class Section:
    heading: str
    ico_item: str
    blocks: tuple[Block, ...]
    bases: tuple[str, ...] = ()  # LawfulBasis.Provision values it cites


@dataclass(frozen=True)
class DfePart:
    """A heading of the notice holding the DfE's own text, matching shared block parts."""

    heading: str
    aligned: tuple[tuple[str, tuple[Block, ...]], ...]  # (shared block anchor, its text)
    identical: bool = False  # copied word for word from the current shared block


@dataclass
class CorpusNotice:
    slug: str
    shape: str  # render.SHAPES
    title: str
    introduction: tuple[str, ...]
    sections: list[Section | DfePart]
    furniture_before: tuple[str, ...] = ()
    furniture_after: tuple[str, ...] = ()
    options: dict = field(default_factory=dict)

    def golden(self, source: str) -> dict:
        """The expected structure, in the JSON report's schema (notices.importing.json_report)."""
        sections, categories, recipients, bases, retention, national = [], [], [], [], [], []
        dfe_items = []
        for section in self.sections:
            if isinstance(section, DfePart):
                for anchor, blocks in section.aligned:
                    national.append(
                        {
                            "heading": section.heading,
                            "aligned_to": anchor,
                            "status": "identical" if section.identical else "reworded",
                        }
                    )
                    dfe_items += [
                        item_text(item) for b in blocks if isinstance(b, Items) for item in b.items
                    ]
                continue
            sections.append({"heading": section.heading, "ico_item": section.ico_item})
            bases += [basis for basis in section.bases if basis not in bases]
            for block in section.blocks:
                entries = block.items if isinstance(block, Items) else ()
                entries = block.rows if isinstance(block, Table) else entries
                for entry in entries:
                    if isinstance(entry, Category):
                        categories.append(_library_entry(entry.name, entry.slug))
                    elif isinstance(entry, Recipient):
                        recipients.append(_library_entry(entry.name, entry.slug))
                    elif isinstance(entry, Retention):
                        retention.append(
                            {
                                "record_type": entry.record_type,
                                "record_kind": entry.record_kind,
                                "trigger": entry.trigger,
                                "years": entry.years,
                                "months": entry.months,
                            }
                        )
        return {
            "source": source,
            "shape": self.shape,
            "title": self.title,
            "sections": sections,
            "data_categories": categories,
            "recipients": recipients,
            "lawful_bases": bases,
            "retention_periods": retention,
            "national_parts": national,
            "not_imported": list(self.furniture_before + self.furniture_after),
            "drift": [
                {"heading": part["heading"], "aligned_to": part["aligned_to"]}
                for part in national
                if part["status"] == "reworded"
            ],
            "dfe_items": dfe_items,
        }


def _library_entry(name: str, slug: str | None) -> dict:
    return {"name": name, "matched_to": slug} if slug else {"name": name, "proposed": name}
