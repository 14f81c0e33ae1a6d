"""The staff dashboard: overdue reviews, drafts waiting to be published, older shared blocks."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from notices.authoring.dashboard import dashboard_for
from notices.models import Notice, Section, SharedBlockVersion

pytestmark = pytest.mark.django_db


def test_notices_past_their_review_date_are_listed_most_overdue_first(make_notice, make_staff):
    today = date(2026, 11, 21)
    late = make_notice(review_due=date(2026, 6, 1))
    later = make_notice(review_due=date(2026, 1, 1))
    on_time = make_notice(review_due=today)
    national = make_staff(national=True)

    dashboard = dashboard_for(national, today=today)

    assert dashboard.overdue_reviews == [later, late]
    assert on_time not in dashboard.overdue_reviews


def test_a_never_published_notice_and_a_changed_draft_are_waiting(make_notice, make_staff, publish):
    never = make_notice()
    changed = make_notice()
    publish(changed)
    Section.objects.filter(notice=changed).update(body="New words.")
    Notice.objects.filter(pk=changed.pk).update(updated_at=timezone.now() + timedelta(seconds=1))
    unchanged = make_notice()
    publish(unchanged)

    waiting = dashboard_for(make_staff(national=True)).waiting_drafts

    assert never in waiting and changed in waiting
    assert unchanged not in waiting


def test_a_draft_saved_without_changes_is_not_waiting(make_notice, make_staff, publish):
    notice = make_notice()
    publish(notice)
    Notice.objects.filter(pk=notice.pk).update(updated_at=timezone.now() + timedelta(seconds=1))

    assert notice not in dashboard_for(make_staff(national=True)).waiting_drafts


def test_changed_council_contacts_make_a_published_notice_wait(make_notice, make_staff, publish):
    notice = make_notice()
    publish(notice)
    notice.council.dpo_email = "new-dpo@example.org"
    notice.council.save()

    assert notice in dashboard_for(make_staff(national=True)).waiting_drafts


def test_notices_showing_an_older_shared_block_are_listed(
    make_notice, make_staff, publish, published_block
):
    notice = make_notice()
    publish(notice)
    first = SharedBlockVersion.objects.get()
    # A newer block version that has not reached this notice (as for one restored from an export).
    SharedBlockVersion.objects.create(
        block=published_block,
        number=2,
        published_at=timezone.now(),
        change_note="Newer",
        is_major=True,
        snapshot=first.snapshot,
        content_hash="0" * 64,
    )

    dashboard = dashboard_for(make_staff(national=True))

    assert dashboard.older_block == [notice]
    listed = dashboard.older_block[0]
    assert (listed.embedded_block_number, listed.latest_block_number) == (1, 2)


def test_council_staff_see_only_their_own_councils_notices(make_notice, make_staff):
    past = date(2020, 1, 1)
    own = make_notice(review_due=past)
    other = make_notice(review_due=past)

    dashboard = dashboard_for(make_staff(own.council, "editor"))

    assert dashboard.overdue_reviews == [own]
    assert dashboard.waiting_drafts == [own]
    assert other not in dashboard.overdue_reviews + dashboard.waiting_drafts


def test_a_national_admins_front_page_shows_the_dashboard(client, make_notice, make_staff):
    one = make_notice(review_due=date(2020, 1, 1))
    other = make_notice(review_due=date(2020, 1, 1))
    client.force_login(make_staff(national=True))

    page = client.get(reverse("admin:index")).content.decode()

    assert 'id="overdue-reviews"' in page and 'id="waiting-drafts"' in page
    assert one.council.name in page and other.council.name in page
    assert reverse("admin:notices_notice_change", args=[one.pk]) in page


def test_a_council_users_front_page_shows_only_their_own_notice(client, make_notice, make_staff):
    own = make_notice(review_due=date(2020, 1, 1))
    other = make_notice(review_due=date(2020, 1, 1))
    client.force_login(make_staff(own.council, "editor"))

    page = client.get(reverse("admin:index")).content.decode()

    assert own.council.name in page
    assert other.council.name not in page
    assert reverse("admin:notices_notice_change", args=[own.pk]) in page


def test_the_dashboard_says_when_nothing_needs_attention(client, make_notice, make_staff, publish):
    notice = make_notice()
    publish(notice)
    client.force_login(make_staff(national=True))

    page = client.get(reverse("admin:index")).content.decode()

    assert "Nothing needs attention" in page
