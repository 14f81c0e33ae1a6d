"""Pages about the site itself: the accessibility statement and robots.txt."""

import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

# When the statement was written and when the site was last tested against WCAG 2.2 AA. Change
# these when the statement is reviewed or the site is retested.
STATEMENT_PREPARED = datetime.date(2026, 11, 21)
STATEMENT_REVIEWED = datetime.date(2026, 11, 21)
SITE_LAST_TESTED = datetime.date(2026, 11, 21)


@require_GET
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    context = {
        "site_url": settings.SITE_URL,
        "operator": settings.SITE_OPERATOR,
        "contact_email": settings.SITE_CONTACT_EMAIL,
        "prepared": STATEMENT_PREPARED,
        "reviewed": STATEMENT_REVIEWED,
        "last_tested": SITE_LAST_TESTED,
    }
    return render(request, "accessibility_statement.html", context)


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Every public page may be indexed; the staff side and the comparisons of two versions
    (any pair of versions, so endless near-duplicates) are left out."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /staff/",
        "Disallow: /markdownx/",
        "Disallow: /councils/*/compare/",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
