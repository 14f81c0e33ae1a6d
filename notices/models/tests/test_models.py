import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from notices.models import (
    LawfulBasis,
    Notice,
    NoticeKind,
    RetentionPeriod,
    Section,
    SharedBlockPart,
)

pytestmark = pytest.mark.django_db


def test_section_anchor_is_made_from_the_heading_when_left_empty(make_notice):
    notice = make_notice()
    section = Section(
        notice=notice, heading="Who we share it with", ico_item="recipients", body="x"
    )
    section.full_clean()
    assert section.anchor == "who-we-share-it-with"


def test_section_anchor_gets_a_suffix_when_the_heading_repeats(make_notice):
    notice = make_notice()
    section = Section(notice=notice, heading="Your rights", ico_item="rights", body="x")
    section.full_clean()
    assert section.anchor == "your-rights-2"


def test_section_anchor_from_a_heading_without_letters_falls_back_to_section(make_notice):
    section = Section(notice=make_notice(), heading="???", ico_item="other", body="x")
    section.full_clean()
    assert section.anchor == "section"


def test_section_anchor_that_collides_with_the_page_is_refused(make_notice):
    section = Section(
        notice=make_notice(), heading="Contact", anchor="contact", ico_item="contact", body="x"
    )
    with pytest.raises(ValidationError) as error:
        section.full_clean()
    assert "anchor" in error.value.message_dict


def test_section_anchor_is_not_changed_when_the_heading_changes(make_notice):
    section = make_notice().sections.get(anchor="your-rights")
    section.heading = "What you can ask us to do"
    section.full_clean()
    section.save()
    section.refresh_from_db()
    assert section.anchor == "your-rights"


def test_empty_section_heading_is_a_validation_error(make_notice):
    section = Section(notice=make_notice(), heading="", ico_item="other", body="x")
    with pytest.raises(ValidationError) as error:
        section.full_clean()
    assert "heading" in error.value.message_dict


def test_database_refuses_an_empty_section_heading(make_notice):
    notice = make_notice()
    with pytest.raises(IntegrityError), transaction.atomic():
        Section.objects.create(notice=notice, heading="", anchor="x", ico_item="other", body="x")


def test_database_refuses_two_sections_with_one_anchor(make_notice):
    notice = make_notice()
    with pytest.raises(IntegrityError), transaction.atomic():
        Section.objects.create(
            notice=notice, heading="Again", anchor="your-rights", ico_item="rights", body="x"
        )


def test_section_body_over_the_length_limit_is_refused(make_notice):
    section = Section(notice=make_notice(), heading="Huge", ico_item="other", body="x" * 50_001)
    with pytest.raises(ValidationError) as error:
        section.full_clean()
    assert "body" in error.value.message_dict


def test_sections_come_back_in_position_order(make_notice):
    notice = make_notice()
    Section.objects.create(
        notice=notice, position=0, heading="First", anchor="first", ico_item="other", body="x"
    )
    anchors = [s.anchor for s in notice.sections.all()]
    assert anchors[:3] == ["first", "why-we-use-it", "your-rights"]


def test_shared_block_part_anchor_comes_from_its_heading(shared_block):
    part = SharedBlockPart(block=shared_block, heading="The National Pupil Database", body="x")
    part.full_clean()
    assert part.anchor == "the-national-pupil-database"


def test_a_council_has_one_notice_of_each_kind(make_notice):
    notice = make_notice()
    duplicate = Notice(
        council=notice.council,
        kind=NoticeKind.CHILDRENS_SOCIAL_CARE,
        title="Again",
        introduction="x",
        young_people_summary="x",
    )
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_review_due_before_last_review_is_refused(make_council):
    notice = Notice(
        council=make_council(),
        title="t",
        introduction="x",
        young_people_summary="x",
        last_reviewed="2026-06-01",
        review_due="2026-01-01",
    )
    with pytest.raises(ValidationError) as error:
        notice.full_clean()
    assert "review_due" in error.value.message_dict


def test_a_council_with_a_notice_cannot_be_deleted(make_notice):
    notice = make_notice()
    with pytest.raises(ProtectedError):
        notice.council.delete()


def test_negative_retention_period_is_refused(make_notice):
    period = RetentionPeriod(
        notice=make_notice(), record_type="Case files", trigger="case-closure", years=-1
    )
    with pytest.raises(ValidationError) as error:
        period.full_clean()
    assert "years" in error.value.message_dict


def test_database_refuses_a_negative_retention_period(make_notice):
    notice = make_notice()
    with pytest.raises(IntegrityError), transaction.atomic():
        RetentionPeriod.objects.create(
            notice=notice, record_type="Case files", trigger="case-closure", years=-5
        )


def test_zero_retention_period_is_refused(make_notice):
    notice = make_notice()
    period = RetentionPeriod(notice=notice, record_type="Case files", trigger="case-closure")
    with pytest.raises(ValidationError):
        period.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        period.save()


def test_twelve_months_must_be_written_as_a_year(make_notice):
    period = RetentionPeriod(
        notice=make_notice(), record_type="Visitor logs", trigger="record-created", months=12
    )
    with pytest.raises(ValidationError) as error:
        period.full_clean()
    assert "months" in error.value.message_dict


@pytest.mark.parametrize(
    ("years", "months", "is_minimum", "expected"),
    [
        (75, 0, False, "75 years"),
        (1, 0, False, "1 year"),
        (0, 6, False, "6 months"),
        (2, 1, False, "2 years and 1 month"),
        (100, 0, True, "at least 100 years"),
    ],
)
def test_retention_duration_reads_as_words(years, months, is_minimum, expected):
    period = RetentionPeriod(years=years, months=months, is_minimum=is_minimum)
    assert period.duration_display == expected


@pytest.mark.parametrize("provision", sorted(LawfulBasis.NEEDS_SCHEDULE_1_CONDITION))
def test_a_basis_needing_a_schedule_1_condition_may_be_saved_without_one_in_a_draft(
    make_notice, provision
):
    # An unfinished draft saves; publishing refuses it (notices.publishing.to_complete).
    basis = LawfulBasis(notice=make_notice(), provision=provision)
    basis.full_clean()
    assert basis.schedule_1_condition == ""


def test_article_6_basis_needs_no_schedule_1_condition(make_notice):
    basis = LawfulBasis(notice=make_notice(), provision=LawfulBasis.Provision.A6_1_E)
    basis.full_clean()
    assert basis.article == "6"


@pytest.mark.parametrize(
    ("provision", "article"), [("A6-1-c", "6"), ("A9-2-g", "9"), ("A10", "10")]
)
def test_lawful_basis_knows_its_article(provision, article):
    assert LawfulBasis(provision=provision).article == article


def test_legislation_is_read_one_law_per_line():
    from notices.templatetags.notice_markdown import lines_filter

    legislation = "Children Act 1989\n\n  Children Act 2004  \n"
    assert lines_filter(legislation) == ["Children Act 1989", "Children Act 2004"]
