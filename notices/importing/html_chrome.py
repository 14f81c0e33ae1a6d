"""Site chrome that a saved web page marks only by its class or id, not by its element: council
sites build menus, banners, breadcrumbs, share links and footers out of <div>s.

html_reader._chrome_kind knows the semantic markers (<nav>, <header>, <footer>, ARIA roles, forms,
cookie banners). This adds the names content-management systems give the same parts, matched
as whole class or id words ("site-footer", never "footnote"), and only outside the page's marked
main content, so a notice's own "alert" or "banner" paragraph keeps its place.
"""

import re

from bs4 import Tag

# Whole class or id words, each with the kind of chrome it names.
_NAMED_CHROME: dict[str, str] = {
    **dict.fromkeys(
        ("header", "site-header", "global-header", "masthead", "top-bar", "topbar"), "header"
    ),
    **dict.fromkeys(
        ("menu", "main-menu", "mega-menu", "megamenu", "navbar", "nav", "site-nav", "navigation"),
        "navigation",
    ),
    **dict.fromkeys(("crumbs", "crumb", "crumbtrail", "breadcrumb-trail"), "breadcrumbs"),
    **dict.fromkeys(
        (
            "alert-banner",
            "site-banner",
            "service-banner",
            "notification-banner",
            "emergency-banner",
            "announcement",
            "maintenance",
            "phase-banner",
        ),
        "service banner",
    ),
    **dict.fromkeys(
        ("share", "share-links", "social", "social-links", "sharethis", "share-this"),
        "share links",
    ),
    **dict.fromkeys(("footer", "site-footer", "global-footer", "page-footer"), "footer"),
    **dict.fromkeys(("feedback", "page-feedback", "was-this-useful"), "feedback form"),
}

# A banner or share bar is a line or two; a longer block with such a name may be content.
_MOST_TEXT = 600

_WORD_SPLIT = re.compile(r"[\s]+")


def named_chrome_kind(element: Tag) -> str | None:
    """The kind of chrome `element`'s class or id names, or None."""
    if element.name in ("html", "body", "main", "article"):
        return None
    classes = element.get("class") or []
    if isinstance(classes, str):
        classes = _WORD_SPLIT.split(classes)
    words = [*classes, str(element.get("id") or "")]
    for word in words:
        kind = _NAMED_CHROME.get(word.lower())
        if kind is None:
            continue
        if len(element.find_all(["h2", "h3", "h4"], limit=2)) >= 2:
            return None  # sections of the notice, whatever the wrapper is called
        short_kinds = ("service banner", "share links", "feedback form")
        if kind in short_kinds and len(element.get_text(" ", strip=True)) > _MOST_TEXT:
            return None
        return kind
    return None
