"""django-markdownx's endpoints: the preview is staff-only and sanitised; upload is off."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db

PREVIEW = "/markdownx/markdownify/"
UPLOAD = "/markdownx/upload/"


@pytest.fixture
def staff_client(client, make_staff, make_council):
    client.force_login(make_staff(make_council(), "editor"))
    return client


def test_staff_preview_is_rendered_and_sanitised(staff_client):
    response = staff_client.post(
        PREVIEW, {"content": "# Title\n\n**bold** <script>alert(1)</script>[x](javascript:y)"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h3>Title</h3>" in html
    assert "<strong>bold</strong>" in html
    assert "<script" not in html and "javascript:" not in html


def test_anonymous_visitors_cannot_use_the_preview(client):
    response = client.post(PREVIEW, {"content": "**bold**"})
    assert response.status_code == 403
    assert b"<strong>" not in response.content


def test_signed_in_people_who_are_not_staff_cannot_use_the_preview(client):
    client.force_login(User.objects.create_user("member-of-public"))
    assert client.post(PREVIEW, {"content": "**bold**"}).status_code == 403


def test_inactive_staff_cannot_use_the_preview(client):
    user = User.objects.create_user("left", is_staff=True)
    client.force_login(user)
    user.is_active = False
    user.save()
    assert client.post(PREVIEW, {"content": "**bold**"}).status_code == 403


def test_preview_without_content_is_a_400_not_a_500(staff_client):
    response = staff_client.post(PREVIEW, {})
    assert response.status_code == 400
    assert b"content" in response.content


def test_oversized_preview_is_a_400(staff_client):
    assert staff_client.post(PREVIEW, {"content": "x" * 50_001}).status_code == 400


def test_preview_only_accepts_post(staff_client):
    assert staff_client.get(PREVIEW).status_code == 405


def test_preview_checks_csrf(make_staff, make_council):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_staff(make_council(), "editor"))
    assert client.post(PREVIEW, {"content": "x"}).status_code == 403


def test_staff_with_no_council_role_cannot_use_the_preview(client, make_staff):
    client.force_login(make_staff())
    response = client.post(PREVIEW, {"content": "**bold**"})
    assert response.status_code == 403
    assert b"<strong>" not in response.content


@pytest.mark.parametrize("who", ["anonymous", "staff", "superuser"])
def test_image_upload_is_turned_off_for_everyone(client, who):
    if who == "staff":
        client.force_login(User.objects.create_user("staff", is_staff=True))
    elif who == "superuser":
        client.force_login(User.objects.create_superuser("root", password="root-password-123"))
    image = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(UPLOAD, {"image": SimpleUploadedFile("x.gif", image, "image/gif")})
    assert response.status_code == 403
