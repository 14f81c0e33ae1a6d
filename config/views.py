"""Pages about the site itself: the accessibility statement, robots.txt and the health check."""

import datetime
import logging

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db import Error as DatabaseError
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from notices.public.addresses import absolute_url

logger = logging.getLogger(__name__)

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
        f"Disallow: /{settings.ADMIN_PATH}",
        "Disallow: /staff/",
        "Disallow: /markdownx/",
        "Disallow: /councils/*/compare/",
        "Allow: /",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# Set once this process has seen every migration applied: migrations are not unapplied under a
# running site, so later checks need only the one trivial query.
_migrations_seen_applied = False

HEALTHY = "ok"
DATABASE_UNAVAILABLE = "unavailable"
MIGRATIONS_PENDING = "migrations pending"


def database_health() -> str:
    """HEALTHY when the default database answers a query and has every migration applied;
    otherwise DATABASE_UNAVAILABLE or MIGRATIONS_PENDING.

    The migration check reads the migration files, so it runs only until it first succeeds; a new
    release started before `migrate` reports pending migrations until they are applied.
    """
    global _migrations_seen_applied
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        if not _migrations_seen_applied:
            executor = MigrationExecutor(connection)
            if executor.migration_plan(executor.loader.graph.leaf_nodes()):
                logger.warning("Health check: the database has migrations still to apply.")
                return MIGRATIONS_PENDING
            _migrations_seen_applied = True
    except DatabaseError:
        # The details go to the log, never to whoever asked.
        logger.exception("Health check: the database is unavailable.")
        return DATABASE_UNAVAILABLE
    return HEALTHY


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For a load balancer or orchestrator: 200 when the site can serve pages, 503 when not."""
    status = database_health()
    return JsonResponse({"status": status}, status=200 if status == HEALTHY else 503)
