"""The review pages in Chromium: an editor submits the demo draft for review; the draft's page
says it is locked; a publisher reads the review and sends it back; the editor sees the comment.
No sideways scrolling and nothing axe-core finds wrong at 375 and 1280 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.conftest import RESULTS_DIR
from tests.e2e.pages import AdminLoginPage
from tests.e2e.test_public_pages import AXE_OPTIONS, describe
from tests.e2e.test_staff_admin import PASSWORD, staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check_at_widths(page: Page, name: str) -> None:
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} is {scroll_width} px wide at {width} px"
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, f"axe-core found violations at {width} px:\n{describe(violations)}"
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(RESULTS_DIR / f"{name}-{width}.png"), full_page=True)


def test_an_editor_submits_a_publisher_sends_back_and_the_editor_reads_the_comment(
    browser, live_server, demo_data
) -> None:
    from notices.models import Notice

    notice = Notice.objects.get(council__slug="harrowmere")
    Notice.objects.filter(pk=notice.pk).update(title=notice.title + " (revised)")
    staff("harrowmere", "editor", "editor@harrowmere.example")
    staff("harrowmere", "publisher", "publisher@harrowmere.example")
    base = f"{live_server.url}/admin/notices/notice/{notice.pk}"

    editor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    AdminLoginPage(editor, live_server.url).login("editor@harrowmere.example", PASSWORD)
    editor.goto(f"{base}/submit-for-review/")
    editor.get_by_role("button", name="Submit for review").click()
    expect(editor.locator("#error-summary")).to_contain_text("Write a message for the publisher")
    check_at_widths(editor, "review-submit-error")
    editor.get_by_label("Message for the publisher").fill("I added '(revised)' to the title.")
    editor.get_by_role("button", name="Submit for review").click()
    expect(editor.locator("#review-status")).to_contain_text("waiting for review")
    check_at_widths(editor, "review-locked-draft")

    publisher = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    AdminLoginPage(publisher, live_server.url).login("publisher@harrowmere.example", PASSWORD)
    publisher.goto(f"{base}/review/")
    expect(publisher.get_by_text("I added '(revised)' to the title.")).to_be_visible()
    check_at_widths(publisher, "review-decide")
    publisher.get_by_label("What should change").fill("Say what the revision changes.")
    publisher.get_by_role("button", name="Send back to the editor").click()
    expect(publisher.locator(".messagelist .success")).to_contain_text("Sent the draft back")

    editor.goto(f"{base}/change/")
    expect(editor.locator("#review-status")).to_contain_text("Say what the revision changes.")
    check_at_widths(editor, "review-sent-back")
