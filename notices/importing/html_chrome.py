"""A saved web page's site chrome, found and taken out before its content is read: skip links,
cookie and service banners, menus, breadcrumbs, feedback forms, share links, footers and
"On this page" contents lists.

_chrome_kind knows the semantic markers (<nav>, <header>, <footer>, ARIA roles, forms, cookie
banners). named_chrome_kind adds the names content-management systems give the same parts, as
council sites build them out of <div>s: matched as whole class or id words ("site-footer", never
"footnote"), and only outside the page's marked main content, so a notice's own "alert" or
"banner" paragraph keeps its place (a bar of nothing but share links is the one exception).
"""

import re

from bs4 import BeautifulSoup, Tag

from notices.importing.html_markdown import _HEADING_TAGS

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


# id and class words of the chrome around a page's content.
_COOKIE_WORDS = re.compile(r"cookie|consent|onetrust|gdpr-banner", re.I)
_BREADCRUMB_WORDS = re.compile(r"breadcrumb", re.I)
_FEEDBACK_TEXT = re.compile(
    r"\b(was|is) this (page|information|article|content) (useful|helpful)"
    r"|\bdid you find (this|what you)|\breport a problem with this page|\brate this page",
    re.I,
)
_SKIP_LINK_TEXT = re.compile(r"^\s*(skip (to|over|navigation|main)|back to top)\b", re.I)
_CONTENTS_HEADINGS = re.compile(
    r"^\s*(contents|table of contents|page contents|on this page|in this section)\s*:?\s*$",
    re.I,
)

# The order the chrome is named in the notes.
_CHROME_NAMES = (
    "header",
    "navigation",
    "breadcrumbs",
    "search box",
    "cookie banner",
    "service banner",
    "contents list",
    "share links",
    "related links",
    "feedback form",
    "other forms",
    "footer",
)


def _classes_and_id(element: Tag) -> str:
    classes = element.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([*classes, str(element.get("id") or ""), str(element.get("aria-label") or "")])


def _is_page_level(element: Tag) -> bool:
    """A <header> or <footer> of the page, not one inside an article or section."""
    return element.find_parent(["main", "article", "section", "aside"]) is None


def _chrome_kind(element: Tag) -> str | None:
    """What part of a page's chrome `element` is, or None if it may be content."""
    name = element.name
    role = str(element.get("role") or "").lower()
    words = _classes_and_id(element)
    if element.has_attr("hidden") or str(element.get("aria-hidden")).lower() == "true":
        return "hidden"
    if name == "nav" or role == "navigation":
        return "breadcrumbs" if _BREADCRUMB_WORDS.search(words) else "navigation"
    if _BREADCRUMB_WORDS.search(words):
        return "breadcrumbs"
    if role == "search":
        return "search box"
    if (name == "header" and _is_page_level(element)) or role == "banner":
        return "header"
    if (name == "footer" and _is_page_level(element)) or role == "contentinfo":
        return "footer"
    if name not in _HEADING_TAGS and _COOKIE_WORDS.search(words):
        # A banner is short and talks about cookies; a notice's own section on consent (or a
        # page whose <body> has a "cookies-accepted" class) keeps its place.
        text = element.get_text(" ", strip=True)
        if len(text) < 3000 and ("cookie" in text.lower() or "cookie" in words.lower()):
            return "cookie banner"
    if name == "form":
        is_feedback = _FEEDBACK_TEXT.search(element.get_text(" ")) or "feedback" in words.lower()
        return "feedback form" if is_feedback else "other forms"
    if name == "aside" or role == "complementary":
        return "related links" if _mostly_links(element) else None
    if name == "a" and _SKIP_LINK_TEXT.search(element.get_text(" ")):
        return "skip link"
    if name == "button":
        return None if element.find_parent([*_HEADING_TAGS, "summary"]) else "button"
    return None


def _is_share_bar(element: Tag) -> bool:
    """Share links inside the marked main content: named so, and nothing but links. A notice
    says "share" in its words and headings, never as a bar of links alone."""
    return (
        named_chrome_kind(element) == "share links"
        and bool(element.find("a"))
        and (_mostly_links(element))
    )


def _mostly_links(element: Tag) -> bool:
    text = len(element.get_text(" ", strip=True))
    links = sum(len(link.get_text(" ", strip=True)) for link in element.find_all("a"))
    return text == 0 or links * 2 >= text


class _Removed:
    """The elements taken out of the tree so far.

    bs4's own `decomposed` check searches the element's subtree each time it is asked, which is
    quadratic on a deeply nested page; this is a set lookup. It holds the elements themselves so
    their ids stay unique while it lives.
    """

    def __init__(self) -> None:
        self._elements: dict[int, Tag] = {}

    def remove(self, element: Tag) -> None:
        for inner in [element, *element.find_all(True)]:
            self._elements[id(inner)] = inner
        element.decompose()

    def __contains__(self, element: object) -> bool:
        return id(element) in self._elements


def _remove_chrome(soup: BeautifulSoup, *, keep: Tag | None, gone: _Removed) -> set[str]:
    """Drop navigation, banners, forms and footers; return the kinds of chrome found."""
    protected = {id(soup), *(id(element) for element in soup.find_all(["html", "body"]))}
    if keep is not None:
        protected |= {id(keep), *(id(parent) for parent in keep.parents)}
    # Chrome named only by class or id is looked for outside the marked main content.
    inside = {id(element) for element in keep.find_all(True)} if keep is not None else set()
    found: set[str] = set()
    for element in soup.find_all(True):
        if element in gone or id(element) in protected:
            continue
        kind = _chrome_kind(element)
        if kind is None and id(element) not in inside:
            kind = named_chrome_kind(element)
        elif kind is None and _is_share_bar(element):
            kind = "share links"
        if kind:
            found.add(kind)
            gone.remove(element)
    # "Was this page useful?" is often a few links in a <div>, not a form.
    for text in soup.find_all(string=_FEEDBACK_TEXT):
        block = text.parent
        for candidate in [text.parent, *text.parents]:
            if not isinstance(candidate, Tag) or id(candidate) in protected:
                break
            if len(candidate.get_text(" ", strip=True)) > 400:
                break
            block = candidate
        if isinstance(block, Tag) and id(block) not in protected and block not in gone:
            gone.remove(block)
            found.add("feedback form")
    if _remove_contents_lists(soup, gone):
        found.add("contents list")
    return found


def _is_contents_entry(element: Tag) -> bool:
    """A list item or paragraph that is only a link to a place further down the same page."""
    links = element.find_all("a", href=True)
    if len(links) != 1 or not str(links[0]["href"]).startswith("#"):
        return False
    text = re.sub(r"\s+", "", element.get_text())
    return bool(text) and text == re.sub(r"\s+", "", links[0].get_text())


def _remove_contents_lists(soup: BeautifulSoup, gone: _Removed) -> bool:
    """Drop "On this page" lists and Word's table of contents: links into the page itself."""
    found = False
    for listing in soup.find_all(["ul", "ol"]):
        if listing in gone:
            continue
        items = listing.find_all("li", recursive=False)
        if len(items) >= 2 and all(_is_contents_entry(item) for item in items):
            heading = listing.find_previous_sibling(True)
            if heading is not None and _CONTENTS_HEADINGS.match(heading.get_text(" ")):
                gone.remove(heading)
            gone.remove(listing)
            found = True
    run: list[Tag] = []
    for paragraph in [*soup.find_all("p"), None]:  # None ends the last run
        if paragraph is not None and paragraph not in gone and _is_contents_entry(paragraph):
            if run and paragraph.find_previous_sibling(True) is not run[-1]:
                found |= _drop_run(run, gone)
                run = []
            run.append(paragraph)
            continue
        found |= _drop_run(run, gone)
        run = []
    return found


def _drop_run(run: list[Tag], gone: _Removed) -> bool:
    if len(run) < 2:
        return False
    for paragraph in run:
        gone.remove(paragraph)
    return True
