"""The import review in Chromium: an editor chooses a file once, reads the review (the file beside
the draft on a wide screen, one under the other on a phone, with no sideways scrolling and nothing
axe-core finds wrong at 375 and 1280 px), then creates the draft from the kept file."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from notices.importing.tests.test_drafting import MARKDOWN_NOTICE
from tests.e2e.pages import AdminLoginPage
from tests.e2e.test_public_pages import AXE_OPTIONS, describe
from tests.e2e.test_staff_admin import PASSWORD, staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check_review(page: Page, width: int, screenshot) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.reload()
    expect(page.get_by_role("heading", name="The draft it would make")).to_be_visible()
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"the review is {scroll_width} px wide at {width} px"
    source, draft = (
        page.locator(".import-review__column").nth(index).bounding_box() for index in (0, 1)
    )
    if width < 960:
        assert draft["y"] >= source["y"] + source["height"], "the columns should stack"
    else:
        assert abs(draft["y"] - source["y"]) < 2, "the columns should sit side by side"
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"axe-core found violations at {width} px:\n{describe(violations)}"
    page.screenshot(path=str(screenshot / f"import-review-{width}.png"), full_page=True)


def test_an_editor_reviews_an_import_on_a_phone_and_a_desktop_then_creates_the_draft(
    page: Page, live_server, demo_data, tmp_path
) -> None:
    from notices.models import ImportUpload, Notice

    staff("harrowmere", "editor", "editor@harrowmere.example")
    notice = Notice.objects.get(council__slug="harrowmere")
    AdminLoginPage(page, live_server.url).login("editor@harrowmere.example", PASSWORD)
    page.goto(f"{live_server.url}/admin/notices/notice/{notice.pk}/import/")
    page.set_input_files(
        'input[name="file"]',
        files=[
            {"name": "notice.md", "mimeType": "text/markdown", "buffer": MARKDOWN_NOTICE.encode()}
        ],
    )
    page.get_by_role("button", name="Review the import (changes nothing)").click()
    expect(page.get_by_text("Nothing has been written yet.")).to_be_visible()

    for width in (1280, 375):
        check_review(page, width, tmp_path)

    page.get_by_label("Replace the draft with what the file says").check()
    page.get_by_role("button", name="Create draft").click()
    expect(page.locator(".messagelist .success")).to_contain_text(
        "Created the draft from notice.md"
    )
    assert not ImportUpload.objects.exists()
    assert "Who we share it with" in [
        s.heading for s in Notice.objects.get(pk=notice.pk).sections.all()
    ]


def test_the_proposals_queue_fits_a_phone_and_a_desktop_and_passes_axe(
    page: Page, live_server, demo_data, staff_page
) -> None:
    from notices.models import LibraryProposal, Notice

    LibraryProposal.objects.create(
        library=LibraryProposal.Library.RECIPIENT,
        name="Local charities",
        evidence="- Local charities and community groups that run holiday clubs",
        notice=Notice.objects.first(),
    )
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/admin/")
        expect(page.get_by_role("heading", name="Library proposals waiting (1)")).to_be_visible()
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"the home page is {scroll_width} px wide at {width} px"
        violations = (
            Axe()
            .run(page, context="#library-proposals", options=AXE_OPTIONS)
            .response["violations"]
        )
        assert not violations, f"axe-core at {width} px:\n{describe(violations)}"
