"""What every reader returns or raises: the formats, the size cap, ReadDocument and
UnreadableDocument, and the last steps all Markdown goes through (the title, the notes, no raw
HTML or script link left in the text).
"""

import re
from dataclasses import dataclass

from notices.importing.html_markdown import _WHITESPACE
from notices.importing.left_out import left_out
from notices.importing.limits import check_text

MAX_IMPORT_BYTES = 5 * 1024 * 1024

SUPPORTED_FORMATS = (
    "a Word document (.docx), a saved web page (.html), Markdown (.md) or plain text (.txt)"
)

FORMAT_MARKDOWN = "markdown"
FORMAT_HTML = "html"
FORMAT_DOCX = "docx"
FORMAT_TEXT = "text"


class UnreadableDocument(ValueError):
    """The file cannot be imported; str(error) says why and what to do, in plain words for a
    council DPO."""


@dataclass(frozen=True)
class ReadDocument:
    # The notice as Markdown: ATX headings, "- " and "1. " lists, blank-line paragraphs, pipe
    # tables, [text](url) links; never raw HTML.
    markdown: str
    # What the file was read as: "markdown", "html", "docx" or "text".
    format: str
    # The document's own title (its <h1> or <title>, Word's Title, the first heading), or "".
    title: str
    # What reading did that the person importing should know, in plain words.
    notes: tuple[str, ...]
    # Lines of the file's visible text that are not in `markdown` (menus, banners, footers, text
    # outside the main content), verbatim: the report's "not imported" list.
    left_out: tuple[str, ...] = ()


def _finished(
    markdown: str, kind: str, title: str, notes: list[str], source_lines: list[str]
) -> ReadDocument:
    if kind in (FORMAT_HTML, FORMAT_DOCX):  # text and Markdown were checked as they came in
        check_text(markdown, what="text read from the file")
    markdown = _defang(markdown)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip("\n")
    if not markdown.strip():
        raise UnreadableDocument(
            "The file has no text the site can import. Check that it is the notice itself, "
            "then upload it again."
        )
    # The title is plain text, never Markdown: it only loses anything that could be a tag.
    title = _WHITESPACE.sub(" ", re.sub(r"[<>]", "", title)).strip()
    return ReadDocument(
        markdown=markdown + "\n",
        format=kind,
        title=title,
        notes=tuple(dict.fromkeys(notes)),
        left_out=tuple(left_out(source_lines, [markdown, title])),
    )


def _first_heading(markdown: str) -> str:
    match = re.search(r"^#{1,6} (.+)$", markdown, re.M)
    return re.sub(r"\\(.)", r"\1", match.group(1)).strip() if match else ""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _join_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


# Markdown ------------------------------------------------------------------------------------

# The last word on safety ---------------------------------------------------------------------

_UNSAFE_SCHEME_TEXT = re.compile(r"(java|vb|live)script(\s*):", re.I)


def _defang(markdown: str) -> str:
    """No raw HTML and no script links, whatever path the text took: "<tag" becomes "&lt;tag"
    (which Markdown shows as "<"), and a "javascript:" in the words is broken up."""
    markdown = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", markdown)
    return _UNSAFE_SCHEME_TEXT.sub(r"\1script\2&#58;", markdown)
