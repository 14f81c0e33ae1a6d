"""A refused form says so at the top of the page: an error summary linking each problem to its
field, and a page title starting "Error:"; an edit conflict names who saved, when, and what."""

import re

import pytest
from django.urls import reverse

from notices.models import Notice
from notices.testing.forms import form_data

pytestmark = pytest.mark.django_db


def change_url(notice: Notice) -> str:
    return reverse("admin:notices_notice_change", args=[notice.pk])


def summary_of(html: str) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert match, "no error summary on the page"
    return match.group(0)


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_a_valid_page_has_no_error_summary_and_a_plain_title(admin_client, make_notice):
    html = admin_client.get(change_url(make_notice())).content.decode()
    assert 'class="error-summary"' not in html
    assert not title_of(html).startswith("Error:")


def test_a_missing_title_is_summarised_at_the_top_and_links_to_the_field(admin_client, make_notice):
    notice = make_notice()
    data = form_data(admin_client.get(change_url(notice)).content.decode(), "notice_form")
    data["title"] = ""
    html = admin_client.post(change_url(notice), data).content.decode()
    assert title_of(html).startswith("Error: ")
    summary = summary_of(html)
    assert '<a href="#id_title">Title of the notice: This field is required.</a>' in summary
    # Before the form, so it is on the first screen.
    assert html.index('class="error-summary"') < html.index('id="notice_form"')
    assert Notice.objects.get(pk=notice.pk).title == notice.title


def test_an_error_in_a_section_names_the_section_row(admin_client, make_notice):
    notice = make_notice()
    data = form_data(admin_client.get(change_url(notice)).content.decode(), "notice_form")
    data["sections-1-heading"] = ""
    summary = summary_of(admin_client.post(change_url(notice), data).content.decode())
    assert "Section 2, Heading: This field is required." in summary
    assert 'href="#id_sections-1-heading"' in summary


def test_an_edit_conflict_says_who_saved_when_and_what_they_changed(
    client, make_staff, make_notice
):
    notice = make_notice()
    first, second = make_staff(notice.council, "editor"), make_staff(notice.council, "editor")
    first.first_name, first.last_name = "Priya", "Shah"
    first.save()
    client.force_login(second)
    data = form_data(client.get(change_url(notice)).content.decode(), "notice_form")

    client.force_login(first)
    theirs = form_data(client.get(change_url(notice)).content.decode(), "notice_form")
    theirs["title"] = "Priya's new title"
    assert client.post(change_url(notice), theirs).status_code == 302

    client.force_login(second)
    data["introduction"] = "My own introduction"
    response = client.post(change_url(notice), data)
    assert response.status_code == 200
    summary = summary_of(response.content.decode())
    assert "Priya Shah saved this draft at" in summary
    assert "They changed: Changed Title of the notice." in summary
    assert title_of(response.content.decode()).startswith("Error:")
    notice.refresh_from_db()
    assert notice.title == "Priya's new title"
    assert notice.introduction != "My own introduction"


def test_a_refused_publish_is_summarised_at_the_top(admin_client, make_notice):
    notice = make_notice()
    url = reverse("admin:notices_notice_publish", args=[notice.pk])
    data = form_data(admin_client.get(url).content.decode(), "publish_form")
    data["change_note"] = ""
    html = admin_client.post(url, data).content.decode()
    assert title_of(html).startswith("Error:")
    assert '<a href="#id_change_note">Change note: This field is required.</a>' in summary_of(html)


@pytest.mark.parametrize(
    "title",
    ["x" * 5000, "\u202e<script>alert(1)</script>" + "x" * 500, "\x00\x01"],
    ids=["huge", "bidi-and-markup", "control"],
)
def test_hostile_input_is_summarised_escaped_and_changes_nothing(admin_client, make_notice, title):
    notice = make_notice()
    data = form_data(admin_client.get(change_url(notice)).content.decode(), "notice_form")
    data["title"] = title
    response = admin_client.post(change_url(notice), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert 'href="#id_title"' in summary_of(html)
    assert Notice.objects.get(pk=notice.pk).title == notice.title


def test_a_failed_sign_in_is_summarised(client, make_staff):
    html = client.post(
        reverse("admin:login"), {"username": "nobody@example.org", "password": "wrong"}
    ).content.decode()
    assert title_of(html).startswith("Error:")
    assert 'class="error-summary"' in html
