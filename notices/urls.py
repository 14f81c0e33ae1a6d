from django.urls import path, register_converter

from notices import feeds, views
from notices.models import NoticeKind


class NoticeKindConverter:
    """Matches only the kinds of notice there are, so other words after a council's slug (such
    as `feed`) are free for other pages and unknown kinds are a plain 404."""

    regex = "|".join(kind.value for kind in NoticeKind)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(NoticeKindConverter, "notice_kind")

app_name = "notices"

NOTICE = "councils/<slug:council_slug>/<notice_kind:kind>/"

urlpatterns = [
    path(NOTICE, views.notice_detail, name="detail"),
    path(f"{NOTICE}history/", views.notice_history, name="history"),
    path(f"{NOTICE}versions/<int:number>/", views.notice_version, name="version"),
    path(f"{NOTICE}compare/", views.choose_comparison, name="choose-comparison"),
    path(f"{NOTICE}compare/<int:old>...<int:new>/", views.notice_compare, name="compare"),
    path("councils/<slug:council_slug>/feed/", feeds.CouncilChangesFeed(), name="council-feed"),
    path("feeds/updates/", feeds.AllChangesFeed(), name="all-feed"),
]
