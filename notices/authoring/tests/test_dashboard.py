"""The staff dashboard: overdue reviews, drafts waiting to be published, older shared blocks,
published notices that fall short of the law now in force."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from notices.authoring.dashboard import dashboard_for
from notices.models import LawfulBasis, Notice, NoticeVersion, Section, SharedBlockVersion
from notices.publishing.checklist import Completeness

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


# Published before the council's own complaint route was required (19 June 2026), without one.
BEFORE_THE_COMPLAINTS_DUTY = datetime(2026, 6, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))
NO_ROUTE = {"complaint_form_url": "", "complaint_email": "", "complaint_address": ""}


def test_a_notice_published_before_a_later_law_is_listed_as_falling_short_page_unchanged(
    client, make_council, make_notice, make_staff, publish
):
    short = make_notice(make_council(**NO_ROUTE))
    version = publish(short, published_at=BEFORE_THE_COMPLAINTS_DUTY)
    meets = make_notice()
    publish(meets)
    national = make_staff(national=True)

    dashboard = dashboard_for(national, today=date(2026, 12, 1))

    assert dashboard.falls_short == [short]
    assert dashboard.falls_short[0].shortfall == ["How to complain to the council"]
    assert not dashboard.needs_nothing
    # Judged on the day before the duty, nothing fell short.
    assert dashboard_for(national, today=date(2026, 6, 18)).falls_short == []
    # The public page is the version as published: no new version, and still served.
    page = client.get(short.get_absolute_url())
    assert page.status_code == 200
    assert NoticeVersion.objects.filter(notice=short).get() == version
    assert f"Complain to {short.council.name}" not in page.content.decode()


def test_a_published_legitimate_interests_basis_is_listed_on_the_front_page(
    client, make_notice, make_staff, publish, monkeypatch
):
    notice = make_notice()
    LawfulBasis.objects.create(notice=notice, provision=LawfulBasis.Provision.A6_1_F)
    with monkeypatch.context() as patched:
        # As published before the site refused it.
        patched.setattr(
            "notices.publishing.publish.check_completeness",
            lambda snapshot, on: Completeness(items=[]),
        )
        publish(notice)
    client.force_login(make_staff(national=True))

    page = client.get(reverse("admin:index")).content.decode()

    assert 'id="falls-short"' in page
    assert "No legitimate interests basis for the council&#x27;s tasks" in page
    assert "Their public pages stay as published" in page
