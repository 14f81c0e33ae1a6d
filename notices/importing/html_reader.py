"""The web page reader: a saved page is parsed, its site chrome (skip links, cookie and service
banners, menus, breadcrumbs, feedback forms, share links, footers, contents lists) left out, the
notice's own content found (main, article, role="main" or the densest block) and sanitised by nh3.
"""

import re
import warnings

import nh3
from bs4 import (
    BeautifulSoup,
    Comment,
    MarkupResemblesLocatorWarning,
    NavigableString,
    ParserRejectedMarkup,
    Tag,
    XMLParsedAsHTMLWarning,
)

from notices.importing.html_chrome import (
    _CHROME_NAMES,
    _COOKIE_WORDS,
    _SKIP_LINK_TEXT,
    _chrome_kind,
    _remove_chrome,
    _Removed,
)
from notices.importing.html_markdown import (
    _HEADING_TAGS,
    _SAFE_URL_SCHEMES,
    _inline_plain,
    _MarkdownWriter,
    _safe_href,
    _scheme,
)
from notices.importing.read_result import UnreadableDocument, _count, _first_heading, _join_words

# Dropped with everything inside them before anything else is looked at.
_REMOVED_WITH_CONTENT = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "img",
    "picture",
    "map",
    "link",
    "meta",
    "textarea",
    "select",
)

# What nh3 lets through to the Markdown converter: structure only, no attributes but these.
_SANITISER_TAGS = {
    *(f"h{level}" for level in range(1, 7)),
    *("p", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "address"),
    *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"),
    *("a", "strong", "b", "em", "i", "code", "span", "abbr", "sub", "sup", "small", "u"),
    *("div", "section", "article", "main", "header", "footer", "details", "summary"),
    *("figure", "figcaption"),
}
_SANITISER_ATTRIBUTES = {
    "a": {"href"},
    "ol": {"start"},
    "th": {"colspan"},
    "td": {"colspan"},
}


# What the HTML came from: a saved web page (its main content is found and its chrome left
# out), a Word document (all of it is content) or raw HTML inside a Markdown file.
_PAGE = "page"
_DOCUMENT = "document"
_FRAGMENT = "fragment"


# For markup Python's parser gives up on: html5ever (inside nh3) repairs anything, keeping the
# structure and the attributes that tell a page's chrome from its content. Scripts and the like
# go with their content, as they would anyway.
_REPAIR_TAGS = set(nh3.ALLOWED_TAGS) - {"img", "map", "area"} | {
    *("html", "head", "title", "body", "main", "nav", "section", "address"),
    *("form", "button", "label", "input", "base", "link", "meta"),
}
_REPAIR_ATTRIBUTES = {
    "*": {"class", "id", "role", "aria-label", "aria-hidden", "hidden"},
    "a": {"href"},
    "base": {"href"},
    "link": {"rel", "href"},
    "meta": {"property", "content"},
    "ol": {"start"},
    "th": {"colspan"},
    "td": {"colspan"},
}


def _parse(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        # Short text that looks like a file name or an XML declaration is still just HTML here.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        try:
            return BeautifulSoup(html, "html.parser")
        except ParserRejectedMarkup:
            repaired = nh3.clean(
                html,
                tags=_REPAIR_TAGS,
                clean_content_tags=set(_REMOVED_WITH_CONTENT) - _REPAIR_TAGS,
                attributes=_REPAIR_ATTRIBUTES,
                url_schemes=_SAFE_URL_SCHEMES,
                link_rel=None,
                strip_comments=True,
            )
            try:
                return BeautifulSoup(repaired, "html.parser")
            except ParserRejectedMarkup:
                raise UnreadableDocument(
                    "This web page's HTML is too broken to read. Open it in a browser, copy the "
                    "notice's text into a text file (.txt), and upload that."
                ) from None


def _sanitise(html: str) -> str:
    """nh3 against the converter's allow-list: whatever the chrome removal missed, no script,
    event attribute or script link reaches the converter."""
    return nh3.clean(
        html,
        tags=_SANITISER_TAGS,
        clean_content_tags=set(_REMOVED_WITH_CONTENT) | {"title", "head", "form", "button"},
        attributes=_SANITISER_ATTRIBUTES,
        url_schemes=_SAFE_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def _html_to_markdown(html: str, *, source: str) -> tuple[str, str, list[str]]:
    """HTML's content as Markdown; its title; notes on what was left out."""
    soup = _parse(html)
    notes: list[str] = []
    base_url = _base_url(soup) if source == _PAGE else ""
    page_title = _page_title(soup)

    gone = _Removed()
    removed = {name: 0 for name in ("script", "iframe", "image")}
    for element in soup.find_all(_REMOVED_WITH_CONTENT):
        if element in gone:
            continue
        if element.name == "script":
            removed["script"] += 1
        elif element.name in ("iframe", "frame", "object", "embed", "applet"):
            removed["iframe"] += 1
        elif element.name in ("img", "picture"):
            removed["image"] += 1
        gone.remove(element)
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()

    root: Tag | None = soup
    chrome: set[str] = set()
    if source == _PAGE:
        root = _marked_main_content(soup)
    first_h1 = _first_h1(root, soup) if source != _FRAGMENT else ""
    if source != _FRAGMENT:
        chrome = _remove_chrome(soup, keep=root, gone=gone)
    if root is None:
        root = _densest_content(soup)
    unsafe_links = sum(1 for link in root.find_all("a", href=True) if not _safe_href(link["href"]))

    content = _parse(_sanitise(str(root)))
    levels = [int(heading.name[1]) for heading in content.find_all(_HEADING_TAGS)]
    in_content = any(
        heading.get_text(" ", strip=True) == first_h1 for heading in content.find_all("h1")
    )
    prepend_title = bool(first_h1) and not in_content
    if source == _FRAGMENT:
        shift = 0  # HTML inside Markdown keeps the levels it was written with
    else:
        # The top heading becomes "#"; under a page title from outside the content, "##".
        shift = (min(levels) if levels else 1) - (2 if prepend_title else 1)
    writer = _MarkdownWriter(base_url=base_url, heading_shift=shift)
    blocks = writer.blocks(content)
    if prepend_title:
        blocks.insert(0, f"# {_inline_plain(first_h1)}")
    markdown = "\n\n".join(blocks)

    if _SKIP_LINK_TEXT.search(page_title) or _COOKIE_WORDS.search(page_title):
        page_title = ""  # a <title> that is furniture, not the page's name
    first_heading = _first_heading(markdown)
    if _NAMES_THE_NOTICE.search(first_heading):
        page_title = first_heading  # the notice's own heading over the browser tab's text
    title = first_h1 or page_title or first_heading
    present = [name for name in _CHROME_NAMES if name in chrome]
    if present:
        notes.append(f"Left out the {source}'s {_join_words(present)}")
    if removed["script"]:
        notes.append(f"Removed {_count(removed['script'], 'script')}")
    if removed["iframe"]:
        notes.append(f"Removed {_count(removed['iframe'], 'embedded frame')}")
    if removed["image"]:
        notes.append(f"Left out {_count(removed['image'], 'picture')}: the import keeps text only")
    if unsafe_links:
        notes.append(
            f"Removed {_count(unsafe_links, 'link')} that ran a script or held hidden data, "
            "keeping the text"
        )
    if writer.relative_links:
        notes.append(
            f"Kept {_count(writer.relative_links, 'link')} to other pages of the original site "
            "as plain text, because the file does not say the page's own address"
        )
    return markdown, title, notes


def _base_url(soup: BeautifulSoup) -> str:
    """The address the saved page came from, if it says, so its relative links still work."""
    candidates = [
        (soup.find("base", href=True) or {}).get("href"),
        (soup.find("link", rel="canonical", href=True) or {}).get("href"),
        (soup.find("meta", property="og:url", content=True) or {}).get("content"),
    ]
    for candidate in candidates:
        if isinstance(candidate, str) and _scheme(candidate.strip()) in ("http", "https"):
            return candidate.strip()
    return ""


def _page_title(soup: BeautifulSoup) -> str:
    title = soup.find("title")
    if not title:
        return ""
    text = title.get_text(" ", strip=True)
    # "Children's privacy notice | Harrowmere Council": the page's own part comes first.
    return re.split(r"\s+[|\u2013\u2014-]\s+", text)[0].strip()


def _marked_main_content(soup: BeautifulSoup) -> Tag | None:
    """The element the page itself marks as its main content, if it marks one."""
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main:
        return main
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda article: len(article.get_text(" ", strip=True)))
    return None


def _first_h1(root: Tag | None, soup: BeautifulSoup) -> str:
    for scope in (root, soup):
        if scope is None:
            continue
        for heading in scope.find_all("h1"):
            if any(_chrome_kind(parent) for parent in heading.parents if parent.name != "header"):
                continue  # "Cookies on this site" in a banner is not the page's title
            text = heading.get_text(" ", strip=True)
            if text:
                return text
    return ""


_CONTENT_TEXT_TAGS = ["p", "li", "td", "dd", "pre", "blockquote"]


def _densest_content(soup: BeautifulSoup) -> Tag:
    """The smallest element holding nearly all the page's text, when no <main> marks it."""
    top = soup.body or soup
    tags = [top, *top.find_all(True)]
    text_length: dict[int, int] = {}
    content_length: dict[int, int] = {}  # text in paragraphs, list items, cells
    # Children before parents (reversed document order), so each element is added up once.
    for tag in reversed(tags):
        children = [child for child in tag.children if isinstance(child, Tag)]
        own = sum(
            len(child.strip())
            for child in tag.children
            if isinstance(child, NavigableString) and not isinstance(child, Comment)
        )
        text_length[id(tag)] = own + sum(text_length[id(child)] for child in children)
        content_length[id(tag)] = (
            text_length[id(tag)]
            if tag.name in _CONTENT_TEXT_TAGS
            else sum(content_length[id(child)] for child in children)
        )
    weight = content_length if content_length[id(top)] else text_length
    node = top
    while True:
        children = [child for child in node.children if isinstance(child, Tag)]
        if not weight[id(node)] or not children:
            return node
        best = max(children, key=lambda child: weight[id(child)])
        if weight[id(best)] < weight[id(node)] * 0.85:
            return node
        node = best


_NAMES_THE_NOTICE = re.compile(r"\bprivacy notice\b", re.I)
