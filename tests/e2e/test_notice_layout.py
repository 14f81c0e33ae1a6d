"""The notice page as a family sees it on a phone and a laptop: short enough to read, tables
that fit, nothing scrolling sideways (WCAG 2.2, 1.4.10 reflow)."""

import pytest
from playwright.sync_api import Browser

from notices.models import Notice

LAPTOP = {"width": 1280, "height": 800}
MAX_LAPTOP_SCREENS = 10
WIDTHS = (320, 375, 1280)
# The widest element's right edge, measured against the viewport.
OVERFLOW = """() => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .filter(e => !e.closest('.govuk-visually-hidden'))
    .map(e => e.tagName + '.' + e.className)"""


def notice_paths(live_server) -> list[str]:
    notice = Notice.objects.select_related("council").get(council__slug="harrowmere")
    base = f"{live_server.url}/councils/harrowmere/{notice.kind}"
    return [f"{base}/", f"{base}/history/", f"{base}/versions/1/"]


def test_the_biggest_demo_notice_is_at_most_ten_laptop_screens(
    browser: Browser, live_server, demo_data
) -> None:
    page = browser.new_page(viewport=LAPTOP)
    page.goto(notice_paths(live_server)[0])
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height / LAPTOP["height"] <= MAX_LAPTOP_SCREENS, height
    assert page.locator("nav.app-contents a").count() <= 12
    page.close()


@pytest.mark.parametrize("media", ["screen", "print"])
def test_notice_history_and_version_pages_never_scroll_sideways(
    browser: Browser, live_server, demo_data, media
) -> None:
    for width in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.emulate_media(media=media)
        notice, history, version = notice_paths(live_server)
        # The history's own table is another page's (it scrolls in its box on screen).
        for path in (notice, history, version) if media == "screen" else (notice, version):
            page.goto(path)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, width)
        # The notice's own parts fit whole: no table cut off inside a sideways-scrolling box.
        for path in (notice, version):
            page.goto(path)
            assert page.evaluate(OVERFLOW) == [], (path, width)
        page.close()


def test_tables_are_summary_cards_on_a_phone_and_full_width_on_a_laptop(
    browser: Browser, live_server, demo_data
) -> None:
    phone = browser.new_page(viewport={"width": 375, "height": 800})
    phone.goto(notice_paths(live_server)[0])
    row = phone.locator("table[aria-labelledby=retention] tbody tr").first
    assert row.evaluate("e => getComputedStyle(e).display") == "block"
    cell = row.locator("td").first
    label = cell.locator(".app-card-table__label")
    assert label.is_visible() and label.inner_text() == "Kept for"
    phone.close()

    laptop = browser.new_page(viewport=LAPTOP)
    laptop.goto(notice_paths(live_server)[0])
    table = laptop.locator("table[aria-labelledby=retention]")
    prose = laptop.locator(".app-notice-section .app-prose p").first
    assert table.bounding_box()["width"] > prose.bounding_box()["width"] + 150
    # Long lists: names first, the detail on demand; everything is in the page's HTML.
    details = laptop.locator("#recipients ~ .app-details-list details")
    assert details.count() >= 7
    assert details.first.get_attribute("open") is None
    assert not details.first.locator(".govuk-details__text").is_visible()
    details.first.locator("summary").click()
    assert details.first.locator(".govuk-details__text").is_visible()
    laptop.close()
