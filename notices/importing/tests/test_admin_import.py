"""The import pages on a notice's admin page: the file is chosen once and kept, a review screen
shows what importing it would do with nothing written, and "Create draft" imports the kept file.
Staff of that council only; every bad input is a clear message that writes nothing."""

import html
import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from notices.importing.reading import MAX_IMPORT_BYTES
from notices.importing.tests.test_drafting import (  # noqa: F401
    EXPECTED_SECTIONS,
    MARKDOWN_NOTICE,
    libraries,
)
from notices.models import ImportUpload, LibraryProposal, Notice
from notices.testing.forms import form_data
from tests.database import database_state

pytestmark = pytest.mark.django_db

# The notice as a council might have it with less said: no introduction, and a recipient named
# with no reason or frequency. The import leaves those blank for the publisher.
TERSE_NOTICE = MARKDOWN_NOTICE.replace(
    "This notice explains how Ashby Vale Council uses information about children and families who "
    "get\nhelp from children's social care.\n\n",
    "",
).replace("- NHS - for health assessments of children in care", "- NHS")


@pytest.fixture
def notice(libraries, make_council, make_notice, published_block):  # noqa: F811
    return make_notice(council=make_council(name="Ashby Vale Council", slug="ashby-vale"))


@pytest.fixture
def editor(client, make_staff, notice):
    user = make_staff(notice.council, "editor")
    client.force_login(user)
    return user


def import_url(notice: Notice) -> str:
    return reverse("admin:notices_notice_import", args=[notice.pk])


def change_url(notice: Notice) -> str:
    return reverse("admin:notices_notice_change", args=[notice.pk])


def upload(content: bytes = MARKDOWN_NOTICE.encode(), name: str = "notice.md"):
    return SimpleUploadedFile(name, content, content_type="text/markdown")


def without_uploads(state: dict) -> dict:
    return {label: rows for label, rows in state.items() if label != "notices.ImportUpload"}


def choose_file(client, notice: Notice, content: bytes = MARKDOWN_NOTICE.encode()) -> str:
    """Posts the file on the upload page; returns the review screen's address."""
    response = client.post(import_url(notice), {"file": upload(content), "_preview": "Review"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def create_draft(client, review_url: str, **overrides):
    data = form_data(client.get(review_url).content.decode(), "create_draft_form")
    return client.post(review_url, data | {"replace_draft": "on"} | overrides)


def test_the_change_page_links_to_the_import(client, editor, notice):
    page = client.get(change_url(notice))
    assert import_url(notice) in page.content.decode()


def test_choosing_a_file_keeps_it_and_the_review_writes_nothing_to_the_draft(
    client, editor, notice
):
    before = database_state()
    review_url = choose_file(client, notice)
    [kept] = ImportUpload.objects.all()
    assert (kept.uploaded_by, kept.notice, kept.filename) == (editor, notice, "notice.md")
    assert str(kept.token) in review_url

    page = client.get(review_url)

    assert page.status_code == 200
    text = html.unescape(page.content.decode())
    assert "Nothing has been written yet" in text
    assert "The file, and where each piece went" in text
    assert "The draft it would make" in text
    assert "Section “Who we share it with” (Recipients)" in text
    assert "The DfE’s text, aligned to the shared block’s" in text
    assert "The title" in text
    assert "Data category: Hobbies and interests" in text  # a proposal, not in the draft
    assert "Create draft" in text
    # Library items and lawful bases by name, never by slug or code.
    assert "Article 6(1)(e): public task" in text
    assert "A6-1-e" not in text
    assert not re.search(r">\s*(police|health|nhs)\s*<", text)
    assert without_uploads(database_state()) == without_uploads(before)
    assert not LibraryProposal.objects.exists()


def test_create_draft_imports_the_kept_file_without_choosing_it_again(client, editor, notice):
    review_url = choose_file(client, notice)

    response = create_draft(client, review_url)

    assert response.status_code == 302
    assert response["Location"] == change_url(notice)
    notice.refresh_from_db()
    assert [s.heading for s in notice.sections.order_by("position")] == EXPECTED_SECTIONS
    assert not notice.versions.exists()
    assert not ImportUpload.objects.exists()  # imported once, then forgotten
    proposal = LibraryProposal.objects.get(name="Hobbies and interests")
    assert proposal.notice == notice
    assert proposal.library == LibraryProposal.Library.DATA_CATEGORY
    assert proposal.state == LibraryProposal.State.WAITING
    # The kept file is gone: the same review address now says so.
    assert client.get(review_url).status_code == 404


def test_the_imported_draft_saves_in_the_admin_form_exactly_as_created(client, editor, notice):
    review_url = choose_file(client, notice, TERSE_NOTICE.encode())
    assert create_draft(client, review_url).status_code == 302
    notice.refresh_from_db()
    assert notice.introduction == ""
    nhs = notice.recipients.get(recipient__slug="nhs")
    assert (nhs.frequency, nhs.purpose) == ("", "")
    rows = _rows(notice)

    page = client.get(change_url(notice)).content.decode()
    response = client.post(change_url(notice), form_data(page, "notice_form"))

    assert response.status_code == 302, re.findall(
        r'<ul class="errorlist[^"]*"[^>]*>.*?</ul>', response.content.decode(), re.S
    )
    assert _rows(notice) == rows
    checklist = html.unescape(client.get(change_url(notice)).content.decode())
    assert "No frequency is set for" in checklist and "NHS" in checklist
    assert "The draft has no introduction" in checklist


def _rows(notice: Notice) -> list:
    notice = Notice.objects.get(pk=notice.pk)
    return [
        (notice.title, notice.introduction, notice.young_people_summary),
        list(notice.sections.values("heading", "anchor", "ico_item", "body")),
        list(notice.data_categories.values("category_id", "detail")),
        list(notice.recipients.values("recipient_id", "purpose", "frequency")),
        list(notice.lawful_bases.values("provision", "schedule_1_condition")),
        list(notice.retention_periods.values("record_type", "years", "months", "trigger")),
    ]


def test_the_review_and_the_command_give_the_same_report(client, editor, notice, tmp_path):
    page = html.unescape(client.get(choose_file(client, notice)).content.decode())
    path = tmp_path / "notice.md"
    path.write_text(MARKDOWN_NOTICE, encoding="utf-8")
    out = StringIO()
    call_command(
        "import_notice", str(path), "--council", "ashby-vale", "--replace", "--dry-run", stdout=out
    )
    lines = out.getvalue().splitlines()
    for prefix in ("To complete: ", "To check: "):
        items = [line.removeprefix(prefix) for line in lines if line.startswith(prefix)]
        assert items
        assert all(item in page for item in items), prefix
    matched = [line.split(" -> ")[1] for line in lines if " -> " in line]
    assert matched and all(name in page for name in matched)
    assert "Police" in matched  # the library's name, not its slug


def test_create_draft_needs_the_box_ticked_and_keeps_the_file(client, editor, notice):
    review_url = choose_file(client, notice)
    before = database_state()
    response = create_draft(client, review_url, replace_draft="")
    assert response.status_code == 200
    assert "Tick this box to replace the draft" in response.content.decode()
    assert database_state() == before


def test_an_expired_upload_is_a_clear_404_and_writes_nothing(client, editor, notice):
    review_url = choose_file(client, notice)
    data = form_data(client.get(review_url).content.decode(), "create_draft_form")
    ImportUpload.objects.update(
        uploaded_at=ImportUpload.objects.get().uploaded_at - timedelta(hours=2)
    )
    before = database_state()

    page = client.get(review_url)
    response = client.post(review_url, data | {"replace_draft": "on"})

    for answer in (page, response):
        assert answer.status_code == 404
        assert "no longer kept" in answer.content.decode()
        assert 'id="import_form"' in answer.content.decode()  # where to upload it again
    assert database_state() == before


def test_someone_elses_upload_cannot_be_reviewed_or_imported(client, editor, notice, make_staff):
    review_url = choose_file(client, notice)
    client.force_login(make_staff(notice.council, "publisher"))
    before = database_state()
    assert client.get(review_url).status_code == 404
    response = client.post(review_url, {"replace_draft": "on", "opened_revision": "0"})
    assert response.status_code == 404
    assert "no longer kept" in response.content.decode()
    assert database_state() == before


@pytest.mark.parametrize("token", ["not-a-token", "00000000-0000-0000-0000-000000000000"])
def test_an_unknown_upload_id_is_a_clear_404(client, editor, notice, token):
    url = reverse("admin:notices_notice_import_review", args=[notice.pk, token])
    response = client.get(url)
    assert response.status_code == 404
    assert "no longer kept" in response.content.decode()


@pytest.mark.parametrize("revision", ["abc", "-1", ""])
def test_a_tampered_create_form_is_refused_and_writes_nothing(client, editor, notice, revision):
    review_url = choose_file(client, notice)
    before = database_state()
    response = create_draft(client, review_url, opened_revision=revision)
    assert response.status_code == 200
    assert "did not come back as it was sent" in response.content.decode()
    assert database_state() == before


def test_a_draft_saved_since_the_review_is_not_replaced_without_a_second_look(
    client, editor, notice
):
    review_url = choose_file(client, notice)
    data = form_data(client.get(review_url).content.decode(), "create_draft_form")
    Notice.objects.filter(pk=notice.pk).update(revision=notice.revision + 1)
    before = database_state()
    response = client.post(review_url, data | {"replace_draft": "on"})
    assert response.status_code == 200
    assert "saved" in response.content.decode()
    assert database_state() == before


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "notice.md", "The file is empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "photo.png", "image"),
        (b"x" * (MAX_IMPORT_BYTES + 1), "huge.txt", "the limit is"),
        (b"PK\x03\x04" + b"\x00" * 100, "notice.docx", "docx"),
    ],
    ids=["empty", "binary", "huge", "broken docx"],
)
def test_unusable_uploads_are_a_form_error_kept_nowhere(
    client, editor, notice, content, name, message
):
    before = database_state()
    response = client.post(import_url(notice), {"file": upload(content, name), "_preview": "R"})
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert database_state() == before


def test_staff_of_another_council_cannot_reach_the_import_or_a_review(
    client, editor, make_staff, make_council, notice
):
    review_url = choose_file(client, notice)
    client.force_login(make_staff(make_council(), "publisher"))
    before = database_state()
    assert client.get(import_url(notice)).status_code == 404
    assert client.post(import_url(notice), {"file": upload()}).status_code == 404
    assert client.get(review_url).status_code == 404
    assert (
        client.post(review_url, {"replace_draft": "on", "opened_revision": "0"}).status_code == 404
    )
    assert database_state() == before


def test_signed_out_visitors_are_sent_to_sign_in(client, notice):
    response = client.get(import_url(notice))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
