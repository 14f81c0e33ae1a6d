"""The renderer is the site's one defence against hostile staff text: pin what it lets through."""

from urllib.parse import urlparse

import pytest
from django.conf import settings

from notices.testing.html import outline
from notices.text import markdown as rendering
from notices.text.markdown import render_markdown

HOSTILE_MARKDOWN = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<a href="https://example.org" onclick="alert(1)">click</a>',
    "<p onmouseover=alert(1)>hover</p>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    '<a href="java&#x09;script:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">click</a>',
    "[click](vbscript:msgbox(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![image](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    '<iframe src="https://evil.example"></iframe>',
    "<object data=x></object><embed src=x>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">styled</div>',
    '<form action="https://evil.example"><input name=x><button>Go</button></form>',
    "<meta http-equiv=refresh content='0;url=https://evil.example'>",
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<details open ontoggle=alert(1)>x</details>",
    '<a href="#" id="main-content" class="skip-link">clobber</a>',
    "<!-- <script>alert(1)</script> -->",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '[x](https://example.org "title" onclick=alert(1))',
    "<<script>script>alert(1)<</script>/script>",
    "<textarea><script>alert(1)</script></textarea>",
]

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


def assert_safe(html: str) -> None:
    page = outline(html)
    allowed = rendering.ALLOWED_TAGS | {"h3", "h4", "h5", "h6"}
    for element in page.elements:
        assert element.tag in allowed, f"<{element.tag}> got through: {html!r}"
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"event attribute {name} got through: {html!r}"
            assert name not in {"style", "class", "id", "src"}, f"{name}= got through: {html!r}"
            if name == "href":
                scheme = urlparse(value.strip()).scheme.lower()
                assert scheme in SAFE_SCHEMES, f"href scheme {scheme!r} got through: {html!r}"
    assert "<script" not in html.lower()
    assert "javascript:" not in html.lower()


@pytest.mark.parametrize("payload", HOSTILE_MARKDOWN)
def test_hostile_markdown_renders_to_safe_html(payload):
    assert_safe(render_markdown(payload))


@pytest.mark.parametrize("payload", HOSTILE_MARKDOWN)
def test_hostile_markdown_inside_ordinary_text_is_still_made_safe(payload):
    html = render_markdown(f"## Heading\n\nSome text.\n\n- a list\n- {payload}\n\n{payload}")
    assert_safe(html)
    assert "Some text." in html


def test_script_content_is_removed_not_just_its_tags():
    assert "alert" not in render_markdown("<script>alert('x')</script>Hello")


def test_iframe_content_is_removed_not_just_its_tags():
    assert "inner" not in render_markdown('<iframe src="https://x.example">inner</iframe>')


def test_every_link_gets_noopener():
    html = render_markdown("[site](https://example.org) and <a href='https://example.com'>x</a>")
    links = outline(html).find_all("a")
    assert len(links) == 2
    assert all(link.attrs["rel"] == "noopener noreferrer" for link in links)


def test_safe_links_keep_their_addresses():
    html = render_markdown(
        "[web](https://example.org/a?b=1) [mail](mailto:dpo@council.example) "
        "[phone](tel:03031231113) [section](#your-rights)"
    )
    hrefs = [link.attrs["href"] for link in outline(html).find_all("a")]
    assert hrefs == [
        "https://example.org/a?b=1",
        "mailto:dpo@council.example",
        "tel:03031231113",
        "#your-rights",
    ]


def test_headings_start_at_h3_so_they_nest_under_the_section_heading():
    html = render_markdown("# First\n\ntext\n\n### Deeper\n\ntext")
    assert [level for level, _ in outline(html).headings] == [3, 4]


def test_heading_levels_have_no_gaps_after_renumbering():
    html = render_markdown("## A\n\n#### B\n\n###### C")
    assert [level for level, _ in outline(html).headings] == [3, 4, 5]


def test_top_heading_level_can_be_set_for_deeper_parts():
    html = render_markdown("# A\n\n## B", top_heading_level=4)
    assert [level for level, _ in outline(html).headings] == [4, 5]


def test_headings_never_go_below_h6():
    html = render_markdown("# A\n\n## B\n\n### C\n\n#### D\n\n##### E", top_heading_level=5)
    assert [level for level, _ in outline(html).headings] == [5, 6, 6, 6, 6]


def test_raw_html_headings_above_the_top_level_are_removed():
    html = render_markdown("<h1>Big</h1><h2>Also big</h2>")
    assert outline(html).headings == []
    assert "Big" in html


def test_top_heading_level_outside_2_to_6_is_refused():
    with pytest.raises(ValueError):
        render_markdown("# x", top_heading_level=1)


def test_tables_lists_and_emphasis_survive():
    html = render_markdown("**bold** _em_\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    tags = {element.tag for element in outline(html).elements}
    assert {"strong", "em", "ol", "li", "table", "th", "td"} <= tags


def test_empty_and_missing_text_render_to_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def test_text_is_escaped_not_interpreted():
    html = render_markdown("Fish & chips < 5 > 3")
    assert "Fish &amp; chips &lt; 5 &gt; 3" in html


def test_allow_list_pins():
    """Loosening any of these is a security decision: change this test on purpose or not at all."""
    assert rendering.ALLOWED_URL_SCHEMES == {"http", "https", "mailto", "tel"}
    assert not rendering.ALLOWED_TAGS & {"script", "style", "img", "iframe", "svg", "form", "input"}
    for names in rendering.ALLOWED_ATTRIBUTES.values():
        assert not names & {"style", "class", "id", "src"}
        assert not any(name.startswith("on") for name in names)
    assert rendering.LINK_REL == "noopener noreferrer"
    assert {"script", "style", "iframe"} <= rendering.REMOVED_WITH_CONTENT


def test_markdownx_preview_uses_this_renderer():
    assert settings.MARKDOWNX_MARKDOWNIFY_FUNCTION == "notices.text.markdown.render_markdown"
