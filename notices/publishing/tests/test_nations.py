"""One shared block per nation: each notice embeds its own nation's block, and publishing a
block reaches only its nation's notices."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from councils.models import Nation
from notices.models import NoticeKind, NoticeVersion, SharedBlock, SharedBlockPart
from notices.publishing.nations import block_for_council, block_review_due, is_review_overdue
from notices.publishing.shared_block import publish_shared_block


@pytest.fixture
def welsh_block(db) -> SharedBlock:
    block = SharedBlock.objects.create(
        nation=Nation.WALES,
        notice_kind=NoticeKind.CHILDRENS_SOCIAL_CARE,
        body_name="Welsh Government",
        title="How the Welsh Government uses this information",
        introduction="Councils in Wales send some information to the Welsh Government.",
    )
    SharedBlockPart.objects.create(
        block=block,
        position=1,
        heading="What the Welsh Government receives",
        anchor="what-the-welsh-government-receives",
        body="Two censuses a year.",
    )
    publish_shared_block(block, by=None, change_note="First version", is_major=True)
    return block


def _edit_and_publish(block: SharedBlock, note: str = "Reworded the receipt part"):
    part = block.parts.get()
    part.body += " Reworded."
    part.save()
    return publish_shared_block(block, by=None, change_note=note, is_major=False)


def test_a_welsh_council_publishes_with_the_welsh_block_and_an_english_one_with_its_own(
    make_council, make_notice, publish, published_block, welsh_block
):
    english = publish(make_notice(make_council(nation=Nation.ENGLAND)))
    welsh = publish(make_notice(make_council(nation=Nation.WALES)))

    assert english.shared_block_version.block == published_block
    assert welsh.shared_block_version.block == welsh_block
    assert "How the Welsh Government uses this information" in welsh.rendered_html
    assert "Welsh Government" not in english.rendered_html


def test_a_council_of_a_nation_with_no_block_yet_publishes_without_one(
    make_council, make_notice, publish, published_block
):
    version = publish(make_notice(make_council(nation=Nation.SCOTLAND)))
    assert version.shared_block_version is None


def test_a_welsh_block_update_reaches_welsh_notices_only(
    make_council, make_notice, publish, published_block, welsh_block
):
    english = make_notice(make_council())
    welsh = make_notice(make_council(nation=Nation.WALES))
    publish(english)
    publish(welsh)

    publication = _edit_and_publish(welsh_block)

    assert [v.notice for v in publication.notice_versions] == [welsh]
    assert english.versions.count() == 1
    latest = welsh.versions.latest()
    assert latest.is_shared_block_update
    assert latest.change_note.startswith(
        "The Welsh Government section, shared by every council in Wales, was updated"
    )


def test_an_english_block_update_leaves_welsh_and_scottish_notices_alone(
    make_council, make_notice, publish, published_block, welsh_block
):
    welsh = publish(make_notice(make_council(nation=Nation.WALES))).notice
    scottish = publish(make_notice(make_council(nation=Nation.SCOTLAND))).notice
    english = publish(make_notice(make_council())).notice

    publication = _edit_and_publish(published_block)

    assert [v.notice for v in publication.notice_versions] == [english]
    assert welsh.versions.count() == scottish.versions.count() == 1


def _queries_publishing_the_welsh_block(block: SharedBlock) -> int:
    with CaptureQueriesContext(connection) as queries:
        _edit_and_publish(block, note=f"Update {NoticeVersion.objects.count()}")
    return len(queries)


def test_the_cascade_costs_the_same_queries_however_many_english_councils_there_are(
    make_council, make_notice, publish, published_block, welsh_block
):
    publish(make_notice(make_council(nation=Nation.WALES)))
    for _ in range(2):
        publish(make_notice(make_council()))
    with_two = _queries_publishing_the_welsh_block(welsh_block)
    for _ in range(8):
        publish(make_notice(make_council()))
    with_ten = _queries_publishing_the_welsh_block(welsh_block)

    assert with_ten == with_two


def test_block_for_council_follows_the_councils_nation(make_council, published_block, welsh_block):
    kind = NoticeKind.CHILDRENS_SOCIAL_CARE
    assert block_for_council(council=make_council(nation=Nation.WALES), kind=kind) == welsh_block
    assert block_for_council(council=make_council(), kind=kind) == published_block
    assert block_for_council(council=make_council(nation=Nation.SCOTLAND), kind=kind) is None


def test_a_nation_has_one_block_of_each_kind(welsh_block):
    from django.core.exceptions import ValidationError

    twin = SharedBlock(nation=Nation.WALES, notice_kind=welsh_block.notice_kind, title="Twin")
    with pytest.raises(ValidationError):
        twin.full_clean()


def test_a_block_is_due_a_review_a_year_after_its_facts_were_checked(welsh_block):
    assert block_review_due(welsh_block) is None
    assert is_review_overdue(welsh_block, today=date(2026, 1, 1))
    welsh_block.facts_checked_on = date(2026, 3, 1)
    assert block_review_due(welsh_block) == date(2027, 3, 1)
    assert not is_review_overdue(welsh_block, today=date(2027, 2, 28))
    assert is_review_overdue(welsh_block, today=date(2027, 3, 1))
