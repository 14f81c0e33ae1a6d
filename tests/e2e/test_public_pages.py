"""The public pages pass an axe-core WCAG 2.2 AA scan and work from the keyboard."""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db.models import Count
from playwright.sync_api import Page, expect

from notices.models import Notice
from tests.e2e.pages import PublicNoticePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS_DIR = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}
WIDTHS = (375, 1280)
HEIGHT = 900


def public_paths() -> dict[str, str]:
    # The demo notice with the longest history, so the version and compare pages have content.
    notice = (
        Notice.objects.select_related("council")
        .annotate(version_count=Count("versions"))
        .order_by("-version_count", "pk")
        .first()
    )
    assert notice is not None and notice.version_count >= 3, "The demo data has no history."
    base = notice.get_absolute_url()
    return {
        "index": "/",
        "council": notice.council.get_absolute_url(),
        "notice": base,
        "history": f"{base}history/",
        "old-version": f"{base}versions/1/",
        "compare": f"{base}compare/1...{notice.version_count}/",
        "not-found": "/councils/no-such-council/",
    }


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation.get('impact')}): {violation['help']}")
        lines.append(f"  {violation.get('helpUrl', '')}")
        for node in violation["nodes"]:
            lines.append(f"  - {node['target']}: {node['html'][:200]}")
    return "\n".join(lines)


@pytest.mark.parametrize(
    "name", ["index", "council", "notice", "history", "old-version", "compare", "not-found"]
)
def test_public_page_has_no_accessibility_violations(
    page: Page, live_server, demo_data, name: str
) -> None:
    url = live_server.url + public_paths()[name]
    response = page.goto(url)
    assert response is not None
    assert response.status == (404 if name == "not-found" else 200)

    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    violations_by_width = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        page.screenshot(path=str(SCREENSHOTS_DIR / f"{name}-{width}.png"), full_page=True)
        results = Axe().run(page, options=AXE_OPTIONS)
        violations_by_width[width] = results.response["violations"]

    report = "\n".join(
        f"At {width}px wide:\n{describe(violations)}"
        for width, violations in violations_by_width.items()
        if violations
    )
    assert not report, f"axe-core found accessibility violations on {url}:\n{report}"


def test_notice_page_can_be_navigated_by_keyboard(page: Page, live_server, demo_data) -> None:
    council_slug = Notice.objects.select_related("council").order_by("pk").first().council.slug
    notice_page = PublicNoticePage(page, live_server.url).open(council_slug)

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main-content$"))
    expect(page.locator("#main-content")).to_be_focused()

    first_link = notice_page.contents_links.first
    anchor = first_link.get_attribute("href")
    assert anchor and anchor.startswith("#"), anchor
    for _ in range(10):
        page.keyboard.press("Tab")
        if first_link.evaluate("link => link === document.activeElement"):
            break
    expect(first_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(anchor) + "$"))
    expect(page.locator(anchor)).to_be_in_viewport()


def test_the_accessibility_scan_catches_a_broken_page(page: Page) -> None:
    """Zero violations elsewhere only means something if the scanner finds these."""
    page.set_content(
        "<!doctype html><html><head><title>Broken</title></head><body>"
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<input type="text">'
        '<p style="color:#bbb;background:#fff">Pale text</p>'
        "</body></html>"
    )
    found = {
        violation["id"] for violation in Axe().run(page, options=AXE_OPTIONS).response["violations"]
    }
    assert {"image-alt", "label", "color-contrast", "html-has-lang"} <= found
