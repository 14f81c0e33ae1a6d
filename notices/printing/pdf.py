"""The PDF of a published version, made with WeasyPrint from the HTML stored with the version, so
the paper copy says exactly what the web page says.

Each page carries the council, the version number and date, the permanent link and its page
number; the PDF is tagged (PDF/UA-1), so screen readers can follow its headings, lists and tables,
and it is A4 in black on white."""

import hashlib
import logging
import time
from collections.abc import Iterable

import weasyprint
from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django_tasks import task

from notices.models import NoticeVersion, NoticeVersionPdf
from notices.publishing.history import long_date
from notices.publishing.stamps import mark_councils_changed

logger = logging.getLogger(__name__)


def permanent_link(version: NoticeVersion) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(
        "notices:version",
        args=[version.notice.council.slug, version.notice.kind, version.number],
    )


def make_pdf(version: NoticeVersion) -> bytes:
    """The PDF of `version`, from its stored HTML."""
    notice = version.notice
    context = {
        "council": notice.council,
        "version": version,
        "published_on": long_date(version.published_at),
        "permanent_link": permanent_link(version),
        "notice_html": mark_safe(version.rendered_html),  # noqa: S308 (sanitised when published)
    }
    html = render_to_string("notices/print.html", context)
    # No base URL: the stored HTML's links are written out, and nothing is fetched.
    document = weasyprint.HTML(string=html, url_fetcher=_fetch_nothing)
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def _fetch_nothing(url: str, *args, **kwargs):
    raise ValueError(f"A notice's PDF loads nothing from elsewhere ({url[:80]}).")


def store_pdf(version: NoticeVersion) -> NoticeVersionPdf:
    """Makes and keeps `version`'s PDF, unless it has one already: a PDF is never made twice."""
    existing = NoticeVersionPdf.objects.filter(version=version).first()
    if existing is not None:
        return existing
    content = make_pdf(version)
    try:
        with transaction.atomic():
            return NoticeVersionPdf.objects.create(
                version=version,
                content=content,
                sha256=hashlib.sha256(content).hexdigest(),
                made_with=f"WeasyPrint {weasyprint.__version__}",
            )
    except IntegrityError:
        # Made by another process meanwhile: theirs is the one kept.
        return NoticeVersionPdf.objects.get(version=version)


def versions_without_pdf() -> Iterable[NoticeVersion]:
    return (
        NoticeVersion.objects.filter(pdf__isnull=True)
        .select_related("notice__council")
        .order_by("published_at", "pk")
        .iterator(chunk_size=20)
    )


def store_pdfs_of(versions: Iterable[NoticeVersion]) -> int:
    """Makes the PDFs `versions` lack, then tells the page cache their councils' version pages
    changed (they link to the PDF once it exists). A failure is logged and leaves that version
    without one, for `make_version_pdfs` to make again; publishing stands. Returns how many
    were made."""
    made, councils = 0, set()
    for version in versions:
        started = time.perf_counter()
        try:
            store_pdf(version)
        except Exception:
            logger.exception("Could not make the PDF of %s; make_version_pdfs will retry.", version)
            continue
        made += 1
        councils.add(version.notice.council_id)
        logger.info("PDF of %s made in %.2f s.", version, time.perf_counter() - started)
    if councils:
        with transaction.atomic():
            mark_councils_changed(sorted(councils))
    return made


# A council publishing its notice waits for its one PDF; a shared block update, which publishes a
# version of every notice at once, would wait minutes, so its PDFs are a background task, run by
# `manage.py db_worker` (settings.TASKS).
MADE_WHILE_WAITING = 3


def store_pdfs_of_ids(version_ids: list[int]) -> None:
    """Publishing's `versions_published` signal, sent once the publishing transaction commits, so
    the task is enqueued on commit and its worker finds the versions. If a task fails or is lost,
    `make_version_pdfs` makes the rest."""
    if len(version_ids) <= MADE_WHILE_WAITING:
        _store_by_ids(version_ids)
        return
    make_pdfs_in_background.enqueue(version_ids=list(version_ids))


@task()
def make_pdfs_in_background(version_ids: list[int]) -> int:
    """The background task: makes the PDFs these versions lack. Returns how many were made."""
    return _store_by_ids(version_ids)


def _store_by_ids(version_ids: list[int]) -> int:
    return store_pdfs_of(
        NoticeVersion.objects.filter(pk__in=version_ids)
        .select_related("notice__council")
        .order_by("pk")
    )
