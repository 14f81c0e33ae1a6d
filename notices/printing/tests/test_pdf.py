"""Every published version's PDF: made once when it is published (or by make_version_pdfs for
older ones), kept with its hash, never changed, and readable: pypdf finds the version number,
date and permanent link on every page, every section heading, and the PDF/UA tagging."""

import hashlib
import io
import re
from io import StringIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from notices.models import ImmutableVersionError, NoticeVersion, NoticeVersionPdf
from notices.printing.pdf import permanent_link
from notices.publishing.history import long_date

pytestmark = pytest.mark.django_db

KIND = "childrens-social-care"


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_readable(version: NoticeVersion, content: bytes) -> None:
    reader = PdfReader(io.BytesIO(content))
    label = f"Version {version.number}, published {long_date(version.published_at)}"
    link = permanent_link(version)
    pages = [page.extract_text() for page in reader.pages]
    for number, text in enumerate(pages, start=1):
        assert label in words(text), (version, number)
        assert link in re.sub(r"\s+", "", text), (version, number)
        assert f"Page {number} of {len(pages)}" in words(text)
    everything = words(" ".join(pages))
    for section in version.snapshot["sections"]:
        assert words(section["heading"]) in everything, (version, section["heading"])
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "en-GB"
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()


@pytest.fixture
def published_with_pdf(
    make_notice, published_block, publish, django_capture_on_commit_callbacks, settings
):
    settings.PDF_ON_PUBLISH = True
    notice = make_notice()
    with django_capture_on_commit_callbacks(execute=True):
        publish(notice, "First published")
    return NoticeVersion.objects.select_related("notice__council").get(notice=notice)


def test_publishing_makes_the_pdf_once_with_its_hash(published_with_pdf):
    pdf = NoticeVersionPdf.objects.get(version=published_with_pdf)
    content = bytes(pdf.content)
    assert pdf.sha256 == hashlib.sha256(content).hexdigest()
    assert pdf.made_with.startswith("WeasyPrint ")
    assert_readable(published_with_pdf, content)
    with pytest.raises(ImmutableVersionError):
        pdf.save()
    with pytest.raises(ImmutableVersionError):
        pdf.delete()
    out = StringIO()
    call_command("make_version_pdfs", stdout=out)
    assert "Made 0 of 0" in out.getvalue()
    assert bytes(NoticeVersionPdf.objects.get(version=published_with_pdf).content) == content


def test_the_version_page_links_to_its_pdf_which_is_served_as_made(client, published_with_pdf):
    slug = published_with_pdf.notice.council.slug
    page = client.get(f"/councils/{slug}/{KIND}/versions/1/").content.decode()
    assert f"/councils/{slug}/{KIND}/versions/1.pdf" in page
    response = client.get(f"/councils/{slug}/{KIND}/versions/1.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "immutable" in response["Cache-Control"]
    stored = NoticeVersionPdf.objects.get(version=published_with_pdf)
    assert response.content == bytes(stored.content)
    again = client.get(
        f"/councils/{slug}/{KIND}/versions/1.pdf", headers={"If-None-Match": response["ETag"]}
    )
    assert again.status_code == 304


@pytest.mark.parametrize(
    "path",
    [
        "/councils/nowhere/" + KIND + "/versions/1.pdf",
        "/councils/{slug}/" + KIND + "/versions/2.pdf",
        "/councils/{slug}/" + KIND + "/versions/99999999999.pdf",
        "/councils/{slug}/" + KIND + "/versions/one.pdf",
    ],
)
def test_pdfs_that_do_not_exist_are_404(client, published_with_pdf, path):
    slug = published_with_pdf.notice.council.slug
    assert client.get(path.format(slug=slug)).status_code == 404


def test_a_version_without_a_pdf_has_no_link_and_none_is_made_on_request(
    client, make_notice, published_block, publish, django_capture_on_commit_callbacks
):
    notice = make_notice()
    with django_capture_on_commit_callbacks(execute=True):
        publish(notice)  # with PDF_ON_PUBLISH off, as in the rest of the suite
    slug = notice.council.slug
    assert ".pdf" not in client.get(f"/councils/{slug}/{KIND}/versions/1/").content.decode()
    assert client.get(f"/councils/{slug}/{KIND}/versions/1.pdf").status_code == 404
    assert not NoticeVersionPdf.objects.exists()


def test_every_demo_version_gets_a_readable_pdf_from_the_command(demo):
    out = StringIO()
    call_command("make_version_pdfs", stdout=out)
    versions = NoticeVersion.objects.select_related("notice__council")
    assert f"Made {versions.count()} of {versions.count()} missing PDFs" in out.getvalue()
    for version in versions:
        assert_readable(version, bytes(version.pdf.content))


def test_a_failed_pdf_leaves_publishing_standing_for_the_command_to_retry(
    make_notice, published_block, publish, django_capture_on_commit_callbacks, settings, monkeypatch
):
    settings.PDF_ON_PUBLISH = True
    monkeypatch.setattr("notices.printing.pdf.make_pdf", lambda version: 1 / 0)
    notice = make_notice()
    with django_capture_on_commit_callbacks(execute=True):
        publish(notice)
    assert NoticeVersion.objects.filter(notice=notice).count() == 1
    assert not NoticeVersionPdf.objects.exists()
    monkeypatch.undo()
    call_command("make_version_pdfs", stdout=StringIO())
    assert NoticeVersionPdf.objects.filter(version__notice=notice).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_shared_block_update_makes_its_pdfs_in_the_background(
    make_notice, published_block, publish, settings, monkeypatch, request
):
    from django_tasks.signals import task_finished

    from notices.printing import pdf
    from notices.publishing.shared_block import publish_shared_block

    monkeypatch.setattr(pdf, "MADE_WHILE_WAITING", 1)
    made = []
    monkeypatch.setattr(pdf, "make_pdf", lambda version: made.append(version.pk) or b"%PDF-1.7")
    finished = []

    def record(sender, task_result, **kwargs):
        # The printing's tasks only (publishing also queues alerts: notices.alerts).
        if task_result.task.module_path.startswith("notices.printing."):
            finished.append(task_result)

    task_finished.connect(record)
    request.addfinalizer(lambda: task_finished.disconnect(record))
    for _ in range(2):
        publish(make_notice())
    settings.PDF_ON_PUBLISH = True
    published_block.parts.update(body="The Department keeps a national database of pupils.")
    publication = publish_shared_block(
        published_block, by=None, change_note="Reworded", is_major=False
    )
    # One task for the whole update (the test settings' backend runs it as it is enqueued).
    assert [r.task.name for r in finished] == ["make_pdfs_in_background"]
    assert finished[0].return_value == 2
    assert sorted(made) == sorted(v.pk for v in publication.notice_versions)
    assert NoticeVersionPdf.objects.count() == 2
