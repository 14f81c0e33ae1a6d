"""Page objects for the browser tests: one class per page, named after what a person does there."""

from playwright.sync_api import Locator, Page, expect


class AdminLoginPage:
    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.url = f"{base_url}/admin/login/"

    def open(self) -> "AdminLoginPage":
        self.page.goto(self.url)
        return self

    def login(self, email: str, password: str) -> None:
        self.open()
        self.page.get_by_label("Email address").fill(email)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        # The admin index shows the signed-in user's tools; the login form never does.
        expect(self.page.locator("#user-tools")).to_be_visible()


class NoticeChangePage:
    """The admin change form of one notice, with its Markdown section inlines."""

    PREFIX = "sections"

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def open(self, notice_id: int) -> "NoticeChangePage":
        self.page.goto(f"{self.base_url}/admin/notices/notice/{notice_id}/change/")
        expect(self.page.locator("#sections-group")).to_be_visible()
        return self

    @property
    def total_forms(self) -> int:
        return int(self.page.locator(f'input[name="{self.PREFIX}-TOTAL_FORMS"]').input_value())

    def section_field(self, index: int, field: str) -> Locator:
        return self.page.locator(f'[name="{self.PREFIX}-{index}-{field}"]')

    def section_heading(self, index: int) -> Locator:
        return self.section_field(index, "heading")

    def section_body(self, index: int) -> Locator:
        """The django-markdownx textarea of the index-th section row."""
        return self.page.locator(f'textarea.markdownx-editor[name="{self.PREFIX}-{index}-body"]')

    def preview(self, index: int) -> Locator:
        """The live preview that django-markdownx keeps next to that textarea."""
        return self.page.locator(
            f'div.markdownx:has(> textarea[name="{self.PREFIX}-{index}-body"]) > .markdownx-preview'
        )

    def add_section(self) -> int:
        """Click the inline's "Add another Section" link; return the new row's form index."""
        index = self.total_forms
        self.page.locator("#sections-group").get_by_role(
            "button", name="Add another Section"
        ).click()
        expect(self.section_body(index)).to_be_visible()
        return index

    def save(self) -> None:
        self.page.locator('input[name="_save"]').click()
        expect(self.page.locator(".messagelist .success")).to_be_visible()


class PublishNoticePage:
    """The admin page that publishes a notice's saved draft."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def open(self, notice_id: int) -> "PublishNoticePage":
        self.page.goto(f"{self.base_url}/admin/notices/notice/{notice_id}/publish/")
        expect(self.page.get_by_label("Change note")).to_be_visible()
        return self

    def publish(self, change_note: str, *, major: bool) -> None:
        self.page.get_by_label("Change note").fill(change_note)
        self.page.get_by_label("Major:" if major else "Minor:").check()
        self.page.get_by_role("button", name="Publish").click()
        expect(self.page.locator(".messagelist .success")).to_contain_text("Published version")


class PublicNoticePage:
    """A council's public children's social care notice."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def open(self, council_slug: str, kind: str = "childrens-social-care") -> "PublicNoticePage":
        self.page.goto(f"{self.base_url}/councils/{council_slug}/{kind}/")
        expect(self.page.locator("h1")).to_be_visible()
        return self

    @property
    def contents_links(self) -> Locator:
        return self.page.locator("nav.app-contents a")

    def heading(self, text: str) -> Locator:
        return self.page.get_by_role("heading", level=2, name=text, exact=True)


class StaffHomePage:
    """The admin's front page: a council's notices, each as a card with its next actions."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def open(self) -> "StaffHomePage":
        self.page.goto(f"{self.base_url}/admin/")
        return self

    def card(self, council_name: str) -> Locator:
        return self.page.locator(".notice-card", has_text=council_name)

    def action(self, council_name: str, label: str) -> Locator:
        return self.card(council_name).get_by_role("link", name=label)
