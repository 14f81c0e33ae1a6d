"""The public pages of one council's notice: the current version, any version, its history and
the comparison of two versions."""

import datetime

from django.http import (
    HttpRequest,
    HttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from notices.models import Notice, NoticeVersion
from notices.public import date_input
from notices.public.addresses import absolute_url
from notices.public.page_cache import for_council, public_page
from notices.publishing import history
from notices.publishing.diffing.notice import diff_versions


@public_page(for_council)
def notice_detail(request: HttpRequest, council_slug: str, kind: str) -> HttpResponse:
    """The current version, or the version in force on a day: asked with the history page's
    date boxes (`?at-day=&at-month=&at-year=`) or the older `?at=YYYY-MM-DD`."""
    notice = history.published_notice_or_404(council_slug, kind)
    today = timezone.localdate()
    requested = request.GET.get("at", "").strip()
    if date_input.is_asked(request.GET):
        answer = date_input.read_date_boxes(request.GET, today=today)
    elif requested:
        answer = date_input.read_iso_date(requested, today=today)
    else:
        version = history.version_or_404(notice, notice.latest_version_number)
        return _version_page(request, notice, version)
    if answer.error:
        return _date_problem(request, notice, answer, status=400)
    version = history.version_in_force_on(notice, answer.date)
    if version is None:
        first = history.first_version(notice)
        problem = (
            f"This notice was first published on {history.long_date(first.published_at)}, after "
            f"{history.long_date(answer.date)}, so no version of it was in force on that day."
        )
        return _date_problem(request, notice, answer, problem=problem, status=404)
    return _version_page(request, notice, version, in_force_on=answer.date)


@public_page(for_council)
def notice_version(request: HttpRequest, council_slug: str, kind: str, number: int) -> HttpResponse:
    notice = history.published_notice_or_404(council_slug, kind)
    return _version_page(request, notice, history.version_or_404(notice, number), permalink=True)


@public_page(for_council)
def notice_history(request: HttpRequest, council_slug: str, kind: str) -> HttpResponse:
    notice = history.published_notice_or_404(council_slug, kind)
    context = {
        "notice": notice,
        "council": notice.council,
        "versions": history.history_of(notice),
        "today": timezone.localdate(),
    }
    return render(request, "notices/history.html", context)


@public_page(for_council)
def notice_compare(
    request: HttpRequest, council_slug: str, kind: str, old: int, new: int
) -> HttpResponse:
    notice = history.published_notice_or_404(council_slug, kind)
    if old > new:
        return redirect("notices:compare", council_slug, kind, new, old)
    old_version, new_version = history.versions_for_comparison_or_404(notice, old, new)
    diff = None
    if old != new:
        diff = diff_versions(history.version_side(old_version), history.version_side(new_version))
    context = {
        "notice": notice,
        "council": notice.council,
        "old": old_version,
        "new": new_version,
        "versions": history.history_of(notice),
        "diff": diff,
    }
    return render(request, "notices/compare.html", context)


def choose_comparison(request: HttpRequest, council_slug: str, kind: str) -> HttpResponse:
    """The history page's 'compare two versions' form, sent by GET, goes to the compare page."""
    notice = history.published_notice_or_404(council_slug, kind)
    try:
        old, new = int(request.GET["old"]), int(request.GET["new"])
    except (KeyError, ValueError):
        context = {
            "notice": notice,
            "council": notice.council,
            "versions": history.history_of(notice),
            "problem": "Choose two versions to compare.",
        }
        return render(request, "notices/compare.html", context, status=400)
    return redirect("notices:compare", council_slug, kind, min(old, new), max(old, new))


def _version_page(
    request: HttpRequest,
    notice: Notice,
    version: NoticeVersion,
    *,
    in_force_on: datetime.date | None = None,
    permalink: bool = False,
) -> HttpResponse:
    is_current = version.number == notice.latest_version_number
    # A version reached by its number or a date has its permanent address as canonical.
    canonical = (
        reverse("notices:version", args=[notice.council.slug, notice.kind, version.number])
        if permalink or in_force_on
        else notice.get_absolute_url()
    )
    context = {
        "notice": notice,
        "council": notice.council,
        "version": version,
        "version_label": f"Version {version.number}",
        "canonical_url": absolute_url(canonical),
        "oembed_url": absolute_url(reverse("notices:oembed")),
        "is_current": is_current,
        "in_force_on": in_force_on,
        "permalink": permalink,
        # Annotated by the history's version queries.
        "has_pdf": getattr(version, "has_pdf", False),
        "notice_html": mark_safe(version.rendered_html),  # noqa: S308 (sanitised when published)
    }
    return render(request, "notices/notice_detail.html", context)


def _date_problem(
    request: HttpRequest,
    notice: Notice,
    answer: date_input.DateAnswer,
    *,
    status: int,
    problem: str = "",
) -> HttpResponse:
    context = {
        "notice": notice,
        "council": notice.council,
        "answer": answer,
        "problem": problem,
        "today": timezone.localdate(),
    }
    return render(request, "notices/date_problem.html", context, status=status)
