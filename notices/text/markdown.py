"""The one renderer: staff Markdown in, sanitised HTML out.

Staff text is untrusted. Markdown lets raw HTML through, so the HTML that Markdown produces is
cleaned by nh3 (the Ammonia sanitiser) against an explicit allow-list. Everything that shows staff
text uses `render_markdown`: the public pages, the admin and django-markdownx's live preview
(MARKDOWNX_MARKDOWNIFY_FUNCTION).
"""

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

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


def _parser() -> MarkdownIt:
    """CommonMark with tables. markdown-it-py is linear in its input by design, so no staff text
    within the field limits can make rendering slow (Python-Markdown, used before, took minutes on
    runs of unmatched `[`)."""
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Every link becomes an <a>, and nh3 alone decides which addresses keep their href: a
    # `javascript:` link then loses its href instead of showing its address as text.
    parser.validateLink = lambda url: True
    return parser


_PARSER = _parser()


def _renumber_headings(tokens: list[Token], top_level: int) -> None:
    """Move the body's headings down so they nest under the part's heading, with no gaps."""
    headings = [token for token in tokens if token.type in {"heading_open", "heading_close"}]
    levels = sorted({int(token.tag[1]) for token in headings})
    # The n-th distinct level used becomes top_level + n, capped at h6.
    new_level = {level: min(top_level + rank, 6) for rank, level in enumerate(levels)}
    for token in headings:
        token.tag = f"h{new_level[int(token.tag[1])]}"


def render_markdown(text: str, *, top_heading_level: int = DEFAULT_TOP_HEADING_LEVEL) -> str:
    """Render staff Markdown to HTML that is safe to put in a page as it is.

    Headings in `text` are renumbered to start at `top_heading_level` (2 to 6); raw HTML headings
    above that level are removed, so a body can never break the page's heading order.
    """
    if not 2 <= top_heading_level <= 6:
        raise ValueError("top_heading_level must be between 2 and 6")
    tokens = _PARSER.parse(text or "")
    _renumber_headings(tokens, top_heading_level)
    html = _PARSER.renderer.render(tokens, _PARSER.options, {})
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
