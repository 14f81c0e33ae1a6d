"""In Chromium, with scripts running, no page breaks the Content-Security-Policy: the public pages,
and the admin as staff use it (signing in, the notice form with its Markdown previews, an added
section, an autocomplete, saving, publishing, importing). The browser reports every violation as
a `securitypolicyviolation` event and a console message; both are collected and must be empty,
and the pages must still work. Permissions-Policy errors in the console fail the test too.

config/tests/test_content_security_policy.py checks the HTML of many more pages without a browser.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page, expect

from notices.importing.tests.test_drafting import MARKDOWN_NOTICE
from notices.models import Notice
from tests.e2e.conftest import STAFF_PASSWORD, STAFF_USERNAME
from tests.e2e.pages import AdminLoginPage, NoticeChangePage, PublishNoticePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Added by the browser to every page before the page's own scripts: it is not part of the page,
# so the page's policy does not apply to it. It passes each violation to the test.
VIOLATION_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportPolicyViolation({
    page: location.pathname + location.search,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile}:${event.lineNumber}`,
  });
}, true);
"""

# What Chromium writes to the console about these headers.
CONSOLE_MARKERS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")
# Features Chromium supports on other systems but not on Linux, which it reports as unknown there:
# denied all the same for the browsers that have them (config/middleware.py).
NOT_ON_LINUX = {
    f"Error with Permissions-Policy header: Unrecognized feature: '{feature}'."
    for feature in ("bluetooth", "web-share")
}


@dataclass
class PolicyWatch:
    page: Page
    violations: list[dict] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def settle(self) -> None:
        """Let events the page has queued reach the test."""
        self.page.wait_for_timeout(300)

    def assert_clean(self) -> None:
        self.settle()
        assert self.violations == [], self.violations
        assert self.console == [], self.console


@pytest.fixture
def watch(page: Page) -> Iterator[PolicyWatch]:
    policy_watch = PolicyWatch(page)

    def on_violation(violation: dict) -> None:
        policy_watch.violations.append(violation)

    def on_console(message) -> None:
        if message.text in NOT_ON_LINUX:
            return
        if any(marker in message.text for marker in CONSOLE_MARKERS):
            policy_watch.console.append(f"{page.url}: {message.text}")

    page.expose_function("reportPolicyViolation", on_violation)
    page.add_init_script(VIOLATION_LISTENER)
    page.on("console", on_console)
    yield policy_watch


def open_page(page: Page, url: str, status: int = 200) -> None:
    response = page.goto(url)
    assert response is not None and response.status == status, url
    assert "default-src 'self'" in response.headers["content-security-policy"]


def first_notice_with_versions() -> Notice:
    notice = Notice.objects.filter(versions__isnull=False).order_by("pk").distinct().first()
    assert notice is not None, "The demo data has no published notice."
    return notice


def test_the_watch_reports_inline_code_the_policy_blocks(
    page: Page, live_server, watch: PolicyWatch
) -> None:
    """The listener really hears violations, so an empty list means something."""
    open_page(page, f"{live_server.url}/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.inlineRan = true";
            document.body.append(script);
            document.body.setAttribute("style", "outline: 1px solid red");
        }"""
    )
    for _ in range(20):
        if len(watch.violations) >= 2:
            break
        watch.settle()

    directives = {violation["directive"] for violation in watch.violations}
    assert {"script-src-elem", "style-src-attr"} <= directives, watch.violations
    assert any("Content Security Policy" in line for line in watch.console), watch.console
    assert page.evaluate("window.inlineRan") is None


def test_public_pages_run_within_the_policy(page: Page, live_server, demo_data, watch) -> None:
    notice = first_notice_with_versions()
    base = notice.get_absolute_url()
    latest = notice.versions.count()
    paths = [
        "/",
        "/?q=council&kind=county",
        notice.council.get_absolute_url(),
        base,
        f"{base}history/",
        f"{base}versions/1/",
        f"{base}compare/1...{latest}/",
        "/compare/",
        "/compare/recipients/",
        "/compare/retention/",
        "/search/?q=foster+carers",
        "/accessibility/",
    ]
    for path in paths:
        open_page(page, live_server.url + path)
        # The site's module script ran: it starts GOV.UK Frontend and marks the body.
        expect(page.locator("body.govuk-frontend-supported")).to_have_count(1)
    open_page(page, f"{live_server.url}/councils/no-such-council/", status=404)

    # On a phone the menu button works: GOV.UK Frontend's script is running.
    page.set_viewport_size({"width": 375, "height": 800})
    open_page(page, f"{live_server.url}/")
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    watch.assert_clean()


def test_the_admin_works_within_the_policy(
    page: Page, live_server, demo_data, staff_user, watch
) -> None:
    notice = first_notice_with_versions()
    AdminLoginPage(page, live_server.url).login(STAFF_USERNAME, STAFF_PASSWORD)
    expect(page.locator("#dashboard")).to_be_visible()

    # The notice form: a Markdown editor previews as staff type, in a section added with
    # "Add another" too, and an autocomplete asks the server for choices.
    change_page = NoticeChangePage(page, live_server.url).open(notice.pk)
    change_page.section_body(0).fill("Checked in a browser: **bold** and _emphasis_.")
    expect(change_page.preview(0).locator("strong", has_text="bold")).to_have_count(1)
    index = change_page.add_section()
    change_page.section_body(index).fill("A **new** section.")
    expect(change_page.preview(index).locator("strong", has_text="new")).to_have_count(1)
    page.locator("#data_categories-group .select2-selection").first.click()
    expect(page.locator(".select2-results__option").first).to_be_visible()
    page.keyboard.press("Escape")
    change_page.section_heading(index).fill("A section added in a browser test")
    # Its position is set by the editor's script, from where it stands on screen.
    change_page.section_field(index, "ico_item").select_option(label="Other")
    change_page.save()

    PublishNoticePage(page, live_server.url).open(notice.pk).publish(
        "Checked the admin under the security policy", major=False
    )

    page.goto(f"{live_server.url}/admin/notices/notice/{notice.pk}/import/")
    page.set_input_files(
        'input[name="file"]',
        files=[
            {"name": "notice.md", "mimeType": "text/markdown", "buffer": MARKDOWN_NOTICE.encode()}
        ],
    )
    page.get_by_role("button", name="Review the import (changes nothing)").click()
    expect(page.get_by_role("heading", name="The draft it would make")).to_be_visible()

    for path in [
        f"/admin/notices/notice/{notice.pk}/versions/",
        f"/admin/notices/notice/{notice.pk}/preview/",
        "/admin/notices/notice/",
        "/admin/notices/sharedblock/",
        "/admin/auth/user/",
        "/admin/password_change/",
    ]:
        open_page(page, live_server.url + path)
    watch.assert_clean()
