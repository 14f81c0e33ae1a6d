"""django-markdownx's endpoints, replaced: its live preview goes through our sanitising renderer
and is for signed-in staff only, and its image upload is turned off.

The preview renders on every pause in typing, so each person gets a budget per minute, both of
previews and of characters rendered (a full-size body costs most of a second of CPU): enough for
anyone typing, while one person, or one stolen session, cannot keep the workers busy.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
)
from django.views.decorators.http import require_POST

from councils import permissions
from notices.models import MARKDOWN_MAX_LENGTH
from notices.text.markdown import render_markdown

PREVIEW_WINDOW_SECONDS = 60
# Defaults for settings MARKDOWN_PREVIEWS_PER_MINUTE and MARKDOWN_PREVIEW_CHARACTERS_PER_MINUTE.
PREVIEWS_PER_MINUTE = 60
PREVIEW_CHARACTERS_PER_MINUTE = 20 * MARKDOWN_MAX_LENGTH


def _now() -> float:
    return time.time()


def _seconds_left_if_over_budget(user_id: int, characters: int) -> int:
    """Charge one preview of `characters` to this person's current minute: 0 if it fits, else
    the seconds until the next minute starts. The counts live in the shared cache (per process
    without Redis), under keys that expire with their minute."""
    now = _now()
    window = int(now // PREVIEW_WINDOW_SECONDS)
    key = f"markdown-preview:{user_id}:{window}"
    timeout = PREVIEW_WINDOW_SECONDS + 5
    cache.add(f"{key}:count", 0, timeout)
    cache.add(f"{key}:characters", 0, timeout)
    count = cache.incr(f"{key}:count")
    total = cache.incr(f"{key}:characters", characters) if characters else 0
    per_minute = getattr(settings, "MARKDOWN_PREVIEWS_PER_MINUTE", PREVIEWS_PER_MINUTE)
    characters_per_minute = getattr(
        settings, "MARKDOWN_PREVIEW_CHARACTERS_PER_MINUTE", PREVIEW_CHARACTERS_PER_MINUTE
    )
    if count <= per_minute and total <= characters_per_minute:
        return 0
    return max(1, math.ceil((window + 1) * PREVIEW_WINDOW_SECONDS - now))


@require_POST
def markdown_preview(request: HttpRequest) -> HttpResponse:
    """django-markdownx's live preview, through our sanitising renderer, for signed-in staff."""
    if not permissions.can_preview_markdown(request.user):
        return HttpResponseForbidden("Sign in as staff to preview Markdown.")
    content = request.POST.get("content")
    if content is None:
        return HttpResponseBadRequest("Send the Markdown to preview in the 'content' field.")
    if len(content) > MARKDOWN_MAX_LENGTH:
        return HttpResponseBadRequest(
            f"That text is too long to preview: the limit is {MARKDOWN_MAX_LENGTH:,} characters."
        )
    wait = _seconds_left_if_over_budget(request.user.pk, len(content))
    if wait:
        response = HttpResponse(
            "Too many previews in the last minute. The preview will work again in "
            f"{wait} seconds; your text is not lost.",
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(wait)
        return response
    return HttpResponse(render_markdown(content))


def markdown_upload_disabled(request: HttpRequest) -> HttpResponse:
    """Image upload is off: notices carry text, and an unvalidated upload is a way in."""
    return HttpResponseForbidden("Image upload is turned off on this site.")
