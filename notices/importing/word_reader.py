"""The Word reader: a .docx is checked as a zip (notices.importing.limits), turned into HTML by
mammoth with the heading styles mapped, and then read as an HTML document.
"""

import io
import re
import zipfile
import zlib

import mammoth
from bs4 import Tag

from notices.importing.html_reader import _DOCUMENT, _html_to_markdown, _parse
from notices.importing.left_out import html_lines
from notices.importing.limits import TooMuchInFile, check_word_archive
from notices.importing.read_result import (
    FORMAT_DOCX,
    SUPPORTED_FORMATS,
    ReadDocument,
    UnreadableDocument,
    _count,
    _finished,
)
from notices.importing.text_encoding import (
    _UPLOAD_INSTEAD,
    _normalise_text,
    _refuse_binary,
    repair_mojibake,
)

# Word documents ------------------------------------------------------------------------------

_NOT_WORD_MESSAGE = (
    "This is not a Word document the site can read: it may be damaged, or only named .docx. "
    "Open it in Word, save it again as a Word document (.docx), and upload that."
)

# Word's own styles to HTML; mammoth's defaults already map "Heading 1" to "Heading 6".
WORD_STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => p:fresh
p[style-name='List Bullet'] => ul > li:fresh
p[style-name='List Bullet 2'] => ul|ol > li > ul > li:fresh
p[style-name='List Number'] => ol > li:fresh
"""


def _is_zip(data: bytes) -> bool:
    return data.startswith((b"PK\x03\x04", b"PK\x05\x06"))


def _read_word(data: bytes, extension: str) -> ReadDocument:
    if not _is_zip(data):
        _refuse_binary(data)  # a PDF or an image named .docx says what it is
        raise UnreadableDocument(_NOT_WORD_MESSAGE)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {entry.filename for entry in archive.infolist()}
            if "word/document.xml" not in names:
                raise UnreadableDocument(_not_word_zip_message(names, extension))
            # Sizes, element counts and depth, streamed, before mammoth builds anything.
            check_word_archive(archive)
    except (TooMuchInFile, UnreadableDocument):
        raise  # ValueErrors that already say what is wrong
    except (zipfile.BadZipFile, ValueError, OSError, zlib.error, NotImplementedError, RuntimeError):
        # A damaged, encrypted or oddly compressed archive, found while streaming it.
        if extension == ".docx":
            raise UnreadableDocument(_NOT_WORD_MESSAGE) from None
        raise UnreadableDocument(
            f"This looks like a damaged ZIP archive, not a document. {_UPLOAD_INSTEAD}"
        ) from None

    images = 0

    def leave_out_image(image: object) -> list:
        nonlocal images
        images += 1
        return []  # the import keeps text only, and never reads the picture's bytes

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data), style_map=WORD_STYLE_MAP, convert_image=leave_out_image
        )
    except Exception:  # mammoth raises many kinds of error on a malformed file: all mean the same
        raise UnreadableDocument(_NOT_WORD_MESSAGE) from None
    html, repaired = repair_mojibake(_normalise_text(result.value))
    notes = []
    if repaired:
        notes.append(f"Repaired mis-decoded characters ({', '.join(repaired[:3])})")
    if images:
        notes.append(f"Left out {_count(images, 'picture')}: the import keeps text only")
    if not _parse(html).get_text().strip():
        raise UnreadableDocument("The Word document has no text in it.")
    html, typed = _typed_headings(html)
    if typed:
        notes.append(
            f"Read {_count(typed, 'short line')} as headings (the document uses no heading "
            "styles): check them"
        )
    markdown, title, html_notes = _html_to_markdown(html, source=_DOCUMENT)
    return _finished(markdown, FORMAT_DOCX, title, notes + html_notes, html_lines(_parse(html)))


def _not_word_zip_message(names: set[str], extension: str) -> str:
    if extension == ".docx":
        return _NOT_WORD_MESSAGE
    if any(name.startswith("xl/") for name in names):
        return "This looks like an Excel spreadsheet, not a document. " + _UPLOAD_INSTEAD
    if any(name.startswith("ppt/") for name in names):
        return "This looks like a PowerPoint presentation, not a document. " + _UPLOAD_INSTEAD
    if "content.xml" in names:
        return (
            "This looks like an OpenDocument file (.odt). Save it as a Word document (.docx) "
            "first, then upload that."
        )
    return (
        "This is a ZIP archive, not a Word document. Take the notice out of the archive and "
        f"upload it on its own, as {SUPPORTED_FORMATS}."
    )


# Web pages (and Word, once mammoth has made it HTML) -----------------------------------------


# A line typed as a heading in a document without heading styles: numbered ("3. Who we share
# it with", "Section 3 - ..."), a question, all capitals, or all bold.
_TYPED_NUMBER = re.compile(r"^(?:(?:section|part)\s+)?\d{1,2}(?:\.\d{1,2})?[.):]?\s+\S", re.I)
_HEADING_MOST = 80


def _typed_headings(html: str) -> tuple[str, int]:
    """A Word document written without heading styles, its headings typed as short lines: those
    lines as <h2>s (the first line, when it is one, as the <h1> title), and how many there are.
    A document with any heading style is left as it is."""
    soup = _parse(html)
    if soup.find(["h1", "h2", "h3", "h4", "h5", "h6"]):
        return html, 0
    paragraphs = soup.find_all("p", recursive=False)
    found = [paragraph for paragraph in paragraphs[1:-1] if _reads_as_typed_heading(paragraph)]
    if len(found) < 2:
        return html, 0
    for paragraph in found:
        paragraph.name = "h2"
    first = paragraphs[0]
    if _reads_as_typed_heading(first, any_short_line=True):
        first.name = "h1"  # "Larchfield Council privacy notice" over the rest
        found.append(first)
    return str(soup), len(found)


def _reads_as_typed_heading(paragraph: Tag, *, any_short_line: bool = False) -> bool:
    text = paragraph.get_text(" ", strip=True)
    if not (0 < len(text) <= _HEADING_MOST) or len(text.split()) > 14:
        return False
    if text.endswith((".", ",", ";", ":")) or "@" in text:
        return False
    if any_short_line:
        return True
    bold = "".join(tag.get_text(" ", strip=True) for tag in paragraph.find_all(["strong", "b"]))
    letters = [char for char in text if char.isalpha()]
    return (
        bool(_TYPED_NUMBER.match(text))
        or text.endswith("?")
        or (len(letters) >= 3 and all(char.isupper() for char in letters))
        or bold.replace(" ", "") == text.replace(" ", "")
    )
