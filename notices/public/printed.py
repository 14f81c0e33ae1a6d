"""The PDF of a published version, as it was made when the version was published
(notices.printing). Nothing is made on request: a version without one is a 404."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response

from notices.models import NoticeVersionPdf
from notices.publishing import history

# A version's PDF never changes, so a copy may be kept for a year without asking again.
FOREVER = "public, max-age=31536000, immutable"


def version_pdf(request: HttpRequest, council_slug: str, kind: str, number: int) -> HttpResponse:
    notice = history.published_notice_or_404(council_slug, kind)
    version = history.version_or_404(notice, number)
    pdf = NoticeVersionPdf.objects.filter(version=version).only("sha256").first()
    if pdf is None:
        raise Http404("The PDF of this version has not been made yet.")
    etag = f'"{pdf.sha256}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        content = NoticeVersionPdf.objects.values_list("content", flat=True).get(pk=pdf.pk)
        response = HttpResponse(bytes(content), content_type="application/pdf")
        filename = f"{council_slug}-{kind}-version-{number}.pdf"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        response["Digest"] = f"sha-256={pdf.sha256}"
    response["ETag"] = etag
    response["Cache-Control"] = FOREVER
    return response
