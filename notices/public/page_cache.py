"""Public pages are rendered once, then served from the cache until something they show changes.

Every public page belongs to a scope: one council (its page, its notices, their histories,
versions and comparisons, its feed and JSON-LD) or the whole site (the index, the comparison
tables, search, the all-councils feed, the sitemap, the bulk data). A scope's stamp says what its
pages show right now: a council's `public_revision` and `public_changed_at`, or for the site the
number of councils, the sum of their revisions and the latest change. Publishing, a shared block
update and an edit to a council bump the revision in the same transaction as the change
(notices.publishing.stamps), and a cached page is keyed on its stamp, so a copy cached under an
old stamp is never read again. That is what makes a per-process memory cache safe with many
workers, and why nothing is deleted from the cache on publishing: old copies simply expire.

Reading the stamp from the database on every request would cost a round trip each time, more
than the rest of serving a cached page. So each process remembers the stamps it has read, and
on PostgreSQL listens on the channel that every bump notifies (NOTIFY is delivered when the
publishing transaction commits); a change committed in this process is heard through
`public_change_committed`, which publishing sends on commit. Before answering from memory a
process checks its listening connection, without waiting, and forgets every stamp if anything
arrived, or if the connection is lost.

SQLite has no NOTIFY, but it counts commits: `PRAGMA data_version` on a connection changes
whenever another connection (in any process) has committed to the database file. Each thread
reads it on its own connection before answering from memory, a few microseconds against the
millisecond a stamp query costs, and forgets every stamp when it moved, or when the thread sees a
connection for the first time (its count means nothing against another connection's). Its own
connection's commits do not move the count; those are heard through `public_change_committed`,
as on PostgreSQL. Any other database reads the stamp on every request.

The stamp also gives each page its `ETag` and `Last-Modified`, so a browser or proxy that has
the page already gets `304 Not Modified`.
"""

import datetime
import gzip
import hashlib
import logging
import os
import re
import select
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as page_cache
from django.db import connection
from django.db.models import Count, Max, Sum
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from councils.models import Council
from notices.public.addresses import site_address
from notices.publishing.stamps import CHANNEL

logger = logging.getLogger(__name__)

# Cache-Control for each kind of public page.
# People must see a new version as soon as it is published: browsers and proxies may keep a page
# but must ask again each time (a cheap 304 when nothing changed).
REVALIDATE = "public, no-cache"
# Feeds, the sitemap and the data downloads are read by programs polling on a schedule; five
# minutes' lag costs nobody anything and spares the site their repeats.
MACHINE_READABLE = "public, max-age=300"

# Headers a cached copy does not replay: per-person ones, and those set again on the way out.
_NOT_REPLAYED_HEADERS = {"set-cookie", "vary", "content-length", "content-encoding"}
_COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/ld+json",
    "application/xml",
    "application/atom+xml",
)
_MIN_GZIP_BYTES = 200
_GZIP = re.compile(r"\bgzip\b")


@dataclass(frozen=True)
class Stamp:
    """Identifies what a scope's pages show right now."""

    key: str
    last_changed: datetime.datetime | None

    @property
    def etag(self) -> str:
        digest = hashlib.sha256(f"{code_version()}|{self.key}|{_today()}".encode()).hexdigest()
        return f'"{digest[:20]}"'


@dataclass(frozen=True)
class Scope:
    """Which stamp a page's URL arguments name: `memo_key` is what the process remembers the
    stamp under; `read` gets it from the database (None: no such council, the view says 404)."""

    memo_key: str
    read: Callable[[], Stamp | None]


@dataclass(frozen=True)
class PagePolicy:
    scope_for: Callable[[dict], Scope]
    cache_control: str


def public_page(scope_for: Callable[[dict], Scope], *, cache_control: str = REVALIDATE) -> Callable:
    """Marks a view as a public page for PublicPageCacheMiddleware, which answers conditional
    requests for it and serves and stores it in the cache. `scope_for` gets the URL arguments."""

    def mark(view):
        view.public_page = PagePolicy(scope_for, cache_control)
        return view

    return mark


def for_council(kwargs: dict) -> Scope:
    slug = kwargs.get("council_slug") or kwargs.get("slug") or ""
    return Scope(memo_key=f"council:{slug}", read=lambda: read_council_stamp(slug))


def for_site(kwargs: dict) -> Scope:
    return Scope(memo_key="site", read=read_site_stamp)


def read_council_stamp(slug: str) -> Stamp | None:
    found = list(
        Council.objects.filter(slug=slug).values_list("pk", "public_revision", "public_changed_at")
    )
    if not found:
        return None
    pk, revision, changed_at = found[0]
    return Stamp(key=f"council:{pk}:{revision}:{changed_at.isoformat()}", last_changed=changed_at)


def read_site_stamp() -> Stamp:
    """Changes whenever any council's stamp does, or a council is added or removed."""
    totals = Council.objects.order_by().aggregate(
        count=Count("pk"), revisions=Sum("public_revision"), latest=Max("public_changed_at")
    )
    latest = totals["latest"]
    return Stamp(
        key=f"site:{totals['count']}:{totals['revisions']}:{latest.isoformat() if latest else '-'}",
        last_changed=latest,
    )


class PublicPageCacheMiddleware:
    """Answers public pages from the cache, before sessions, CSRF or authentication are looked
    at: a public page is the same for everybody. Goes just after WhiteNoise.

    Only GET and HEAD without a query string are stored: a query string (`?q=`, `?at=`, `?item=`)
    can be anything, and would let anyone fill the cache with throwaway pages; those still get an
    ETag and 304s. Errors and anything that sets a cookie or varies by one are never stored.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        # The key and the pages no longer use the Host, but a Host outside ALLOWED_HOSTS is
        # still refused (400, DisallowedHost), as on every other page.
        request.get_host()
        page = _public_page_at(request.path_info)
        if page is None:
            return self.get_response(request)
        policy, kwargs = page
        stamp = _stamps.current(policy.scope_for(kwargs))
        if stamp is None:
            return self.get_response(request)
        gzipped = _accepts_gzip(request)
        page_etag = stamp.etag  # a digest: worked out once per request
        # The compressed bytes are another representation, so another (strong) ETag.
        etag = f'{page_etag[:-1]}-gzip"' if gzipped else page_etag
        last_modified = int(stamp.last_changed.timestamp()) if stamp.last_changed else None
        conditional = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if conditional is not None:
            return _with_caching_headers(conditional, etag, stamp, policy)
        key = None if request.META.get("QUERY_STRING") else _cache_key(request, page_etag)
        stored = _cached_page(key) if key else None
        if stored is None:
            response = self.get_response(request)
            if response.status_code != 200 or not _storable(response):
                return response
            stored = _stored(response)
            if key:
                _keep_page(key, stored)
        return _with_caching_headers(_from_stored(stored, gzipped), etag, stamp, policy)


class _StampMemo:
    """The stamps this process has read, trusted only while its PostgreSQL listener is up and has
    heard nothing, or on SQLite while no other connection has committed."""

    def __init__(self) -> None:
        self._stamps: dict[str, Stamp] = {}
        self._generation = 0
        self._listener = None
        self._listener_pid: int | None = None
        self._lock = threading.Lock()
        self._thread = threading.local()

    def current(self, scope: Scope) -> Stamp | None:
        with self._lock:
            trusted = self._trustworthy()
            remembered = self._stamps.get(scope.memo_key) if trusted else None
            generation = self._generation
        if remembered is not None:
            return remembered
        stamp = scope.read()
        # Not an unknown council (made-up slugs would fill memory), and not if a change was
        # heard meanwhile: what was read may be from before it.
        with self._lock:
            if stamp is not None and trusted and generation == self._generation:
                self._stamps[scope.memo_key] = stamp
        return stamp

    def forget(self) -> None:
        with self._lock:
            self._forget()

    def _forget(self) -> None:
        self._stamps.clear()
        self._generation += 1

    def _trustworthy(self) -> bool:
        if not settings.PUBLIC_CACHE_LISTEN:
            return False
        if connection.vendor == "sqlite":
            return self._sqlite_unchanged()
        if connection.vendor != "postgresql":
            return False
        if self._listener is None or self._listener_pid != os.getpid():
            # After a fork (gunicorn workers) the parent's connection is not ours to use.
            self._forget()
            self._listener = self._listen()
            self._listener_pid = os.getpid()
            return self._listener is not None
        try:
            readable, _, _ = select.select([self._listener.fileno()], [], [], 0)
            if readable:
                for _ in self._listener.notifies(timeout=0):
                    pass
                self._forget()
            if self._listener.closed:
                raise ConnectionError("the listening connection closed")
        except Exception:
            # Anything may have been missed while the connection was down.
            logger.warning("Lost the page-cache listener; reading stamps from the database.")
            self._forget()
            self._close_listener()
            return False
        return True

    def _sqlite_unchanged(self) -> bool:
        """Whether this thread's connection has seen no commit from any other connection since
        its last look; if it has (or it is a new connection), every stamp is forgotten first, so
        whatever is read from now on is current. Called with the lock held."""
        try:
            connection.ensure_connection()
            raw = connection.connection
            version = raw.execute("PRAGMA data_version").fetchone()[0]
        except Exception:
            logger.warning("Could not read SQLite's data_version; reading stamps each time.")
            self._forget()
            return False
        seen = getattr(self._thread, "sqlite_seen", None)
        if seen is None or seen[0] is not raw or seen[1] != version:
            self._forget()
            # The connection itself is kept, not its id(), which a new one could reuse.
            self._thread.sqlite_seen = (raw, version)
        return True

    def _listen(self):
        import psycopg

        try:
            params = connection.get_connection_params()
            params.pop("cursor_factory", None)
            params.pop("context", None)
            listener = psycopg.connect(**params, autocommit=True)
            listener.execute(f"LISTEN {CHANNEL}")
            return listener
        except Exception:
            logger.warning("Could not listen for page-cache changes; reading stamps each time.")
            return None

    def _close_listener(self) -> None:
        try:
            if self._listener is not None:
                self._listener.close()
        except Exception:  # noqa: S110 (already broken; nothing more to do)
            pass
        self._listener = None


_stamps = _StampMemo()


def forget_remembered_stamps() -> None:
    """For tests and commands that change councils behind publishing's back."""
    _stamps.forget()


def forget_stamps_on_change(sender, **kwargs) -> None:
    """Receives notices.publishing.stamps.public_change_committed (wired in notices.apps): a
    change this process committed is seen by its very next request."""
    _stamps.forget()


@lru_cache(maxsize=4096)
def _public_page_at(path: str) -> tuple[PagePolicy, dict] | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    policy = getattr(match.func, "public_page", None)
    return (policy, match.kwargs) if policy is not None else None


def _with_caching_headers(
    response: HttpResponseBase, etag: str, stamp: Stamp, policy: PagePolicy
) -> HttpResponseBase:
    response["ETag"] = etag
    if stamp.last_changed is not None:
        response["Last-Modified"] = http_date(stamp.last_changed.timestamp())
    response["Cache-Control"] = policy.cache_control
    response["Vary"] = "Accept-Encoding"
    return response


def _accepts_gzip(request: HttpRequest) -> bool:
    return bool(_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def _cache_key(request: HttpRequest, page_etag: str) -> str:
    # The configured site address, not the request's Host: any port or allowed host name would
    # otherwise make another copy. Pages build their absolute links from the same address
    # (notices.public.addresses), so one copy is right for every Host.
    where = f"{site_address()}{request.path}"
    return "page:" + hashlib.sha256(f"{page_etag}|{where}".encode()).hexdigest()


def _storable(response: HttpResponseBase) -> bool:
    if response.streaming or response.cookies or response.has_header("Content-Encoding"):
        return False
    return "cookie" not in response.get("Vary", "").lower()


@dataclass(frozen=True)
class _StoredPage:
    """A rendered page as the cache keeps it: its bytes, the same compressed once (a care leaver
    on a phone downloads a fifth as much; compressing on every request would cost more than the
    rest of serving it), and its headers."""

    content: bytes
    gzipped: bytes | None
    headers: tuple[tuple[str, str], ...]


def _stored(response: HttpResponse) -> _StoredPage:
    content = response.content
    compressible = len(content) >= _MIN_GZIP_BYTES and response.get("Content-Type", "").startswith(
        _COMPRESSIBLE_TYPES
    )
    headers = tuple(
        (name, value)
        for name, value in response.items()
        if name.lower() not in _NOT_REPLAYED_HEADERS
    )
    # mtime=0: the same page always compresses to the same bytes.
    gzipped = gzip.compress(content, compresslevel=6, mtime=0) if compressible else None
    return _StoredPage(content, gzipped, headers)


def _from_stored(stored: _StoredPage, gzipped: bool) -> HttpResponse:
    body = stored.gzipped if gzipped and stored.gzipped is not None else stored.content
    response = HttpResponse(body)
    for name, value in stored.headers:
        response[name] = value
    if body is stored.gzipped:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(body))
    return response


def _cached_page(key: str) -> "_StoredPage | None":
    try:
        return page_cache.get(key)
    except Exception:
        # A cache that is down (Redis restarting) costs speed, never the page.
        _cache_trouble.report()
        return None


def _keep_page(key: str, stored: "_StoredPage") -> None:
    try:
        page_cache.set(key, stored)
    except Exception:
        _cache_trouble.report()


class _CacheTrouble:
    """Logs a failing cache once a minute, not on every request while it is down."""

    def __init__(self) -> None:
        self._last_reported = 0.0

    def report(self) -> None:
        now = time.monotonic()
        if now - self._last_reported >= 60:
            self._last_reported = now
            logger.warning(
                "The page cache is not answering; pages are rendered each time.", exc_info=True
            )


_cache_trouble = _CacheTrouble()


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
    for root in (base / "templates", base / "config", base / "councils", base / "notices"):
        for path in sorted(root.rglob("*")):
            if path.suffix in {".py", ".html", ".txt", ".xml"} and "tests" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    static_root = getattr(settings, "STATIC_ROOT", None)
    if static_root and (Path(static_root) / "staticfiles.json").is_file():
        digest.update((Path(static_root) / "staticfiles.json").read_bytes())
    return digest.hexdigest()[:16]
