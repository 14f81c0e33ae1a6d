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


@pytest.fixture
def fresh_cache(monkeypatch):
    """An empty cache, and a clock stopped 20 s into a minute so no test crosses into the next."""
    from django.core.cache import cache

    from notices.authoring import markdown_preview

    monkeypatch.setattr(markdown_preview, "_now", lambda: 1_800_000_020.0)
    cache.clear()
    yield
    cache.clear()


def test_previews_beyond_the_budget_are_a_429_with_retry_after(staff_client, settings, fresh_cache):
    settings.MARKDOWN_PREVIEWS_PER_MINUTE = 3
    for _ in range(3):
        assert staff_client.post(PREVIEW, {"content": "**bold**"}).status_code == 200
    response = staff_client.post(PREVIEW, {"content": "**bold**"})
    assert response.status_code == 429
    assert response["Retry-After"] == "40"
    assert b"Too many previews" in response.content
    assert b"<strong>" not in response.content


def test_characters_rendered_have_their_own_budget(staff_client, settings, fresh_cache):
    settings.MARKDOWN_PREVIEW_CHARACTERS_PER_MINUTE = 100_000
    assert staff_client.post(PREVIEW, {"content": "[" * 50_000}).status_code == 200
    assert staff_client.post(PREVIEW, {"content": "[" * 50_000}).status_code == 200
    assert staff_client.post(PREVIEW, {"content": "x"}).status_code == 429


def test_the_budget_is_per_person(client, make_staff, make_council, settings, fresh_cache):
    settings.MARKDOWN_PREVIEWS_PER_MINUTE = 1
    council = make_council()
    first, second = make_staff(council, "editor"), make_staff(council, "publisher")
    client.force_login(first)
    assert client.post(PREVIEW, {"content": "a"}).status_code == 200
    assert client.post(PREVIEW, {"content": "a"}).status_code == 429
    client.force_login(second)
    assert client.post(PREVIEW, {"content": "a"}).status_code == 200


def test_refused_previews_are_not_charged(staff_client, settings, fresh_cache):
    settings.MARKDOWN_PREVIEWS_PER_MINUTE = 1
    assert staff_client.post(PREVIEW, {"content": "x" * 50_001}).status_code == 400
    assert staff_client.post(PREVIEW, {}).status_code == 400
    assert staff_client.post(PREVIEW, {"content": "a"}).status_code == 200


def test_hostile_preview_at_the_field_limit_is_answered(staff_client, fresh_cache):
    response = staff_client.post(PREVIEW, {"content": "[\n" * 25_000})
    assert response.status_code == 200
    assert response.content.count(b"[") == 25_000
