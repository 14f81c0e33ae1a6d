from django.urls import path, register_converter

from notices.models import NoticeKind
from notices.public import embed, feeds, printed
from notices.public.addresses import NumberConverter
from notices.public.page_cache import MACHINE_READABLE, for_council, for_site, public_page
from notices.public.views import comparison, linked_data, notice_pages
from notices.public.views import search as search_views


class NoticeKindConverter:
    """Matches only the kinds of notice there are, so other words after a council's slug (such
    as `feed`) are free for other pages and unknown kinds are a plain 404."""

    regex = "|".join(kind.value for kind in NoticeKind)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(NoticeKindConverter, "notice_kind")
register_converter(NumberConverter, "number")

app_name = "notices"

NOTICE = "councils/<slug:council_slug>/<notice_kind:kind>/"

urlpatterns = [
    path(NOTICE, notice_pages.notice_detail, name="detail"),
    path(f"{NOTICE}history/", notice_pages.notice_history, name="history"),
    path(f"{NOTICE}versions/<number:number>/", notice_pages.notice_version, name="version"),
    path(f"{NOTICE}compare/", notice_pages.choose_comparison, name="choose-comparison"),
    path(
        f"{NOTICE}compare/<number:old>...<number:new>/", notice_pages.notice_compare, name="compare"
    ),
    path(
        "councils/<slug:council_slug>/feed/",
        public_page(for_council, cache_control=MACHINE_READABLE)(feeds.CouncilChangesFeed()),
        name="council-feed",
    ),
    path(
        "feeds/updates/",
        public_page(for_site, cache_control=MACHINE_READABLE)(feeds.AllChangesFeed()),
        name="all-feed",
    ),
    path("compare/", comparison.comparisons, name="comparisons"),
    path("compare/recipients/", comparison.compare_recipients, name="compare-recipients"),
    path(
        "compare/data-categories/",
        comparison.compare_data_categories,
        name="compare-data-categories",
    ),
    path("compare/retention/", comparison.compare_retention, name="compare-retention"),
    # One item at a time: each council's answer, councils as rows.
    path("compare/recipients/<slug:item>/", comparison.compare_recipient, name="compare-recipient"),
    path(
        "compare/data-categories/<slug:item>/",
        comparison.compare_data_category,
        name="compare-data-category",
    ),
    path(
        "compare/retention/<slug:item>/", comparison.compare_record_kind, name="compare-record-kind"
    ),
    path("search/", search_views.search, name="search"),
    # Machine-readable notices (notices.public.linked_data).
    path(
        "councils/<slug:council_slug>/<notice_kind:kind>.jsonld",
        linked_data.current_notice_jsonld,
        name="detail-jsonld",
    ),
    path(
        f"{NOTICE}versions/<number:number>.jsonld",
        linked_data.version_jsonld,
        name="version-jsonld",
    ),
    path("data/notices.json", linked_data.bulk_json, name="bulk-json"),
    # The notice in a council's own pages (notices.public.embed).
    path(f"{NOTICE}embed/", embed.embed_current, name="embed"),
    path(f"{NOTICE}versions/<number:number>/embed/", embed.embed_version, name="embed-version"),
    path("oembed", embed.oembed, name="oembed"),
    path(f"{NOTICE}versions/<number:number>.pdf", printed.version_pdf, name="version-pdf"),
]
