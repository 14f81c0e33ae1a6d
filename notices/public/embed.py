"""A council's notice inside the council's own web pages: the embed pages (the notice alone, no
site header or footer), the oEmbed endpoint that content systems ask for the frame's HTML, and the
Content-Security-Policy that lets only the council's listed websites frame them.

Embed pages are not kept in the page cache: their headers depend on the council's list of
websites, which the cache does not replay, and they are small to render."""

import json
from urllib.parse import urlsplit

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from notices.models import Notice, NoticeVersion
from notices.public.addresses import absolute_url, site_address
from notices.publishing import history

# The frame's starting height, before the sizing script has measured the notice.
FRAME_HEIGHT = 800
MAX_URL_LENGTH = 2000
OEMBED_CACHE = "public, max-age=300"


def embed_current(request: HttpRequest, council_slug: str, kind: str) -> HttpResponse:
    notice = history.published_notice_or_404(council_slug, kind)
    return _embed(request, notice, history.version_or_404(notice, notice.latest_version_number))


def embed_version(request: HttpRequest, council_slug: str, kind: str, number: int) -> HttpResponse:
    notice = history.published_notice_or_404(council_slug, kind)
    return _embed(request, notice, history.version_or_404(notice, number), permalink=True)


def _embed(
    request: HttpRequest, notice: Notice, version: NoticeVersion, *, permalink: bool = False
) -> HttpResponse:
    context = {
        "notice": notice,
        "council": notice.council,
        "version": version,
        "is_current": version.number == notice.latest_version_number,
        "page_url": absolute_url(
            version.get_absolute_url() if permalink else notice.get_absolute_url()
        ),
        "history_url": absolute_url(
            reverse("notices:history", args=[notice.council.slug, notice.kind])
        ),
        "notice_html": mark_safe(version.rendered_html),  # noqa: S308 (sanitised when published)
    }
    response = render(request, "notices/embed.html", context)
    return allow_framing_by(response, notice.council.embed_origin_list)


def allow_framing_by(response: HttpResponse, origins: list[str]) -> HttpResponse:
    """Lets the council's listed origins frame `response`, and nobody else; with none listed the
    site's policy stays: no framing at all."""
    if origins:
        response._csp_replace = {"frame-ancestors": origins}
        # CSP frame-ancestors is what browsers obey; X-Frame-Options cannot name origins.
        response.xframe_options_exempt = True
    response["Cache-Control"] = "public, no-cache"
    response["Vary"] = "Accept-Encoding"
    return response


def oembed(request: HttpRequest) -> HttpResponse:
    """oEmbed 1.0 for a notice's address or a version's: type `rich`, its HTML a frame of the
    embed page and the script that sizes it."""
    unknown = set(request.GET) - {"url", "format", "maxwidth", "maxheight"}
    if unknown:
        return _problem(400, f"Unknown parameter: {sorted(unknown)[0][:40]!r}.")
    raw = request.GET.get("url", "").strip()
    if not raw:
        return _problem(400, "Give the notice's address as `url`.")
    if len(raw) > MAX_URL_LENGTH or any(ord(c) < 32 or c == "\ufffd" for c in raw):
        return _problem(400, "The `url` is not a web address.")
    if request.GET.get("format", "json") != "json":
        # oEmbed's answer for a format the provider does not offer.
        return _problem(501, "Only format=json is offered.")
    try:
        width = _size(request, "maxwidth")
        height = _size(request, "maxheight")
    except ValueError as problem:
        return _problem(400, str(problem))
    version = _version_for(request, raw)
    notice = version.notice
    embed_path = (
        reverse("notices:embed-version", args=[notice.council.slug, notice.kind, version.number])
        if "/versions/" in urlsplit(raw).path
        else reverse("notices:embed", args=[notice.council.slug, notice.kind])
    )
    frame_height = min(FRAME_HEIGHT, height) if height else FRAME_HEIGHT
    title = f"{notice.council.name}: {version.title}"
    html = format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" class="council-notice-frame" '
        'loading="lazy"></iframe><script src="{}" async></script>',
        absolute_url(embed_path),
        title,
        frame_height,
        absolute_url(static("js/embed-host.js")),
    )
    data = {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": "Council privacy notices",
        "provider_url": absolute_url("/"),
        "author_name": notice.council.name,
        "html": str(html),
        "width": min(width, 1200) if width else 800,
        "height": frame_height,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = OEMBED_CACHE
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _size(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name)
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or raw.startswith("0") or len(raw) > 5:
        raise ValueError(f"`{name}` must be a whole number of pixels, such as 600.")
    return int(raw)


def _version_for(request: HttpRequest, raw: str) -> NoticeVersion:
    """The version a notice or version address on this site shows; 404 for any other address."""
    parts = urlsplit(raw)
    # The notice's own address is on the configured site address; the Host a request came with
    # is accepted too, so a site reached by another of its names still answers for itself.
    hosts = {urlsplit(site_address()).netloc.lower(), request.get_host().lower()}
    if parts.scheme not in ("http", "https") or parts.netloc.lower() not in hosts:
        raise Http404("That is not the address of a notice on this site.")
    try:
        match = resolve(parts.path)
    except Resolver404:
        raise Http404("That is not the address of a notice on this site.") from None
    if match.view_name not in ("notices:detail", "notices:version"):
        raise Http404("That is not the address of a notice on this site.")
    kwargs = match.kwargs
    notice = history.published_notice_or_404(kwargs["council_slug"], kwargs["kind"])
    number = kwargs.get("number", notice.latest_version_number)
    version = history.version_or_404(notice, number)
    version.notice = notice
    return version


def _problem(status: int, detail: str) -> HttpResponse:
    body = {"type": "about:blank", "title": "Not an oEmbed request", "status": status}
    body["detail"] = detail
    response = HttpResponse(
        json.dumps(body), status=status, content_type="application/problem+json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
