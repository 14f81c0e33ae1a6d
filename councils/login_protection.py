"""What a person sees when too many failed sign-ins have locked them out (django-axes).

The lockout itself (how many failures, for how long, counted per username and address) is set
in config/settings.py; this module only answers the locked-out request.
"""

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timesince


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The admin-styled lockout page. Its status, 429, tells scripts and monitoring what it is;
    axes has already refused the sign-in, whatever password came with it."""
    cool_off = get_cool_off(request)
    now = timezone.now()
    context = {
        **admin.site.each_context(request),
        "title": "Too many failed sign-in attempts",
        "failure_limit": get_failure_limit(request, credentials),
        # "1 hour", "30 minutes": the wait in words, as long as the lockout lasts.
        "cool_off": timesince(now - cool_off, now) if cool_off else None,
    }
    return render(
        request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
