"""The alert pages in a browser: the form, its errors, "check your email", the confirm and
unsubscribe buttons and the privacy page pass an axe-core WCAG 2.2 AA scan at phone and desktop
widths, with a screenshot of each, and nothing scrolls sideways."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from notices.alerts import tokens
from notices.models import AlertSubscription
from tests.e2e.test_public_pages import (
    AXE_OPTIONS,
    HEIGHT,
    SCREENSHOTS_DIR,
    WIDTHS,
    describe,
    screenshot_name,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page: Page, name: str) -> list[str]:
    """Screenshots and an axe scan of the page as it is, at each width."""
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        shot = SCREENSHOTS_DIR / "alerts" / screenshot_name(name, width)
        page.screenshot(path=str(shot), full_page=True)
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            problems.append(f"{name} at {width}px:\n{describe(violations)}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.append(f"{name} at {width}px scrolls sideways by {overflow}px")
    return problems


def test_asking_for_alerts_in_a_browser(page: Page, live_server, make_council) -> None:
    council = make_council(name="Northshire Council")
    problems = []
    page.goto(f"{live_server.url}/alerts/councils/{council.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Get email alerts")
    problems += check(page, "subscribe")

    page.get_by_role("button", name="Send me a link").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose which notices you want alerts about")
    expect(summary).to_contain_text("Enter your email address")
    problems += check(page, "subscribe-errors")

    page.get_by_label("Northshire Council's privacy notice").check()
    page.get_by_label("Email address").fill("reader@example.org")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    problems += check(page, "check-your-email")

    subscription = AlertSubscription.objects.get()
    page.goto(f"{live_server.url}/alerts/confirm/{tokens.confirm_token(subscription)}/")
    problems += check(page, "confirm")
    page.get_by_role("button", name="Start my email alerts").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Your email alerts have started")
    problems += check(page, "confirmed")

    page.goto(f"{live_server.url}/alerts/unsubscribe/{tokens.unsubscribe_token(subscription)}/")
    problems += check(page, "unsubscribe")
    page.get_by_role("button", name="Stop my email alerts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You will get no more alerts")
    problems += check(page, "unsubscribed")
    assert AlertSubscription.objects.count() == 0

    page.goto(f"{live_server.url}/alerts/confirm/not-a-real-link/")
    problems += check(page, "bad-link")
    page.goto(f"{live_server.url}/privacy/")
    problems += check(page, "privacy")
    assert not problems, "\n".join(problems)
