"""Reading an uploaded notice: a file's bytes in, clean Markdown out, or a refusal in plain words.

The first step of an import. A council's notice arrives as Markdown, a saved web page, a Word
document or plain text; whatever it was, the rest of the import sees one thing: Markdown with ATX
headings, "- " and "1. " lists, blank-line paragraphs, pipe tables and [text](url) links.

The file is untrusted. A saved web page carries the council site's navigation, cookie banner,
feedback form, footer and scripts; all of that is left out, the rest is cleaned by nh3 against an
allow-list, and the Markdown that comes out holds no raw HTML at all. A file the site cannot read
(a PDF, an image, a damaged Word file, an unknown text encoding) is refused with what it looks
like and what to do, before any parsing work is done on it.
"""

from pathlib import PurePath

from notices.importing.html_reader import _PAGE, _html_to_markdown, _parse
from notices.importing.left_out import html_lines, text_lines
from notices.importing.limits import TooMuchInFile, check_html, check_text
from notices.importing.markdown_reader import _markdown_to_markdown
from notices.importing.plain_text_reader import _plain_text_to_markdown
from notices.importing.read_result import (
    FORMAT_HTML,
    FORMAT_MARKDOWN,
    FORMAT_TEXT,
    MAX_IMPORT_BYTES,
    ReadDocument,
    UnreadableDocument,
    _count,
    _finished,
)
from notices.importing.text_encoding import (
    _EMPTY_MESSAGE,
    _decode,
    _normalise_text,
    _refuse_binary,
    _refuse_by_size,
    _text_format,
    repair_mojibake,
)
from notices.importing.text_furniture import drop_page_furniture
from notices.importing.word_reader import _is_zip, _read_word

# What the rest of the site imports from the readers.
__all__ = [
    "MAX_IMPORT_BYTES",
    "ReadDocument",
    "UnreadableDocument",
    "read_document",
    "repair_mojibake",
]


def read_document(data: bytes, filename: str) -> ReadDocument:
    """Read an uploaded notice into Markdown, or raise UnreadableDocument saying why not.

    The format comes from the file's name and is checked against its content: a .txt that is
    really a web page is read as one, and binary files are refused whatever they are called.
    """
    _refuse_by_size(data)
    try:
        return _read(data, PurePath(filename or "").suffix.lower())
    except TooMuchInFile as problem:
        # The caps of notices.importing.limits, checked before any tree is built.
        raise UnreadableDocument(str(problem)) from None
    except RecursionError:
        # Only hostile or broken HTML nests hundreds of elements deep.
        raise UnreadableDocument(
            "This file's HTML is nested too deeply to read. Save the notice as plain text or as "
            "a Word document (.docx), and upload that."
        ) from None


def _read(data: bytes, extension: str) -> ReadDocument:
    if _is_zip(data) or extension == ".docx":
        return _read_word(data, extension)
    _refuse_binary(data)
    text, notes = _decode(data)
    text = _normalise_text(text)
    if not text.strip():
        raise UnreadableDocument(_EMPTY_MESSAGE)
    kind = _text_format(text, extension)
    if kind != FORMAT_HTML:
        check_text(text)
    if kind != FORMAT_TEXT:  # Markdown may hold HTML, which goes to the HTML reader
        check_html(text)
    source_lines = html_lines(_parse(text)) if kind == FORMAT_HTML else text_lines(text)
    if kind == FORMAT_HTML:
        markdown, title, html_notes = _html_to_markdown(text, source=_PAGE)
        notes += html_notes
    elif kind == FORMAT_MARKDOWN:
        markdown, title, markdown_notes = _markdown_to_markdown(text)
        notes += markdown_notes
        if extension not in (".md", ".markdown"):
            notes.append("Read as Markdown, because the file uses Markdown headings")
    else:
        furniture = drop_page_furniture(text.split("\n"))
        if furniture.left_out:
            text = "\n".join(furniture.kept)
            notes.append(
                f"Left out {_count(len(furniture.left_out), 'line')} of the web page around the "
                "notice (menus, banners, links): " + "; ".join(furniture.left_out[:8])
            )
        markdown, title, text_notes = _plain_text_to_markdown(text)
        notes += text_notes
    return _finished(markdown, kind, title, notes, source_lines)
