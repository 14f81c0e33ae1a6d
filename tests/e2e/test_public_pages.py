"""Every kind of public page, for every demo council, passes an axe-core WCAG 2.2 AA scan at phone
and desktop widths (with a screenshot of each); a notice works from the keyboard alone and prints
cleanly with its version and date."""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db.models import Count
from playwright.sync_api import Page, expect

from councils.models import Council
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
# GOV.UK Frontend's focus colour: what a keyboard user sees on the focused link.
FOCUS_YELLOW = "rgb(255, 221, 0)"

PAGE_TYPES = [
    "index",
    "index-filtered",
    "council",
    "council-without-notice",
    "notice",
    "history",
    "version",
    "compare",
    "comparisons",
    "compare-recipients",
    "compare-recipients-one-item",
    "compare-data-categories",
    "compare-retention",
    "compare-retention-one-item",
    "compare-councils-side-by-side",
    "compare-councils-problem",
    "notice-on-a-date-problem",
    "search",
    "search-results",
    "accessibility-statement",
    "developers",
    "not-found",
]


def paths_of(page_type: str) -> list[str]:
    """The addresses of one kind of page: for pages about a council, one per demo council."""
    notices = list(
        Notice.objects.select_related("council")
        .annotate(version_count=Count("versions"))
        .filter(version_count__gt=0)
        .order_by("council__name")
    )
    assert len(notices) >= 3, "The demo data has too few published notices."
    per_notice = {
        "council": lambda n: n.council.get_absolute_url(),
        "notice": lambda n: n.get_absolute_url(),
        "history": lambda n: f"{n.get_absolute_url()}history/",
        "version": lambda n: f"{n.get_absolute_url()}versions/1/",
        "compare": lambda n: f"{n.get_absolute_url()}compare/1...{n.version_count}/",
    }
    if page_type in per_notice:
        return [per_notice[page_type](notice) for notice in notices]
    if page_type == "council-without-notice":
        council = Council.objects.create(
            name="Newly Joined Council", slug="newly-joined", kind="unitary"
        )
        return [council.get_absolute_url()]
    return [
        {
            "index": "/",
            "index-filtered": "/?q=council&kind=county",
            "comparisons": "/compare/",
            "compare-recipients": "/compare/recipients/",
            "compare-recipients-one-item": "/compare/recipients/police/",
            "compare-data-categories": "/compare/data-categories/",
            "compare-retention": "/compare/retention/",
            "compare-retention-one-item": "/compare/retention/looked-after-case-records/",
            "compare-councils-side-by-side": "/compare/retention/?council=harrowmere"
            "&council=kestrelford&council=merrowgate&council=ashcombe-vale",
            "compare-councils-problem": "/compare/retention/?council=no-such-council",
            "notice-on-a-date-problem": "/councils/harrowmere/childrens-social-care/"
            "?at-day=31&at-month=2&at-year=2025",
            "search": "/search/",
            "search-results": "/search/?q=foster+carers",
            "accessibility-statement": "/accessibility/",
            "developers": "/developers/",
            "not-found": "/councils/no-such-council/",
        }[page_type]
    ]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation.get('impact')}): {violation['help']}")
        lines.append(f"  {violation.get('helpUrl', '')}")
        for node in violation["nodes"]:
            lines.append(f"  - {node['target']}: {node['html'][:200]}")
    return "\n".join(lines)


def screenshot_name(path: str, width: int) -> str:
    return re.sub(r"[^\w.-]+", "_", path.strip("/") or "index") + f"-{width}.png"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_public_page_has_no_accessibility_violations(
    page: Page, live_server, demo_data, page_type: str
) -> None:
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    reports = []
    for path in paths_of(page_type):
        url = live_server.url + path
        response = page.goto(url)
        assert response is not None
        expected = {"not-found": 404, "compare-councils-problem": 400}
        expected["notice-on-a-date-problem"] = 400
        assert response.status == expected.get(page_type, 200), url
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": HEIGHT})
            screenshot = SCREENSHOTS_DIR / page_type / screenshot_name(path, width)
            page.screenshot(path=str(screenshot), full_page=True)
            assert screenshot.stat().st_size > 0
            violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
            if violations:
                reports.append(f"{path} at {width}px wide:\n{describe(violations)}")
            # Nothing may stick out sideways on a phone: wide tables scroll in their own region.
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                reports.append(f"{path} at {width}px wide scrolls sideways by {overflow}px")
    assert not reports, "axe-core found problems:\n" + "\n".join(reports)


def is_focus_visible(page: Page) -> bool:
    """GOV.UK Frontend shows focus as a yellow background with a black underline."""
    style = page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return {background: style.backgroundColor, outline: style.outlineStyle};
        }"""
    )
    return style["background"] == FOCUS_YELLOW or style["outline"] != "none"


def test_notice_page_can_be_navigated_by_keyboard(page: Page, live_server, demo_data) -> None:
    council_slug = Notice.objects.select_related("council").order_by("pk").first().council.slug
    notice_page = PublicNoticePage(page, live_server.url).open(council_slug)

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    assert is_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main-content$"))
    expect(page.locator("#main-content")).to_be_focused()

    # From the top of the content, the contents list comes before any section's links.
    first_link = notice_page.contents_links.first
    anchor = first_link.get_attribute("href")
    assert anchor and anchor.startswith("#"), anchor
    for _ in range(15):
        page.keyboard.press("Tab")
        assert is_focus_visible(page), page.evaluate("document.activeElement.outerHTML")
        if first_link.evaluate("link => link === document.activeElement"):
            break
    expect(first_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(anchor) + "$"))
    expect(page.locator(anchor)).to_be_in_viewport()

    # Every contents entry leads to a heading on the page.
    for href in notice_page.contents_links.evaluate_all("links => links.map(l => l.hash)"):
        expect(page.locator(href)).to_have_count(1)

    # A back-to-top link returns to the top of the page.
    back = page.get_by_role("link", name="Back to top").first
    back.focus()
    assert is_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#top$"))
    expect(page.locator(".govuk-generic-header")).to_be_in_viewport()


def test_notice_prints_without_navigation_and_with_its_version(
    page: Page, live_server, demo_data
) -> None:
    notice = Notice.objects.select_related("council").order_by("pk").first()
    PublicNoticePage(page, live_server.url).open(notice.council.slug)
    latest = notice.versions.order_by("-number").first()

    page.emulate_media(media="print")

    for hidden in [
        ".govuk-skip-link",
        ".govuk-service-navigation",
        ".govuk-breadcrumbs",
        ".govuk-footer",
        ".app-back-to-top",
    ]:
        locator = page.locator(hidden)
        assert locator.count() > 0, hidden
        for index in range(locator.count()):
            expect(locator.nth(index)).to_be_hidden()
    expect(page.locator(".app-notice-meta")).to_contain_text(
        f"Version {latest.number}, published {latest.published_at:%-d %B %Y}"
    )
    expect(page.locator(".app-print-only")).to_be_visible()
    expect(page.locator(".app-print-only")).to_contain_text(notice.get_absolute_url())
    # Every part of the notice is on paper: the tables, the shared block and the contacts.
    for heading in ["#summary", "#data-categories", "#retention", "#shared-block", "#contact"]:
        expect(page.locator(heading)).to_be_visible()
    # Details closed on screen are open on paper.
    for text in page.locator(".app-notice details .govuk-details__text").all():
        expect(text).to_be_visible()

    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(path=str(SCREENSHOTS_DIR / "notice-print.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")

    # On screen again, the navigation is back and the print-only line is not shown.
    page.emulate_media(media="screen")
    expect(page.locator(".govuk-service-navigation")).to_be_visible()
    expect(page.locator(".app-print-only")).to_be_hidden()


def test_the_accessibility_scan_catches_a_broken_page(page: Page) -> None:
    """Zero violations elsewhere only means something if the scanner finds these."""
    page.set_content(
        "<!doctype html><html><head><title>Broken</title></head><body>"
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<input type="text">'
        '<p style="color:#bbb;background:#fff">Pale text</p>'
        '<table><tr><td>No caption</td></tr></table><a href="#"></a>'
        "</body></html>"
    )
    found = {
        violation["id"] for violation in Axe().run(page, options=AXE_OPTIONS).response["violations"]
    }
    assert {"image-alt", "label", "color-contrast", "html-has-lang", "link-name"} <= found


def test_the_accessibility_scan_catches_a_broken_notice_page(
    page: Page, live_server, demo_data
) -> None:
    """The same scan on a real notice page, broken on purpose, fails: so a clean result on the
    real pages comes from the pages, not from a scan that never looked."""
    PublicNoticePage(page, live_server.url).open(
        Notice.objects.select_related("council").order_by("pk").first().council.slug
    )
    page.evaluate(
        """() => {
            document.documentElement.removeAttribute("lang");
            document.querySelector(".app-contents a").textContent = "";
            document.querySelector(".app-notice-meta").style.color = "#c8c8c8";
        }"""
    )
    found = {
        violation["id"] for violation in Axe().run(page, options=AXE_OPTIONS).response["violations"]
    }
    assert {"html-has-lang", "link-name", "color-contrast"} <= found


def test_pages_work_without_javascript(browser, live_server, demo_data) -> None:
    """With scripts off, the menu is a plain list of links and the forms still work."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        menu = page.get_by_role("navigation", name="Menu")
        expect(menu.get_by_role("link", name="Search notices")).to_be_visible()
        expect(page.get_by_role("button", name="Menu")).to_be_hidden()

        page.get_by_label("Council name").fill("harrowmere")
        page.get_by_role("button", name="Find councils").click()
        expect(page).to_have_url(re.compile(r"\?q=harrowmere"))
        page.get_by_role("link", name=re.compile(r"privacy notice for Harrowmere")).click()
        expect(page.locator("h1")).to_be_visible()
        expect(page.locator("#summary")).to_be_visible()

        page.goto(live_server.url + "/search/")
        page.get_by_role("searchbox").fill("foster carers")
        page.get_by_role("button", name="Search").click()
        expect(page.locator("main mark").first).to_be_visible()
    finally:
        context.close()
