"""The endpoints of /api/v1/. Each reads through notices.publishing, as the public pages do, so
the API and the site never disagree about what was published when.

django-ninja generates the OpenAPI 3.1 schema from these signatures and `schemas`; each answer
is built here as JSON text so that its ETag is the hash of exactly the bytes sent
(`responses.json_response`)."""

import dataclasses
import datetime
import re
from typing import Annotated, Any, Literal

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError, ValidationError

from councils.models import Council, Nation
from notices.api import schemas
from notices.api.responses import (
    PROBLEM_TYPE,
    Problem,
    bad_parameter,
    check_parameters,
    json_response,
    not_found,
    problem_response,
)
from notices.models import Notice, NoticeKind, NoticeVersion, SharedBlockVersion
from notices.publishing import history
from notices.publishing.diffing.notice import diff_versions


class _API(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> dict:
        """Ninja documents every answer as application/json; errors go out as RFC 9457
        application/problem+json, so the schema says so."""
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, answer in operation.get("responses", {}).items():
                    if str(status).startswith("4") and "application/json" in answer.get(
                        "content", {}
                    ):
                        answer["content"] = {PROBLEM_TYPE: answer["content"]["application/json"]}
        return schema


api = _API(
    title="Children's social care privacy notices",
    version="1",
    description=(
        "Read-only: every council's published notices and each version of them, as structured "
        "data and as HTML. Open to any origin; every answer has an ETag."
    ),
    urls_namespace="api-v1",
    docs_url=None,
)

ERRORS = {400: schemas.ProblemOut, 404: schemas.ProblemOut}
_SLUG = re.compile(r"[-a-z0-9_]{1,100}")
_NUMBER = re.compile(r"[1-9][0-9]{0,6}")
MAX_CHANGES = 100


@api.exception_handler(Problem)
def _problem(request: HttpRequest, problem: Problem) -> HttpResponse:
    return problem_response(request, problem)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    params = [
        {"name": str(item.get("loc", ["?"])[-1]), "reason": str(item.get("msg", "not valid"))}
        for item in error.errors
    ]
    detail = "; ".join(f"{p['name']}: {p['reason']}" for p in params) or "The request is not valid."
    return problem_response(request, Problem(400, "Bad request", detail, params))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problem_response(request, not_found(str(error) or "Nothing here."))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    return problem_response(request, Problem(error.status_code, "Error", str(error)))


def _send(request: HttpRequest, schema: type[Schema], data: Any) -> HttpResponse:
    return json_response(request, schema.model_validate(data).model_dump_json())


def _absolute(request: HttpRequest, path: str) -> str:
    # The configured site address, never the request's Host: links must not name a forged host.
    return settings.SITE_URL.rstrip("/") + path


def _notice(council_slug: str, kind: str) -> Notice:
    if not _SLUG.fullmatch(council_slug) or kind not in NoticeKind.values:
        raise not_found("No published notice here.")
    return history.published_notice_or_404(council_slug, kind)


def _number(request: HttpRequest, name: str) -> int:
    """A version number from the path, written as the site writes it: no sign, no leading zero."""
    raw = str(request.resolver_match.kwargs.get(name, "")) if request.resolver_match else ""
    if not _NUMBER.fullmatch(raw) or int(raw) > history.MAX_VERSION_NUMBER:
        raise not_found(f"No such version: give {name} as a whole number from 1, no leading zero.")
    return int(raw)


def _version_summary(request: HttpRequest, notice: Notice, version: NoticeVersion) -> dict:
    slug, kind = notice.council.slug, notice.kind
    return {
        "council": slug,
        "kind": kind,
        "number": version.number,
        "title": version.title,
        "published_at": version.published_at,
        "is_major": version.is_major,
        "is_shared_block_update": version.is_shared_block_update,
        "change_note": version.change_note,
        "url": _absolute(request, reverse("api-v1:version", args=[slug, kind, version.number])),
        "page_url": _absolute(request, version.get_absolute_url()),
    }


def _version_out(request: HttpRequest, notice: Notice, version: NoticeVersion) -> dict:
    block = version.shared_block_version
    return _version_summary(request, notice, version) | {
        "content_hash": version.content_hash,
        "shared_block_version": block.number if block else None,
        "content": version.snapshot,
        "html": version.rendered_html,
    }


def _council_summary(request: HttpRequest, council: Council) -> dict:
    notices = [
        {
            "kind": notice.kind,
            "title": notice.published_title,
            "url": _absolute(request, reverse("api-v1:notice", args=[council.slug, notice.kind])),
        }
        for notice in council.notices.all()
    ]
    return {
        "slug": council.slug,
        "name": council.name,
        "kind": council.kind,
        "url": _absolute(request, reverse("api-v1:council", args=[council.slug])),
        "notices": notices,
    }


@api.get("/councils", response={200: list[schemas.CouncilSummary], **ERRORS}, url_name="councils")
def councils(request: HttpRequest):
    """Every council, with the notices it has published."""
    check_parameters(request)
    found = Council.objects.by_name().prefetch_related(history.published_notices_prefetch())
    return _send_list(
        request, schemas.CouncilSummary, [_council_summary(request, c) for c in found]
    )


def _send_list(request: HttpRequest, schema: type[Schema], items: list) -> HttpResponse:
    body = "[" + ",".join(schema.model_validate(item).model_dump_json() for item in items) + "]"
    return json_response(request, body)


@api.get("/councils/{slug}", response={200: schemas.CouncilOut, **ERRORS}, url_name="council")
def council(request: HttpRequest, slug: str):
    """One council: its contacts and the notices it has published."""
    check_parameters(request)
    found = (
        Council.objects.filter(slug=slug).prefetch_related(history.published_notices_prefetch())
        if _SLUG.fullmatch(slug)
        else Council.objects.none()
    ).first()
    if found is None:
        raise not_found("No council has that slug.")
    fields = {
        name: getattr(found, name)
        for name in schemas.CouncilOut.model_fields
        if name not in schemas.CouncilSummary.model_fields
    }
    return _send(request, schemas.CouncilOut, _council_summary(request, found) | fields)


NOTICE = "/councils/{slug}/notices/{kind}"


@api.get(NOTICE, response={200: schemas.NoticeOut, **ERRORS}, url_name="notice")
def notice(request: HttpRequest, slug: str, kind: str):
    """A published notice and its versions, newest first."""
    check_parameters(request)
    found = _notice(slug, kind)
    data = {
        "council": slug,
        "kind": kind,
        "title": found.published_title,
        "url": _absolute(request, reverse("api-v1:notice", args=[slug, kind])),
        "page_url": _absolute(request, found.get_absolute_url()),
        "current_version": found.latest_version_number,
        "versions": [_version_summary(request, found, v) for v in history.history_of(found)],
    }
    return _send(request, schemas.NoticeOut, data)


@api.get(
    NOTICE + "/versions/{number}", response={200: schemas.VersionOut, **ERRORS}, url_name="version"
)
def version(request: HttpRequest, slug: str, kind: str, number: str):
    """One version: its structured content (`content`) and the HTML published with it (`html`)."""
    check_parameters(request)
    found = _notice(slug, kind)
    chosen = history.versions_for_comparison_or_404(found, *[_number(request, "number")] * 2)[0]
    return _send(request, schemas.VersionOut, _version_out(request, found, chosen))


@api.get(NOTICE + "/in-force", response={200: schemas.VersionOut, **ERRORS}, url_name="in-force")
def in_force(
    request: HttpRequest,
    slug: str,
    kind: str,
    at: Annotated[
        datetime.date | datetime.datetime,
        Query(description="A date, or a date and time with a UTC offset (else UK time)."),
    ],
):
    """The version in force at `at`. Given a date, the version the public could read at the end of
    that day, as the notice page's `?at=` shows; given a date and time, the latest version
    published at or before it. A moment before the first version, or still to come, has none: 404.
    """
    check_parameters(request, ("at",))
    found = _notice(slug, kind)
    # The text as sent, so a date is read as the notice page reads its `?at=`.
    chosen = _version_at(found, request.GET["at"].strip())
    if chosen is None:
        raise not_found("No version of this notice was in force then.")
    # The date form defers the snapshot; fetch the version whole, with its block version.
    chosen = history.versions_for_comparison_or_404(found, chosen.number, chosen.number)[0]
    return _send(request, schemas.VersionOut, _version_out(request, found, chosen))


def _version_at(notice: Notice, raw: str) -> NoticeVersion | None:
    try:
        if len(raw) == 10:
            day = datetime.date.fromisoformat(raw)
            if day > timezone.localdate():
                return None
            return history.version_in_force_on(notice, day)
        moment = _utc(datetime.datetime.fromisoformat(raw))
    except ValueError:
        raise bad_parameter(
            "at", "give a date (2026-03-01) or a date and time (2026-03-01T09:30:00Z)."
        ) from None
    if moment is None or moment > timezone.now():
        return None
    return (
        NoticeVersion.objects.of_notice(notice)
        .filter(published_at__lte=moment)
        .defer("snapshot")
        .order_by("-number")
        .first()
    )


def _utc(moment: datetime.datetime) -> datetime.datetime | None:
    """`moment` in UTC (UK time if it has no offset); None at the ends of the calendar, where the
    offset would carry it past year 1 or 9999: long before or after any version."""
    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment.astimezone(datetime.UTC)
    except (OverflowError, ValueError):
        return None


@api.get(
    NOTICE + "/compare/{old}/{new}",
    response={200: schemas.ComparisonOut, **ERRORS},
    url_name="compare",
)
def compare(request: HttpRequest, slug: str, kind: str, old: str, new: str):
    """What changed from version `old` to version `new`, as structured data: word-level changes
    in each text, sections and list items added, removed, changed or moved."""
    check_parameters(request)
    found = _notice(slug, kind)
    old_number, new_number = _number(request, "old"), _number(request, "new")
    old_version, new_version = history.versions_for_comparison_or_404(found, old_number, new_number)
    diff = diff_versions(history.version_side(old_version), history.version_side(new_version))
    changes = dataclasses.asdict(diff)
    # The grouping is how the web page lays the changes out, not more data.
    for presentation in ("groups", "old_label", "new_label", "has_changes", "summary"):
        changes.pop(presentation)
    data = {
        "council": slug,
        "kind": kind,
        "old": old_number,
        "new": new_number,
        "has_changes": diff.has_changes,
        "summary": list(diff.summary),
        "changes": changes,
    }
    return _send(request, schemas.ComparisonOut, data)


def _block_summary(request: HttpRequest, version: SharedBlockVersion) -> dict:
    kind, nation = version.block.notice_kind, version.block.nation
    url = reverse("api-v1:block-version", args=[kind, version.number])
    return {
        "kind": kind,
        "nation": nation,
        "body": version.block.body_name,
        "number": version.number,
        "published_at": version.published_at,
        "is_major": version.is_major,
        "change_note": version.change_note,
        "url": _absolute(request, url if nation == Nation.ENGLAND else f"{url}?nation={nation}"),
    }


NationParameter = Annotated[
    Literal["england", "wales", "scotland"] | None,
    Query(description="Which nation's block: england (the default), wales or scotland."),
]


def _block_nation(request: HttpRequest) -> str:
    """Which nation's block: `?nation=wales`; England's when not given."""
    check_parameters(request, known=("nation",))
    nation = request.GET.get("nation", Nation.ENGLAND)
    if nation not in Nation.values:
        raise bad_parameter("nation", f"give one of {', '.join(Nation.values)}.")
    return nation


@api.get(
    "/shared-blocks/{kind}/versions",
    response={200: list[schemas.BlockVersionSummary], **ERRORS},
    url_name="block-versions",
)
def block_versions(request: HttpRequest, kind: str, nation: NationParameter = None):
    """Every version of a nation's shared block for a kind of notice, newest first: England's
    (the Department for Education's), or another nation's with `?nation=wales`."""
    nation = _block_nation(request)
    if kind not in NoticeKind.values:
        raise not_found("There is no shared block for that kind of notice.")
    found = (
        SharedBlockVersion.objects.filter(block__notice_kind=kind, block__nation=nation)
        .select_related("block")
        .without_content()
        .order_by("-number")
    )
    items = [_block_summary(request, v) for v in found]
    return _send_list(request, schemas.BlockVersionSummary, items)


@api.get(
    "/shared-blocks/{kind}/versions/{number}",
    response={200: schemas.BlockVersionOut, **ERRORS},
    url_name="block-version",
)
def block_version(request: HttpRequest, kind: str, number: str, nation: NationParameter = None):
    """One version of a nation's shared block (`?nation=`, England's when not given), with its
    structured content."""
    nation = _block_nation(request)
    chosen = (
        SharedBlockVersion.objects.filter(
            block__notice_kind=kind, block__nation=nation, number=_number(request, "number")
        )
        .select_related("block")
        .first()
        if kind in NoticeKind.values
        else None
    )
    if chosen is None:
        raise not_found("The shared block has no such version.")
    data = _block_summary(request, chosen) | {
        "content_hash": chosen.content_hash,
        "content": chosen.snapshot,
    }
    return _send(request, schemas.BlockVersionOut, data)


@api.get("/changes", response={200: schemas.ChangesOut, **ERRORS}, url_name="changes")
def changes(
    request: HttpRequest,
    before: Annotated[
        datetime.datetime | None,
        Query(description="Only versions published before this: a page's `next_before`."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_CHANGES)] = 20,
):
    """Every council's published versions, newest first. To page back, pass the answer's
    `next_before` as `before`. Versions published at the same moment (a shared block update
    reaches every council at once) are never split between pages, so a page can hold a few more
    than `limit`."""
    check_parameters(request, ("before", "limit"))
    versions = NoticeVersion.objects.without_content().select_related("notice__council")
    if before is not None:
        # Pydantic also takes a number as seconds since 1970; the schema says ISO 8601 only.
        try:
            datetime.datetime.fromisoformat(request.GET["before"].strip())
        except ValueError:
            raise bad_parameter("before", "give a date and time (2026-03-01T09:30:00Z).") from None
        moment = _utc(before)
        if moment is None:
            # Past either end of the calendar: before every version if early, else after all.
            versions = versions.none() if before.year <= 1 else versions
        else:
            versions = versions.filter(published_at__lt=moment)
    page = list(versions.order_by("-published_at", "-pk")[: limit + 1])
    more = len(page) > limit
    page = page[:limit]
    if more:
        last = page[-1].published_at
        page += list(versions.filter(published_at=last).exclude(pk__in=[v.pk for v in page]))
    data = {
        "changes": [_version_summary(request, v.notice, v) for v in page],
        "next_before": page[-1].published_at if more and page else None,
    }
    return _send(request, schemas.ChangesOut, data)
