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
from notices.public.addresses import absolute_url
from notices.public.page_cache import for_council, public_page
from notices.publishing import history
from notices.publishing.diffing.notice import diff_versions


@public_page(for_council)
def notice_detail(request: HttpRequest, council_slug: str, kind: str) -> HttpResponse:
    """The current version, or with `?at=YYYY-MM-DD` the version in force on that day."""
    notice = history.published_notice_or_404(council_slug, kind)
    requested = request.GET.get("at", "").strip()
    if not requested:
        version = history.version_or_404(notice, notice.latest_version_number)
        return _version_page(request, notice, version)
    try:
        day = history.parse_requested_date(requested)
    except history.UnusableDate as problem:
        return _date_problem(request, notice, str(problem), status=400)
    version = history.version_in_force_on(notice, day)
    if version is None:
        first = history.first_version(notice)
        return _date_problem(
            request,
            notice,
            f"This notice was first published on {history.long_date(first.published_at)}, after "
            f"{history.long_date(day)}, so no version of it was in force on that day.",
            status=404,
        )
    return _version_page(request, notice, version, in_force_on=day)


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
        "is_current": is_current,
        "in_force_on": in_force_on,
        "permalink": permalink,
        "notice_html": mark_safe(version.rendered_html),  # noqa: S308 (sanitised when published)
    }
    return render(request, "notices/notice_detail.html", context)


def _date_problem(request: HttpRequest, notice: Notice, problem: str, *, status: int):
    context = {"notice": notice, "council": notice.council, "problem": problem}
    return render(request, "notices/date_problem.html", context, status=status)
