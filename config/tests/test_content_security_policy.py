"""The Content-Security-Policy allows no inline code, so no page may carry any: every public page
type and every admin page staff use is rendered, as a national admin and as a council editor,
and must have no inline script, no <style> element, no style or event attribute and no
javascript: link, and must carry the policy.

tests/e2e/test_content_security_policy.py checks the same pages in Chromium, scripts running.
"""

from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.defaults import server_error

from councils.models import Council
from councils.tokens import staff_link_tokens
from notices.importing.tests.test_drafting import MARKDOWN_NOTICE
from notices.models import Notice, SharedBlock
from tests.public_pages import demo_html_paths

pytestmark = pytest.mark.django_db

EXPECTED_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# <script> types that are data, not code: the browser never runs them, so CSP does not apply.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class _InlineCodeFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.external_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            if attributes.get("src"):
                self.external_scripts += 1
            elif (attributes.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
                self.problems.append(f"an inline <script> {self.getpos()}")
        if tag == "style":
            self.problems.append(f"a <style> element {self.getpos()}")
        for name, value in attrs:
            if name == "style":
                self.problems.append(f'style="{value}" on <{tag}> {self.getpos()}')
            elif name.startswith("on"):
                self.problems.append(f'an event attribute {name}="{value}" on <{tag}>')
            elif name in {"href", "src", "action", "formaction"} and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.problems.append(f'{name}="{value}" on <{tag}>')


def inline_code(html: str) -> _InlineCodeFinder:
    finder = _InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder


def parse_policy(header: str) -> dict[str, list[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def assert_page_is_free_of_inline_code(response, label: str) -> None:
    assert response.status_code < 500, (label, response.status_code)
    assert response["Content-Type"].startswith("text/html"), (label, response["Content-Type"])
    found = inline_code(response.content.decode())
    assert found.problems == [], label
    assert parse_policy(response["Content-Security-Policy"]) == EXPECTED_POLICY, label


# The inline-code finder itself, so a pass means something.


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<script type='module'>import './x.js'</script>",
        "<style>body { color: red }</style>",
        '<p style="color: red">Text</p>',
        '<img src="/x.png" onerror="alert(1)" alt="">',
        '<a href=" JavaScript:alert(1)">Link</a>',
    ],
)
def test_the_finder_reports_each_kind_of_inline_code(html):
    assert len(inline_code(f"<!doctype html><body>{html}</body>").problems) == 1


def test_the_finder_accepts_external_scripts_and_data_blocks():
    html = (
        '<script src="/static/js/site.js"></script>'
        '<script type="application/ld+json">{"@context": "https://w3id.org/dpv"}</script>'
        '<script id="data" type="application/json">{"a": 1}</script>'
    )
    found = inline_code(html)
    assert found.problems == []
    assert found.external_scripts == 1


# The pages.


def test_every_public_page_type_has_no_inline_code_and_carries_the_policy(client, demo):
    paths = demo_html_paths()
    assert len(paths) > 40
    for path in paths:
        assert_page_is_free_of_inline_code(client.get(path), path)


def test_the_error_page_for_a_server_error_has_no_inline_code():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert inline_code(response.content.decode()).problems == []


def test_the_page_for_a_refused_form_has_no_inline_code(demo):
    # Django's own page for a missing CSRF token has a <style> element; ours replaces it.
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "someone", "password": "x"})
    assert response.status_code == 403
    assert "could not be sent" in response.content.decode()
    assert_page_is_free_of_inline_code(response, "CSRF failure")


def _admin_object_pages(model, obj) -> Iterator[str]:
    opts = model._meta
    for name, args in [
        ("changelist", []),
        ("add", []),
        ("change", [obj.pk]),
        ("history", [obj.pk]),
        ("delete", [obj.pk]),
    ]:
        try:
            yield reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
        except NoReverseMatch:
            continue


def admin_paths() -> Iterator[str]:
    """Every registered model's pages (for its first object), and our own admin pages."""
    yield reverse("admin:index")
    yield reverse("admin:password_change")
    yield reverse("admin:password_change_done")
    for model in admin.site._registry:
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            yield from _admin_object_pages(model, obj)
    yield reverse("admin:notices_datacategory_add") + "?_popup=1&_to_field=id"
    yield reverse("admin:notices_notice_changelist") + "?q=harrowmere"
    notice = Notice.objects.filter(council__slug="harrowmere").get()
    for name, args in [
        ("preview", [notice.pk]),
        ("publish", [notice.pk]),
        ("versions", [notice.pk]),
        ("restore", [notice.pk, 1]),
        ("import", [notice.pk]),
    ]:
        yield reverse(f"admin:notices_notice_{name}", args=args)
    block = SharedBlock.objects.get(nation="england")
    yield reverse("admin:notices_sharedblock_publish", args=[block.pk])


def test_every_admin_page_has_no_inline_code_for_a_national_admin(client, demo, make_staff):
    client.force_login(make_staff(national=True))
    paths = list(admin_paths())
    assert len(paths) > 50
    for path in paths:
        assert_page_is_free_of_inline_code(client.get(path), path)


def test_every_admin_page_has_no_inline_code_for_a_council_editor(client, demo, make_staff):
    harrowmere = Council.objects.get(slug="harrowmere")
    client.force_login(make_staff(harrowmere, "editor"))
    checked = 0
    for path in admin_paths():
        response = client.get(path)
        # An editor is refused the national pages; the refusal is a page too.
        if response.status_code in {302, 403, 404}:
            continue
        assert_page_is_free_of_inline_code(response, path)
        checked += 1
    assert checked > 15


def test_the_import_report_and_form_errors_have_no_inline_code(client, demo, make_staff):
    notice = Notice.objects.filter(council__slug="harrowmere").get()
    client.force_login(make_staff(notice.council, "editor"))
    url = reverse("admin:notices_notice_import", args=[notice.pk])

    kept = client.post(
        url,
        {
            "file": SimpleUploadedFile("notice.md", MARKDOWN_NOTICE.encode()),
            "_preview": "Review",
        },
    )
    report = client.get(kept["Location"])
    refused = client.post(url, {"_preview": "Review"})

    assert "Nothing has been written yet" in report.content.decode()
    assert_page_is_free_of_inline_code(report, "import review")
    assert "errorlist" in refused.content.decode()
    assert_page_is_free_of_inline_code(refused, "import form with errors")


def test_the_sign_in_pages_have_no_inline_code(client, demo, make_staff, settings):
    settings.AXES_FAILURE_LIMIT = 2
    login = reverse("admin:login")
    assert_page_is_free_of_inline_code(client.get(login), "login")
    failed = client.post(login, {"username": "nobody", "password": "wrong"})
    assert_page_is_free_of_inline_code(failed, "failed login")
    locked = client.post(login, {"username": "nobody", "password": "wrong"})
    assert locked.status_code == 429
    assert_page_is_free_of_inline_code(locked, "lockout")

    unassigned = Client()
    unassigned.force_login(make_staff())
    assert_page_is_free_of_inline_code(unassigned.get(reverse("admin:index")), "no council")

    signed_in = Client()
    signed_in.force_login(make_staff(national=True))
    logged_out = signed_in.post(reverse("admin:logout"))
    assert_page_is_free_of_inline_code(logged_out, "logged out")


def test_the_set_password_pages_have_no_inline_code(client, make_staff):
    user = make_staff(national=True)
    link = reverse(
        "staff_set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": staff_link_tokens.make_token(user),
        },
    )
    form = client.get(link, follow=True)
    assert "new_password1" in form.content.decode()
    assert_page_is_free_of_inline_code(form, "set password")
    assert_page_is_free_of_inline_code(client.get("/staff/set-password/x/y/"), "bad link")
    assert_page_is_free_of_inline_code(
        client.get(reverse("staff_set_password_done")), "password set"
    )
