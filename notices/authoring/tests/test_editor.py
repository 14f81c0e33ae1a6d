"""The notice editor: plain words for a data protection officer, rows ordered without typing
numbers, no offer to add a second notice, and anchors that can be swapped in one save."""

import pytest
from django.urls import reverse

from notices.models import Notice, Section
from notices.testing.forms import form_data

pytestmark = pytest.mark.django_db


def change_url(notice: Notice) -> str:
    return reverse("admin:notices_notice_change", args=[notice.pk])


def editor_form(client, notice: Notice) -> dict[str, str]:
    return form_data(client.get(change_url(notice)).content.decode(), "notice_form")


def test_two_sections_swapping_anchors_in_one_save_is_a_working_swap(admin_client, make_notice):
    notice = make_notice()
    data = editor_form(admin_client, notice)
    first, second = data["sections-0-anchor"], data["sections-1-anchor"]
    data["sections-0-anchor"], data["sections-1-anchor"] = second, first
    response = admin_client.post(change_url(notice), data)
    assert response.status_code == 302
    ids = [int(data["sections-0-id"]), int(data["sections-1-id"])]
    assert Section.objects.get(pk=ids[0]).anchor == second
    assert Section.objects.get(pk=ids[1]).anchor == first


def test_a_section_can_take_the_anchor_of_one_deleted_in_the_same_save(admin_client, make_notice):
    notice = make_notice()
    data = editor_form(admin_client, notice)
    taken = data["sections-1-anchor"]
    data["sections-1-DELETE"] = "on"
    data["sections-0-anchor"] = taken
    assert admin_client.post(change_url(notice), data).status_code == 302
    assert Section.objects.get(pk=int(data["sections-0-id"])).anchor == taken


def test_a_refused_save_leaves_every_anchor_as_it_was(admin_client, make_notice):
    notice = make_notice()
    before = list(notice.sections.values_list("pk", "anchor"))
    data = editor_form(admin_client, notice)
    data["sections-0-anchor"], data["sections-1-anchor"] = (
        data["sections-1-anchor"],
        data["sections-0-anchor"],
    )
    data["title"] = ""
    assert admin_client.post(change_url(notice), data).status_code == 200
    assert list(notice.sections.values_list("pk", "anchor")) == before


def test_the_editor_speaks_to_a_data_protection_officer(admin_client, make_notice):
    html = admin_client.get(change_url(make_notice())).content.decode()
    assert "Link name" in html
    assert "links people already have stop working" in html
    assert "Which ICO checklist item this answers" in html
    # Not the developer's words.
    assert "(#anchor)" not in html
    assert "ascending order" not in html


def test_positions_are_hidden_and_set_by_the_editors_up_and_down_buttons(admin_client, make_notice):
    html = admin_client.get(change_url(make_notice())).content.decode()
    assert '<input type="hidden" name="sections-0-position"' in html
    assert "js/admin-notice-editor.js" in html


def test_a_posted_order_is_saved(admin_client, make_notice):
    notice = make_notice()
    data = editor_form(admin_client, notice)
    data["sections-0-position"], data["sections-1-position"] = "2", "1"
    assert admin_client.post(change_url(notice), data).status_code == 302
    assert notice.sections.first().pk == int(data["sections-1-id"])


def test_the_editor_offers_no_second_notice(admin_client, make_notice):
    html = admin_client.get(change_url(make_notice())).content.decode()
    assert 'name="_addanother"' not in html
    assert 'name="_save"' in html
