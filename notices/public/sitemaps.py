"""/sitemap.xml: every council, every published notice and every one of its versions."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.db.models import Max, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from councils.models import Council
from notices.models import Notice, NoticeVersion
from notices.public.addresses import site_address
from notices.public.page_cache import MACHINE_READABLE, for_site, public_page


class SiteSitemap(Sitemap):
    """Links on the configured site address, whatever Host the request came with."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(site_address()).scheme

    def get_domain(self, site=None) -> str:
        return urlsplit(site_address()).netloc


class CouncilSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Council]:
        return Council.objects.by_name().annotate(
            last_published=Max("notices__versions__published_at")
        )

    def lastmod(self, council: Council):
        return council.last_published


class NoticeSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> QuerySet[Notice]:
        return (
            Notice.objects.published()
            .select_related("council")
            .annotate(last_published=Max("versions__published_at"))
            .order_by("council__name", "kind")
        )

    def lastmod(self, notice: Notice):
        return notice.last_published


class NoticeVersionSitemap(SiteSitemap):
    """Published versions never change, so each is listed once with its publication date."""

    changefreq = "never"
    priority = 0.3

    def items(self) -> QuerySet[NoticeVersion]:
        return (
            NoticeVersion.objects.without_content()
            .select_related("notice__council")
            .only("number", "published_at", "notice__kind", "notice__council__slug")
            .order_by("notice__council__name", "notice__kind", "number")
        )

    def location(self, version: NoticeVersion) -> str:
        return reverse(
            "notices:version",
            args=[version.notice.council.slug, version.notice.kind, version.number],
        )

    def lastmod(self, version: NoticeVersion):
        return version.published_at


SITEMAPS = {"councils": CouncilSitemap, "notices": NoticeSitemap, "versions": NoticeVersionSitemap}


@public_page(for_site, cache_control=MACHINE_READABLE)
def sitemap_xml(request: HttpRequest) -> HttpResponse:
    return sitemap(request, sitemaps=SITEMAPS)
