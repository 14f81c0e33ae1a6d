"""A council editor's first visit, in a real browser: set a password from the link `add_staff`
prints, sign in, see only their own council, read the ICO checklist, and find no way to publish.
Our own parts of the admin (the dashboard and the checklist) pass an axe-core scan."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.pages import AdminLoginPage
from tests.e2e.test_public_pages import AXE_OPTIONS, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-memorable-passphrase-42"


def scan(page: Page, selector: str) -> None:
    violations = (
        Axe().run(page, context={"include": [selector]}, options=AXE_OPTIONS).response["violations"]
    )
    assert not violations, f"axe-core found violations in {selector}:\n{describe(violations)}"


def test_a_new_editor_sets_a_password_and_sees_only_their_council(
    page: Page, live_server, demo_data
) -> None:
    from councils.staff import add_staff, password_set_link
    from notices.models import Notice

    result = add_staff(
        email="new.editor@harrowmere.example", council_slug="harrowmere", role="editor", by=None
    )
    link = password_set_link(user=result.user, base_url=live_server.url)

    page.goto(link)
    page.get_by_label("New password").fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    page.get_by_role("button", name="Set my password").click()
    expect(page.get_by_text("sign in", exact=False).first).to_be_visible()
    # The link worked once and never again.
    page.goto(link)
    expect(page.get_by_text("This link no longer works")).to_be_visible()

    AdminLoginPage(page, live_server.url).login("new.editor@harrowmere.example", PASSWORD)
    home = page.locator("#staff-home")
    expect(home).to_be_visible()
    expect(home.locator(".notice-card")).to_have_count(1)
    scan(page, "#staff-home")

    page.goto(f"{live_server.url}/admin/notices/notice/")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Harrowmere")

    own = Notice.objects.get(council__slug="harrowmere")
    other = Notice.objects.exclude(pk=own.pk).first()
    page.goto(f"{live_server.url}/admin/notices/notice/{own.pk}/change/")
    # A checklist that is all met is folded away; opening it shows every item.
    page.locator(".editor-checklist > summary", has_text="ICO checklist").click()
    expect(page.locator("#completeness")).to_be_visible()
    expect(page.locator("#completeness tbody tr")).to_have_count(17)
    scan(page, "#completeness")
    expect(page.get_by_role("link", name="Preview draft")).to_be_visible()
    expect(page.get_by_role("link", name="Publish…")).to_have_count(0)

    response = page.goto(f"{live_server.url}/admin/notices/notice/{other.pk}/change/")
    assert response is not None and response.status == 404
    response = page.goto(f"{live_server.url}/admin/notices/notice/{own.pk}/publish/")
    assert response is not None and response.status == 403
