"""The staff home: a council's staff see their own notices first, each with its state (a test
per state, on the demo councils) and the next thing to do; national admins keep the overview."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from notices.authoring.staff_home import staff_home_for
from notices.models import Notice

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")


def home_page(client, make_staff, slug: str, role: str = "editor") -> str:
    notice = Notice.objects.get(council__slug=slug)
    client.force_login(make_staff(notice.council, role))
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def states_on(html: str) -> list[str]:
    return re.findall(r'data-state="([a-z-]+)"', html)


def test_a_clean_demo_council_shows_published_and_up_to_date(client, demo, make_staff):
    html = home_page(client, make_staff, "harrowmere")
    assert states_on(html) == ["clean"]
    assert "Version 5</a>, published" in html
    assert "Every item is covered." in html


def test_a_demo_council_with_a_draft_waiting_says_so_and_offers_publishing(
    client, demo, make_staff
):
    html = home_page(client, make_staff, "kestrelford", role="publisher")
    assert states_on(html) == ["draft-waiting"]
    assert "Has changes not yet published" in html
    notice = Notice.objects.get(council__slug="kestrelford")
    publish_url = reverse("admin:notices_notice_publish", args=[notice.pk])
    # Publishing is the next thing to do: the main button.
    assert f'<a href="{publish_url}" class="button default">Publish' in html


def test_a_demo_council_failing_the_checklist_names_what_is_missing(client, demo, make_staff):
    notice = Notice.objects.get(council__slug="brackendale")
    notice.retention_periods.all().delete()
    html = home_page(client, make_staff, "brackendale", role="publisher")
    assert "checklist-failing" in states_on(html)
    assert "It cannot be published until these are in the draft." in html
    # Nothing to publish until the checklist is met: editing is the next thing to do.
    edit_url = reverse("admin:notices_notice_change", args=[notice.pk])
    assert f'<a href="{edit_url}" class="button default">Edit' in html


def test_a_demo_council_past_its_review_date_is_overdue(demo, make_staff):
    notice = Notice.objects.get(council__slug="ashcombe-vale")
    [row] = staff_home_for(make_staff(notice.council), today=date(2027, 4, 21))
    assert row.states == [("review-overdue", "Review overdue")]


def test_an_overdue_review_says_what_to_do_on_the_page(client, demo, make_staff):
    # Changing the date in the draft also leaves a draft waiting.
    Notice.objects.filter(council__slug="ashcombe-vale").update(review_due=date(2026, 1, 31))
    html = home_page(client, make_staff, "ashcombe-vale")
    assert "review-overdue" in states_on(html)
    assert "31 January 2026</time>: overdue." in html


def test_review_due_today_is_not_overdue(demo, make_staff):
    notice = Notice.objects.get(council__slug="merrowgate")
    [row] = staff_home_for(make_staff(notice.council), today=notice.review_due)
    assert not row.review_overdue


def test_a_council_user_sees_only_their_notice_and_the_model_list_folded_away(
    client, demo, make_staff
):
    html = home_page(client, make_staff, "harrowmere")
    assert html.count('class="notice-card"') == 1
    assert "Kestrelford" not in html
    assert html.index('id="staff-home"') < html.index('<details class="other-pages">')
    # Django's sidebar list of models is gone.
    assert 'id="nav-sidebar"' not in html
    assert "<title>Your council&#x27;s notices" in html


def test_an_editor_is_offered_no_publish_button(client, demo, make_staff):
    html = home_page(client, make_staff, "kestrelford", role="editor")
    assert ">Publish<" not in html
    assert 'class="button default">Edit' in html


def test_a_national_admin_keeps_the_overview_of_every_council(admin_client, demo):
    html = admin_client.get(HOME).content.decode()
    assert 'id="dashboard"' in html
    assert 'id="staff-home"' not in html
    # Django's list of everything the admin holds, as before.
    assert "Audit events" in html


def test_a_notice_published_before_the_complaints_duty_shows_it_falls_short_of_the_law_now(
    client, make_council, make_notice, make_staff, publish
):
    council = make_council(complaint_form_url="", complaint_email="", complaint_address="")
    notice = make_notice(council)
    before_the_duty = datetime(2026, 6, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    publish(notice, published_at=before_the_duty)
    client.force_login(make_staff(council, "publisher"))

    html = client.get(HOME).content.decode()

    assert states_on(html)[:2] == ["checklist-failing", "falls-short"]
    assert "Published version falls short of the law now in force" in html
    assert "It falls short of the law now in force: How to complain to the council." in html
    assert "Its public page stays as it was published" in html
    [row] = staff_home_for(make_staff(council))
    assert row.published_shortfall == ["How to complain to the council"]

    council.complaint_form_url = "https://council.example/complain"
    council.save()
    publish(notice, "Adds the council's complaint form")
    assert "falls-short" not in states_on(client.get(HOME).content.decode())
