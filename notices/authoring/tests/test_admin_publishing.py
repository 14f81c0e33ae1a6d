"""The staff side of publishing: publish, preview, restore, edit conflicts, read-only versions."""

import pytest
from django.urls import reverse

from notices.models import Notice, NoticeVersion, Section, SharedBlockVersion
from notices.testing.forms import form_data

pytestmark = pytest.mark.django_db


def admin_url(name: str, *args) -> str:
    return reverse(f"admin:notices_{name}", args=args)


def publish_through_admin(client, notice: Notice, note: str, kind: str = "major"):
    page = client.get(admin_url("notice_publish", notice.pk))
    assert page.status_code == 200
    data = form_data(page.content.decode(), "publish_form")
    data.update(change_note=note, change_kind=kind)
    return client.post(admin_url("notice_publish", notice.pk), data)


def test_publishing_from_the_admin_creates_one_version(admin_client, admin_user, make_notice):
    notice = make_notice()
    response = publish_through_admin(admin_client, notice, "First publication")
    assert response.status_code == 302
    version = NoticeVersion.objects.get()
    assert (version.number, version.change_note, version.is_major) == (1, "First publication", True)
    assert version.published_by == admin_user
    assert admin_client.get(notice.get_absolute_url()).status_code == 200


def test_the_publish_page_shows_what_changed_since_the_published_version(
    admin_client, make_notice, publish
):
    notice = make_notice()
    publish(notice)
    Section.objects.filter(notice=notice, anchor="your-rights").update(
        body="You can ask for a copy of your whole record."
    )
    html = admin_client.get(admin_url("notice_publish", notice.pk)).content.decode()
    assert "Check what publishing changes" in html
    assert "whole" in html and "<ins" in html


def test_the_publish_page_puts_the_comparison_and_checklist_before_the_button(
    admin_client, make_notice, publish
):
    notice = make_notice()
    publish(notice)
    Section.objects.filter(notice=notice, anchor="your-rights").update(body="Changed words.")
    html = admin_client.get(admin_url("notice_publish", notice.pk)).content.decode()
    order = [
        html.index('id="step-changes"'),
        html.index('id="completeness"'),
        html.index('name="change_note"'),
        html.index('name="change_kind"'),
        html.index('value="Publish"'),
    ]
    assert order == sorted(order)
    assert "A major change is announced in the notice's feed" in html


def test_publishing_an_unchanged_draft_shows_the_refusal_on_the_form(
    admin_client, make_notice, publish
):
    notice = make_notice()
    publish(notice)
    response = publish_through_admin(admin_client, notice, "Again", kind="minor")
    assert response.status_code == 200
    assert "same as version 1" in response.content.decode()
    assert NoticeVersion.objects.count() == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"change_note": ""},
        {"change_kind": "enormous"},
        {"opened_revision": "not a number"},
        {"opened_revision": "-1"},
        {"change_note": "x" * 5000},
    ],
)
def test_bad_publish_input_is_a_form_error_and_publishes_nothing(
    admin_client, make_notice, publish, changes
):
    notice = make_notice()
    publish(notice)
    Section.objects.filter(notice=notice).update(body="Changed")
    page = admin_client.get(admin_url("notice_publish", notice.pk)).content.decode()
    data = form_data(page, "publish_form") | {"change_note": "ok", "change_kind": "major"}
    response = admin_client.post(admin_url("notice_publish", notice.pk), data | changes)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert NoticeVersion.objects.count() == 1


def test_publishing_a_draft_someone_saved_meanwhile_is_refused(admin_client, make_notice):
    notice = make_notice()
    page = admin_client.get(admin_url("notice_publish", notice.pk)).content.decode()
    data = form_data(page, "publish_form") | {"change_note": "First"}
    Notice.objects.filter(pk=notice.pk).update(revision=notice.revision + 1)
    response = admin_client.post(admin_url("notice_publish", notice.pk), data)
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    assert not NoticeVersion.objects.exists()


def test_editors_may_preview_but_not_publish(client, make_staff, make_notice, publish):
    notice = make_notice()
    publish(notice)
    client.force_login(make_staff(notice.council, "editor"))
    assert client.get(admin_url("notice_publish", notice.pk)).status_code == 403
    assert (
        client.post(admin_url("notice_publish", notice.pk), {"change_note": "x"}).status_code == 403
    )
    assert client.get(admin_url("notice_preview", notice.pk)).status_code == 200
    change_page = client.get(admin_url("notice_change", notice.pk)).content.decode()
    assert "Publish…" not in change_page
    assert NoticeVersion.objects.count() == 1


def test_the_public_cannot_reach_the_staff_pages(client, make_notice):
    notice = make_notice()
    for name, args in [
        ("notice_preview", [notice.pk]),
        ("notice_publish", [notice.pk]),
        ("notice_versions", [notice.pk]),
        ("notice_restore", [notice.pk, 1]),
    ]:
        response = client.get(admin_url(name, *args))
        assert response.status_code == 302 and "/login/" in response["Location"], name


@pytest.mark.parametrize("notice_id", ["999999", "abc", "1%00"])
def test_staff_pages_for_unknown_notices_are_404(admin_client, notice_id):
    for name in ("notice_preview", "notice_publish", "notice_versions"):
        path = f"/admin/notices/notice/{notice_id}/{name.removeprefix('notice_')}/"
        assert admin_client.get(path).status_code == 404, (name, notice_id)


def test_the_draft_preview_shows_the_unpublished_draft_as_the_public_would_see_it(
    admin_client, make_notice, published_block
):
    notice = make_notice()
    Section.objects.filter(notice=notice, anchor="your-rights").update(body="Draft words only")
    response = admin_client.get(admin_url("notice_preview", notice.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Draft preview: not published" in html
    assert "Draft words only" in html
    assert '<h2 class="govuk-heading-m" id="your-rights">Your rights</h2>' in html
    assert "The National Pupil Database" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"


# Edit conflicts --------------------------------------------------------------------------------


def change_url(notice: Notice) -> str:
    return admin_url("notice_change", notice.pk)


def test_the_second_of_two_concurrent_saves_is_refused_and_keeps_both_texts(
    client, admin_client, make_notice, django_user_model
):
    notice = make_notice()
    first = django_user_model.objects.create_superuser(
        "first", password="first-password-123", first_name="Fran", last_name="First"
    )
    client.force_login(first)
    # Both open the draft.
    first_form = form_data(client.get(change_url(notice)).content.decode(), "notice_form")
    second_form = form_data(admin_client.get(change_url(notice)).content.decode(), "notice_form")
    # The first saves.
    first_form["title"] = "Title saved by the first person"
    assert client.post(change_url(notice), first_form).status_code == 302
    # The second saves over it.
    second_form["title"] = "Title typed by the second person"
    second_form["sections-0-body"] = "Body typed by the second person"
    response = admin_client.post(change_url(notice), second_form)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Fran First saved this draft at" in html
    assert "Title typed by the second person" in html, "the second person's input stays"
    assert "Body typed by the second person" in html
    notice.refresh_from_db()
    assert notice.title == "Title saved by the first person", "the first person's save stays"
    assert notice.updated_by == first

    # Saving again, knowingly, replaces it.
    again = form_data(html, "notice_form")
    assert admin_client.post(change_url(notice), again).status_code == 302
    notice.refresh_from_db()
    assert notice.title == "Title typed by the second person"


def test_a_save_without_the_opened_revision_is_refused(admin_client, make_notice):
    notice = make_notice()
    data = form_data(admin_client.get(change_url(notice)).content.decode(), "notice_form")
    del data["opened_revision"]
    data["title"] = "Changed"
    response = admin_client.post(change_url(notice), data)
    assert response.status_code == 200
    notice.refresh_from_db()
    assert notice.title != "Changed"


def test_each_save_records_who_saved_and_bumps_the_revision(admin_client, admin_user, make_notice):
    notice = make_notice()
    data = form_data(admin_client.get(change_url(notice)).content.decode(), "notice_form")
    assert admin_client.post(change_url(notice), data).status_code == 302
    notice.refresh_from_db()
    assert notice.revision == 1 and notice.updated_by == admin_user


# Restore ---------------------------------------------------------------------------------------


def test_restoring_copies_a_version_into_the_draft_and_publishes_nothing(
    admin_client, make_notice, publish
):
    notice = make_notice()
    publish(notice)
    notice.title = "A new title"
    notice.save()
    # Every section replaced by one under a new anchor (a notice without them cannot be
    # published), so restoring has to remove sections as well as bring them back.
    for section in Section.objects.filter(notice=notice):
        section.anchor = f"new-{section.anchor}"
        section.save()
    publish(notice, "Replaced every section")

    page = admin_client.get(admin_url("notice_restore", notice.pk, 1))
    assert page.status_code == 200
    assert "How the draft will change" in page.content.decode()
    data = form_data(page.content.decode(), "restore_form")
    response = admin_client.post(admin_url("notice_restore", notice.pk, 1), data)

    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.title == "Children's social care privacy notice"
    assert list(notice.sections.values_list("anchor", flat=True)) == [
        "why-we-use-it",
        "your-rights",
        "where-we-get-it",
        "do-you-have-to-tell-us",
        "sending-it-abroad",
        "decisions-by-computer",
    ]
    assert notice.recipients.count() == 1 and notice.retention_periods.count() == 1
    assert NoticeVersion.objects.filter(notice=notice).count() == 2
    assert NoticeVersion.objects.get(notice=notice, number=2).title == "A new title"


def test_restoring_an_unknown_version_is_404(admin_client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    assert admin_client.get(admin_url("notice_restore", notice.pk, 7)).status_code == 404


def test_the_versions_page_lists_versions_with_restore_links(admin_client, make_notice, publish):
    notice = make_notice()
    publish(notice, "The very first")
    html = admin_client.get(admin_url("notice_versions", notice.pk)).content.decode()
    assert "The very first" in html
    assert admin_url("notice_restore", notice.pk, 1) in html


# Versions are read-only in the admin -------------------------------------------------------


def test_versions_cannot_be_changed_or_deleted_in_the_admin(
    admin_client, make_notice, published_block, publish
):
    version = publish(make_notice())
    block_version = SharedBlockVersion.objects.get()
    for obj in (version, block_version):
        name = obj._meta.model_name
        change = admin_client.get(admin_url(f"{name}_change", obj.pk))
        assert change.status_code == 200
        assert (
            'type="submit"' not in change.content.decode() or "Save" not in change.content.decode()
        )
        post = admin_client.post(admin_url(f"{name}_change", obj.pk), {"change_note": "Rewritten"})
        assert post.status_code == 403
        assert (
            admin_client.post(admin_url(f"{name}_delete", obj.pk), {"post": "yes"}).status_code
            == 403
        )
        assert admin_client.get(admin_url(f"{name}_add")).status_code == 403
    assert NoticeVersion.objects.get().change_note == "Published"


def test_deleting_a_published_notice_in_the_admin_is_refused(admin_client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    response = admin_client.post(admin_url("notice_delete", notice.pk), {"post": "yes"})
    assert response.status_code == 200
    assert Notice.objects.filter(pk=notice.pk).exists()
    assert NoticeVersion.objects.count() == 1


# The shared block --------------------------------------------------------------------------


def test_publishing_the_shared_block_from_the_admin_cascades(
    admin_client, make_notice, published_block, publish
):
    notice = make_notice()
    publish(notice)
    published_block.title = "A retitled block"
    published_block.save()
    page = admin_client.get(admin_url("sharedblock_publish", published_block.pk))
    assert page.status_code == 200
    data = form_data(page.content.decode(), "publish_form") | {
        "change_note": "Retitled",
        "change_kind": "minor",
    }
    response = admin_client.post(admin_url("sharedblock_publish", published_block.pk), data)
    assert response.status_code == 302
    latest = NoticeVersion.objects.filter(notice=notice).order_by("-number").first()
    assert latest.number == 2 and not latest.is_major and "Retitled" in latest.change_note


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_council_staff_cannot_publish_the_block(
    client, make_staff, make_notice, published_block, role
):
    client.force_login(make_staff(make_notice().council, role))
    url = admin_url("sharedblock_publish", published_block.pk)
    assert client.get(url).status_code == 403
    assert client.post(url, {"change_note": "x", "change_kind": "major"}).status_code == 403
    assert SharedBlockVersion.objects.count() == 1


def test_restoring_reports_library_items_that_have_since_left_the_library(
    admin_client, make_notice, publish
):
    from notices.models import DataCategory, NoticeDataCategory

    notice = make_notice()
    publish(notice)
    # Another category takes health's place: a notice listing none cannot be published.
    personal, _ = DataCategory.objects.get_or_create(
        slug="personal-details", defaults={"name": "Personal details"}
    )
    NoticeDataCategory.objects.create(notice=notice, category=personal)
    NoticeDataCategory.objects.filter(notice=notice, category__slug="health").delete()
    DataCategory.objects.filter(slug="health").delete()
    publish(notice, "Stopped recording health")

    page = admin_client.get(admin_url("notice_restore", notice.pk, 1)).content.decode()
    response = admin_client.post(
        admin_url("notice_restore", notice.pk, 1), form_data(page, "restore_form"), follow=True
    )
    html = response.content.decode()
    assert "Not restored: The data category" in html and "Health" in html
    assert notice.data_categories.count() == 0
    assert notice.recipients.count() == 1, "everything else is restored"
