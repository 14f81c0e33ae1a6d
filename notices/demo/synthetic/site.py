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

Speed is what this module is for, so it does not publish version by version. Councils come in a
few variants (which library items they list, what their sections say); within a variant only the
council's own values differ (its number, name, kind, contacts). Each variant's version is rendered
once with stand-in words for those values, and each council's copy replaces the stand-ins with its
own, which are only letters, digits, spaces, `@`, `.`, `:`, `/` and `-`, so that they read the same
escaped as HTML or JSON, as the stand-ins do. Everything else is what publishing computes: the
snapshot (notices.publishing.snapshots' format), the content hash (publish.notice_content_hash)
and the search index (search_index.index_versions); its tests compare a sample with the real
functions.
"""

import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import escape

from councils.models import Council
from notices.demo import content as demo_content
from notices.models import (
    DataCategory,
    IcoItem,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeKind,
    NoticeRecipient,
    NoticeVersion,
    Recipient,
    RecordKind,
    RetentionPeriod,
    Section,
    SharedBlock,
    SharedBlockPart,
    SharedBlockVersion,
    add_years,
)
from notices.publishing import search_index
from notices.publishing.publish import notice_content_hash
from notices.publishing.rendering import render_notice_html, render_shared_block_html
from notices.publishing.snapshots import SNAPSHOT_SCHEMA, content_hash, shared_block_snapshot

KIND = NoticeKind.CHILDRENS_SOCIAL_CARE
TITLE = "Children's social care privacy notice"

# Councils of the same variant list the same library items and say the same in their sections.
VARIANTS = 4
# The sections a notice needs to cover the checklist items that only a section can answer.
MIN_COMPLETE_SECTIONS = 6
# Versions are published this far apart, the last one a minute before the site is built.
VERSION_INTERVAL = timedelta(days=30)
# Councils whose versions are built and stored at once: bounds memory (a 40-section version
# is about 100 KB of HTML and snapshot).
COUNCILS_PER_BATCH = 25
# Council numbers stop here: the ICO registration number has six digits for it.
MAX_COUNCIL_NUMBER = 999_999

COUNCIL_KINDS = (
    Council.Kind.COUNTY,
    Council.Kind.UNITARY,
    Council.Kind.METROPOLITAN_BOROUGH,
    Council.Kind.LONDON_BOROUGH,
)

# What a council's own values may be made of: nothing that HTML or JSON escaping would change.
_PLAIN_VALUE = re.compile(r"[A-Za-z0-9 @.:/-]*")


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


def council_slug(number: int | str) -> str:
    return f"synthetic-council-{number}"


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
        libraries = _libraries()
        block_version = _shared_block_version(at=timezone.now() - VERSION_INTERVAL * versions)
        dates = _Dates.ending_now(
            versions=versions, after=block_version.published_at, first=first, councils=councils
        )
        histories = [
            _history(variant, libraries, versions=versions, sections=sections, dates=dates)
            for variant in range(VARIANTS)
        ]
        pages = _RenderedPages(histories, block_version)
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


# --- A council's own values and their stand-ins ------------------------------------------------


@dataclass(frozen=True)
class _Own:
    """A council's own values, or the stand-ins that take their place in a variant's render."""

    number: str
    ico_digits: str
    phone_digits: str
    kind: str

    def pairs(self) -> list[tuple[str, str]]:
        return list(zip(_STAND_INS.values(), self.values(), strict=True))

    def values(self) -> tuple[str, ...]:
        return (self.number, self.ico_digits, self.phone_digits, self.kind)


# Lower-case letters only: Markdown, templates and JSON leave them as they are, and no real text
# contains them. None is part of another.
_STAND_INS = _Own(
    number="zqnumberzq", ico_digits="zqicozq", phone_digits="zqphonezq", kind="zqkindzq"
)


def _own_values(number: int) -> _Own:
    own = _Own(
        number=str(number),
        ico_digits=f"{number:06d}",
        phone_digits=f"{number % 1000:03d}",
        kind=str(COUNCIL_KINDS[number % len(COUNCIL_KINDS)]),
    )
    for value in own.values():
        if not _PLAIN_VALUE.fullmatch(value) or escape(value) != value:
            raise ValueError(f"{value!r} would need escaping in a page; it cannot stand in.")
    return own


def _fill(text: str, own: _Own) -> str:
    for stand_in, value in own.pairs():
        text = text.replace(stand_in, value)
    return text


def _council_fields(own: _Own) -> dict[str, str]:
    """The council's details, as the Council model and the snapshot's "council" hold them."""
    name = f"Synthetic Council {own.number}"
    domain = f"synthetic-council-{own.number}.example"
    return {
        "name": name,
        "slug": council_slug(own.number),
        "kind": own.kind,
        "website": f"https://www.{domain}",
        "general_privacy_notice_url": f"https://www.{domain}/privacy",
        "controller_email": f"information.governance@{domain}",
        # Ofcom's drama numbers: never anyone's real line.
        "controller_phone": f"01632 960{own.phone_digits}",
        "controller_address": f"{name}\nCouncil Offices\nMarket Square\nSynthbury\nSY1 1AA",
        "dpo_name": "Data Protection Officer",
        "dpo_email": f"dpo@{domain}",
        "dpo_phone": f"0113 496 0{own.phone_digits}",
        "dpo_address": f"Data Protection Officer\n{name}\nCouncil Offices\nMarket Square\n"
        "Synthbury\nSY1 1AA",
        "ico_registration_number": f"ZS{own.ico_digits}",
    }


# --- What a notice says -------------------------------------------------------------------------

# A paragraph is a list of sentences; a list is a tuple of items. Edits change single sentences.
Block = list[str] | tuple[str, ...]


@dataclass
class _Section:
    anchor: str
    heading: str
    ico_item: str
    blocks: list[Block]
    required: bool = False

    @property
    def body(self) -> str:
        return "\n\n".join(
            " ".join(block) if isinstance(block, list) else "\n".join(f"- {i}" for i in block)
            for block in self.blocks
        )


@dataclass
class _Content:
    """Everything a version says, with stand-ins for the council's own values."""

    introduction: str
    summary: str
    last_reviewed: date
    sections: list[_Section]
    categories: list[tuple[DataCategory, str]]
    recipients: list[tuple[Recipient, str, str]]  # recipient, purpose, frequency
    lawful_bases: list[dict[str, str]]
    retention: list[dict[str, Any]]  # RetentionPeriod fields, record_kind a RecordKind or None

    def copy(self) -> "_Content":
        return replace(
            self,
            sections=[
                replace(s, blocks=[b.copy() if isinstance(b, list) else b for b in s.blocks])
                for s in self.sections
            ],
            categories=list(self.categories),
            recipients=list(self.recipients),
            lawful_bases=[dict(basis) for basis in self.lawful_bases],
            retention=[dict(period) for period in self.retention],
        )


@dataclass
class _Step:
    """One version of a variant's history."""

    content: _Content
    change_note: str
    is_major: bool


@dataclass(frozen=True)
class _Libraries:
    categories: list[DataCategory]
    recipients: list[Recipient]
    record_kinds: list[RecordKind]


def _libraries() -> _Libraries:
    """The shared libraries, each filled from the demo's when it is empty."""
    for model, rows in (
        (DataCategory, demo_content.DATA_CATEGORIES),
        (Recipient, demo_content.RECIPIENTS),
        (RecordKind, demo_content.RECORD_KINDS),
    ):
        if not model.objects.exists():
            model.objects.bulk_create(model(**row) for row in rows)
    return _Libraries(
        categories=list(DataCategory.objects.order_by("name")),
        recipients=list(Recipient.objects.order_by("name")),
        record_kinds=list(RecordKind.objects.order_by("name")),
    )


def _shared_block_version(*, at: datetime) -> SharedBlockVersion:
    """The shared block's latest version; the block is made from the demo's text and its first
    version stored (dated `at`) if there is none."""
    block = SharedBlock.objects.for_kind(KIND)
    if block is None:
        data = demo_content.SHARED_BLOCK
        block = SharedBlock.objects.create(
            notice_kind=KIND, title=data["title"], introduction=data["introduction"]
        )
        SharedBlockPart.objects.bulk_create(
            SharedBlockPart(block=block, position=position, **part)
            for position, part in enumerate(data["parts"], start=1)
        )
    latest = SharedBlockVersion.objects.filter(block=block).order_by("-number").first()
    if latest is not None:
        return latest
    # What publish_shared_block stores, without giving notices published before it a version.
    snapshot = shared_block_snapshot(block)
    return SharedBlockVersion.objects.create(
        block=block,
        number=1,
        published_at=at,
        published_by=None,
        change_note="First version of the Department for Education section.",
        is_major=True,
        snapshot=snapshot,
        content_hash=content_hash(snapshot),
    )


@dataclass(frozen=True)
class _Dates:
    """Version n of every notice falls in the first half of the n-th step after `start`, each
    council a little after the one before; the last step ends a minute ago."""

    start: datetime
    step: timedelta
    first: int
    councils: int

    @classmethod
    def ending_now(cls, *, versions: int, after: datetime, first: int, councils: int) -> "_Dates":
        end = timezone.now() - timedelta(minutes=1)
        start = max(end - VERSION_INTERVAL * versions, after)
        return cls(start=start, step=(end - start) / versions, first=first, councils=councils)

    def published_at(self, version_index: int, number: int) -> datetime:
        offset = (self.step / 2) * (number - self.first) / self.councils
        return self.start + self.step * version_index + offset

    def reviewed_on(self, version_index: int) -> date:
        return timezone.localdate(self.start + self.step * version_index)


# --- The text, in the project's own words --------------------------------------------------------

COUNCIL = f"Synthetic Council {_STAND_INS.number}"

INTRODUCTION = (
    f"This notice explains how {COUNCIL}'s children's services use personal information about "
    "children in need, children with a child protection plan, children in our care, care leavers "
    "and children who are adopted, and about the parents, carers and relatives named in their "
    f"records.\n\n{COUNCIL} is the data controller for this information. Read this notice "
    "together with the council's [general privacy notice]"
    f"(https://www.synthetic-council-{_STAND_INS.number}.example/privacy)."
)

SUMMARY = (
    "This is the short version of our notice, written for you.\n\n"
    "When our social workers help you, we write down information about you, so that we can keep "
    "you safe and give you the right support.\n\n"
    "- We only collect what we need to help you.\n"
    "- We keep your records safe and only let the right people see them.\n"
    "- Sometimes we must share information, for example with your school or a court.\n"
    "- You can ask to see what we have written about you."
)

# (ICO checklist item, heading, anchor, blocks, needed for completeness), in page order. Sections
# about services go after the first.
CORE_SECTIONS: list[tuple[str, str, str, list[Block], bool]] = [
    (
        IcoItem.PURPOSES,
        "Why we use your information",
        "why-we-use-your-information",
        [
            [
                "We have legal duties to keep children safe and to promote their welfare.",
                "We use personal information to decide what help a child and their family need, "
                "and to give that help.",
            ],
            (
                "to assess referrals and carry out assessments",
                "to plan, provide and review support for children in need",
                "to carry out child protection enquiries",
                "to look after children in our care and review their care plans",
                "to support young people leaving care until they are 25",
            ),
            [
                "When we produce statistics to plan our services, we remove names and anything "
                "else that could identify someone."
            ],
        ],
        True,
    ),
    (
        IcoItem.LAWFUL_BASIS,
        "The law that lets us use your information",
        "the-law-that-lets-us-use-it",
        [
            [
                "Most of what we do in children's social care is required or allowed by law.",
                "We rely mainly on legal obligation (UK GDPR Article 6(1)(c)) and public task "
                "(Article 6(1)(e)).",
            ],
            [
                "For health, ethnicity and other special category data we also rely on Article "
                "9(2)(g) and 9(2)(h), with the matching conditions in Schedule 1 of the Data "
                "Protection Act 2018.",
                "The [lawful bases table](#lawful-bases) lists each one and the laws behind it.",
            ],
        ],
        False,
    ),
    (
        IcoItem.CATEGORIES,
        "What information we keep",
        "what-information-we-keep",
        [
            [
                "What we keep depends on the help a child or family gets.",
                "The [table of the information we keep](#data-categories) lists each kind and what "
                "it includes.",
            ],
        ],
        False,
    ),
    (
        IcoItem.SOURCES,
        "Where your information comes from",
        "where-your-information-comes-from",
        [
            [
                "Much of it comes from children, parents and carers themselves.",
                "We also receive information from other people and organisations:",
            ],
            (
                "people who make a referral, including members of the public",
                "schools, early years settings and the virtual school",
                "GPs, health visitors, hospitals and mental health services",
                "the police and the youth justice service",
                "other councils where a family has lived before",
            ),
        ],
        True,
    ),
    (
        IcoItem.STATUTORY_REQUIREMENT,
        "Do you have to give us your information?",
        "do-you-have-to-give-us-your-information",
        [
            [
                "Much of what we collect we need in order to carry out our legal duties, and some "
                "of it must be reported to the Department for Education.",
                "If you do not give it, we may not be able to offer the right help.",
            ],
            [
                "When giving information is up to you, for example when we ask what you thought "
                "of our services, we will say so at the time."
            ],
        ],
        True,
    ),
    (
        IcoItem.RECIPIENTS,
        "Who we share your information with",
        "who-we-share-your-information-with",
        [
            [
                "We share information only where the law requires or allows it, and only as much "
                "as is needed.",
                "The [recipients table](#recipients) says who we share with, why and how often.",
            ],
        ],
        False,
    ),
    (
        IcoItem.RETENTION,
        "How long we keep your information",
        "how-long-we-keep-your-information",
        [
            [
                "Some records must be kept for many years, so that adults who were in care can "
                "find out about their childhood.",
                "The [retention table](#retention) gives each period and where it comes from.",
            ],
        ],
        False,
    ),
    (
        IcoItem.AUTOMATED_DECISIONS,
        "Decisions made by computer",
        "decisions-made-by-computer",
        [
            [
                "We never make a decision about a child or family by computer alone.",
                "Every decision about help, protection or care is made by qualified staff.",
            ],
        ],
        True,
    ),
    (
        IcoItem.TRANSFERS_ABROAD,
        "Sending information outside the UK",
        "sending-information-outside-the-uk",
        [
            [
                "We do not routinely send children's social care information outside the United "
                "Kingdom.",
                "If a child has family abroad, any sharing is decided case by case, with the "
                "safeguards UK data protection law requires.",
            ],
        ],
        True,
    ),
    (
        IcoItem.RIGHTS,
        "Your rights",
        "your-rights",
        [
            [
                "You can ask for a copy of the information we hold about you, and ask us to "
                "correct it if it is wrong.",
                "You can also ask us to delete or restrict information, or object to how we use "
                "it; we will tell you if the law means we cannot.",
            ],
            [
                "We will reply within one month.",
                "A child who understands what they are asking for can make a request themselves.",
            ],
        ],
        True,
    ),
    (
        IcoItem.COMPLAINTS,
        "Complaints",
        "complaints",
        [
            [
                "If you are unhappy with how we have used your information, contact our Data "
                "Protection Officer first, so that we can try to put things right.",
                "You can also complain to the Information Commissioner's Office.",
            ],
        ],
        False,
    ),
    (
        IcoItem.CONTACT,
        "Contacting us",
        "contacting-us",
        [
            [
                f"For questions about this notice, email dpo@synthetic-council-{_STAND_INS.number}"
                ".example or write to the Data Protection Officer at the address below.",
                "We review this notice at least once a year.",
            ],
        ],
        False,
    ),
]

# Sections about particular services, added after the first until a notice has enough.
SERVICES = [
    ("Early help for families", "families who ask for support before problems grow"),
    ("Children in need", "children who need our help to be safe and well"),
    ("Child protection enquiries", "children who may be at risk of significant harm"),
    ("Children we look after", "children in our care, in foster homes or children's homes"),
    ("Fostering", "people who apply to foster and the carers we approve"),
    ("Adoption", "children who are adopted and the families who adopt them"),
    ("Special guardianship", "children who live with a special guardian"),
    ("Young people leaving care", "care leavers up to the age of 25"),
    ("Disabled children and short breaks", "disabled children and their families"),
    ("Private fostering", "children cared for by someone who is not a close relative"),
    ("Youth justice", "children who work with the youth justice service"),
    ("Children who go missing", "children who go missing from home or care"),
    ("Family court proceedings", "children whose future is decided by a family court"),
    ("Independent visitors and advocacy", "children who want someone on their side"),
    ("Children seeking asylum", "children who arrive in the UK without a parent"),
    ("Our children's homes", "children who live in the homes we run"),
    ("Multi-agency safeguarding", "children discussed by our safeguarding partners"),
    ("Learning from reviews", "children whose cases are reviewed so that we can improve"),
    ("Records of adults who were in care", "adults who ask to read their care records"),
    ("Research and statistics", "children counted in the figures we publish"),
    ("Support for kinship carers", "relatives and friends who bring up a child"),
    ("Education of children in care", "children in care at school or college"),
    ("Health of children in care", "children in care and their health checks"),
    ("Supervision of our staff", "children whose cases social workers discuss with managers"),
]

SENTENCES = [
    "Social workers record what they see and hear when they visit, and what they decide.",
    "We share information with health services when a child needs medical care or a check-up.",
    "If we think a child is at risk of harm, we may share information without asking first.",
    "We check that the organisations we share with keep the information safe.",
    "Our case recording system is hosted in the United Kingdom and every access is logged.",
    "Foster carers and residential staff see the parts of a plan they need to care for a child.",
    "The Independent Reviewing Officer checks that the care plan still meets the child's needs.",
    "We ask children what they think, and write down their wishes and feelings in their words.",
    "Managers read case records regularly to check the quality of our work.",
    "We only keep what we need, and we destroy records at the end of their retention period.",
    "Parents are usually told what we have recorded, unless that would put a child at risk.",
    "Where we can, we use information without names, for example to plan our services.",
    "Staff can only open the records they need for their work.",
    "We keep paper records locked away and scan them into the case recording system.",
]

USES = [
    "to assess what help a child and family need",
    "to plan and review care, including health and education plans",
    "to keep children safe from harm",
    "to arrange placements with foster carers or children's homes",
    "to meet our legal duties to the courts and the Department for Education",
    "to answer complaints and requests for records",
    "to check the quality of our work",
]

LINKS = [
    "[the ICO's website](https://ico.org.uk/your-data-matters/)",
    "[the Children Act 1989](https://www.legislation.gov.uk/ukpga/1989/41/contents)",
    f"[our complaints page](https://www.synthetic-council-{_STAND_INS.number}.example/complaints)",
]

# Sections a later version adds, in place of one about a service.
NEW_SECTIONS = [
    (
        "Family hubs",
        "family-hubs",
        "Our family hubs now bring early help and health visiting under one roof, so staff "
        "from both see the records they need.",
    ),
    (
        "Kinship care",
        "kinship-care",
        "We now support more children to live with relatives, and keep a record of the help we "
        "give each kinship carer.",
    ),
    (
        "Our new case recording system",
        "new-case-recording-system",
        "We moved every case record to a new system, hosted in the United Kingdom, and checked "
        "that nothing was lost.",
    ),
    (
        "Video calls with social workers",
        "video-calls",
        "Some meetings now happen by video call; we do not record the calls, and notes are kept "
        "as for any other meeting.",
    ),
    (
        "Working with schools on attendance",
        "school-attendance",
        "We share information with schools when a child in our care is often absent, to help "
        "them back into school.",
    ),
]

# The sentences a later version puts in place of one of the originals.
REWORDINGS = [
    "Social workers now record each visit on the same day, and read the record back to the family.",
    "Since this year, young people can read their plan online in their own account.",
    "We now tell families within five working days when we share information about them.",
    "Every access to a record is logged, and the logs are checked each month.",
    "Care leavers can now ask their personal adviser for a copy of their records at any time.",
    "We review every request for records within ten working days.",
]

# Lawful bases every synthetic notice relies on: with them, any choice of data categories is
# covered (Article 9 for special category data, Article 10 for criminal offence data).
LAWFUL_BASES: list[dict[str, str]] = [
    {
        "provision": LawfulBasis.Provision.A6_1_C,
        "schedule_1_condition": "",
        "legislation": "Children Act 1989\nChildren Act 2004\nAdoption and Children Act 2002",
        "explanation": "Carrying out our statutory duties to children in need and in our care.",
    },
    {
        "provision": LawfulBasis.Provision.A6_1_E,
        "schedule_1_condition": "",
        "legislation": "Local Authority Social Services Act 1970\nChildren and Families Act 2014",
        "explanation": "Providing early help and other social care services.",
    },
    {
        "provision": LawfulBasis.Provision.A9_2_H,
        "schedule_1_condition": "Part 1, paragraph 2: health or social care purposes",
        "legislation": "Children Act 1989",
        "explanation": "Using health and other special category data to provide social care.",
    },
    {
        "provision": LawfulBasis.Provision.A9_2_G,
        "schedule_1_condition": "Part 2, paragraph 18: safeguarding of children and of "
        "individuals at risk",
        "legislation": "Children Act 1989\nChildren Act 2004",
        "explanation": "Protecting children from harm.",
    },
    {
        "provision": LawfulBasis.Provision.A10,
        "schedule_1_condition": "Part 2, paragraph 18: safeguarding of children and of "
        "individuals at risk",
        "legislation": "Children Act 1989",
        "explanation": "Information about offences and allegations that bear on a child's safety.",
    },
]

# How long each kind of record in the demo's library is kept: (from, years). Other kinds get
# the first row's period.
RETENTION_BY_KIND = {
    "looked-after-case-records": (RetentionPeriod.Trigger.DATE_OF_BIRTH, 75),
    "adoption-records": (RetentionPeriod.Trigger.ADOPTION_ORDER, 100),
    "child-in-need-records": (RetentionPeriod.Trigger.DATE_OF_BIRTH, 25),
    "child-protection-records": (RetentionPeriod.Trigger.DATE_OF_BIRTH, 25),
    "care-leaver-records": (RetentionPeriod.Trigger.DATE_OF_BIRTH, 75),
    "foster-carer-records": (RetentionPeriod.Trigger.LAST_CONTACT, 10),
    "contacts-without-referral": (RetentionPeriod.Trigger.RECORD_CREATED, 6),
    "biometric-data": (RetentionPeriod.Trigger.LAST_CONTACT, 1),
}

PURPOSE_BY_KIND = {
    Recipient.Kind.GOVERNMENT: "To send the statutory returns the law requires each year.",
    Recipient.Kind.HEALTH: "To arrange health assessments and to work together on children's "
    "plans.",
    Recipient.Kind.POLICE: "To share information in child protection enquiries and to report "
    "crimes against children.",
    Recipient.Kind.EDUCATION: "To support a child's education, through the virtual school and "
    "personal education plans.",
    Recipient.Kind.JUSTICE: "To give evidence and reports in family court proceedings.",
    Recipient.Kind.REGULATOR: "To let inspectors read case records during inspections.",
    Recipient.Kind.CARE_PROVIDER: "To give carers what they need to look after a child safely.",
}
ROUTINE_KINDS = {
    Recipient.Kind.GOVERNMENT,
    Recipient.Kind.HEALTH,
    Recipient.Kind.EDUCATION,
    Recipient.Kind.CARE_PROVIDER,
}


# --- A variant's history ------------------------------------------------------------------------


def _history(
    variant: int, libraries: _Libraries, *, versions: int, sections: int, dates: _Dates
) -> list[_Step]:
    """The variant's versions, each one the one before with a few edits."""
    rng = random.Random(f"synthetic-{variant}")  # noqa: S311 (made-up text, not secrets)
    first = _Content(
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
    steps = [_Step(first, "First version of the notice on this site.", True)]
    for index in range(1, versions):
        content = steps[-1].content.copy()
        content.last_reviewed = dates.reviewed_on(index)
        notes, is_major = _edit(content, index + 1, variant, libraries, rng)
        steps.append(_Step(content, " ".join(notes), is_major))
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


def _first_sections(count: int, rng: random.Random) -> list[_Section]:
    """`count` sections: the ones completeness needs first, then the other core ones, then
    services; in page order."""
    core = [
        _Section(anchor, heading, item, [_copy_block(b) for b in blocks], required)
        for item, heading, anchor, blocks, required in CORE_SECTIONS
    ]
    by_need = [s for s in core if s.required] + [s for s in core if not s.required]
    chosen = {section.anchor for section in by_need[:count]}
    kept = [section for section in core if section.anchor in chosen]
    services = [_service_section(number, rng) for number in range(max(count - len(core), 0))]
    return kept[:1] + services + kept[1:]


def _copy_block(block: Block) -> Block:
    return block.copy() if isinstance(block, list) else block


def _service_section(number: int, rng: random.Random) -> _Section:
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
    return _Section(anchor, heading, IcoItem.PURPOSES, blocks)


def _edit(
    content: _Content, number: int, variant: int, libraries: _Libraries, rng: random.Random
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
        added = _Section(anchor, heading, IcoItem.OTHER, [[sentence, rng.choice(SENTENCES)]])
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


# --- Snapshots and rendering --------------------------------------------------------------------


def _snapshot(content: _Content, own: _Own) -> dict[str, Any]:
    """The snapshot publishing would take of a draft holding `content`
    (notices.publishing.snapshots)."""
    council = _council_fields(own)
    return {
        "schema": SNAPSHOT_SCHEMA,
        "council": council,
        "notice": {
            "kind": KIND.value,
            "kind_label": KIND.label,
            "title": TITLE,
            "introduction": content.introduction,
            "young_people_summary": content.summary,
            "last_reviewed": content.last_reviewed.isoformat(),
            "review_due": add_years(content.last_reviewed, 1).isoformat(),
        },
        "sections": [
            {
                "anchor": section.anchor,
                "heading": section.heading,
                "ico_item": section.ico_item,
                "ico_item_label": IcoItem(section.ico_item).label,
                "body": section.body,
            }
            for section in content.sections
        ],
        "data_categories": [
            {
                "slug": category.slug,
                "name": category.name,
                "description": category.description,
                "is_special_category": category.is_special_category,
                "is_criminal_offence": category.is_criminal_offence,
                "detail": detail,
            }
            for category, detail in content.categories
        ],
        "recipients": [
            {
                "slug": recipient.slug,
                "name": recipient.name,
                "kind": recipient.kind,
                "kind_label": recipient.get_kind_display(),
                "purpose": purpose,
                "frequency": frequency,
                "frequency_label": NoticeRecipient.Frequency(frequency).label,
            }
            for recipient, purpose, frequency in content.recipients
        ],
        "lawful_bases": [
            {
                "provision": basis["provision"],
                "provision_label": LawfulBasis.Provision(basis["provision"]).label,
                "article": LawfulBasis(provision=basis["provision"]).article,
                "schedule_1_condition": basis["schedule_1_condition"],
                "legislation": basis["legislation"],
                "explanation": basis["explanation"],
            }
            for basis in content.lawful_bases
        ],
        "retention_periods": [_retention_row(period) for period in content.retention],
    }


def _retention_row(period: dict[str, Any]) -> dict[str, Any]:
    model = RetentionPeriod(**period)
    row = {
        "record_type": model.record_type,
        "trigger": model.trigger,
        "trigger_label": model.get_trigger_display(),
        "years": model.years,
        "months": model.months,
        "is_minimum": model.is_minimum,
        "duration": model.duration_display,
        "source": model.source,
        "notes": model.notes,
    }
    if model.record_kind is not None:
        row |= {"record_kind": model.record_kind.slug, "record_kind_name": model.record_kind.name}
    return row


class _RenderedPages:
    """Each variant's versions rendered once, with the stand-ins in them."""

    def __init__(self, histories: list[list[_Step]], block_version: SharedBlockVersion) -> None:
        block_html = render_shared_block_html(block_version.snapshot)
        self.snapshots: list[list[str]] = []
        self.pages: list[list[str]] = []
        for steps in histories:
            snapshots = [_snapshot(step.content, _STAND_INS) for step in steps]
            self.snapshots.append([json.dumps(snapshot) for snapshot in snapshots])
            self.pages.append(
                [
                    render_notice_html(snapshot, block_version.snapshot, block_html=block_html)
                    for snapshot in snapshots
                ]
            )

    def snapshot(self, variant: int, index: int, own: _Own) -> dict[str, Any]:
        return json.loads(_fill(self.snapshots[variant][index], own))

    def page(self, variant: int, index: int, own: _Own) -> str:
        html = _fill(self.pages[variant][index], own)
        if any(stand_in in html.lower() for stand_in in _STAND_INS.values()):
            # A template changed a stand-in (capitalised it, say), so the filled page would not be
            # what rendering the council's own values gives.
            raise RuntimeError(
                "A stand-in survived in a synthetic page; see notices.demo.synthetic."
            )
        return html


# --- Storing -------------------------------------------------------------------------------------


def _batches(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _variant(number: int) -> int:
    return (number - 1) % VARIANTS


def _build_councils(
    numbers: Sequence[int],
    histories: list[list[_Step]],
    pages: _RenderedPages,
    block_version: SharedBlockVersion,
    dates: _Dates,
) -> int:
    """Stores the councils numbered `numbers`: council, draft, versions and search entry."""
    owns = {number: _own_values(number) for number in numbers}
    councils = Council.objects.bulk_create(
        Council(**_council_fields(owns[number])) for number in numbers
    )
    last_steps = {number: histories[_variant(number)][-1] for number in numbers}
    notices = Notice.objects.bulk_create(
        Notice(
            council=council,
            kind=KIND,
            title=TITLE,
            introduction=_fill(last_steps[number].content.introduction, owns[number]),
            young_people_summary=_fill(last_steps[number].content.summary, owns[number]),
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

    def add(self, notice: Notice, content: _Content, own: _Own) -> None:
        self.sections += [
            Section(
                notice=notice,
                position=position,
                anchor=section.anchor,
                heading=section.heading,
                ico_item=section.ico_item,
                body=_fill(section.body, own),
            )
            for position, section in enumerate(content.sections, start=1)
        ]
        self.categories += [
            NoticeDataCategory(
                notice=notice, category=category, detail=_fill(detail, own), position=position
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
