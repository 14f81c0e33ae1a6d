"""Fixtures for the browser tests: headless Chromium driven by Playwright against live_server.

Every test here is marked `browser`. Without Chromium they are skipped with a message saying how
to install it, except in CI (CI=true or CI=1), where a missing Chromium fails them instead.
"""

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from tests.e2e.pages import AdminLoginPage

# Playwright's sync API runs an event loop in the test thread, which makes Django refuse ORM
# calls there ("You cannot call this from an async context") unless this is set.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results"
E2E_DIR = Path(__file__).resolve().parent

STAFF_USERNAME = "e2e-admin"
STAFF_EMAIL = "e2e-admin@example.test"
STAFF_PASSWORD = "e2e-admin-password-not-secret-9271"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if E2E_DIR in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    # Keep each phase's report on the item, so the page fixture knows at teardown if it failed.
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return str(CHROMIUM)
    if os.environ.get("CI", "").strip().lower() in {"true", "1"}:
        pytest.fail(
            f"Chromium is required in CI: apt-get install -y --no-install-recommends chromium "
            f"(looked for {CHROMIUM})",
            pytrace=False,
        )
    pytest.skip(
        f"Browser tests need Chromium at {CHROMIUM}. On Debian or Ubuntu install it with: "
        "sudo apt-get install -y --no-install-recommends chromium"
    )


@pytest.fixture(scope="session")
def playwright_instance(chromium_executable: str) -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright, chromium_executable: str) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_executable, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    failed = any(
        getattr(getattr(request.node, f"rep_{when}", None), "failed", False)
        for when in ("setup", "call")
    )
    if failed:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            page.screenshot(path=str(RESULTS_DIR / f"{name}.png"), full_page=True)
        except Exception as error:  # A lost screenshot must not hide the failure itself.
            print(f"Could not save a failure screenshot: {error}")
    context.close()


@pytest.fixture
def demo_data(transactional_db, live_server):
    """The demo councils, notices and shared block, in the database live_server serves."""
    from notices.demo.loading import load_demo_data

    return load_demo_data()


@pytest.fixture
def staff_user(transactional_db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(
        username=STAFF_USERNAME, email=STAFF_EMAIL, password=STAFF_PASSWORD
    )


@pytest.fixture
def staff_page(page: Page, live_server, staff_user) -> Page:
    """A page signed in through the real admin login form as a staff superuser."""
    AdminLoginPage(page, live_server.url).login(STAFF_EMAIL, STAFF_PASSWORD)
    return page
