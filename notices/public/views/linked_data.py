"""Machine-readable notices: each published version as JSON-LD (W3C DPV), and every current
notice in one JSON download. The documents are built in notices.public.linked_data."""

import functools
import json
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from notices.models import Notice, NoticeVersion
from notices.public import linked_data
from notices.public.addresses import site_address
from notices.public.page_cache import MACHINE_READABLE, for_council, for_site, public_page
from notices.publishing import history


def _json_errors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A missing notice or version is a 404 whose body is JSON saying why, for the programs that
    ask for these addresses."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except Http404 as missing:
            body = json.dumps({"error": str(missing) or "Not found."}, ensure_ascii=False)
            return HttpResponse(body, status=404, content_type="application/json; charset=utf-8")

    return wrapped


@require_safe
@public_page(for_council, cache_control=MACHINE_READABLE)
@_json_errors
def current_notice_jsonld(request: HttpRequest, council_slug: str, kind: str) -> HttpResponse:
    notice = history.published_notice_or_404(council_slug, kind)
    version = history.version_or_404(notice, notice.latest_version_number, for_comparison=True)
    return _jsonld_response(request, notice, version)


@require_safe
@public_page(for_council, cache_control=MACHINE_READABLE)
@_json_errors
def version_jsonld(request: HttpRequest, council_slug: str, kind: str, number: int) -> HttpResponse:
    notice = history.published_notice_or_404(council_slug, kind)
    # for_comparison: the snapshot and the embedded block version, in the same query.
    version = history.version_or_404(notice, number, for_comparison=True)
    return _jsonld_response(request, notice, version)


@require_safe
@public_page(for_site, cache_control=MACHINE_READABLE)
def bulk_json(request: HttpRequest) -> HttpResponse:
    document = linked_data.current_notices_export(base_url=site_address())
    response = HttpResponse(
        linked_data.to_json_text(document), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{linked_data.BULK_FILENAME}"'
    return response


def _jsonld_response(request: HttpRequest, notice: Notice, version: NoticeVersion) -> HttpResponse:
    # The notice (with its council) is already loaded: saves a query for the version's notice.
    version.notice = notice
    document = linked_data.notice_jsonld(version, base_url=site_address())
    return HttpResponse(
        linked_data.to_json_text(document), content_type=linked_data.JSONLD_CONTENT_TYPE
    )
