"""The one renderer: staff Markdown in, sanitised HTML out.

Staff text is untrusted. Markdown lets raw HTML through, so the HTML that Markdown produces is
cleaned by nh3 (the Ammonia sanitiser) against an explicit allow-list. Everything that shows staff
text uses `render_markdown`: the public pages, the admin and django-markdownx's live preview
(MARKDOWNX_MARKDOWNIFY_FUNCTION).
"""

import xml.etree.ElementTree as ET

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")

# Inside a notice, a part's own heading is an h2; headings in its body start one level below.
DEFAULT_TOP_HEADING_LEVEL = 3

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        "strong",
        "em",
        "b",
        "i",
        "abbr",
        "sub",
        "sup",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "a",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)

# No `style`, no `class`, no `id` (ids could clash with the page's own anchors), no event handlers.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}

# Relative links (#anchors, /paths) stay; of absolute ones only these schemes survive, so
# `javascript:`, `data:` and `vbscript:` links lose their href.
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Dropped with everything inside them, not just their tags.
REMOVED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math"}
)

# Added to every link: a linked page never gets a handle on ours, nor our address as referrer.
LINK_REL = "noopener noreferrer"

MARKDOWN_EXTENSIONS = ["tables", "sane_lists"]


class _HeadingLevels(Treeprocessor):
    """Moves the body's headings down so they nest under the part's heading, with no gaps."""

    def __init__(self, md: markdown.Markdown, top_level: int) -> None:
        super().__init__(md)
        self.top_level = top_level

    def run(self, root: ET.Element) -> None:
        headings = [element for element in root.iter() if element.tag in HEADING_TAGS]
        levels = sorted({int(element.tag[1]) for element in headings})
        # The n-th distinct level used becomes top_level + n, capped at h6.
        new_level = {level: min(self.top_level + rank, 6) for rank, level in enumerate(levels)}
        for element in headings:
            element.tag = f"h{new_level[int(element.tag[1])]}"


class _HeadingLevelsExtension(Extension):
    def __init__(self, top_level: int) -> None:
        super().__init__()
        self.top_level = top_level

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_HeadingLevels(md, self.top_level), "heading_levels", 5)


def render_markdown(text: str, *, top_heading_level: int = DEFAULT_TOP_HEADING_LEVEL) -> str:
    """Render staff Markdown to HTML that is safe to put in a page as it is.

    Headings in `text` are renumbered to start at `top_heading_level` (2 to 6); raw HTML headings
    above that level are removed, so a body can never break the page's heading order.
    """
    if not 2 <= top_heading_level <= 6:
        raise ValueError("top_heading_level must be between 2 and 6")
    html = markdown.markdown(
        text or "",
        extensions=[*MARKDOWN_EXTENSIONS, _HeadingLevelsExtension(top_heading_level)],
        output_format="html",
    )
    allowed_headings = {f"h{level}" for level in range(top_heading_level, 7)}
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS | allowed_headings),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()
