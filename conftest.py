"""Fixtures shared by every app's tests. Each test builds the little data it needs."""

import pytest
from django.core.cache import cache

from councils.models import Council
from notices.models import (
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeKind,
    NoticeRecipient,
    Recipient,
    RetentionPeriod,
    Section,
    SharedBlock,
    SharedBlockPart,
)

# The default notice's sections: (heading, anchor, ICO checklist item, body). With the council's
# contacts and one row of each structured part, they make the notice complete
# (notices.publishing.checklist).
DEFAULT_SECTIONS = [
    (
        "Why we use your information",
        "why-we-use-it",
        "purposes",
        "To keep children safe.\n\n## Planning care\n\nWe plan care.",
    ),
    ("Your rights", "your-rights", "rights", "You can ask for a copy of your records."),
    (
        "Where we get it",
        "where-we-get-it",
        "sources",
        "From you, your family, and people who work with you.",
    ),
    (
        "Do you have to tell us?",
        "do-you-have-to-tell-us",
        "statutory-requirement",
        "Usually not, but without it we may not be able to help.",
    ),
    (
        "Sending it abroad",
        "sending-it-abroad",
        "transfers-abroad",
        "We do not send your information outside the UK.",
    ),
    (
        "Decisions by computer",
        "decisions-by-computer",
        "automated-decisions",
        "A person, not a computer, makes every decision about you.",
    ),
]


@pytest.fixture(autouse=True)
def no_pdfs_on_publish(settings):
    """Publishing makes no PDF in tests (seconds each); notices/printing/tests turn it back on."""
    settings.PDF_ON_PUBLISH = False


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no cached pages: the memory cache lives as long as the process."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_council(db):
    def make(**fields) -> Council:
        number = Council.objects.count() + 1
        values = {
            "name": f"Test Council {number}",
            "slug": f"test-council-{number}",
            "kind": Council.Kind.UNITARY,
            "controller_email": f"info@council{number}.example",
            "dpo_name": "Data Protection Officer",
            "dpo_email": f"dpo@council{number}.example",
            "ico_registration_number": "Z1234567",
            # Required since 19 June 2026 (notices.publishing.checklist): the council's own route.
            "complaint_form_url": f"https://council{number}.example/data-protection-complaint",
        } | fields
        council = Council(**values)
        council.full_clean()
        council.save()
        return council

    return make


@pytest.fixture
def make_notice(db, make_council):
    """A notice with one row of every part, so every table on the page has something in it, and
    a section for every checklist item that needs one, so it can be published
    (notices.publishing.checklist)."""

    def make(council: Council | None = None, **fields) -> Notice:
        council = council or make_council()
        notice = Notice.objects.create(
            council=council,
            kind=NoticeKind.CHILDRENS_SOCIAL_CARE,
            title="Children's social care privacy notice",
            introduction="This notice covers **children's social care**.",
            young_people_summary="We keep notes about you so we can help you.",
            **fields,
        )
        Section.objects.bulk_create(
            Section(
                notice=notice,
                position=position,
                heading=heading,
                anchor=anchor,
                ico_item=item,
                body=body,
            )
            for position, (heading, anchor, item, body) in enumerate(DEFAULT_SECTIONS, start=1)
        )
        category, _ = DataCategory.objects.get_or_create(
            slug="health", defaults={"name": "Health", "is_special_category": True}
        )
        NoticeDataCategory.objects.create(notice=notice, category=category, detail="Health checks")
        recipient, _ = Recipient.objects.get_or_create(
            slug="police", defaults={"name": "Police", "kind": Recipient.Kind.POLICE}
        )
        NoticeRecipient.objects.create(
            notice=notice,
            recipient=recipient,
            purpose="To protect children from harm",
            frequency=NoticeRecipient.Frequency.WHEN_NECESSARY,
        )
        LawfulBasis.objects.create(
            notice=notice,
            provision=LawfulBasis.Provision.A6_1_C,
            legislation="Children Act 1989\nChildren Act 2004",
            explanation="Our duties to children in need",
        )
        # Health is special category data, so an Article 9 condition is needed too.
        LawfulBasis.objects.create(
            notice=notice,
            provision=LawfulBasis.Provision.A9_2_H,
            schedule_1_condition="Part 1, paragraph 2: health or social care purposes",
            legislation="Children Act 1989",
            explanation="Health information we need to care for children",
        )
        RetentionPeriod.objects.create(
            notice=notice,
            record_type="Looked-after children's case records",
            trigger=RetentionPeriod.Trigger.DATE_OF_BIRTH,
            years=75,
            source="Care Planning, Placement and Case Review (England) Regulations 2010, reg. 50",
        )
        return notice

    return make


@pytest.fixture
def shared_block(db) -> SharedBlock:
    block = SharedBlock.objects.create(
        notice_kind=NoticeKind.CHILDRENS_SOCIAL_CARE,
        title="How the Department for Education uses this information",
        introduction="Councils must send some information to the Department for Education.",
    )
    SharedBlockPart.objects.create(
        block=block,
        position=1,
        heading="The National Pupil Database",
        anchor="national-pupil-database",
        body="The Department keeps a national database.",
    )
    return block


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker):
    """The demo's rows, loaded once per test process (notices.testing.demo_rows)."""
    from notices.testing.demo_rows import capture_demo

    with django_db_blocker.unblock():
        return capture_demo()


@pytest.fixture
def demo(demo_rows, db):
    """The demo site, as `load_demo_data` leaves it, copied in from rows loaded once; a database
    not in the state those rows came from gets the demo loaded afresh."""
    from notices.demo.loading import load_demo_data
    from notices.testing.demo_rows import restore_demo

    report = restore_demo(demo_rows)
    return report if report is not None else load_demo_data()


@pytest.fixture
def publish(db):
    """Publishes a notice's saved draft: `publish(notice)`, `publish(notice, "note", major=False)`
    or with any other keyword of `publish_notice`."""
    from notices.publishing.publish import publish_notice

    def publish_it(notice: Notice, note: str = "Published", *, major: bool = True, **kwargs):
        return publish_notice(notice, by=None, change_note=note, is_major=major, **kwargs)

    return publish_it


@pytest.fixture
def published_block(shared_block):
    """The shared block with its first version published, so notices published later embed it."""
    from notices.publishing.shared_block import publish_shared_block

    publish_shared_block(shared_block, by=None, change_note="First version", is_major=True)
    return shared_block


@pytest.fixture
def make_staff(db):
    """A member of staff: `make_staff(council, "editor")`, `make_staff(council, "publisher")`,
    `make_staff(national=True)`, `make_staff(nation="wales")` for a national admin of one
    nation, or `make_staff()` for staff with no role at all."""
    from django.contrib.auth.models import User

    from councils.staff import make_national_admin, set_council_role

    def make(
        council: Council | None = None,
        role: str = "editor",
        *,
        national: bool = False,
        nation: str | None = None,
    ):
        number = User.objects.count() + 1
        user = User.objects.create_user(
            f"staff{number}", email=f"staff{number}@example.org", is_staff=True
        )
        if council is not None:
            set_council_role(user=user, council=council, role=role, by=None)
        if national or nation:
            make_national_admin(user=user, by=None, nation=nation)
        return user

    return make
