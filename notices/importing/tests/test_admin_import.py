"""The import page on a notice's admin page: staff of that council preview an import (nothing
written) or import with an explicit confirmation; anyone else is refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from notices.importing.reading import MAX_IMPORT_BYTES
from notices.importing.tests.test_drafting import EXPECTED_SECTIONS, MARKDOWN_NOTICE
from notices.models import Notice
from tests.database import database_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(make_council, make_notice, published_block):
    return make_notice(council=make_council(name="Ashby Vale Council", slug="ashby-vale"))


def import_url(notice: Notice) -> str:
    return reverse("admin:notices_notice_import", args=[notice.pk])


def upload(content: bytes = MARKDOWN_NOTICE.encode(), name: str = "notice.md"):
    return SimpleUploadedFile(name, content, content_type="text/markdown")


def test_the_change_page_links_to_the_import(client, make_staff, notice):
    client.force_login(make_staff(notice.council, "editor"))
    page = client.get(reverse("admin:notices_notice_change", args=[notice.pk]))
    assert import_url(notice) in page.content.decode()


def test_a_preview_shows_the_report_and_writes_nothing(client, make_staff, notice):
    client.force_login(make_staff(notice.council, "editor"))
    before = database_state()
    response = client.post(import_url(notice), {"file": upload(), "_preview": "Preview"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "What the import would do" in html
    assert "Hobbies and interests" in html  # a proposal, not added to the library
    assert "differs from the current block" in html
    assert database_state() == before


def test_importing_needs_the_replace_box_ticked(client, make_staff, notice):
    client.force_login(make_staff(notice.council, "publisher"))
    before = database_state()
    response = client.post(import_url(notice), {"file": upload(), "_import": "Import"})
    assert response.status_code == 200
    assert "Tick this box to replace the draft" in response.content.decode()
    assert database_state() == before


def test_an_import_replaces_the_draft_and_reports(client, make_staff, notice):
    client.force_login(make_staff(notice.council, "editor"))
    response = client.post(
        import_url(notice), {"file": upload(), "replace_draft": "on", "_import": "Import"}
    )
    assert response.status_code == 200
    assert "What the import did" in response.content.decode()
    notice.refresh_from_db()
    assert [s.heading for s in notice.sections.order_by("position")] == EXPECTED_SECTIONS
    assert not notice.versions.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "notice.md", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "photo.png", "image"),
        (b"x" * (MAX_IMPORT_BYTES + 1), "huge.txt", "the limit is"),
    ],
)
def test_unusable_uploads_are_a_form_error_and_change_nothing(
    client, make_staff, notice, content, name, message
):
    client.force_login(make_staff(notice.council, "editor"))
    before = database_state()
    response = client.post(
        import_url(notice),
        {"file": upload(content, name), "replace_draft": "on", "_import": "Import"},
    )
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert database_state() == before


def test_staff_of_another_council_cannot_reach_the_import(client, make_staff, make_council, notice):
    client.force_login(make_staff(make_council(), "publisher"))
    before = database_state()
    assert client.get(import_url(notice)).status_code == 404
    response = client.post(
        import_url(notice), {"file": upload(), "replace_draft": "on", "_import": "Import"}
    )
    assert response.status_code == 404
    assert database_state() == before


def test_signed_out_visitors_are_sent_to_sign_in(client, notice):
    response = client.get(import_url(notice))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
