"""django-markdownx's endpoints, replaced: its live preview goes through our sanitising renderer
and is for signed-in staff only, and its image upload is turned off."""

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
    return HttpResponse(render_markdown(content))


def markdown_upload_disabled(request: HttpRequest) -> HttpResponse:
    """Image upload is off: notices carry text, and an unvalidated upload is a way in."""
    return HttpResponseForbidden("Image upload is turned off on this site.")
