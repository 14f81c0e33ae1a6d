"""Request size limits: an oversized or malformed request is refused before its body is read,
and nothing is stored; the biggest real requests (a long notice's admin form, a 5 MB import)
still go through."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from config.middleware import RequestSizeLimitMiddleware
from config.tests.test_settings import load_settings
from notices.importing.reading import MAX_IMPORT_BYTES
from notices.importing.tests.test_drafting import MARKDOWN_NOTICE
from notices.models import (
    DataCategory,
    LawfulBasis,
    NoticeDataCategory,
    NoticeRecipient,
    Recipient,
    RetentionPeriod,
    Section,
)
from notices.testing.forms import form_data
from tests.database import database_state

pytestmark = pytest.mark.django_db

# Django's own limit on the number of fields, which the notice form must not depend on.
DJANGO_DEFAULT_MAX_FIELDS = 1_000


class UnreadableBody(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args) -> bytes:
        raise AssertionError("The request body was read.")

    readline = read


def test_the_default_limit_is_a_little_over_the_import_limit():
    assert MAX_IMPORT_BYTES < settings.MAX_REQUEST_BYTES <= MAX_IMPORT_BYTES + 2 * 1_048_576
    assert settings.MAX_REQUEST_BYTES >= settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_a_request_declaring_more_than_the_limit_is_refused_unread(client, make_council):
    make_council()
    before = database_state()

    response = client.generic(
        "POST",
        reverse("admin:login"),
        CONTENT_LENGTH=str(settings.MAX_REQUEST_BYTES + 1),
        CONTENT_TYPE="application/x-www-form-urlencoded",
        **{"wsgi.input": UnreadableBody()},
    )

    assert response.status_code == 413
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert "This request is too large: the limit is 6 MB." in body
    assert "5 MB or smaller" in body
    assert database_state() == before


def test_a_body_over_a_lowered_limit_is_refused_and_one_at_it_is_not(client, settings):
    settings.MAX_REQUEST_BYTES = 100

    login = reverse("admin:login")

    refused = client.post(login, data="x" * 101, content_type="text/plain")
    allowed = client.post(login, data="x" * 100, content_type="text/plain")

    assert refused.status_code == 413
    # The sign-in form again, saying what is missing: the request reached the view.
    assert allowed.status_code == 200
    assert "This field is required." in allowed.content.decode()


@pytest.mark.parametrize("declared", ["abc", "-1", "1e6", "12 34", "0x10", "١٢"])
def test_a_malformed_content_length_is_a_bad_request(client, declared):
    before = database_state()

    response = client.generic(
        "POST",
        reverse("admin:login"),
        CONTENT_LENGTH=declared,
        **{"wsgi.input": UnreadableBody()},
    )

    assert response.status_code == 400
    assert "Content-Length header is not a number" in response.content.decode()
    assert database_state() == before


def test_requests_without_a_body_pass(rf):
    reached = []

    def view(request):
        reached.append(request)
        return "response"

    middleware = RequestSizeLimitMiddleware(view)
    assert middleware(rf.get("/")) == "response"
    assert middleware(rf.get("/", CONTENT_LENGTH="")) == "response"
    assert len(reached) == 2


def test_too_many_fields_are_refused(client, make_staff, make_notice):
    notice = make_notice()
    client.force_login(make_staff(national=True))
    before = database_state()
    data = {f"field-{number}": "x" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    response = client.post(reverse("admin:notices_notice_change", args=[notice.pk]), data)

    assert response.status_code == 400
    assert database_state() == before


def test_more_than_one_file_is_refused(client, make_staff, make_notice, published_block):
    notice = make_notice()
    client.force_login(make_staff(notice.council, "editor"))
    before = database_state()
    files = [
        SimpleUploadedFile(name, MARKDOWN_NOTICE.encode(), content_type="text/markdown")
        for name in ("one.md", "two.md")
    ]

    response = client.post(
        reverse("admin:notices_notice_import", args=[notice.pk]),
        {"file": files, "replace_draft": "on", "_import": "Import"},
    )

    assert response.status_code == 400
    assert database_state() == before


def test_a_five_megabyte_import_still_goes_through_the_admin(
    client, make_staff, make_notice, published_block
):
    notice = make_notice()
    client.force_login(make_staff(notice.council, "editor"))
    padding = "\n\nA long paragraph about how we keep records. "
    content = (MARKDOWN_NOTICE + padding).encode()
    content += b"x" * (MAX_IMPORT_BYTES - len(content))
    assert len(content) == MAX_IMPORT_BYTES

    response = client.post(
        reverse("admin:notices_notice_import", args=[notice.pk]),
        {"file": SimpleUploadedFile("notice.md", content), "_preview": "Preview"},
    )

    # The request reaches the import, whose own cap on text (notices.importing.limits) answers.
    assert response.status_code == 200
    assert "characters long; the limit is 1,000,000" in response.content.decode()


def _fill_a_long_notice(notice) -> None:
    """60 sections and twenty rows in each of the notice's tables."""
    Section.objects.bulk_create(
        Section(
            notice=notice,
            position=100 + number,
            heading=f"Part {number} of a long notice",
            anchor=f"part-{number}",
            ico_item="purposes",
            body=f"What we do with information, part {number}.\n\n- a list\n- of points",
        )
        for number in range(60 - notice.sections.count())
    )
    for number in range(20):
        category = DataCategory.objects.create(name=f"Kind of data {number}", slug=f"kind-{number}")
        NoticeDataCategory.objects.create(notice=notice, category=category, detail="Some detail")
        recipient = Recipient.objects.create(
            name=f"Organisation {number}", slug=f"organisation-{number}", kind="other"
        )
        NoticeRecipient.objects.create(
            notice=notice,
            recipient=recipient,
            purpose="To work together for children",
            frequency=NoticeRecipient.Frequency.WHEN_NECESSARY,
        )
        LawfulBasis.objects.create(
            notice=notice,
            provision=LawfulBasis.Provision.A6_1_E,
            legislation="Children Act 1989",
            explanation=f"Our duties, part {number}",
        )
        RetentionPeriod.objects.create(
            notice=notice,
            record_type=f"Records of kind {number}",
            trigger=RetentionPeriod.Trigger.DATE_OF_BIRTH,
            years=25,
            source="Our records policy",
        )


def test_a_sixty_section_notice_with_every_table_full_still_saves(client, make_staff, make_notice):
    notice = make_notice()
    _fill_a_long_notice(notice)
    client.force_login(make_staff(notice.council, "editor"))
    url = reverse("admin:notices_notice_change", args=[notice.pk])
    data = form_data(client.get(url).content.decode(), "notice_form")
    data["sections-0-heading"] = "Why we use your information, reworded"

    response = client.post(url, data | {"_save": "Save"})

    assert response.status_code == 302, response.content.decode()[:2000]
    assert notice.sections.filter(heading="Why we use your information, reworded").exists()
    # The limit leaves room: the form posts more fields than Django's default would take, and
    # far fewer than ours.
    assert notice.sections.count() == 60
    fields = len(data) + 1
    assert DJANGO_DEFAULT_MAX_FIELDS < fields < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS // 2, fields


def test_the_request_limit_comes_from_the_environment():
    result = load_settings(
        {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_MAX_REQUEST_BYTES": "10485760"},
        "s.MAX_REQUEST_BYTES",
    )
    assert result.stdout.strip() == "10485760", result.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [("0", "must be a positive number"), ("-1", "must be a positive number"), ("6MB", "whole")],
)
def test_a_bad_request_limit_stops_the_site_starting(value, message):
    result = load_settings({"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_MAX_REQUEST_BYTES": value})
    assert result.returncode != 0
    assert "DJANGO_MAX_REQUEST_BYTES" in result.stderr
    assert message in result.stderr
