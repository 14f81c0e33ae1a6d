"""Publishing a notice or the shared block, and what can never happen to a published version."""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from notices.models import (
    ImmutableVersionError,
    NoticeRecipient,
    NoticeVersion,
    Section,
    SharedBlockPart,
    SharedBlockVersion,
)
from notices.publishing.drafts import DraftChangedError
from notices.publishing.publish import NothingToPublish, PublishingError, publish_notice
from notices.publishing.shared_block import publish_shared_block
from notices.publishing.snapshots import notice_snapshot

pytestmark = pytest.mark.django_db


def test_publishing_creates_exactly_one_numbered_version_with_a_full_snapshot(
    make_notice, published_block, django_user_model
):
    publisher = django_user_model.objects.create_user("dpo", first_name="Dee", last_name="Poe")
    notice = make_notice()

    version = publish_notice(notice, by=publisher, change_note="First", is_major=False)

    assert NoticeVersion.objects.count() == 1
    assert version.number == 1
    assert version.is_major, "the first version is always major"
    assert version.published_by == publisher
    assert version.shared_block_version == published_block.versions.get()
    snapshot = version.snapshot
    assert snapshot == notice_snapshot(notice)
    assert [section["anchor"] for section in snapshot["sections"]] == [
        "why-we-use-it",
        "your-rights",
        "where-we-get-it",
        "do-you-have-to-tell-us",
        "sending-it-abroad",
        "decisions-by-computer",
    ]
    assert snapshot["council"]["dpo_email"] == notice.council.dpo_email
    assert snapshot["data_categories"][0]["is_special_category"] is True
    assert snapshot["recipients"][0]["frequency_label"] == "Only when necessary"
    assert snapshot["lawful_bases"][0]["provision_label"] == "Article 6(1)(c): legal obligation"
    assert snapshot["retention_periods"][0]["duration"] == "75 years"
    assert len(version.content_hash) == 64
    heading = '<h2 class="govuk-heading-m" id="why-we-use-it">Why we use your information</h2>'
    assert heading in version.rendered_html
    assert "The National Pupil Database" in version.rendered_html


def test_versions_are_numbered_per_notice(make_notice, publish):
    first, second = make_notice(), make_notice()
    publish(first)
    publish(second)
    Section.objects.filter(notice=first).update(body="Changed")
    assert publish(first, "Changed the body").number == 2
    assert list(NoticeVersion.objects.filter(notice=second).values_list("number", flat=True)) == [1]


def test_publishing_an_unchanged_draft_is_refused_and_creates_nothing(make_notice, publish):
    notice = make_notice()
    publish(notice)
    with pytest.raises(NothingToPublish, match="same as version 1"):
        publish(notice, "Nothing changed")
    assert NoticeVersion.objects.count() == 1


def test_a_library_or_council_contact_change_is_a_change_to_publish(make_notice, publish):
    notice = make_notice()
    publish(notice)
    council = notice.council
    council.dpo_email = "new-dpo@council.example"
    council.save()
    version = publish(notice, "New DPO email")
    assert version.snapshot["council"]["dpo_email"] == "new-dpo@council.example"
    assert "new-dpo@council.example" in version.rendered_html


@pytest.mark.parametrize("note", ["", "   ", "x" * 2001])
def test_a_change_note_is_required_and_bounded(make_notice, note):
    notice = make_notice()
    with pytest.raises(PublishingError):
        publish_notice(notice, by=None, change_note=note, is_major=True)
    assert not NoticeVersion.objects.exists()


def test_publishing_a_draft_saved_since_it_was_opened_is_refused(make_notice):
    notice = make_notice()
    opened_at = notice.revision
    notice.revision += 1
    notice.save()
    with pytest.raises(DraftChangedError):
        publish_notice(notice, by=None, change_note="x", is_major=True, opened_revision=opened_at)
    assert not NoticeVersion.objects.exists()


def test_a_version_cannot_be_dated_before_the_one_it_follows(make_notice, publish):
    notice = make_notice()
    publish(notice)
    Section.objects.filter(notice=notice).update(body="Changed")
    with pytest.raises(PublishingError, match="before"):
        publish(notice, "Back-dated", published_at=timezone.now() - datetime.timedelta(days=1))


# Immutability ------------------------------------------------------------------------------


def test_a_published_version_cannot_be_saved_again(make_notice, publish):
    version = publish(make_notice())
    version.change_note = "Rewritten history"
    with pytest.raises(ImmutableVersionError):
        version.save()
    assert NoticeVersion.objects.get().change_note == "Published"


def test_a_published_version_cannot_be_deleted_through_the_orm(make_notice, publish):
    version = publish(make_notice())
    with pytest.raises(ImmutableVersionError):
        version.delete()
    with pytest.raises(ImmutableVersionError):
        NoticeVersion.objects.all().delete()
    with pytest.raises(ImmutableVersionError):
        NoticeVersion.objects.filter(pk=version.pk).update(change_note="x")
    assert NoticeVersion.objects.get().change_note == "Published"


def test_deleting_the_notice_or_the_council_is_refused_while_versions_exist(make_notice, publish):
    notice = make_notice()
    publish(notice)
    with pytest.raises(ProtectedError):
        notice.delete()
    with pytest.raises(ProtectedError):
        notice.council.delete()
    assert NoticeVersion.objects.count() == 1


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE notices_noticeversion SET change_note = 'rewritten'",
        "UPDATE notices_noticeversion SET rendered_html = ''",
        "DELETE FROM notices_noticeversion",
        "DELETE FROM notices_notice",
        "DELETE FROM councils_council",
    ],
)
def test_the_database_refuses_to_change_or_delete_a_version(make_notice, publish, statement):
    publish(make_notice())
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
        # Foreign keys are checked when the transaction commits; check them now.
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        else:
            connection.check_constraints()
    version = NoticeVersion.objects.get()
    assert version.change_note == "Published" and version.rendered_html


def test_the_database_refuses_to_change_a_shared_block_version(published_block):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE notices_sharedblockversion SET change_note = 'rewritten'")
    assert SharedBlockVersion.objects.get().change_note == "First version"


# The shared block --------------------------------------------------------------------------


def test_a_block_update_gives_every_published_notice_a_version_and_leaves_drafts_alone(
    make_notice, published_block, publish
):
    published_one, published_two, never_published = make_notice(), make_notice(), make_notice()
    publish(published_one)
    publish(published_two)
    # An unpublished edit in a council's draft must stay unpublished.
    NoticeRecipient.objects.filter(notice=published_one).delete()
    part = published_block.parts.get()
    part.body = "The Department keeps a national database of pupils, called the NPD."
    part.save()

    publication = publish_shared_block(
        published_block, by=None, change_note="Named the NPD", is_major=True
    )

    assert publication.block_version.number == 2
    assert len(publication.notice_versions) == 2
    for notice in (published_one, published_two):
        latest = NoticeVersion.objects.filter(notice=notice).order_by("-number").first()
        assert latest.number == 2
        assert latest.is_shared_block_update
        assert latest.shared_block_version == publication.block_version
        assert "Named the NPD" in latest.change_note
        assert "called the NPD" in latest.rendered_html
    first_latest = NoticeVersion.objects.get(notice=published_one, number=2)
    assert first_latest.snapshot["recipients"], "the draft's removed recipient stays published"
    assert "Police" in first_latest.rendered_html
    assert not NoticeVersion.objects.filter(notice=never_published).exists()


def test_a_past_version_renders_the_old_block_text(make_notice, published_block, publish):
    notice = make_notice()
    publish(notice)
    SharedBlockPart.objects.filter(block=published_block).update(body="Brand new block wording.")
    publish_shared_block(published_block, by=None, change_note="Reworded", is_major=False)

    first, second = NoticeVersion.objects.filter(notice=notice).order_by("number")
    assert "The Department keeps a national database." in first.rendered_html
    assert "Brand new block wording." not in first.rendered_html
    assert "Brand new block wording." in second.rendered_html
    assert first.shared_block_version.number == 1 and second.shared_block_version.number == 2


def test_a_notice_published_after_a_block_update_embeds_the_new_block(
    make_notice, published_block, publish
):
    SharedBlockPart.objects.filter(block=published_block).update(body="Second wording.")
    publish_shared_block(published_block, by=None, change_note="Reworded", is_major=True)
    version = publish(make_notice())
    assert version.shared_block_version.number == 2
    assert "Second wording." in version.rendered_html


def test_publishing_an_unchanged_block_is_refused(published_block):
    with pytest.raises(NothingToPublish):
        publish_shared_block(published_block, by=None, change_note="Again", is_major=True)
    assert SharedBlockVersion.objects.count() == 1


def test_after_a_block_update_an_unchanged_council_draft_has_nothing_to_publish(
    make_notice, published_block, publish
):
    notice = make_notice()
    publish(notice)
    SharedBlockPart.objects.filter(block=published_block).update(body="Newer.")
    publish_shared_block(published_block, by=None, change_note="Newer", is_major=True)
    with pytest.raises(NothingToPublish):
        publish(notice, "Nothing new from the council")


def test_the_review_date_is_part_of_what_a_version_says(make_notice, publish):
    version = publish(make_notice(review_due=datetime.date(2027, 3, 1)))
    assert '<time datetime="2027-03-01">March 2027</time>' in version.rendered_html
