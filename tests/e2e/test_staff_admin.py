"""The staff admin as its people use it, in Chromium: an editor signs in, finds the notice,
changes a section, previews and saves; a publisher reviews the comparison and the checklist and
publishes; a section is edited and reordered with the keyboard alone. Every page fits a 1280 px
screen without sideways scrolling and axe-core finds nothing wrong with it."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.pages import AdminLoginPage, StaffHomePage
from tests.e2e.test_public_pages import AXE_OPTIONS, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-memorable-passphrase-42"


def check_page(page: Page) -> None:
    """No sideways scrolling at 1280 px, and no axe-core violations on the whole page."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280, f"{page.url} is {width} px wide"
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"axe-core found violations on {page.url}:\n{describe(violations)}"


def staff(council_slug: str, role: str, email: str):
    from django.contrib.auth.models import User

    from councils.models import Council
    from councils.staff import set_council_role

    user = User.objects.create_user(email, email=email, password=PASSWORD)
    set_council_role(user=user, council=Council.objects.get(slug=council_slug), role=role, by=None)
    return user


def test_an_editor_changes_a_section_previews_and_saves(page: Page, live_server, demo_data) -> None:
    from notices.models import Notice, Section

    staff("harrowmere", "editor", "editor@harrowmere.example")
    section = Notice.objects.get(council__slug="harrowmere").sections.order_by("position")[2]
    AdminLoginPage(page, live_server.url).login("Editor@Harrowmere.example", PASSWORD)
    home = StaffHomePage(page, live_server.url)
    expect(home.card("Harrowmere")).to_contain_text("Published and up to date")
    check_page(page)

    home.action("Harrowmere", "Edit").click()
    expect(page.locator("#editor-parts")).to_be_visible()
    check_page(page)
    page.locator("#editor-parts").get_by_role("link", name=section.heading).click()
    heading = page.locator(f'input[name$="-heading"][value="{section.heading}"]')
    body = page.locator(
        f'textarea[name="{heading.get_attribute("name").replace("heading", "body")}"]'
    )
    body.fill(body.input_value() + "\n\nYou can also ask us by text message.")
    # The save bar stays on screen wherever the person has scrolled to.
    expect(page.locator('input[name="_save"]')).to_be_in_viewport()
    page.locator('input[name="_continue"]').click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert "by text message" in Section.objects.get(pk=section.pk).body

    page.get_by_role("link", name="Preview draft").click()
    expect(page.get_by_text("You can also ask us by text message.")).to_be_visible()
    page.go_back()

    # An editor cannot publish, and is told who can.
    page.goto(page.url.replace("/change/", "/publish/"))
    expect(page.get_by_text("Only a publisher of Harrowmere")).to_be_visible()
    check_page(page)


def test_a_publisher_reviews_the_changes_and_the_checklist_then_publishes(
    page: Page, live_server, demo_data
) -> None:
    from notices.models import Notice, NoticeVersion

    staff("kestrelford", "publisher", "publisher@kestrelford.example")
    notice = Notice.objects.get(council__slug="kestrelford")
    before = NoticeVersion.objects.filter(notice=notice).count()
    AdminLoginPage(page, live_server.url).login("publisher@kestrelford.example", PASSWORD)
    home = StaffHomePage(page, live_server.url)
    expect(home.card("Kestrelford")).to_contain_text("Draft waiting to be published")
    home.action("Kestrelford", "Publish").click()

    changes = page.locator("#step-changes")
    expect(changes).to_contain_text("Changed")
    expect(page.locator("#completeness")).to_contain_text("Met")
    check_page(page)
    # The comparison and the checklist come before the button.
    publish = page.get_by_role("button", name="Publish")
    assert changes.bounding_box()["y"] < publish.bounding_box()["y"]

    publish.click()
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    expect(page.locator("#error-summary")).to_be_focused()
    assert page.title().startswith("Error:")
    check_page(page)

    page.get_by_label("Change note").fill("We now review records every two years.")
    page.get_by_label("Minor:").check()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Published version")
    assert NoticeVersion.objects.filter(notice=notice).count() == before + 1

    page.goto(f"{live_server.url}/admin/notices/notice/{notice.pk}/import/")
    check_page(page)


def test_a_national_admin_sees_the_dashboard(page: Page, live_server, demo_data) -> None:
    from django.contrib.auth.models import User

    from councils.staff import make_national_admin

    user = User.objects.create_user(
        "national@example.test", email="national@example.test", password=PASSWORD
    )
    make_national_admin(user=user, by=None)
    AdminLoginPage(page, live_server.url).login("national@example.test", PASSWORD)
    expect(page.locator("#dashboard")).to_be_visible()
    check_page(page)


def tab_to(page: Page, test: str, limit: int = 400, key: str = "Tab") -> None:
    """Press Tab (or `key`) until the focused element passes `test` (JavaScript taking `el`)."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"(el => {test})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {test}")


def test_a_section_is_edited_and_reordered_with_the_keyboard_alone(
    page: Page, live_server, demo_data
) -> None:
    from notices.models import Notice

    staff("brackendale", "editor", "editor@brackendale.example")
    notice = Notice.objects.get(council__slug="brackendale")
    sections = list(notice.sections.order_by("position", "pk"))
    AdminLoginPage(page, live_server.url).login("editor@brackendale.example", PASSWORD)
    page.goto(f"{live_server.url}/admin/notices/notice/{notice.pk}/change/")

    # From the parts list to the second section, then into its heading.
    tab_to(
        page, f"el.textContent.trim() === {sections[1].heading!r} && !!el.closest('#editor-parts')"
    )
    page.keyboard.press("Enter")
    tab_to(page, "el.name === 'sections-1-heading'")
    page.keyboard.press("Control+A")
    page.keyboard.type("What we keep, and why")
    # Back to its Move up button, just above the heading, to put it first.
    tab_to(
        page,
        "el.classList.contains('row-order__button') && el.dataset.direction === 'up' "
        "&& !!el.closest('#sections-1')",
        key="Shift+Tab",
    )
    page.keyboard.press("Enter")
    expect(page.locator("#row-order-status")).to_contain_text("is now number 1")
    # In the heading, Enter sends the form with its first button, Save.
    tab_to(page, "el.name === 'sections-1-heading'")
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist .success")).to_be_visible()

    first, second = list(notice.sections.order_by("position", "pk"))[:2]
    assert first.pk == sections[1].pk and first.heading == "What we keep, and why"
    assert second.pk == sections[0].pk
