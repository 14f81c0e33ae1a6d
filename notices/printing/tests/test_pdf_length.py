"""The demo's biggest notice fits on eight A4 pages, with nothing left out of the paper copy."""

import io
import re

import pytest
from pypdf import PdfReader

from councils.models import Council
from notices.models import NoticeVersion
from notices.printing.pdf import make_pdf

pytestmark = pytest.mark.django_db

MAX_PAGES = 8


def test_the_biggest_demo_notice_prints_on_at_most_eight_pages_with_every_detail_open(demo):
    notice = Council.objects.get(slug="harrowmere").notices.get()
    version = NoticeVersion.objects.filter(notice=notice).order_by("-number").first()
    reader = PdfReader(io.BytesIO(make_pdf(version)))
    assert len(reader.pages) <= MAX_PAGES
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    # What waits behind a Details on screen is on paper: a recipient's purpose, a category's
    # detail, the shared block's parts.
    for row in version.snapshot["recipients"] + version.snapshot["data_categories"]:
        name = row["name"]
        assert name in text, name
    assert "The National Pupil Database" in text
    assert "To arrange health assessments for looked-after children" in text
