"""Whatever Markdown staff type, render_markdown gives HTML with nothing that can run or load:
a property test over any text mixed with pieces of known attacks.

Hypothesis runs derandomized (the same examples every run, in CI and locally), so a failure is
reproducible; test_each_hostile_fragment_alone_is_made_safe checks every fragment on its own too.
"""

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notices.text.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, HEADING_TAGS, render_markdown

REPRODUCIBLE = settings(
    derandomize=True,
    max_examples=500,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

FORBIDDEN_ELEMENTS = {
    "script",
    "style",
    "iframe",
    "frame",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "base",
    "meta",
    "link",
    "img",
    "svg",
    "math",
    "template",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "data", "poster"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# Every attribute the renderer allows on some element, and the rel it adds to links.
PERMITTED_ATTRIBUTES = {name for names in ALLOWED_ATTRIBUTES.values() for name in names} | {"rel"}

# Pieces of real attacks on Markdown renderers and HTML sanitisers.
HOSTILE_FRAGMENTS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)" srcset="javascript:alert(1) 1x">',
    "<svg onload=alert(1)>",
    "<svg><a xlink:href='javascript:alert(1)'><text>x</text></a></svg>",
    "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    "<iframe src='javascript:alert(1)'></iframe>",
    "<iframe srcdoc='<script>alert(1)</script>'>",
    "<style>body { background: url(javascript:alert(1)) }</style>",
    "<p style='background:url(javascript:alert(1))'>styled</p>",
    '<div onmouseover="alert(1)">hover</div>',
    "<table><tr><td onclick=alert(1)>cell</td></tr></table>",
    '<a href="javascript:alert(1)">link</a>',
    "<a href='&#106;avascript:alert(1)'>link</a>",
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">link</a>',
    '<a href="java&NewLine;script:alert(1)">link</a>',
    '<a href="javascript&colon;alert(1)">link</a>',
    '<a href="  javascript:alert(1)">link</a>',
    '<a href="\x01javascript:alert(1)">link</a>',
    "<a href=JaVaScRiPt:alert(1)>link</a>",
    "<a href=vbscript:msgbox(1)>link</a>",
    "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>link</a>",
    "<form action='javascript:alert(1)'><button formaction='javascript:alert(1)'>go</button>",
    "<input type=image src=x onerror=alert(1)>",
    "<base href='javascript:alert(1)//'>",
    "<meta http-equiv='refresh' content='0;url=javascript:alert(1)'>",
    "<link rel=stylesheet href='javascript:alert(1)'>",
    "<object data='javascript:alert(1)'></object>",
    "<embed src='javascript:alert(1)'>",
    "<video poster='javascript:alert(1)'></video>",
    "<template><script>alert(1)</script></template>",
    "<noscript><p title='</noscript><img src=x onerror=alert(1)>'></noscript>",
    "<!-- <script>alert(1)</script> -->",
    "<!--><script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "[link](javascript:alert(1))",
    "[link](JaVaScRiPt:alert(1))",
    "[link](jav&#x61;script:alert(1))",
    "[link](&#106;avascript:alert(1))",
    "[link](java\tscript:alert(1))",
    "[link](java\nscript:alert(1))",
    "[link]( javascript:alert(1))",
    "[link](<javascript:alert(1)>)",
    "[link](vbscript:msgbox(1))",
    "[link](data:text/html;base64,PHNjcmlwdD4=)",
    "[link](javascript:alert(1) 'title')",
    '[link](https://example.org "title\\" onmouseover=\\"alert(1)")',
    "![image](javascript:alert(1))",
    "![image](x onerror=alert(1))",
    '![image](x" onerror="alert(1))',
    "<javascript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "[reference][evil]\n\n[evil]: javascript:alert(1)\n",
    "[reference][evil]\n\n[evil]: <javascript:alert(1)> 'title'\n",
    "![reference][evil]\n\n[evil]: javascript:alert(1)\n",
    "[text](https://example.org/path?q=1#part)",
    "[relative](/councils/harrowmere/)",
    "[fragment](#your-rights)",
    "[email](mailto:dpo@harrowmere.example)",
    "[phone](tel:01632960102)",
    "<https://example.org>",
    "<dpo@harrowmere.example>",
]

# Markdown structure and the joints of attacks, so fragments combine in new ways.
PIECES = [
    "\n",
    "\n\n",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "    ",
    "```\n",
    "`",
    "*",
    "_",
    "| a | b |\n|---|---|\n| ",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "</",
    '"',
    "'",
    "=",
    "&",
    "&#",
    ";",
    "javascript:",
    "java",
    "script",
    "script:",
    "on",
    "error=",
    "href=",
    "<a ",
    "<img ",
    "<svg",
    "style=",
    "\t",
    "\x00",
    "\x0b",
    "\u200b",
]

markdown_inputs = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE_FRAGMENTS),
        st.sampled_from(PIECES),
        st.text(max_size=30),
    ),
    max_size=12,
).map("".join)


class _RenderedHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # Attribute values arrive entity-decoded.
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag


# What a browser does to a URL before it looks for a scheme: leading and trailing C0 controls
# and spaces go, and tabs and newlines anywhere are dropped (the WHATWG URL standard).
_STRIPPED_AT_ENDS = "".join(chr(code) for code in range(0x21))
_DROPPED_ANYWHERE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")


def url_problem(value: str) -> str | None:
    url = _DROPPED_ANYWHERE.sub("", html.unescape(value).strip(_STRIPPED_AT_ENDS)).lower()
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1) not in SAFE_SCHEMES:
        return f"a {scheme.group(1)}: URL"
    if any(ord(character) < 0x20 for character in url):
        return "a control character in a URL"
    return None


def problems_in(rendered: str) -> list[str]:
    parser = _RenderedHtml()
    parser.feed(rendered)
    parser.close()
    allowed_tags = ALLOWED_TAGS | set(HEADING_TAGS)
    problems = []
    for tag, attrs in parser.elements:
        if tag in FORBIDDEN_ELEMENTS or tag not in allowed_tags:
            problems.append(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"an event attribute {name} on <{tag}>")
            elif name == "style":
                problems.append(f"a style attribute on <{tag}>")
            elif name not in PERMITTED_ATTRIBUTES:
                problems.append(f"an attribute {name} on <{tag}>")
            if name in URL_ATTRIBUTES and value is not None:
                candidates = value.split(",") if name == "srcset" else [value]
                for candidate in candidates:
                    words = candidate.split()
                    problem = url_problem(words[0] if name == "srcset" and words else candidate)
                    if problem:
                        problems.append(f"{problem} in {name} on <{tag}>: {value!r}")
    return problems


# The checker itself: each kind of danger is reported, so a pass means something.


@pytest.mark.parametrize(
    "dangerous",
    [
        "<script>alert(1)</script>",
        "<style>p {}</style>",
        "<iframe></iframe>",
        '<p onclick="x">a</p>',
        '<p style="color: red">a</p>',
        '<a href="jav&#x61;script:alert(1)">a</a>',
        '<a href=" JaVa\tScRiPt:alert(1)">a</a>',
        '<a href="&#1;javascript:alert(1)">a</a>',
        '<a href="vbscript:x">a</a>',
        '<a href="data:text/html,x">a</a>',
        '<img srcset="/ok.png 1x, javascript:alert(1) 2x">',
        '<svg><a xlink:href="javascript:alert(1)">a</a></svg>',
    ],
)
def test_the_checker_finds_each_danger(dangerous):
    assert problems_in(dangerous)


@pytest.mark.parametrize(
    "safe",
    [
        '<p><a href="https://example.org" rel="noopener noreferrer">a</a></p>',
        '<a href="/councils/" rel="noopener noreferrer">a</a>',
        '<a href="#your-rights" rel="noopener noreferrer">a</a>',
        '<a href="mailto:dpo@harrowmere.example" rel="noopener noreferrer">a</a>',
        '<a href="tel:01632960102" rel="noopener noreferrer">a</a>',
        "<p>javascript:alert(1) as words is only text</p>",
    ],
)
def test_the_checker_accepts_safe_html(safe):
    assert problems_in(safe) == []


# The renderer.


@pytest.mark.parametrize("fragment", HOSTILE_FRAGMENTS)
def test_each_hostile_fragment_alone_is_made_safe(fragment):
    assert problems_in(render_markdown(fragment)) == []


@REPRODUCIBLE
@given(text=markdown_inputs, top_heading_level=st.integers(min_value=2, max_value=6))
def test_no_markdown_renders_to_anything_that_can_run_or_load(text, top_heading_level):
    rendered = render_markdown(text, top_heading_level=top_heading_level)
    assert problems_in(rendered) == [], rendered


@REPRODUCIBLE
@given(text=st.text())
def test_any_text_at_all_renders_safely(text):
    assert problems_in(render_markdown(text)) == []


def test_safe_links_survive_the_renderer():
    rendered = render_markdown(
        "[a](https://example.org) [b](/councils/) [c](#top) [d](mailto:dpo@harrowmere.example)"
    )
    assert rendered.count("<a ") == 4
    assert problems_in(rendered) == []
