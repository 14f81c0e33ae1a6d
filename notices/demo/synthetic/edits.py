"""Each variant's history: a first version, and each later one the one before with a few edits."""

import random
import re
from typing import Any

from notices.demo.synthetic.versions import (
    VARIANTS,
    Block,
    Content,
    Dates,
    Libraries,
    SectionContent,
    Step,
)
from notices.demo.synthetic.wording import (
    CORE_SECTIONS,
    COUNCIL,
    INTRODUCTION,
    LAWFUL_BASES,
    LINKS,
    NEW_SECTIONS,
    PURPOSE_BY_KIND,
    RETENTION_BY_KIND,
    REWORDINGS,
    ROUTINE_KINDS,
    SENTENCES,
    SERVICES,
    SUMMARY,
    USES,
)
from notices.models import (
    IcoItem,
    NoticeRecipient,
    Recipient,
    RecordKind,
    RetentionPeriod,
)

# --- A variant's history ------------------------------------------------------------------------


def variant_history(
    variant: int, libraries: Libraries, *, versions: int, sections: int, dates: Dates
) -> list[Step]:
    """The variant's versions, each one the one before with a few edits."""
    rng = random.Random(f"synthetic-{variant}")  # noqa: S311 (made-up text, not secrets)
    first = Content(
        introduction=INTRODUCTION,
        summary=SUMMARY,
        last_reviewed=dates.reviewed_on(0),
        sections=_first_sections(sections, rng),
        categories=[
            (category, f"What {COUNCIL} records about {category.name.lower()}.")
            for category in _some(libraries.categories, variant)
        ],
        recipients=[_sharing(recipient) for recipient in _some(libraries.recipients, variant)],
        lawful_bases=[dict(basis) for basis in LAWFUL_BASES],
        retention=_retention(libraries.record_kinds, variant),
    )
    steps = [Step(first, "First version of the notice on this site.", True)]
    for index in range(1, versions):
        content = steps[-1].content.copy()
        content.last_reviewed = dates.reviewed_on(index)
        notes, is_major = _edit(content, index + 1, variant, libraries, rng)
        steps.append(Step(content, " ".join(notes), is_major))
    return steps


def _some(items: list, variant: int) -> list:
    """About three quarters of a library, a different part for each variant."""
    if len(items) <= 2:
        return list(items)
    return [item for index, item in enumerate(items) if index % VARIANTS != variant]


def _sharing(recipient: Recipient) -> tuple[Recipient, str, str]:
    purpose = PURPOSE_BY_KIND.get(
        recipient.kind, "To work together on the help a child and family need, when it is needed."
    )
    frequency = (
        NoticeRecipient.Frequency.ROUTINELY
        if recipient.kind in ROUTINE_KINDS
        else NoticeRecipient.Frequency.WHEN_NECESSARY
    )
    return recipient, purpose, frequency


def _retention(record_kinds: list[RecordKind], variant: int) -> list[dict[str, Any]]:
    rows = []
    for kind in _some(record_kinds, variant):
        trigger, years = RETENTION_BY_KIND.get(
            kind.slug, (RetentionPeriod.Trigger.DATE_OF_BIRTH, 25)
        )
        rows.append(
            {
                "record_type": kind.name,
                "record_kind": kind,
                "trigger": trigger,
                # Councils differ a little, as real ones do where the law sets only a minimum.
                "years": years + variant % 2,
                "months": 0,
                "is_minimum": variant % 2 == 1,
                "source": "Local Government Association retention guidance",
                "notes": "",
            }
        )
    # One row no library kind fits, as councils have: listed as "other records" in comparisons.
    rows.append(
        {
            "record_type": "Notes of calls to our family advice line",
            "record_kind": None,
            "trigger": RetentionPeriod.Trigger.RECORD_CREATED,
            "years": 2 + variant,
            "months": 6,
            "is_minimum": False,
            "source": "Council records management policy",
            "notes": "Calls that lead to a referral are kept with the child's case record.",
        }
    )
    return rows


def _first_sections(count: int, rng: random.Random) -> list[SectionContent]:
    """`count` sections: the ones completeness needs first, then the other core ones, then
    services; in page order."""
    core = [
        SectionContent(anchor, heading, item, [_copy_block(b) for b in blocks], required)
        for item, heading, anchor, blocks, required in CORE_SECTIONS
    ]
    by_need = [s for s in core if s.required] + [s for s in core if not s.required]
    chosen = {section.anchor for section in by_need[:count]}
    kept = [section for section in core if section.anchor in chosen]
    services = [_service_section(number, rng) for number in range(max(count - len(core), 0))]
    return kept[:1] + services + kept[1:]


def _copy_block(block: Block) -> Block:
    return block.copy() if isinstance(block, list) else block


def _service_section(number: int, rng: random.Random) -> SectionContent:
    heading, who = SERVICES[number % len(SERVICES)]
    round_ = number // len(SERVICES)
    if round_:
        heading = f"{heading}: part {round_ + 1}"
    blocks: list[Block] = [[f"This part of the notice is about {who}."] + rng.sample(SENTENCES, 2)]
    blocks.append(tuple(rng.sample(USES, rng.randint(3, 5))))
    for _ in range(rng.randint(1, 3)):
        paragraph = rng.sample(SENTENCES, rng.randint(2, 3))
        if rng.random() < 0.3:
            paragraph[0] = f"**{paragraph[0]}**"
        if rng.random() < 0.4:
            paragraph.append(f"Read more on {rng.choice(LINKS)}.")
        blocks.append(paragraph)
    anchor = re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")
    return SectionContent(anchor, heading, IcoItem.PURPOSES, blocks)


def _edit(
    content: Content, number: int, variant: int, libraries: Libraries, rng: random.Random
) -> tuple[list[str], bool]:
    """Turns `content` into version `number`: the change notes, and whether it is major."""
    notes: list[str] = []
    is_major = False
    sections = content.sections

    # Every third version replaces a section about a service with a new one.
    removable = [index for index, s in enumerate(sections) if not s.required]
    if number % 3 == 0 and removable:
        removed = sections.pop(removable[(number // 3) % len(removable)])
        heading, anchor, sentence = NEW_SECTIONS[(number // 3 - 1) % len(NEW_SECTIONS)]
        round_ = (number // 3 - 1) // len(NEW_SECTIONS)
        if round_:
            heading, anchor = f"{heading}: update {round_ + 1}", f"{anchor}-{round_ + 1}"
        added = SectionContent(anchor, heading, IcoItem.OTHER, [[sentence, rng.choice(SENTENCES)]])
        sections.insert(min(1 + number % 5, len(sections)), added)
        notes.append(f"Added ‘{heading}’ and took out ‘{removed.heading}’.")
        is_major = True

    # Every version rewords a sentence somewhere.
    section = sections[(number * 7 + variant) % len(sections)]
    paragraphs = [block for block in section.blocks if isinstance(block, list)]
    paragraph = paragraphs[number % len(paragraphs)]
    position = number % len(paragraph)
    rewording = next(s for s in rng.sample(REWORDINGS, len(REWORDINGS)) if s not in paragraph)
    paragraph[position] = rewording
    notes.append(f"Reworded a sentence in ‘{section.heading}’.")

    # Every fourth version moves a section nearer the start.
    if number % 4 == 0 and len(sections) >= 3:
        moved = sections.pop(len(sections) // 2)
        sections.insert(1, moved)
        notes.append(f"Moved ‘{moved.heading}’ nearer the start.")

    # And one of the tables changes.
    if number % 5 == 2 and content.retention:
        period = content.retention[number % len(content.retention)]
        period["years"] += 1
        notes.append(f"We now keep {period['record_type'].lower()} for a year longer.")
    elif number % 5 == 4:
        listed = {recipient.pk for recipient, _, _ in content.recipients}
        unlisted = [r for r in libraries.recipients if r.pk not in listed]
        if unlisted:
            content.recipients.append(_sharing(unlisted[0]))
            notes.append(f"Added ‘{unlisted[0].name}’ to the organisations we share with.")
            is_major = True
    elif number % 5 == 0 and content.categories:
        index = number % len(content.categories)
        category, detail = content.categories[index]
        content.categories[index] = (category, f"{detail} {rng.choice(SENTENCES)}")
        notes.append(f"Said more about the information we keep under ‘{category.name}’.")
    return notes, is_major
