"""Staff edit notice sections in the admin with django-markdownx's live, sanitised preview."""

import pytest
from playwright.sync_api import Page, expect

from notices.models import Notice
from tests.e2e.pages import (
    AdminLoginPage,
    NoticeChangePage,
    PublicNoticePage,
    PublishNoticePage,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE_MARKDOWN = (
    "## Heading\n\n"
    "Some **bold** text <script>window.__xss = 1</script> "
    '<img src=x onerror="window.__xss=2"> [link](javascript:alert(1))'
)


def first_demo_notice() -> Notice:
    notice = Notice.objects.filter(sections__isnull=False).order_by("pk").first()
    assert notice is not None, "The demo data has no notice with sections."
    return notice


@pytest.fixture
def script_errors(staff_page: Page) -> list[str]:
    """Uncaught JavaScript errors on the staff page, collected as they happen."""
    errors: list[str] = []
    staff_page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.fixture
def change_page(staff_page: Page, live_server, demo_data, script_errors) -> NoticeChangePage:
    """A demo notice's admin page, open as staff, with script errors being recorded."""
    return NoticeChangePage(staff_page, live_server.url).open(first_demo_notice().pk)


def test_admin_section_editor_shows_live_sanitised_preview(
    staff_page: Page, change_page: NoticeChangePage, script_errors: list[str]
) -> None:
    change_page.section_body(0).fill(HOSTILE_MARKDOWN)

    preview = change_page.preview(0)
    expect(preview.locator("strong", has_text="bold")).to_have_count(1)
    expect(preview.locator("h3", has_text="Heading")).to_have_count(1)
    html = preview.inner_html()
    assert "<strong>bold</strong>" in html
    assert "<h2" not in html, html
    assert "<script" not in html.lower(), html
    assert "onerror" not in html.lower(), html
    assert "javascript:" not in html.lower(), html
    assert "<img" not in html.lower(), html
    assert staff_page.evaluate("typeof window.__xss") == "undefined"
    assert script_errors == []


def test_preview_works_in_a_section_added_with_add_another(
    change_page: NoticeChangePage, script_errors: list[str]
) -> None:
    initial_forms = change_page.total_forms

    index = change_page.add_section()

    assert index == initial_forms
    change_page.section_body(index).fill("A **new** section with _emphasis_.")
    preview = change_page.preview(index)
    expect(preview.locator("strong", has_text="new")).to_have_count(1)
    expect(preview.locator("em", has_text="emphasis")).to_have_count(1)
    # The editor wired on page load still previews: reloading markdownx's script left it alone.
    change_page.section_body(0).fill("Still **working**.")
    expect(change_page.preview(0).locator("strong", has_text="working")).to_have_count(1)
    assert script_errors == []


def test_an_edited_section_reaches_the_public_page_only_when_published(
    staff_page: Page, live_server, change_page: NoticeChangePage
) -> None:
    notice = first_demo_notice()
    council_slug = notice.council.slug
    first_section = notice.sections.order_by("position", "pk").first()
    new_heading = "How we use your information (edited in a browser test)"

    change_page.section_heading(0).fill(new_heading)
    change_page.save()
    public_page = PublicNoticePage(staff_page, live_server.url).open(council_slug)
    expect(public_page.contents_links.filter(has_text=new_heading)).to_have_count(0)

    PublishNoticePage(staff_page, live_server.url).open(notice.pk).publish(
        "Reworded a section heading", major=False
    )
    public_page.open(council_slug)
    contents_link = public_page.contents_links.filter(has_text=new_heading)
    expect(contents_link).to_have_count(1)
    # The anchor is kept when the heading changes, so saved links to the section keep working.
    expect(contents_link).to_have_attribute("href", f"#{first_section.anchor}")
    heading = public_page.heading(new_heading)
    expect(heading).to_be_visible()
    expect(heading).to_have_attribute("id", first_section.anchor)


def test_markdown_preview_endpoint_refuses_anonymous_visitors(page: Page, live_server) -> None:
    # A real CSRF token, so a 403 can only come from the view's own permission check.
    AdminLoginPage(page, live_server.url).open()
    csrf_token = next(
        cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "csrftoken"
    )

    response = page.request.post(
        f"{live_server.url}/markdownx/markdownify/",
        form={"content": "Some **bold** text"},
        headers={"X-CSRFToken": csrf_token, "Referer": f"{live_server.url}/admin/login/"},
    )

    body = response.text()
    assert response.status == 403, body
    assert "CSRF" not in body, "The request was refused by CSRF protection, not by the view."
    assert "Sign in as staff" in body
    assert "<strong>" not in body
