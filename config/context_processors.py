"""What every public page's header needs: the site's navigation, with the current item marked."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class NavigationItem:
    label: str
    url: str
    # True on the item's own page; also true (but not `is_page`) anywhere in its section.
    is_current: bool
    is_page: bool


# (label, URL name, path prefixes of the pages in its section)
NAVIGATION = (
    ("Find a council", "councils:index", ("/councils/",)),
    ("Compare councils", "notices:comparisons", ("/compare/",)),
    ("Search notices", "notices:search", ("/search/",)),
)


def site_navigation(request: HttpRequest) -> dict[str, list[NavigationItem]]:
    items = []
    for label, url_name, sections in NAVIGATION:
        url = reverse(url_name)
        is_page = request.path == url
        in_section = any(request.path.startswith(prefix) for prefix in sections)
        items.append(NavigationItem(label, url, is_page or in_section, is_page))
    return {"site_navigation": items}
