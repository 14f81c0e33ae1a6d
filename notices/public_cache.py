"""Public pages are rendered once, then served from the cache until something they show changes.

Every public page belongs to a scope: one council (its page, its notices, their histories,
versions and comparisons, its feed and JSON-LD) or the whole site (the index, the comparison
tables, search, the all-councils feed, the sitemap, the bulk data). A scope's stamp is read from
the database on every request, in one small query: a council's `public_revision` and
`public_changed_at`, or for the site the number of councils, the sum of their revisions and the
latest change. Publishing, a shared block update and an edit to a council's details bump the
revision in the same transaction as the change, so the very next request in every worker, on
every server, sees a new stamp, and a copy cached under the old stamp is never read again. That
is what makes a per-process memory cache safe with many workers, and why nothing is deleted from
the cache on publishing: old copies simply expire.

The stamp also gives each page its `ETag` and `Last-Modified`, so a browser or proxy that has
the page already gets `304 Not Modified` for the price of that one query.
"""

import datetime
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as page_cache
from django.db.models import Count, Max, Sum
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from councils.models import Council

# Cache-Control for each kind of public page.
# People must see a new version as soon as it is published: browsers and proxies may keep a page
# but must ask again each time (a cheap 304 when nothing changed).
REVALIDATE = "public, no-cache"
# Feeds, the sitemap and the data downloads are read by programs polling on a schedule; five
# minutes' lag costs nobody anything and spares the site their repeats.
MACHINE_READABLE = "public, max-age=300"

# Headers a cached copy keeps; anything else the view set (there is nothing per-person on a public
# page, but a Set-Cookie must never be replayed to someone else) is dropped.
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Link")


@dataclass(frozen=True)
class Stamp:
    """Identifies what a scope's pages show right now."""

    key: str
    last_changed: datetime.datetime | None

    @property
    def etag(self) -> str:
        digest = hashlib.sha256(f"{code_version()}|{self.key}".encode()).hexdigest()[:20]
        return f'"{digest}"'


def mark_councils_changed(council_ids: Iterable[int]) -> None:
    """Call inside the transaction that changes what the public reads about these councils."""
    Council.objects.filter(pk__in=council_ids).mark_publicly_changed()


def council_stamp(slug: str) -> Stamp | None:
    """The stamp of the council whose slug is in the address; None if there is no such council
    (the view then answers 404 itself)."""
    found = list(
        Council.objects.filter(slug=slug).values_list("pk", "public_revision", "public_changed_at")
    )
    if not found:
        return None
    pk, revision, changed_at = found[0]
    return Stamp(
        key=f"council:{pk}:{revision}:{changed_at.isoformat()}|{_today()}", last_changed=changed_at
    )


def site_stamp() -> Stamp:
    """Changes whenever any council's stamp does, or a council is added or removed."""
    totals = Council.objects.order_by().aggregate(
        count=Count("pk"), revisions=Sum("public_revision"), latest=Max("public_changed_at")
    )
    latest = totals["latest"]
    key = f"site:{totals['count']}:{totals['revisions']}:{latest.isoformat() if latest else '-'}"
    return Stamp(key=f"{key}|{_today()}", last_changed=latest)


def for_council(kwargs: dict) -> Stamp | None:
    return council_stamp(kwargs.get("council_slug") or kwargs.get("slug") or "")


def for_site(kwargs: dict) -> Stamp:
    return site_stamp()


def public_page(
    stamp_for: Callable[[dict], Stamp | None], *, cache_control: str = REVALIDATE
) -> Callable:
    """Serves a public view with conditional GET and the page cache.

    `stamp_for` gets the view's URL arguments. Only a GET or HEAD without a query string is
    stored: a query string (`?q=`, `?at=`, `?item=`) can be anything, and would let anyone fill
    the cache with throwaway pages. Those answers still carry an ETag and can be 304s.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            stamp = stamp_for(kwargs)
            if stamp is None:
                return view(request, *args, **kwargs)
            last_modified = (
                int(stamp.last_changed.timestamp()) if stamp.last_changed is not None else None
            )
            conditional = get_conditional_response(
                request, etag=stamp.etag, last_modified=last_modified
            )
            if conditional is not None:
                return _with_caching_headers(conditional, stamp, cache_control)
            key = None if request.META.get("QUERY_STRING") else _cache_key(request, stamp)
            stored = page_cache.get(key) if key else None
            if stored is not None:
                response = _from_stored(stored)
            else:
                response = view(request, *args, **kwargs)
                if response.status_code != 200:
                    return response
                if key and not response.streaming:
                    if hasattr(response, "render") and not response.is_rendered:
                        response.render()
                    page_cache.set(key, _stored(response))
            return _with_caching_headers(response, stamp, cache_control)

        return wrapper

    return decorator


def _with_caching_headers(response: HttpResponse, stamp: Stamp, cache_control: str):
    response["ETag"] = stamp.etag
    if stamp.last_changed is not None:
        response["Last-Modified"] = http_date(stamp.last_changed.timestamp())
    response["Cache-Control"] = cache_control
    return response


def _cache_key(request: HttpRequest, stamp: Stamp) -> str:
    # The host is part of the key: pages carry absolute links built from it.
    where = f"{request.scheme}://{request.get_host()}{request.path}"
    return "page:" + hashlib.sha256(f"{code_version()}|{stamp.key}|{where}".encode()).hexdigest()


def _stored(response: HttpResponse) -> tuple[bytes, list[tuple[str, str]]]:
    return response.content, [
        (name, response[name]) for name in _KEPT_HEADERS if response.has_header(name)
    ]


def _from_stored(stored: tuple[bytes, list[tuple[str, str]]]) -> HttpResponse:
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def _today() -> str:
    # Pages say what is overdue and how long ago things happened: a new day is a new page.
    return timezone.localdate().isoformat()


@cache
def code_version() -> str:
    """What the code and assets that draw the pages are, so a deploy never serves pages drawn by
    the previous release (a shared Redis outlives a deploy; its pages name the old asset files).
    DJANGO_BUILD_ID (e.g. a commit) names it outright; otherwise it is a digest of the templates,
    the Python source and the static manifest, taken once per process."""
    build_id = os.environ.get("DJANGO_BUILD_ID", "").strip()
    if build_id:
        return build_id
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    sources = [base / "templates", base / "config", base / "councils", base / "notices"]
    for root in sources:
        for path in sorted(root.rglob("*")):
            if path.suffix in {".py", ".html", ".txt", ".xml"} and "tests" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    static_root = getattr(settings, "STATIC_ROOT", None)
    if static_root and (Path(static_root) / "staticfiles.json").is_file():
        digest.update((Path(static_root) / "staticfiles.json").read_bytes())
    return digest.hexdigest()[:16]
