import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from councils.models import Council
from notices.models import DataCategory, Notice, Recipient, Section, SharedBlock
from notices.testing.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_editor(make_staff, make_council) -> User:
    """An editor of a council: not a national admin."""
    return make_staff(make_council(), "editor")


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def notice_form(admin_client, notice: Notice) -> dict[str, str]:
    response = admin_client.get(change_url(notice))
    assert response.status_code == 200
    return form_data(response.content.decode(), "notice_form")


def snapshot(notice: Notice) -> list:
    return [
        list(Notice.objects.filter(pk=notice.pk).values()),
        list(notice.sections.values()),
        list(notice.data_categories.values()),
        list(notice.recipients.values()),
        list(notice.lawful_bases.values()),
        list(notice.retention_periods.values()),
    ]


@pytest.mark.parametrize(
    "model",
    [Council, Notice, DataCategory, Recipient, SharedBlock],
    ids=lambda model: model.__name__,
)
def test_admin_changelist_and_add_pages_open(admin_client, model):
    opts = model._meta
    assert (
        admin_client.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        ).status_code
        == 200
    )
    assert (
        admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code
        == 200
    )


def test_every_demo_object_change_page_opens(admin_client, demo):
    for model in [Council, Notice, DataCategory, Recipient, SharedBlock]:
        for obj in model.objects.all():
            assert admin_client.get(change_url(obj)).status_code == 200, obj


def test_notice_change_page_has_markdown_editors_with_live_preview(admin_client, make_notice):
    html = admin_client.get(change_url(make_notice())).content.decode()
    assert html.count('class="markdownx"') >= 4  # introduction, summary and two sections
    assert 'data-markdownx-urls-path="/markdownx/markdownify/"' in html
    assert "markdownx/js/markdownx" in html
    assert "js/admin-markdown-inlines.js" in html
    for prefix in [
        "sections",
        "data_categories",
        "recipients",
        "lawful_bases",
        "retention_periods",
    ]:
        assert f'name="{prefix}-TOTAL_FORMS"' in html


def test_saving_the_form_unchanged_keeps_every_row(admin_client, make_notice):
    notice = make_notice()
    before = snapshot(notice)
    response = admin_client.post(change_url(notice), notice_form(admin_client, notice))
    assert response.status_code == 302
    after = snapshot(notice)
    assert after[1:] == before[1:]


def test_staff_edit_to_a_section_is_saved(admin_client, make_notice):
    notice = make_notice()
    data = notice_form(admin_client, notice)
    data["sections-0-heading"] = "Why we keep your information"
    data["sections-0-body"] = "A **new** body."
    assert admin_client.post(change_url(notice), data).status_code == 302
    section = notice.sections.get(anchor="why-we-use-it")
    assert (section.heading, section.body) == ("Why we keep your information", "A **new** body.")


def test_hostile_markdown_is_stored_as_written_and_shown_sanitised(
    admin_client, client, make_notice
):
    notice = make_notice()
    data = notice_form(admin_client, notice)
    data["sections-0-body"] = "<script>alert(1)</script>[x](javascript:alert(2))"
    assert admin_client.post(change_url(notice), data).status_code == 302
    html = client.get(notice.get_absolute_url()).content.decode()
    assert "alert(" not in html


def add_section_rows(data: dict[str, str], rows: list[dict[str, str]]) -> None:
    start = int(data["sections-TOTAL_FORMS"])
    for offset, row in enumerate(rows):
        index = start + offset
        data |= {
            f"sections-{index}-notice": data.get("sections-0-notice", ""),
            f"sections-{index}-position": "10",
            f"sections-{index}-ico_item": "other",
            f"sections-{index}-heading": "",
            f"sections-{index}-anchor": "",
            f"sections-{index}-body": "Text",
        } | {f"sections-{index}-{key}": value for key, value in row.items()}
    data["sections-TOTAL_FORMS"] = str(start + len(rows))


def test_new_sections_with_the_same_heading_get_different_anchors(admin_client, make_notice):
    notice = make_notice()
    data = notice_form(admin_client, notice)
    add_section_rows(data, [{"heading": "Extra help"}, {"heading": "Extra help"}])
    assert admin_client.post(change_url(notice), data).status_code == 302
    anchors = sorted(notice.sections.filter(heading="Extra help").values_list("anchor", flat=True))
    assert anchors == ["extra-help", "extra-help-2"]


def test_new_section_heading_like_an_existing_anchor_gets_a_free_anchor(admin_client, make_notice):
    notice = make_notice()
    data = notice_form(admin_client, notice)
    add_section_rows(data, [{"heading": "Your rights"}])
    assert admin_client.post(change_url(notice), data).status_code == 302
    assert notice.sections.filter(anchor="your-rights-2").exists()


def assert_refused(admin_client, notice: Notice, data: dict[str, str], message: str) -> None:
    before = snapshot(notice)
    response = admin_client.post(change_url(notice), data)
    assert response.status_code == 200, "the form should be shown again with errors"
    assert message in response.content.decode()
    assert snapshot(notice) == before


# Each case: what a member of staff types into the notice form, and the error they should see.
BAD_NOTICE_FORM_INPUT = {
    "empty section heading": ({"sections-0-heading": "   "}, "This field is required."),
    "reserved anchor": ({"sections-0-anchor": "contents"}, "is used by the page itself"),
    "anchor with spaces": ({"sections-0-anchor": "our rights"}, "Enter a valid “slug”"),
    "negative retention period": (
        {"retention_periods-0-years": "-3"},
        "Ensure this value is greater than or equal to 0.",
    ),
    "zero retention period": (
        {"retention_periods-0-years": "0", "retention_periods-0-months": "0"},
        "Give a retention period longer than zero.",
    ),
    "twelve months": ({"retention_periods-0-months": "12"}, "less than or equal to 11"),
    "retention years that are not a number": (
        {"retention_periods-0-years": "seventy-five"},
        "Enter a whole number.",
    ),
    "unknown lawful basis": ({"lawful_bases-0-provision": "A6-1-z"}, "Select a valid choice."),
    "malformed review date": ({"review_due": "31/02/2026"}, "Enter a valid date."),
    "review due before the last review": (
        {"last_reviewed": "2026-06-01", "review_due": "2026-01-01"},
        "cannot be before the last review",
    ),
    "oversized section body": (
        {"sections-0-body": "x" * 50_001},
        "Ensure this value has at most 50000 characters",
    ),
    "unknown data category": ({"data_categories-0-category": "999999"}, "Select a valid choice."),
}


@pytest.mark.parametrize(
    ("edits", "message"), BAD_NOTICE_FORM_INPUT.values(), ids=BAD_NOTICE_FORM_INPUT.keys()
)
def test_bad_notice_form_input_is_a_form_error_and_changes_nothing(
    admin_client, make_notice, edits, message
):
    notice = make_notice()
    data = notice_form(admin_client, notice)
    # A valid change alongside the bad one: it must not be saved either.
    data["title"] = "A title change that must not be saved"
    assert_refused(admin_client, notice, data | edits, message)


def test_two_sections_given_the_same_anchor_is_a_form_error(admin_client, make_notice):
    notice = make_notice()
    data = notice_form(admin_client, notice)
    data["sections-1-anchor"] = data["sections-0-anchor"]
    assert_refused(admin_client, notice, data, "Please correct the duplicate data for anchor")


def test_inline_row_pointing_at_another_notices_section_changes_nothing(admin_client, make_notice):
    notice, other = make_notice(), make_notice()
    data = notice_form(admin_client, notice)
    data["sections-0-id"] = str(other.sections.first().pk)
    data["sections-0-heading"] = "Hijacked"
    before = snapshot(other)
    response = admin_client.post(change_url(notice), data)
    # Django's inline formset only looks rows up among this notice's own sections.
    assert response.status_code in {200, 302}
    assert snapshot(other) == before
    assert not Section.objects.filter(heading="Hijacked").exists()


def test_duplicate_council_slug_is_a_form_error(admin_client, make_council):
    make_council(slug="northshire")
    response = admin_client.post(
        reverse("admin:councils_council_add"),
        {"name": "New Northshire", "slug": "northshire", "kind": "county"},
    )
    assert response.status_code == 200
    assert "Council with this Slug already exists." in response.content.decode()
    assert Council.objects.filter(slug="northshire").count() == 1


def test_unknown_notice_id_in_the_admin_is_not_a_500(admin_client, db):
    response = admin_client.get(reverse("admin:notices_notice_change", args=[999999]))
    assert response.status_code == 404
    assert admin_client.get(reverse("admin:notices_notice_change", args=["abc"])).status_code == 404


def test_staff_can_read_but_not_change_the_shared_block(client, staff_editor, shared_block):
    client.force_login(staff_editor)
    url = change_url(shared_block)
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="title"' not in page.content.decode()  # read-only view
    before = list(SharedBlock.objects.values())
    response = client.post(
        url, {"title": "Changed by a council", "notice_kind": "childrens-social-care"}
    )
    assert response.status_code == 403
    assert list(SharedBlock.objects.values()) == before
    assert client.get(reverse("admin:notices_sharedblock_add")).status_code == 403


def test_superuser_can_change_the_shared_block(admin_client, shared_block):
    url = change_url(shared_block)
    data = form_data(admin_client.get(url).content.decode(), "sharedblock_form")
    data["title"] = "How the Department for Education uses children's data"
    data["parts-0-body"] = "Updated."
    assert admin_client.post(url, data).status_code == 302
    shared_block.refresh_from_db()
    assert shared_block.title == "How the Department for Education uses children's data"
    assert shared_block.parts.get().body == "Updated."
