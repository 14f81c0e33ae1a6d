"""Atom feeds of major changes: one for every council, one per council.

Minor changes (wording, typos) are left out: a feed reader should only hear about changes to what
a council does with people's information.
"""

from typing import Any
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from councils.models import Council
from notices.models import NoticeVersion, NoticeVersionQuerySet
from notices.public.addresses import site_address
from notices.publishing.nations import national_body
from notices.text.input_policy import xml_safe

FEED_LENGTH = 50
SITE_NAME = "Council privacy notices"


def major_versions() -> NoticeVersionQuerySet:
    return (
        NoticeVersion.objects.filter(is_major=True)
        .without_content()
        .select_related("notice__council")
        .order_by("-published_at", "-pk")
    )


class _OnSiteAddress:
    """The request as Django's feed sees it, but at the configured site address: the feed is
    cached for every Host that reaches it, so its links must not name the Host it came with."""

    def __init__(self, request: HttpRequest) -> None:
        self._request = request
        address = urlsplit(site_address())
        self._host, self._secure = address.netloc, address.scheme == "https"

    def get_host(self) -> str:
        return self._host

    def is_secure(self) -> bool:
        return self._secure

    def __getattr__(self, name: str):
        return getattr(self._request, name)


def _xml_safe(value: Any) -> Any:
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(item) for item in value)
    return value


class XmlSafeAtom1Feed(Atom1Feed):
    """Atom that drops the characters XML cannot carry from every value it is given: text stored
    before the input policy, or in a published version that can never be corrected, must not
    make the feed fail ("Control characters are not supported in XML 1.0")."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})


class MajorChangesFeed(Feed):
    feed_type = XmlSafeAtom1Feed
    author_name = SITE_NAME

    def get_feed(self, obj, request: HttpRequest):
        return super().get_feed(obj, _OnSiteAddress(request))

    def item_title(self, version: NoticeVersion) -> str:
        return f"{version.notice.council.name}: {version.title}, version {version.number}"

    def item_description(self, version: NoticeVersion) -> str:
        # Atom summaries are HTML; a change note is plain text, so it is escaped to stay text.
        return escape(version.change_note)

    def item_link(self, version: NoticeVersion) -> str:
        return version.get_absolute_url()

    def item_pubdate(self, version: NoticeVersion):
        return version.published_at

    def item_updateddate(self, version: NoticeVersion):
        return version.published_at

    def item_author_name(self, version: NoticeVersion) -> str:
        return version.notice.council.name

    def item_categories(self, version: NoticeVersion) -> list[str]:
        if not version.is_shared_block_update:
            return []
        return [f"{national_body(version.notice.council.nation)} section"]


class AllChangesFeed(MajorChangesFeed):
    title = f"{SITE_NAME}: major changes"
    subtitle = "Major changes to every council's children's social care privacy notice."

    def link(self) -> str:
        return reverse("councils:index")

    def feed_url(self) -> str:
        return reverse("notices:all-feed")

    def items(self) -> list[NoticeVersion]:
        return list(major_versions()[:FEED_LENGTH])


class CouncilChangesFeed(MajorChangesFeed):
    def get_object(self, request: HttpRequest, council_slug: str) -> Council:
        return get_object_or_404(Council, slug=council_slug)

    def title(self, council: Council) -> str:
        return f"{council.name}: major changes to its privacy notices"

    def subtitle(self, council: Council) -> str:
        return f"Major changes to {council.name}'s privacy notices on {SITE_NAME}."

    def link(self, council: Council) -> str:
        return council.get_absolute_url()

    def feed_url(self, council: Council) -> str:
        return reverse("notices:council-feed", kwargs={"council_slug": council.slug})

    def items(self, council: Council) -> list[NoticeVersion]:
        return list(major_versions().filter(notice__council=council)[:FEED_LENGTH])
