"""What reading left out: each line of the file's visible text that is not in the Markdown.

Readers drop a page's menus, banners and footers, a contents list, or text outside the main
content. Nothing may go silently, so this compares the file's visible text, line by line, with
what the readers kept, and the report lists each line left out verbatim ("not imported").

A line of three words or more is kept when its word triples are in the Markdown (the words, not
the markup: escapes, emphasis and link targets do not count); a shorter line ("Home",
"Contact us") only when a line of the Markdown is those words, so that a menu item is not taken
as kept because the word appears somewhere in a sentence.
"""

import re
import unicodedata

from bs4 import BeautifulSoup, Comment, Tag

_WORD = re.compile(r"\w+")
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
# Elements that start a new line of text wherever they are.
_BLOCK_TAGS = [
    *(f"h{level}" for level in range(1, 7)),
    *("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "caption"),
    *("section", "article", "main", "nav", "header", "footer", "aside", "form", "fieldset"),
    *("br", "hr", "pre", "blockquote", "address", "figure", "figcaption", "details", "summary"),
    *("button", "label", "option", "legend", "body"),
]
_INVISIBLE_TAGS = ["head", "script", "style", "template", "noscript", "title"]
# A line with this share of its word triples in the Markdown is kept (a reader may rejoin a
# hyphenated word or drop a stray character).
_KEPT_SHARE = 0.8
# Lines reported at most; a file with more left out says so in the reading notes.
MOST_LINES = 500


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def html_lines(soup: BeautifulSoup) -> list[str]:
    """The visible text of a parsed page, a line per block element. Changes `soup`."""
    for element in soup.find_all(_INVISIBLE_TAGS):
        element.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for element in soup.find_all(_BLOCK_TAGS):
        if isinstance(element, Tag):
            element.insert_before("\n")
            element.insert_after("\n")
    return text_lines(soup.get_text())


def text_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def left_out(lines: list[str], kept: list[str]) -> list[str]:
    """The lines, in order and verbatim, whose words are not in the texts `kept`."""
    triples: set[tuple[str, ...]] = set()
    whole_lines: set[tuple[str, ...]] = set()
    for text in kept:
        for line in text.split("\n"):
            line = _LINK_TARGET.sub("]", line)  # a link's words, not its URL
            whole_lines.add(tuple(words(line)))
            # A table row's cells are lines of their own in the page.
            whole_lines.update(tuple(words(cell)) for cell in line.split("|"))
        all_words = words(_LINK_TARGET.sub("]", text))
        triples.update(zip(all_words, all_words[1:], all_words[2:], strict=False))
    found: list[str] = []
    for line in lines:
        line_words = words(_LINK_TARGET.sub("]", line))
        if not line_words:
            continue
        if len(line_words) < 3:
            if tuple(line_words) not in whole_lines:
                found.append(line)
            continue
        own = list(zip(line_words, line_words[1:], line_words[2:], strict=False))
        if sum(triple in triples for triple in own) < _KEPT_SHARE * len(own):
            found.append(line)
    return list(dict.fromkeys(found))[:MOST_LINES]
