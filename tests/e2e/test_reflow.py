"""Reflow (WCAG 2.2, 1.4.10): every kind of public page, at 320, 375 and 1280 px wide, has no
element wider than the window, and at 375 and 1280 px nothing of its content sits in a box that
scrolls sideways. (At 320 px a box that scrolls is allowed, as the success criterion allows for
content that needs two dimensions; the site's own tables turn into cards before that.)

Each finding names the element, so a failure says what to fix. Screenshots of each page at each
width are kept in test-results/reflow/ to look at."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 375, 1280)
NO_SCROLL_BOXES_FROM = 375
HEIGHT = 800
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "reflow"

# The biggest demo notice, whose tables are the widest.
NOTICE = "/councils/harrowmere/childrens-social-care/"
PAGES = {
    "index": ("/", 200),
    "council": ("/councils/harrowmere/", 200),
    "notice": (NOTICE, 200),
    "version": (f"{NOTICE}versions/1/", 200),
    "history": (f"{NOTICE}history/", 200),
    "compare versions": (f"{NOTICE}compare/1...2/", 200),
    "comparisons": ("/compare/", 200),
    "recipients": ("/compare/recipients/", 200),
    "data categories": ("/compare/data-categories/", 200),
    "retention": ("/compare/retention/", 200),
    "one recipient": ("/compare/recipients/police/", 200),
    "one kind of information": ("/compare/data-categories/personal-details/", 200),
    "one kind of record": ("/compare/retention/looked-after-case-records/", 200),
    "four councils side by side": (
        "/compare/recipients/?council=ashcombe-vale&council=brackendale&council=harrowmere"
        "&council=kestrelford",
        200,
    ),
    "retention side by side": (
        "/compare/retention/?council=harrowmere&council=kestrelford&council=merrowgate",
        200,
    ),
    "search": ("/search/?q=foster+carers", 200),
    "date view": (f"{NOTICE}?at-day=1&at-month=6&at-year=2026", 200),
    "date problem": (f"{NOTICE}?at-day=31&at-month=2&at-year=2025", 400),
    "developers": ("/developers/", 200),
    "accessibility": ("/accessibility/", 200),
    "not found": ("/councils/no-such-council/", 404),
}

# Elements sticking out past the window's right edge (or left of 0), and boxes whose content is
# wider than the box and which scroll sideways to show it. Visually hidden text (1 px, clipped)
# is not content on screen.
MEASURE = """(checkScrollBoxes) => {
    const width = document.documentElement.clientWidth;
    const describe = (element) => {
        const id = element.id ? `#${element.id}` : "";
        const classes = [...element.classList].slice(0, 2).map((c) => `.${c}`).join("");
        return `${element.tagName.toLowerCase()}${id}${classes}`;
    };
    const wide = [];
    const scrolling = [];
    const hidden = [];  // visually hidden boxes (1 px, clipped): nothing in them is on screen
    for (const element of document.body.querySelectorAll("*")) {
        const style = getComputedStyle(element);
        if (style.display === "none" || style.visibility === "hidden") continue;
        if (hidden.some((box) => box.contains(element))) continue;
        if (style.clipPath === "inset(50%)" || style.clip === "rect(0px, 0px, 0px, 0px)") {
            hidden.push(element);
            continue;
        }
        const box = element.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) continue;
        if (box.right > width + 1 || box.left < -1) {
            const span = `${Math.round(box.left)}..${Math.round(box.right)}`;
            wide.push(`${describe(element)} spans ${span}`);
        }
        if (checkScrollBoxes && ["auto", "scroll"].includes(style.overflowX)
                && element.scrollWidth > element.clientWidth + 1) {
            const by = element.scrollWidth - element.clientWidth;
            scrolling.push(`${describe(element)} scrolls ${by}px`);
        }
    }
    return {
        overflow: document.documentElement.scrollWidth - width,
        wide: wide.slice(0, 10),
        scrolling: scrolling.slice(0, 10),
    };
}"""


def screenshot_name(name: str, width: int) -> str:
    return re.sub(r"[^\w.-]+", "-", name) + f"-{width}.png"


@pytest.mark.parametrize(
    "name",
    list(PAGES),
)
def test_a_public_page_reflows_at_phone_and_laptop_widths(
    page: Page, live_server, demo_data, name: str
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path, status = PAGES[name]
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == status, (name, width)
        found = page.evaluate(MEASURE, width >= NO_SCROLL_BOXES_FROM)
        page.screenshot(path=str(SCREENSHOTS / screenshot_name(name, width)), full_page=True)
        if found["overflow"] > 0:
            problems.append(f"at {width}px the page scrolls sideways by {found['overflow']}px")
        problems += [f"at {width}px: {item}" for item in found["wide"] + found["scrolling"]]
    assert not problems, f"{name} ({path}):\n" + "\n".join(problems)
