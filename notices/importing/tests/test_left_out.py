"""Issue 17, nothing lost: every line of the file's visible text that the readers did not keep is
listed verbatim as not imported, and text above a title is kept as the introduction."""

from notices.importing.html_reader import _parse
from notices.importing.left_out import html_lines, left_out, text_lines
from notices.importing.markdown_blocks import _normal_lines, _split_document
from notices.importing.reading import read_document

PAGE = b"""<!doctype html><html><head><title>Privacy | Ashcombe Council</title>
<script>var tracking = "never shown";</script></head><body>
<a href="#main">Skip to main content</a>
<div class="cookie-banner"><p>We use cookies to make this site work.</p></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/bins">Bins and recycling</a></li></ul></nav>
<main id="main"><h1>Children's social care privacy notice</h1>
<p>This notice explains how Ashcombe Council uses information about <a
href="https://ashcombe.example/families">children and families</a>.</p>
<h2>Who we share it with</h2>
<table><tr><th>Who</th><th>Why</th></tr>
<tr><td>Police</td><td>To keep children safe</td></tr></table>
</main>
<footer><p>Ashcombe Council, Town Hall, Ashcombe</p><p>Accessibility statement</p></footer>
</body></html>"""


def test_a_saved_pages_chrome_is_listed_verbatim_and_the_notice_is_not():
    document = read_document(PAGE, "notice.html")
    assert "Skip to main content" in document.left_out
    assert "We use cookies to make this site work." in document.left_out
    assert "Home" in document.left_out
    assert "Bins and recycling" in document.left_out
    assert "Ashcombe Council, Town Hall, Ashcombe" in document.left_out
    # The notice itself, its link's words and its table's cells, and the page's script, are not.
    kept = " ".join(document.left_out)
    assert "This notice explains" not in kept
    assert "Police" not in document.left_out
    assert "To keep children safe" not in document.left_out
    assert "tracking" not in kept


def test_copied_text_furniture_is_listed_and_the_notice_is_not():
    text = (
        "Skip to main content\nHome > Council > Privacy\n"
        "Privacy notice: children's services\n"
        "This notice explains how Ashcombe Council uses information about children and families "
        "who get help from us.\n"
        "Who do we share your information with?\n"
        "We share information with the police when a child may be at risk of harm.\n"
        "Contact us\nCookies\n"
    )
    document = read_document(text.encode(), "notice.txt")
    assert "Skip to main content" in document.left_out
    assert "Home > Council > Privacy" in document.left_out
    assert not any("This notice explains" in line for line in document.left_out)
    assert not any("Who do we share" in line for line in document.left_out)


def test_a_short_line_is_kept_only_as_a_line_of_its_own_not_as_a_word_in_a_sentence():
    kept = ["## Contact us\n\nWe keep records safe at home and at work."]
    assert left_out(["Contact us", "Home", "Safe"], kept) == ["Home", "Safe"]


def test_empty_control_and_bidi_text_gives_no_lines_and_no_error():
    assert left_out(text_lines(""), ["anything"]) == []
    assert left_out(text_lines("\x00\x01 \u202e\n\n\t"), ["anything"]) == []
    assert html_lines(_parse("")) == []


def test_a_markdown_links_address_is_not_its_words():
    kept = ["Read [our policy](https://ashcombe.example/a-very-long-address) on records."]
    assert left_out(["Read our policy on records."], kept) == []
    assert left_out(["Read [our policy](https://elsewhere.example/x) on records."], kept) == []


def test_the_first_line_of_plain_text_with_a_colon_is_the_title_and_the_introduction_is_kept():
    text = (
        "Tarnside Council: children's social care\n\n"
        "This notice explains how Tarnside Council uses information about children.\n\n"
        "1. What information do we use?\n\nWe use names and addresses.\n"
    )
    document = read_document(text.encode(), "notice.txt")
    assert document.title == "Tarnside Council: children's social care"
    assert document.markdown.startswith("# Tarnside Council: children's social care\n")


def test_a_label_and_its_value_on_the_first_line_is_not_a_title():
    text = "Telephone: 01632 960000\n\nWho we are\n\nWe are Ashcombe Council.\n"
    assert read_document(text.encode(), "notice.txt").title != "Telephone: 01632 960000"


def test_text_above_a_title_heading_further_down_is_the_introduction():
    markdown = "Some words first.\n\n# The notice\n\nIntroduction.\n\n## Part\n\nBody.\n"
    document = _split_document(_normal_lines(markdown), "The notice")
    assert document.title == "The notice"
    assert "Some words first." in document.introduction
    assert "Introduction." in document.introduction
