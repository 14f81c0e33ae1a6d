"""Issue 15.C: what an import would write meets the model's own validators first (lengths,
choices), through the function, the admin's preview and import, and the command; a section body
over 50,000 characters is refused naming the section, and nothing is written."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from notices.importing.drafting import ImportRefused
from notices.importing.tests.test_drafting import run_import
from notices.importing.validation import content_problems
from notices.models import Notice
from notices.testing.hostile_imports import text_with_long_section
from tests.database import database_state

pytestmark = pytest.mark.django_db

LONG_SECTION = (
    'The section "How we keep your information" is 126,000 characters long; the limit is 50,000.'
)


@pytest.fixture
def council(make_council, published_block):
    return make_council(name="Ashby Vale Council", slug="ashby-vale")


def test_a_body_over_the_limit_is_refused_naming_its_section(council):
    before = database_state()
    for dry_run in (True, False):
        with pytest.raises(ImportRefused) as refused:
            run_import(council, text_with_long_section(), filename="notice.md", dry_run=dry_run)
        assert LONG_SECTION in str(refused.value)
        assert "Nothing was written." in str(refused.value)
    assert database_state() == before


def test_a_body_at_the_limit_is_imported(council):
    report = run_import(council, text_with_long_section(50_000), filename="notice.md")
    section = report.notice.sections.get(heading="How we keep your information")
    assert len(section.body) == 50_000


def test_the_admin_preview_and_import_refuse_it_as_a_form_error(client, make_staff, council):
    notice = Notice.objects.create(council=council, title="Children's social care privacy notice")
    client.force_login(make_staff(council, "publisher"))
    url = reverse("admin:notices_notice_import", args=[notice.pk])
    before = database_state()
    for button in ({"_preview": "Preview"}, {"_import": "Import", "replace_draft": "on"}):
        upload = SimpleUploadedFile("notice.md", text_with_long_section(), "text/markdown")
        response = client.post(url, {"file": upload, **button})
        assert response.status_code == 200
        assert LONG_SECTION.replace('"', "&quot;") in response.content.decode()
    assert database_state() == before


def test_the_command_refuses_it(council, tmp_path):
    path = tmp_path / "notice.md"
    path.write_bytes(text_with_long_section())
    before = database_state()
    with pytest.raises(CommandError, match="126,000 characters long; the limit is 50,000"):
        call_command("import_notice", str(path), "--council", "ashby-vale")
    assert database_state() == before


def snapshot_content(**changes) -> dict:
    content = {
        "notice": {"title": "Notice", "introduction": "", "young_people_summary": ""},
        "sections": [
            {"heading": "Who we are", "anchor": "who", "ico_item": "other", "body": "Us."}
        ],
        "data_categories": [],
        "recipients": [{"slug": "police", "name": "Police", "purpose": "", "frequency": "often"}],
        "lawful_bases": [],
        "retention_periods": [],
    }
    content.update(changes)
    return content


def test_choices_and_lengths_are_checked_with_the_row_named():
    content = snapshot_content(
        lawful_bases=[
            {
                "provision": "6(1)(z)",
                "schedule_1_condition": "",
                "legislation": "",
                "explanation": "x" * 5_001,
            }
        ]
    )
    problems = content_problems(content)
    assert problems == [
        "The recipient \"Police\", frequency: Value 'often' is not a valid choice.",
        "The lawful basis \"6(1)(z)\", provision: Value '6(1)(z)' is not a valid choice.",
        'The lawful basis "6(1)(z)": its explanation is 5,001 characters long; the limit is '
        "5,000. Split it with more headings, or shorten it, and import again.",
    ]


def test_content_that_fits_has_no_problems():
    content = snapshot_content()
    content["recipients"][0]["frequency"] = "routinely"
    assert content_problems(content) == []
