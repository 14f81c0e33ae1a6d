"""The staff dashboard across nations: a notice is compared with its own nation's block, and
national admins see the blocks of their nations whose facts are due a check."""

from datetime import date

from councils.models import Nation
from notices.authoring.dashboard import dashboard_for
from notices.models import NoticeKind, SharedBlock, SharedBlockPart
from notices.publishing.shared_block import publish_shared_block


def _welsh_block(facts_checked_on=None) -> SharedBlock:
    block = SharedBlock.objects.create(
        nation=Nation.WALES,
        notice_kind=NoticeKind.CHILDRENS_SOCIAL_CARE,
        body_name="Welsh Government",
        title="How the Welsh Government uses it",
        facts_checked_on=facts_checked_on,
    )
    SharedBlockPart.objects.create(
        block=block, position=1, heading="What is sent", anchor="what-is-sent", body="Returns."
    )
    return block


def test_a_notice_is_not_behind_because_another_nations_block_moved_on(
    make_notice, make_council, make_staff, publish, published_block
):
    welsh_block = _welsh_block()
    publish_shared_block(welsh_block, by=None, change_note="First", is_major=True)
    publish(make_notice(make_council(nation=Nation.WALES)))
    part = published_block.parts.get()
    part.body += " More."
    part.save()
    publish_shared_block(published_block, by=None, change_note="Second", is_major=False)

    dashboard = dashboard_for(make_staff(national=True))

    assert dashboard.older_block == []


def test_a_national_admin_sees_their_nations_blocks_due_a_check(make_staff, published_block):
    _welsh_block(facts_checked_on=date(2025, 1, 10))
    today = date(2026, 6, 1)

    welsh_admin = dashboard_for(make_staff(nation=Nation.WALES), today=today)
    english_admin = dashboard_for(make_staff(nation=Nation.ENGLAND), today=today)

    assert [block.body_name for block in welsh_admin.block_reviews] == ["Welsh Government"]
    assert welsh_admin.block_reviews[0].review_due == date(2026, 1, 10)
    # England's block was never checked: due now, for England's admins only.
    assert [block.nation for block in english_admin.block_reviews] == [Nation.ENGLAND]


def test_council_staff_see_no_block_reviews(make_staff, make_council, published_block):
    assert dashboard_for(make_staff(make_council(), "publisher")).block_reviews == []
