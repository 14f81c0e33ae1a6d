"""Every refusal in the admin is a page in the admin's design, with status 403, that says why and
who to ask; outside the admin a refusal says nothing about staff."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from config.views import permission_denied
from notices.models import NoticeVersion

pytestmark = pytest.mark.django_db


def test_an_editor_opening_a_publish_link_is_told_who_can_publish(client, make_staff, make_notice):
    notice = make_notice()
    publisher = make_staff(notice.council, "publisher")
    publisher.first_name, publisher.last_name = "Dana", "Okafor"
    publisher.save()
    client.force_login(make_staff(notice.council, "editor"))
    response = client.get(reverse("admin:notices_notice_publish", args=[notice.pk]))
    assert response.status_code == 403
    html = response.content.decode()
    assert f"Only a publisher of {notice.council} can publish its notice." in html
    assert "ask Dana Okafor to check and publish it" in html
    # The admin's own frame: its header, the person's tools and a way back.
    assert 'id="user-tools"' in html
    assert "Go to the staff home" in html
    assert "<title>You cannot do this" in html


def test_a_refused_post_publishes_nothing_and_is_the_same_page(client, make_staff, make_notice):
    notice = make_notice()
    client.force_login(make_staff(notice.council, "editor"))
    response = client.post(
        reverse("admin:notices_notice_publish", args=[notice.pk]),
        {"change_note": "\u202e" + "x" * 10_000, "change_kind": "major"},
    )
    assert response.status_code == 403
    assert "can publish its notice" in response.content.decode()
    assert not NoticeVersion.objects.exists()


def test_a_council_without_publishers_points_to_a_national_admin(client, make_staff, make_notice):
    notice = make_notice()
    client.force_login(make_staff(notice.council, "editor"))
    html = client.get(reverse("admin:notices_notice_publish", args=[notice.pk])).content.decode()
    assert "ask a national admin of this site to check and publish it" in html


def test_an_editor_publishing_the_shared_block_is_told_only_national_admins_can(
    client, make_staff, make_council, shared_block
):
    client.force_login(make_staff(make_council(), "publisher"))
    response = client.get(reverse("admin:notices_sharedblock_publish", args=[shared_block.pk]))
    assert response.status_code == 403
    assert "Only a national admin can publish a shared national block" in (
        response.content.decode()
    )


def test_a_page_the_role_does_not_cover_gets_the_general_refusal(client, make_staff, make_council):
    client.force_login(make_staff(make_council(), "editor"))
    response = client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Your role does not let you open this page." in html
    assert 'id="user-tools"' in html


def test_a_refusal_outside_the_admin_says_nothing_about_staff(rf):
    request = rf.get("/councils/")
    request.user = AnonymousUser()
    response = permission_denied(request, PermissionDenied("Only a publisher of X"))
    assert response.status_code == 403
    assert "Only a publisher" not in response.content.decode()
