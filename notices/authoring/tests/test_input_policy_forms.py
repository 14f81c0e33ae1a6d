"""The input policy in the admin: a clear form error naming the character, nothing stored; and
the cleaning pass of migration 0008 over rows stored before it."""

import importlib

import pytest
from django.apps import apps

from notices.authoring.tests.test_admin import assert_refused, change_url, notice_form
from notices.models import NoticeVersion, Section
from notices.testing.forms import form_data

pytestmark = pytest.mark.django_db

REFUSED_NOTICE_INPUT = {
    "bidi override in the title": (
        {"title": "Privacy notice\u202e"},
        "an invisible character (U+202E RIGHT-TO-LEFT OVERRIDE)",
    ),
    "zero-width space in a heading": (
        {"sections-0-heading": "Your\u200b rights"},
        "an invisible character (U+200B ZERO WIDTH SPACE)",
    ),
    "control character in a body": (
        {"sections-0-body": "We keep\x01 records."},
        "a control character (U+0001 START OF HEADING)",
    ),
    "escape in the introduction": (
        {"introduction": "Text\x1b[31m"},
        "a control character (U+001B ESCAPE)",
    ),
    "lone carriage return in a recipient's purpose": (
        {"recipients-0-purpose": "To plan\rservices"},
        "a carriage return without a line feed",
    ),
}


@pytest.mark.parametrize("edits,message", REFUSED_NOTICE_INPUT.values(), ids=REFUSED_NOTICE_INPUT)
def test_refused_characters_are_a_form_error_and_nothing_is_stored(
    admin_client, make_notice, edits, message
):
    notice = make_notice()
    data = notice_form(admin_client, notice) | edits
    assert_refused(admin_client, notice, data, message)


def test_line_endings_from_a_text_area_are_stored_as_newlines(admin_client, make_notice):
    notice = make_notice()
    data = notice_form(admin_client, notice)
    data["sections-0-body"] = "First line\r\nSecond line\r\n\r\n- a list"
    assert admin_client.post(change_url(notice), data).status_code == 302
    assert notice.sections.get(anchor="why-we-use-it").body == (
        "First line\nSecond line\n\n- a list"
    )


def test_a_council_name_with_a_bidi_override_is_a_form_error(admin_client, make_council):
    council = make_council()
    data = form_data(admin_client.get(change_url(council)).content.decode(), "council_form")
    data["name"] = "Harrowmere\u202e County Council"
    response = admin_client.post(change_url(council), data)
    assert response.status_code == 200
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in response.content.decode()
    council.refresh_from_db()
    assert "\u202e" not in council.name


def test_migration_0008_cleans_drafts_and_only_reports_published_versions(
    make_notice, publish, capsys
):
    notice = make_notice()
    Section.objects.filter(notice=notice).update(heading="Your\u202e rights", body="a\r\nb\x01c")
    type(notice).objects.filter(pk=notice.pk).update(title="Notice\x02")
    notice.refresh_from_db()
    version = publish(notice, "Published\x03")
    migration = importlib.import_module("notices.migrations.0008_input_policy")
    migration.clean_and_report(apps, None)
    report = capsys.readouterr().out
    notice.refresh_from_db()
    assert notice.title == "Notice"
    headings = set(Section.objects.filter(notice=notice).values_list("heading", flat=True))
    assert "Your rights" in headings
    assert set(Section.objects.filter(notice=notice).values_list("body", flat=True)) == {"a\nbc"}
    assert f"cleaned Notice {notice.pk}: title" in report
    # The published version keeps every character it was published with, and is reported.
    stored = NoticeVersion.objects.get(pk=version.pk)
    assert (stored.title, stored.change_note) == ("Notice\x02", "Published\x03")
    assert f"left as published: NoticeVersion {version.pk}" in report


def test_a_section_anchor_repeating_a_shared_block_id_is_a_form_error(
    admin_client, make_notice, shared_block
):
    notice = make_notice()
    data = notice_form(admin_client, notice)
    data["sections-0-anchor"] = "shared-national-pupil-database"
    assert_refused(admin_client, notice, data, "already used on the page by the Department")


@pytest.mark.parametrize("anchor", ["site-navigation", "retention-caption", "in-force-title"])
def test_a_section_anchor_repeating_a_page_id_is_a_form_error(admin_client, make_notice, anchor):
    notice = make_notice()
    data = notice_form(admin_client, notice)
    data["sections-0-anchor"] = anchor
    assert_refused(admin_client, notice, data, "is used by the page itself")


def test_a_new_section_headed_like_a_shared_part_gets_a_free_anchor(make_notice, shared_block):
    notice = make_notice()
    section = Section(
        notice=notice,
        position=20,
        ico_item="other",
        heading="Shared national pupil database",
        body="Text.",
    )
    section.full_clean()
    assert section.anchor == "shared-national-pupil-database-2"


def test_stored_anchors_that_repeat_page_ids_are_made_unique_when_rendered(
    client, make_notice, published_block, publish
):
    notice = make_notice()
    # Stored before anchors were checked against the whole page.
    Section.objects.filter(notice=notice, anchor="why-we-use-it").update(anchor="top")
    Section.objects.filter(notice=notice, anchor="your-rights").update(
        anchor="shared-national-pupil-database"
    )
    publish(notice)
    html = client.get(notice.get_absolute_url()).content.decode()
    for element_id in ("top", "shared-national-pupil-database"):
        assert html.count(f'id="{element_id}"') == 1
    assert 'id="top-2"' in html and 'href="#top-2"' in html
    assert 'id="shared-national-pupil-database-2"' in html
