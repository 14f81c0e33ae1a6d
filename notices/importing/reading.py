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

import html as html_lib
import io
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urljoin, urlsplit

import mammoth
import nh3
from bs4 import (
    BeautifulSoup,
    Comment,
    MarkupResemblesLocatorWarning,
    NavigableString,
    ParserRejectedMarkup,
    Tag,
    XMLParsedAsHTMLWarning,
)

from notices.importing.html_chrome import named_chrome_kind
from notices.importing.limits import TooMuchInFile, check_html, check_text, check_word_archive
from notices.importing.text_furniture import drop_page_furniture
from notices.importing.text_paragraphs import is_one_paragraph_per_line, split_block

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
    return _finished(markdown, kind, title, notes)


def _finished(markdown: str, kind: str, title: str, notes: list[str]) -> ReadDocument:
    if kind in (FORMAT_HTML, FORMAT_DOCX):  # text and Markdown were checked as they came in
        check_text(markdown, what="text read from the file")
    markdown = _defang(markdown)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip("\n")
    if not markdown.strip():
        raise UnreadableDocument(
            "The file has no text the site can import. Check that it is the notice itself, "
            "then upload it again."
        )
    return ReadDocument(
        markdown=markdown + "\n",
        format=kind,
        # The title is plain text, never Markdown: it only loses anything that could be a tag.
        title=_WHITESPACE.sub(" ", re.sub(r"[<>]", "", title)).strip(),
        notes=tuple(dict.fromkeys(notes)),
    )


# Size, binary content and text encodings ---------------------------------------------------

_EMPTY_MESSAGE = "The file is empty. Choose the file that holds your notice and upload it again."

_MEGABYTE = 1024 * 1024


def _refuse_by_size(data: bytes) -> None:
    size = len(data)
    if size > MAX_IMPORT_BYTES:
        limit = MAX_IMPORT_BYTES / _MEGABYTE
        shown = f"{size / _MEGABYTE:.1f} MB"
        if round(size / _MEGABYTE, 1) <= limit:
            shown = f"just over {limit:g} MB"
        raise UnreadableDocument(
            f"The file is too large to import: it is {shown}, and the limit is {limit:g} MB. "
            "A privacy notice is usually far smaller: save it without pictures, or as plain "
            "text, and upload it again."
        )
    if not data.strip():
        raise UnreadableDocument(
            _EMPTY_MESSAGE if not data else "The file is empty: it holds only blank space."
        )


_UPLOAD_INSTEAD = f"Upload the notice as {SUPPORTED_FORMATS}."

_PDF_MESSAGE = (
    "This looks like a PDF. The site cannot read PDFs: save it as text or Word first "
    "(or copy its text into a .txt file), then upload that."
)

# Magic numbers at the start of files that are not documents the site reads, and what to tell
# the person who uploaded one.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", _PDF_MESSAGE),
    (b"\x89PNG\r\n\x1a\n", f"This is an image (PNG), not a document. {_UPLOAD_INSTEAD}"),
    (b"\xff\xd8\xff", f"This is an image (JPEG), not a document. {_UPLOAD_INSTEAD}"),
    (b"GIF87a", f"This is an image (GIF), not a document. {_UPLOAD_INSTEAD}"),
    (b"GIF89a", f"This is an image (GIF), not a document. {_UPLOAD_INSTEAD}"),
    (b"II*\x00", f"This is an image (TIFF), not a document. {_UPLOAD_INSTEAD}"),
    (b"MM\x00*", f"This is an image (TIFF), not a document. {_UPLOAD_INSTEAD}"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "This looks like an older Word (.doc) or Office file. Open it in Word and save it as a "
        "Word document (.docx), then upload that.",
    ),
    (
        b"{\\rtf",
        "This is a Rich Text (.rtf) file. Open it in Word and save it as a Word document "
        "(.docx), then upload that.",
    ),
    (b"\x1f\x8b", f"This is a compressed (.gz) file, not a document. {_UPLOAD_INSTEAD}"),
    (
        b"7z\xbc\xaf\x27\x1c",
        f"This is a compressed (.7z) archive, not a document. {_UPLOAD_INSTEAD}",
    ),
    (b"Rar!\x1a\x07", f"This is a compressed (.rar) archive, not a document. {_UPLOAD_INSTEAD}"),
)

_BINARY_MESSAGE = f"This file holds binary data, not text, so it is not a notice. {_UPLOAD_INSTEAD}"

_ENCODING_MESSAGE = (
    "This file is not in a text encoding the site can read. Open it in a text editor (such as "
    "Notepad), choose Save As with the encoding UTF-8, and upload the saved file. If some "
    "characters already show as \ufffd, type them again before saving."
)

# Control characters other than tab, line feed, vertical tab, form feed, carriage return and
# escape: text files do not contain these; binary files are full of them.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _refuse_binary(data: bytes) -> None:
    head = data[:1024]
    if b"%PDF-" in head:  # PDF readers accept junk before the header, so some files have it
        raise UnreadableDocument(_PDF_MESSAGE)
    for signature, message in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UnreadableDocument(message)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise UnreadableDocument(f"This is an image (WebP), not a document. {_UPLOAD_INSTEAD}")
    if data[:2] == b"BM" and data[6:10] == b"\x00\x00\x00\x00":  # BMP: reserved bytes are 0
        raise UnreadableDocument(f"This is an image (BMP), not a document. {_UPLOAD_INSTEAD}")
    if data.startswith(_UTF16_BOMS):
        return  # UTF-16 is full of NUL bytes; it is checked once decoded
    sample = data[: 64 * 1024]
    if b"\x00" in sample or len(_CONTROL_BYTES.findall(sample)) > len(sample) // 100:
        raise UnreadableDocument(_BINARY_MESSAGE)


def _decode(data: bytes) -> tuple[str, list[str]]:
    """The file's text, trying UTF-16 (by its BOM), UTF-8, then Windows-1252; and notes."""
    notes: list[str] = []
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableDocument(_ENCODING_MESSAGE) from None
        if "\x00" in text:
            raise UnreadableDocument(_BINARY_MESSAGE)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                # Bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are in no
                # encoding a council's software writes: guessing would put wrong text in a notice.
                raise UnreadableDocument(_ENCODING_MESSAGE) from None
            notes.append("Read as Windows-1252 text (the file is not UTF-8)")
    text, repaired = repair_mojibake(text)
    if repaired:
        examples = ", ".join(repaired[:3])
        notes.append(f"Repaired mis-decoded characters ({examples})")
    if "\ufffd" in text:
        raise UnreadableDocument(_ENCODING_MESSAGE)
    return text, notes


# UTF-8 bytes read as Windows-1252 turn each character into two to four: "’" becomes "â€™",
# "£" becomes "Â£". Windows-1252 leaves five bytes undefined; software that meets them usually
# keeps them as the control character of the same number, so those map back too.
_CP1252_BYTE = {bytes([b]).decode("cp1252", "ignore") or chr(b): b for b in range(0x80, 0x100)}
_CONTINUATION = "".join(re.escape(char) for char, b in _CP1252_BYTE.items() if b < 0xC0)
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00df][{_CONTINUATION}]"
    f"|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}"
    f"|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}"
)


def repair_mojibake(text: str) -> tuple[str, list[str]]:
    """Text with runs of UTF-8-read-as-Windows-1252 decoded properly, and the runs repaired.

    Only runs that decode as valid UTF-8 are changed, so real accented text ("café") stays.
    Text that was mis-decoded twice is repaired twice.
    """
    repaired: list[str] = []

    def repair(match: re.Match[str]) -> str:
        run = match.group(0)
        try:
            fixed = bytes(_CP1252_BYTE[char] for char in run).decode("utf-8")
        except UnicodeDecodeError:
            return run
        if run not in repaired:
            repaired.append(run)
        return fixed

    for _ in range(3):
        fixed = _MOJIBAKE.sub(repair, text)
        if fixed == text:
            break
        text = fixed
    return text, repaired


# Invisible characters Word and web pages leave behind (zero-width spaces, soft hyphens, BOMs)
# and control characters no notice needs.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("[\u2028\u2029\x0c]", "\n", text)
    return _INVISIBLE.sub("", text)


def _looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:8192].lower():
        return True
    if re.search(r"<(html|head|body)[\s>]", head):
        return True
    # A fragment: starts with a tag and closes block elements.
    return head.startswith("<") and bool(
        re.search(r"</(p|div|h[1-6]|ul|ol|li|table|section|article|main)>", text[:65536], re.I)
    )


_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)
_SETEXT_UNDERLINE = re.compile(r"^\S[^\n]*\n={3,}[ \t]*$", re.M)


def _text_format(text: str, extension: str) -> str:
    is_markdown_file = extension in (".md", ".markdown")
    if extension in (".html", ".htm") and re.search(r"<[A-Za-z!]", text[:65536]):
        return FORMAT_HTML
    if _looks_like_html(text):
        # A Markdown file may hold some HTML; only a whole web page is read as one.
        whole_page = re.search(r"<(!doctype html|html|body)[\s>]", text[:4096], re.I)
        if not is_markdown_file or whole_page:
            return FORMAT_HTML
    if is_markdown_file:
        return FORMAT_MARKDOWN
    if _ATX_HEADING.search(text) or _SETEXT_UNDERLINE.search(text):
        return FORMAT_MARKDOWN
    return FORMAT_TEXT


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
    markdown, title, html_notes = _html_to_markdown(html, source=_DOCUMENT)
    return _finished(markdown, FORMAT_DOCX, title, notes + html_notes)


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

# Dropped with everything inside them before anything else is looked at.
_REMOVED_WITH_CONTENT = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "img",
    "picture",
    "map",
    "link",
    "meta",
    "textarea",
    "select",
)

# What nh3 lets through to the Markdown converter: structure only, no attributes but these.
_SANITISER_TAGS = {
    *(f"h{level}" for level in range(1, 7)),
    *("p", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "address"),
    *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"),
    *("a", "strong", "b", "em", "i", "code", "span", "abbr", "sub", "sup", "small", "u"),
    *("div", "section", "article", "main", "header", "footer", "details", "summary"),
    *("figure", "figcaption"),
}
_SANITISER_ATTRIBUTES = {
    "a": {"href"},
    "ol": {"start"},
    "th": {"colspan"},
    "td": {"colspan"},
}
_SAFE_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_HEADING_TAGS = tuple(f"h{level}" for level in range(1, 7))

# id and class words of the chrome around a page's content.
_COOKIE_WORDS = re.compile(r"cookie|consent|onetrust|gdpr-banner", re.I)
_BREADCRUMB_WORDS = re.compile(r"breadcrumb", re.I)
_FEEDBACK_TEXT = re.compile(
    r"\b(was|is) this (page|information|article|content) (useful|helpful)"
    r"|\bdid you find (this|what you)|\breport a problem with this page|\brate this page",
    re.I,
)
_SKIP_LINK_TEXT = re.compile(r"^\s*(skip (to|over|navigation|main)|back to top)\b", re.I)
_CONTENTS_HEADINGS = re.compile(
    r"^\s*(contents|table of contents|page contents|on this page|in this section)\s*:?\s*$",
    re.I,
)

# The order the chrome is named in the notes.
_CHROME_NAMES = (
    "header",
    "navigation",
    "breadcrumbs",
    "search box",
    "cookie banner",
    "service banner",
    "contents list",
    "share links",
    "related links",
    "feedback form",
    "other forms",
    "footer",
)


# What the HTML came from: a saved web page (its main content is found and its chrome left
# out), a Word document (all of it is content) or raw HTML inside a Markdown file.
_PAGE = "page"
_DOCUMENT = "document"
_FRAGMENT = "fragment"


# For markup Python's parser gives up on: html5ever (inside nh3) repairs anything, keeping the
# structure and the attributes that tell a page's chrome from its content. Scripts and the like
# go with their content, as they would anyway.
_REPAIR_TAGS = set(nh3.ALLOWED_TAGS) - {"img", "map", "area"} | {
    *("html", "head", "title", "body", "main", "nav", "section", "address"),
    *("form", "button", "label", "input", "base", "link", "meta"),
}
_REPAIR_ATTRIBUTES = {
    "*": {"class", "id", "role", "aria-label", "aria-hidden", "hidden"},
    "a": {"href"},
    "base": {"href"},
    "link": {"rel", "href"},
    "meta": {"property", "content"},
    "ol": {"start"},
    "th": {"colspan"},
    "td": {"colspan"},
}


def _parse(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        # Short text that looks like a file name or an XML declaration is still just HTML here.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        try:
            return BeautifulSoup(html, "html.parser")
        except ParserRejectedMarkup:
            repaired = nh3.clean(
                html,
                tags=_REPAIR_TAGS,
                clean_content_tags=set(_REMOVED_WITH_CONTENT) - _REPAIR_TAGS,
                attributes=_REPAIR_ATTRIBUTES,
                url_schemes=_SAFE_URL_SCHEMES,
                link_rel=None,
                strip_comments=True,
            )
            try:
                return BeautifulSoup(repaired, "html.parser")
            except ParserRejectedMarkup:
                raise UnreadableDocument(
                    "This web page's HTML is too broken to read. Open it in a browser, copy the "
                    "notice's text into a text file (.txt), and upload that."
                ) from None


def _sanitise(html: str) -> str:
    """nh3 against the converter's allow-list: whatever the chrome removal missed, no script,
    event attribute or script link reaches the converter."""
    return nh3.clean(
        html,
        tags=_SANITISER_TAGS,
        clean_content_tags=set(_REMOVED_WITH_CONTENT) | {"title", "head", "form", "button"},
        attributes=_SANITISER_ATTRIBUTES,
        url_schemes=_SAFE_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def _html_to_markdown(html: str, *, source: str) -> tuple[str, str, list[str]]:
    """HTML's content as Markdown; its title; notes on what was left out."""
    soup = _parse(html)
    notes: list[str] = []
    base_url = _base_url(soup) if source == _PAGE else ""
    page_title = _page_title(soup)

    gone = _Removed()
    removed = {name: 0 for name in ("script", "iframe", "image")}
    for element in soup.find_all(_REMOVED_WITH_CONTENT):
        if element in gone:
            continue
        if element.name == "script":
            removed["script"] += 1
        elif element.name in ("iframe", "frame", "object", "embed", "applet"):
            removed["iframe"] += 1
        elif element.name in ("img", "picture"):
            removed["image"] += 1
        gone.remove(element)
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()

    root: Tag | None = soup
    chrome: set[str] = set()
    if source == _PAGE:
        root = _marked_main_content(soup)
    first_h1 = _first_h1(root, soup) if source != _FRAGMENT else ""
    if source != _FRAGMENT:
        chrome = _remove_chrome(soup, keep=root, gone=gone)
    if root is None:
        root = _densest_content(soup)
    unsafe_links = sum(1 for link in root.find_all("a", href=True) if not _safe_href(link["href"]))

    content = _parse(_sanitise(str(root)))
    levels = [int(heading.name[1]) for heading in content.find_all(_HEADING_TAGS)]
    in_content = any(
        heading.get_text(" ", strip=True) == first_h1 for heading in content.find_all("h1")
    )
    prepend_title = bool(first_h1) and not in_content
    if source == _FRAGMENT:
        shift = 0  # HTML inside Markdown keeps the levels it was written with
    else:
        # The top heading becomes "#"; under a page title from outside the content, "##".
        shift = (min(levels) if levels else 1) - (2 if prepend_title else 1)
    writer = _MarkdownWriter(base_url=base_url, heading_shift=shift)
    blocks = writer.blocks(content)
    if prepend_title:
        blocks.insert(0, f"# {_inline_plain(first_h1)}")
    markdown = "\n\n".join(blocks)

    if _SKIP_LINK_TEXT.search(page_title) or _COOKIE_WORDS.search(page_title):
        page_title = ""  # a <title> that is furniture, not the page's name
    first_heading = _first_heading(markdown)
    if _NAMES_THE_NOTICE.search(first_heading):
        page_title = first_heading  # the notice's own heading over the browser tab's text
    title = first_h1 or page_title or first_heading
    present = [name for name in _CHROME_NAMES if name in chrome]
    if present:
        notes.append(f"Left out the {source}'s {_join_words(present)}")
    if removed["script"]:
        notes.append(f"Removed {_count(removed['script'], 'script')}")
    if removed["iframe"]:
        notes.append(f"Removed {_count(removed['iframe'], 'embedded frame')}")
    if removed["image"]:
        notes.append(f"Left out {_count(removed['image'], 'picture')}: the import keeps text only")
    if unsafe_links:
        notes.append(
            f"Removed {_count(unsafe_links, 'link')} that ran a script or held hidden data, "
            "keeping the text"
        )
    if writer.relative_links:
        notes.append(
            f"Kept {_count(writer.relative_links, 'link')} to other pages of the original site "
            "as plain text, because the file does not say the page's own address"
        )
    return markdown, title, notes


def _base_url(soup: BeautifulSoup) -> str:
    """The address the saved page came from, if it says, so its relative links still work."""
    candidates = [
        (soup.find("base", href=True) or {}).get("href"),
        (soup.find("link", rel="canonical", href=True) or {}).get("href"),
        (soup.find("meta", property="og:url", content=True) or {}).get("content"),
    ]
    for candidate in candidates:
        if isinstance(candidate, str) and _scheme(candidate.strip()) in ("http", "https"):
            return candidate.strip()
    return ""


def _page_title(soup: BeautifulSoup) -> str:
    title = soup.find("title")
    if not title:
        return ""
    text = title.get_text(" ", strip=True)
    # "Children's privacy notice | Harrowmere Council": the page's own part comes first.
    return re.split(r"\s+[|\u2013\u2014-]\s+", text)[0].strip()


def _marked_main_content(soup: BeautifulSoup) -> Tag | None:
    """The element the page itself marks as its main content, if it marks one."""
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main:
        return main
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda article: len(article.get_text(" ", strip=True)))
    return None


def _first_h1(root: Tag | None, soup: BeautifulSoup) -> str:
    for scope in (root, soup):
        if scope is None:
            continue
        for heading in scope.find_all("h1"):
            if any(_chrome_kind(parent) for parent in heading.parents if parent.name != "header"):
                continue  # "Cookies on this site" in a banner is not the page's title
            text = heading.get_text(" ", strip=True)
            if text:
                return text
    return ""


def _classes_and_id(element: Tag) -> str:
    classes = element.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([*classes, str(element.get("id") or ""), str(element.get("aria-label") or "")])


def _is_page_level(element: Tag) -> bool:
    """A <header> or <footer> of the page, not one inside an article or section."""
    return element.find_parent(["main", "article", "section", "aside"]) is None


def _chrome_kind(element: Tag) -> str | None:
    """What part of a page's chrome `element` is, or None if it may be content."""
    name = element.name
    role = str(element.get("role") or "").lower()
    words = _classes_and_id(element)
    if element.has_attr("hidden") or str(element.get("aria-hidden")).lower() == "true":
        return "hidden"
    if name == "nav" or role == "navigation":
        return "breadcrumbs" if _BREADCRUMB_WORDS.search(words) else "navigation"
    if _BREADCRUMB_WORDS.search(words):
        return "breadcrumbs"
    if role == "search":
        return "search box"
    if (name == "header" and _is_page_level(element)) or role == "banner":
        return "header"
    if (name == "footer" and _is_page_level(element)) or role == "contentinfo":
        return "footer"
    if name not in _HEADING_TAGS and _COOKIE_WORDS.search(words):
        # A banner is short and talks about cookies; a notice's own section on consent (or a
        # page whose <body> has a "cookies-accepted" class) keeps its place.
        text = element.get_text(" ", strip=True)
        if len(text) < 3000 and ("cookie" in text.lower() or "cookie" in words.lower()):
            return "cookie banner"
    if name == "form":
        is_feedback = _FEEDBACK_TEXT.search(element.get_text(" ")) or "feedback" in words.lower()
        return "feedback form" if is_feedback else "other forms"
    if name == "aside" or role == "complementary":
        return "related links" if _mostly_links(element) else None
    if name == "a" and _SKIP_LINK_TEXT.search(element.get_text(" ")):
        return "skip link"
    if name == "button":
        return None if element.find_parent([*_HEADING_TAGS, "summary"]) else "button"
    return None


def _mostly_links(element: Tag) -> bool:
    text = len(element.get_text(" ", strip=True))
    links = sum(len(link.get_text(" ", strip=True)) for link in element.find_all("a"))
    return text == 0 or links * 2 >= text


class _Removed:
    """The elements taken out of the tree so far.

    bs4's own `decomposed` check searches the element's subtree each time it is asked, which is
    quadratic on a deeply nested page; this is a set lookup. It holds the elements themselves so
    their ids stay unique while it lives.
    """

    def __init__(self) -> None:
        self._elements: dict[int, Tag] = {}

    def remove(self, element: Tag) -> None:
        for inner in [element, *element.find_all(True)]:
            self._elements[id(inner)] = inner
        element.decompose()

    def __contains__(self, element: object) -> bool:
        return id(element) in self._elements


def _remove_chrome(soup: BeautifulSoup, *, keep: Tag | None, gone: _Removed) -> set[str]:
    """Drop navigation, banners, forms and footers; return the kinds of chrome found."""
    protected = {id(soup), *(id(element) for element in soup.find_all(["html", "body"]))}
    if keep is not None:
        protected |= {id(keep), *(id(parent) for parent in keep.parents)}
    # Chrome named only by class or id is looked for outside the marked main content.
    inside = {id(element) for element in keep.find_all(True)} if keep is not None else set()
    found: set[str] = set()
    for element in soup.find_all(True):
        if element in gone or id(element) in protected:
            continue
        kind = _chrome_kind(element)
        if kind is None and id(element) not in inside:
            kind = named_chrome_kind(element)
        if kind:
            found.add(kind)
            gone.remove(element)
    # "Was this page useful?" is often a few links in a <div>, not a form.
    for text in soup.find_all(string=_FEEDBACK_TEXT):
        block = text.parent
        for candidate in [text.parent, *text.parents]:
            if not isinstance(candidate, Tag) or id(candidate) in protected:
                break
            if len(candidate.get_text(" ", strip=True)) > 400:
                break
            block = candidate
        if isinstance(block, Tag) and id(block) not in protected and block not in gone:
            gone.remove(block)
            found.add("feedback form")
    if _remove_contents_lists(soup, gone):
        found.add("contents list")
    return found


def _is_contents_entry(element: Tag) -> bool:
    """A list item or paragraph that is only a link to a place further down the same page."""
    links = element.find_all("a", href=True)
    if len(links) != 1 or not str(links[0]["href"]).startswith("#"):
        return False
    text = re.sub(r"\s+", "", element.get_text())
    return bool(text) and text == re.sub(r"\s+", "", links[0].get_text())


def _remove_contents_lists(soup: BeautifulSoup, gone: _Removed) -> bool:
    """Drop "On this page" lists and Word's table of contents: links into the page itself."""
    found = False
    for listing in soup.find_all(["ul", "ol"]):
        if listing in gone:
            continue
        items = listing.find_all("li", recursive=False)
        if len(items) >= 2 and all(_is_contents_entry(item) for item in items):
            heading = listing.find_previous_sibling(True)
            if heading is not None and _CONTENTS_HEADINGS.match(heading.get_text(" ")):
                gone.remove(heading)
            gone.remove(listing)
            found = True
    run: list[Tag] = []
    for paragraph in [*soup.find_all("p"), None]:  # None ends the last run
        if paragraph is not None and paragraph not in gone and _is_contents_entry(paragraph):
            if run and paragraph.find_previous_sibling(True) is not run[-1]:
                found |= _drop_run(run, gone)
                run = []
            run.append(paragraph)
            continue
        found |= _drop_run(run, gone)
        run = []
    return found


def _drop_run(run: list[Tag], gone: _Removed) -> bool:
    if len(run) < 2:
        return False
    for paragraph in run:
        gone.remove(paragraph)
    return True


_CONTENT_TEXT_TAGS = ["p", "li", "td", "dd", "pre", "blockquote"]


def _densest_content(soup: BeautifulSoup) -> Tag:
    """The smallest element holding nearly all the page's text, when no <main> marks it."""
    top = soup.body or soup
    tags = [top, *top.find_all(True)]
    text_length: dict[int, int] = {}
    content_length: dict[int, int] = {}  # text in paragraphs, list items, cells
    # Children before parents (reversed document order), so each element is added up once.
    for tag in reversed(tags):
        children = [child for child in tag.children if isinstance(child, Tag)]
        own = sum(
            len(child.strip())
            for child in tag.children
            if isinstance(child, NavigableString) and not isinstance(child, Comment)
        )
        text_length[id(tag)] = own + sum(text_length[id(child)] for child in children)
        content_length[id(tag)] = (
            text_length[id(tag)]
            if tag.name in _CONTENT_TEXT_TAGS
            else sum(content_length[id(child)] for child in children)
        )
    weight = content_length if content_length[id(top)] else text_length
    node = top
    while True:
        children = [child for child in node.children if isinstance(child, Tag)]
        if not weight[id(node)] or not children:
            return node
        best = max(children, key=lambda child: weight[id(child)])
        if weight[id(best)] < weight[id(node)] * 0.85:
            return node
        node = best


def _scheme(url: str) -> str | None:
    """The URL's scheme ("" for a relative one), or None if it is not a URL at all."""
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:  # "http://[not-ipv6/" and the like
        return None


def _absolute(base: str, url: str) -> str:
    try:
        return urljoin(base, url)
    except ValueError:
        return ""


def _safe_href(href: str) -> bool:
    # Browsers ignore tabs, newlines and leading spaces inside a scheme ("java\tscript:").
    cleaned = re.sub(r"[\x00-\x20]+", "", html_lib.unescape(href)).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    return scheme is None or scheme.group(1) in _SAFE_URL_SCHEMES


# Converting the sanitised HTML to Markdown ---------------------------------------------------

_INLINE_TAGS = {"a", "strong", "b", "em", "i", "code", "span", "abbr", "sub", "sup", "small", "u"}
_INLINE_TAGS |= {"br"}

_WHITESPACE = re.compile(r"\s+")
# Text that would start a heading, list, quote or table if a line began with it.
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+*](?=\s)|>|\d{1,9}(?=[.)](\s|$))|\|)")


def _escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([*`\[\]])", r"\\\1", text)
    return re.sub(r"(?<!\w)_|_(?!\w)", r"\\_", text)


def _escape_line_start(line: str) -> str:
    return _BLOCK_START.sub(lambda match: "\\" + match.group(0), line, count=1)


def _inline_plain(text: str) -> str:
    return _escape(_WHITESPACE.sub(" ", text).strip())


def _clean_url(url: str) -> str:
    url = url.strip()
    for char, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(char, code)
    return url


class _MarkdownWriter:
    """Sanitised HTML to Markdown blocks. Only text and Markdown come out, never a tag.

    `escape_text` is off for HTML inside a Markdown file, whose text is Markdown already.
    """

    def __init__(self, *, base_url: str, heading_shift: int, escape_text: bool = True) -> None:
        self.base_url = base_url
        self.heading_shift = heading_shift
        self.escape_text = escape_text
        self.relative_links = 0
        self.last_heading_level = 1

    # Blocks

    def blocks(self, parent: Tag) -> list[str]:
        out: list[str] = []
        run: list[str] = []

        def flush() -> None:
            paragraph = _paragraph("".join(run))
            if paragraph:
                out.append(paragraph)
            run.clear()

        for child in parent.children:
            if isinstance(child, Tag) and child.name not in _INLINE_TAGS:
                flush()
                out.extend(self._block(child))
            else:
                run.append(self._piece(child))
        flush()
        return out

    def _block(self, element: Tag) -> list[str]:
        name = element.name
        if name in _HEADING_TAGS:
            return self._heading(int(name[1]), element)
        if name in ("ul", "ol"):
            listing = self._list(element, depth=0)
            return [listing] if listing else []
        if name == "table":
            return self._table(element)
        if name == "blockquote":
            inner = "\n\n".join(self.blocks(element))
            return [re.sub(r"^", "> ", inner, flags=re.M).replace("> \n", ">\n")] if inner else []
        if name in ("pre", "address"):
            lines = [_inline_plain(line) for line in element.get_text().split("\n")]
            text = "\n".join(_escape_line_start(line) for line in lines if line)
            return [text] if text else []
        if name == "dl":
            return self._definitions(element)
        if name == "details":
            return self._details(element)
        if name == "hr":
            return []
        # p, div, section, figure and the rest are containers: their text runs are paragraphs.
        return self.blocks(element)

    def _heading(self, level: int, element: Tag) -> list[str]:
        text = _one_line(self.inline(element, plain=True))
        if not text:
            return []
        level = max(1, min(6, level - self.heading_shift))
        self.last_heading_level = level
        return [f"{'#' * level} {text}"]

    def _details(self, element: Tag) -> list[str]:
        # An accordion: its summary names the part, so it becomes a heading under the last one.
        out: list[str] = []
        summary = element.find("summary", recursive=False)
        if summary is not None:
            text = _one_line(self.inline(summary, plain=True))
            if text:
                out.append(f"{'#' * min(6, self.last_heading_level + 1)} {text}")
            summary.extract()
        return out + self.blocks(element)

    def _list(self, element: Tag, *, depth: int) -> str:
        ordered = element.name == "ol"
        number = _bounded_number(element.get("start"), default=1, largest=10**6)
        indent = "    " * depth
        lines: list[str] = []
        for child in element.children:
            if not isinstance(child, Tag):
                continue
            if child.name in ("ul", "ol"):  # a list straight inside a list: nest it
                nested = self._list(child, depth=depth + 1)
                if nested:
                    lines.append(nested)
                continue
            if child.name != "li":
                continue
            text = self._flat(child, skip=("ul", "ol"))
            nested_lists = [self._list(sub, depth=depth + 1) for sub in _lists_in_item(child)]
            nested_lists = [nested for nested in nested_lists if nested]
            if not text and not nested_lists:
                continue
            marker = f"{number}. " if ordered else "- "
            number += 1
            lines.append(f"{indent}{marker}{_escape_line_start(text)}".rstrip())
            lines.extend(nested_lists)
        return "\n".join(lines)

    def _table(self, table: Tag) -> list[str]:
        rows = _table_rows(table)
        cells_per_row = [row.find_all(["th", "td"], recursive=False) for row in rows]
        widest = max((len(cells) for cells in cells_per_row), default=0)
        # A table that holds headings, tables or a single column is page layout, not data.
        if widest <= 1 or table.find([*_HEADING_TAGS, "table"]):
            return self.blocks(table)
        grid: list[list[str]] = []
        for cells in cells_per_row:
            row: list[str] = []
            for cell in cells:
                row.append(self._flat(cell).replace("|", "\\|"))
                span = _bounded_number(cell.get("colspan"), default=1, largest=20)
                row.extend([""] * (span - 1))
            if any(row):
                grid.append(row)
        if not grid:
            return []
        width = max(len(row) for row in grid)
        grid = [row + [""] * (width - len(row)) for row in grid]
        lines = [_table_row(grid[0]), _table_row(["---"] * width)]
        lines += [_table_row(row) for row in grid[1:]]
        out = []
        caption = table.find("caption")
        if caption is not None and self._flat(caption):
            out.append(_escape_line_start(self._flat(caption)))
        return [*out, "\n".join(lines)]

    def _definitions(self, element: Tag) -> list[str]:
        out = []
        for child in element.find_all(["dt", "dd"], recursive=False):
            text = self._flat(child)
            if text:
                out.append(_wrap(text, "**") if child.name == "dt" else _escape_line_start(text))
        return out

    # Inline text

    def _piece(self, node: object) -> str:
        if isinstance(node, Tag):
            return self.inline(node)
        if isinstance(node, NavigableString) and not isinstance(node, Comment):
            return self._text(node)
        return ""

    def _text(self, text: str) -> str:
        text = _WHITESPACE.sub(" ", text)
        return _escape(text) if self.escape_text else text

    def _flat(self, element: Tag, skip: tuple[str, ...] = ()) -> str:
        """All of an element's text on one line: for list items and table cells."""
        parts: list[str] = []
        for child in element.children:
            if isinstance(child, Tag) and child.name in skip:
                continue
            if isinstance(child, Tag) and child.name in ("ul", "ol"):
                items = [self._flat(item) for item in child.find_all("li", recursive=False)]
                parts.append(" " + "; ".join(item for item in items if item) + " ")
            elif isinstance(child, Tag) and child.name not in _INLINE_TAGS:
                parts.append(" " + self._flat(child, skip) + " ")
            else:
                parts.append(self._piece(child))
        return _one_line("".join(parts))

    def inline(self, element: Tag, *, plain: bool = False) -> str:
        """An inline element as Markdown; `plain` (for headings) leaves out emphasis and links."""
        if element.name == "br":
            return " " if plain else "\n"
        inner = "".join(
            self.inline(child, plain=plain) if isinstance(child, Tag) else self._piece(child)
            for child in element.children
        )
        name = element.name
        if name == "a":
            return inner if plain else self._link(element, inner)
        if name in _EMPHASIS and not plain:
            return _wrap(inner, _EMPHASIS[name])
        if name in _INLINE_TAGS:
            return inner
        # A block inside inline content (a <div> in a link): keep its words apart.
        return f" {inner} "

    def _link(self, element: Tag, text: str) -> str:
        href = str(element.get("href") or "").strip()
        label = _one_line(text)
        if not label:
            return text
        if not href or href.startswith("#") or not _safe_href(href):
            return text
        scheme = _scheme(href)
        if scheme is None:
            return text
        if not scheme:
            href = _absolute(self.base_url, href) if self.base_url else ""
            if not href:
                self.relative_links += 1
                return text
        return f"[{label}]({_clean_url(href)})"


def _lists_in_item(item: Tag) -> list[Tag]:
    """The lists inside a list item (straight inside, or in its paragraphs), not deeper ones."""
    found = []
    for child in item.children:
        if isinstance(child, Tag) and child.name in ("ul", "ol"):
            found.append(child)
        elif isinstance(child, Tag) and child.name not in ("li", "table"):
            found.extend(_lists_in_item(child))
    return found


def _table_rows(table: Tag) -> list[Tag]:
    """A table's own rows, not those of a table inside one of its cells."""
    rows = []
    for child in table.children:
        if isinstance(child, Tag) and child.name == "tr":
            rows.append(child)
        elif isinstance(child, Tag) and child.name in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child.children if isinstance(row, Tag) and row.name == "tr")
    return rows


_EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}


def _one_line(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _paragraph(text: str) -> str:
    """A run of inline Markdown as a paragraph: its <br> line breaks kept, its spaces tidied."""
    lines = [_one_line(line) for line in text.split("\n")]
    return "\n".join(_escape_line_start(line) for line in lines if line)


def _wrap(inner: str, marker: str) -> str:
    """`inner` in an emphasis marker, with its outer spaces outside the marker."""
    core = inner.strip()
    if not core or "\n" in core or marker in core:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _bounded_number(value: object, *, default: int, largest: int) -> int:
    """An HTML number attribute (start, colspan) as written, if it is sensible."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if 1 <= number <= largest else default


def _first_heading(markdown: str) -> str:
    match = re.search(r"^#{1,6} (.+)$", markdown, re.M)
    return re.sub(r"\\(.)", r"\1", match.group(1)).strip() if match else ""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _join_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


# Markdown ------------------------------------------------------------------------------------

# Raw HTML elements that are dropped with their content wherever they appear in Markdown.
_DANGEROUS_ELEMENTS = re.compile(
    r"<(script|style|iframe|object|embed|noscript|template|svg|math|textarea|select|title)\b"
    r".*?(</\1\s*>|\Z)",
    re.I | re.S,
)
_HTML_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>")
_HTML_BLOCK_START = re.compile(
    r"^ {0,3}<(/?)(address|article|aside|blockquote|body|center|details|dialog|div|dl|fieldset|"
    r"figure|footer|form|h[1-6]|header|hr|html|main|nav|ol|p|pre|section|summary|table|ul)\b",
    re.I,
)
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel):[^<>\s]+)>", re.I)
_EMAIL_AUTOLINK = re.compile(r"<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(((?:[^()\n]|\([^()\n]*\))*)\)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?.*$", re.M)
_LINE_PREFIX = re.compile(r"^(\s*(?:(?:[-*+]|\d{1,9}[.)]|#{1,6}|>)(?:\s+|$))*)")


def _markdown_to_markdown(text: str) -> tuple[str, str, list[str]]:
    """Markdown as it came, with any raw HTML in it made into Markdown or dropped."""
    notes: list[str] = []
    scripts = len(re.findall(r"<script\b", text, re.I))
    text = _HTML_COMMENT.sub("", text)
    text = _DANGEROUS_ELEMENTS.sub("", text)
    text = re.sub(r"</?(script|style|iframe)\b[^>]*>?", "", text, flags=re.I)  # stray halves
    images = len(_MARKDOWN_IMAGE.findall(text))
    text = _MARKDOWN_IMAGE.sub("", text)
    text = _AUTOLINK.sub(lambda match: f"[{match.group(1)}]({match.group(1)})", text)
    text = _EMAIL_AUTOLINK.sub(lambda match: f"[{match.group(1)}](mailto:{match.group(1)})", text)
    text, unsafe = _drop_unsafe_markdown_links(text)

    out: list[str] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if _HTML_BLOCK_START.match(line):
            end = _html_block_end(lines, index)
            fragment = "\n".join(lines[index:end])
            markdown, _title, _notes = _html_to_markdown(fragment, source=_FRAGMENT)
            out.extend(["", markdown, ""])
            index = end
            continue
        if _TAG.search(line):
            prefix = _LINE_PREFIX.match(line).group(1)
            line = prefix + _inline_html_to_markdown(line[len(prefix) :])
        out.append(line.rstrip() if not line.strip() else line)
        index += 1
    markdown = "\n".join(out)
    if scripts:
        notes.append(f"Removed {_count(scripts, 'script')}")
    if images:
        notes.append(f"Left out {_count(images, 'picture')}: the import keeps text only")
    if unsafe:
        notes.append(
            f"Removed {_count(unsafe, 'link')} that ran a script or held hidden data, "
            "keeping the text"
        )
    return markdown, _markdown_title(markdown), notes


def _html_block_end(lines: list[str], start: int) -> int:
    """The line after an HTML block: its first blank line, unless its element is still open and
    the next line goes on with HTML (a table with blank lines between its rows)."""
    opened = _HTML_BLOCK_START.match(lines[start]).group(2).lower()
    depth = 0
    index = start
    while index < len(lines):
        line = lines[index]
        depth += len(re.findall(rf"<{opened}\b", line, re.I))
        depth -= len(re.findall(rf"</{opened}\s*>", line, re.I))
        if not line.strip():
            following = next((later for later in lines[index + 1 :] if later.strip()), "")
            if depth <= 0 or not following.lstrip().startswith("<"):
                return index
        index += 1
    return index


def _inline_html_to_markdown(text: str) -> str:
    """Inline HTML in a line of Markdown as Markdown; the Markdown around it kept as written."""
    fragment = _parse(_sanitise(text))
    writer = _MarkdownWriter(base_url="", heading_shift=0, escape_text=False)
    return writer.inline(fragment).replace("\n", " ").strip()


def _drop_unsafe_markdown_links(text: str) -> tuple[str, int]:
    unsafe = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal unsafe
        destination = match.group(2).strip().lstrip("<")
        if _safe_href(destination):
            return match.group(0)
        unsafe += 1
        return match.group(1)

    text = _MARKDOWN_LINK.sub(replace, text)

    def definition(match: re.Match[str]) -> str:
        nonlocal unsafe
        if _safe_href(match.group(1)):
            return match.group(0)
        unsafe += 1
        return ""

    return _REFERENCE_DEFINITION.sub(definition, text), unsafe


def _markdown_title(markdown: str) -> str:
    top = re.search(r"^ {0,3}# +(.+?)[ #]*$", markdown, re.M)
    if top:
        return top.group(1).strip()
    setext = re.search(r"^(\S[^\n]*)\n=+[ \t]*$", markdown, re.M)
    return setext.group(1).strip() if setext else _first_heading(markdown)


# Plain text ----------------------------------------------------------------------------------

# "•", "·", "▪", "◦", "●" and the like may sit straight against the text; "*", "-", "–" and "o"
# need a space after them, or they are words and numbers ("-5", "often").
_BULLET = re.compile(
    r"^(\s*)(?:[\u2022\u00b7\u25aa\u25ab\u25e6\u2023\u2043\u25cf\u25cb\u25a0\u25a1\u27a2\u2713\uf0b7]\s*"
    r"|[*\u2013\u2014-]\s+|o\s+)(\S.*)$"
)
_NUMBERED_ITEM = re.compile(r"^(\s*)(\d{1,3})[.)]\s+(\S.*)$")
_LETTERED_ITEM = re.compile(r"^(\s*)\(?(?:[a-z]|[ivx]{1,4})\)\s+(\S.*)$")
# "Section 4: Lawful basis", "Part 2 - Sharing"
_SECTION_HEADING = re.compile(r"^(?:section|part)\s+\d{1,3}\s*[:.)\u2013\u2014-]?\s+(\S.*)$", re.I)
# "4. What is the lawful basis", "4) ...", and "4.1 ..." (one level down)
_NUMBER_HEADING = re.compile(r"^\d{1,3}(?:[.)]|(\.\d{1,3})\.?)\s+(\S.*)$")
_RULE = re.compile(r"^\s*([=_*~-])\1{2,}\s*$")
# Words that make a line ending in ":" a sentence leading into a list, not the list's heading:
# "We collect:", "The groups we share with include:".
_LEAD_IN_WORDS = re.compile(
    r"^(we|you|our|they|this|these|it|i|the)\b"
    r"|\b(following|such as|includ\w*|below|are|is|was|were|will|may|can|must)\b",
    re.I,
)
# Lines this short all through a block were never wrapped: an address, contact details.
_SHORT_LINE = 50
_NAMES_THE_NOTICE = re.compile(r"\bprivacy notice\b", re.I)
# Unwrapped text puts each paragraph on one long line; wrapped text breaks lines before this.
_PARAGRAPH_LINE = 100
_HEADING_MAX = 80


def _plain_text_to_markdown(text: str) -> tuple[str, str, list[str]]:
    """Plain text as Markdown: its headings found, its bullets made lists, wrapped lines joined."""
    blocks = []
    for block in _text_blocks(text.expandtabs(4)):
        if is_one_paragraph_per_line(block):  # text copied from a web page
            blocks += split_block(block, _is_list_line)
        else:
            blocks.append(block)
    notes = []
    # Text copied from a web page often ends with the page's "Was this page helpful?" form.
    for index in range(len(blocks) * 2 // 3, len(blocks)):
        line = blocks[index][0].strip()
        if len(line) <= 60 and _FEEDBACK_TEXT.search(line):
            blocks = blocks[:index]
            notes.append("Left out the web page's feedback form at the end of the text")
            break
    out: list[str] = []
    titles: list[str] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if index == 0 and _is_title_block(block, blocks[1:]):
            # "Larchfield Borough Council" over "Children's privacy notice", then a heading.
            title = ": ".join(line.strip().rstrip(":") for line in block)
            out.append(f"# {_inline_plain(title)}")
            titles.append(title)
            continue
        heading = _block_heading(block, following, first=index == 0)
        if heading is not None:
            level, title, consumed = heading
            out.append(f"{'#' * level} {_inline_plain(title)}")
            titles.append(title)
            block = block[consumed:]
        out.extend(_text_body(block))
    # A first heading followed straight away by another, or naming the notice, is its title.
    if (
        out
        and out[0].startswith("## ")
        and ((len(out) > 1 and out[1].startswith("#")) or _NAMES_THE_NOTICE.search(out[0]))
    ):
        out[0] = out[0][1:]
    markdown = "\n\n".join(part for part in out if part)
    return markdown, (titles[0] if titles else ""), notes


def _is_title_block(block: list[str], rest: list[list[str]]) -> bool:
    return (
        2 <= len(block) <= 3
        and all(_reads_as_heading(line) and not _is_list_line(line) for line in block)
        and len(rest) > 0
        and _block_heading(rest[0], rest[1] if len(rest) > 1 else None, first=False) is not None
    )


def _text_blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_list_line(line: str) -> bool:
    return _list_item(line) is not None


def _reads_as_heading(text: str) -> bool:
    """Short, not a sentence's end or middle, not a contact detail."""
    text = text.strip()
    return (
        0 < len(text) < _HEADING_MAX
        and len(text.split()) <= 14
        and not text.endswith((".", ",", ";"))
        and not text[0].islower()
        and "@" not in text
        and "://" not in text
        and not re.search(r"\w:\s*\S", text)  # "Telephone: 01632 960000" is a label and value
    )


def _is_all_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 3 and all(char.isupper() for char in letters)


def _block_heading(
    block: list[str], following: list[str] | None, *, first: bool
) -> tuple[int, str, int] | None:
    """(level, text, lines it takes) if the block starts with a heading."""
    line = block[0].strip()
    if _RULE.match(line):
        return None
    if len(block) > 1 and _RULE.match(block[1]) and _reads_as_heading(line):
        return 2, line, 2  # underlined with === or ---
    after = block[1] if len(block) > 1 else (following[0] if following else None)
    followed_by_list = after is not None and _is_list_line(after)

    numbered = _SECTION_HEADING.match(line) or _NUMBER_HEADING.match(line)
    if numbered:
        title = numbered.groups()[-1].rstrip(":").strip()
        sub_level = numbered.re is _NUMBER_HEADING and numbered.group(1)
        # "1. Who we are" then "2. What we collect" straight after is a list, not two headings.
        next_is_item = after is not None and bool(_NUMBERED_ITEM.match(after))
        if _reads_as_heading(title) and not (next_is_item and not sub_level):
            return (3 if sub_level else 2), title, 1
        return None
    if _is_list_line(line):
        return None

    if line.endswith(":"):
        # "Who we share it with:" above a list heads it; "We share it with these groups:" and
        # "We collect the following:" lead into it.
        title = line[:-1].strip()
        if (
            followed_by_list
            and len(title.split()) <= 6
            and not _LEAD_IN_WORDS.search(title)
            and _reads_as_heading(title)
        ):
            return 2, title, 1
        return None
    if after is None:
        return None  # a heading heads something
    if _is_all_caps(line) and len(line) < _HEADING_MAX and not line.endswith((".", ",", ";")):
        return 2, line, 1
    if not _reads_as_heading(line):
        return None
    if len(block) == 1:
        # A short line on its own heads what follows, unless a run of short lines follows it
        # (an address, a list without bullets). The first may be the document's title.
        next_is_short = (
            following is not None and len(following) == 1 and _reads_as_heading(following[0])
        )
        if next_is_short and not first:
            return None
        return 2, line, 1
    if len(block) >= 3 and all(len(line.strip()) < _SHORT_LINE for line in block):
        return None  # an address, or contact details, line by line
    # A short line straight above a paragraph or list, not the first line of a wrapped paragraph.
    next_line = block[1].strip()
    longest_rest = max(len(rest.strip()) for rest in block[1:])
    if followed_by_list or (
        next_line[:1].isupper() and len(line) <= 60 and len(line) < 0.7 * longest_rest
    ):
        return 2, line, 1
    return None


def _text_body(lines: list[str]) -> list[str]:
    """A block's paragraphs and lists as Markdown blocks."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[tuple[int, str, str]] = []  # (indent, marker, text)

    def flush_paragraph() -> None:
        if len(paragraph) > 1 and all(len(line) < _SHORT_LINE for line in paragraph):
            out.append("\n".join(_escape_line_start(_inline_plain(line)) for line in paragraph))
        elif paragraph:
            out.append(_escape_line_start(_inline_plain(" ".join(paragraph))))
        paragraph.clear()

    def flush_list() -> None:
        if not items:
            return
        base = min(indent for indent, _marker, _text in items)
        rendered = []
        for indent, marker, text in items:
            nested = "    " if indent > base else ""
            rendered.append(f"{nested}{marker}{_escape_line_start(_inline_plain(text))}")
        out.append("\n".join(rendered))
        items.clear()

    for raw in lines:
        if _RULE.match(raw):
            flush_paragraph()
            flush_list()
            continue
        item = _list_item(raw)
        if item is not None:
            flush_paragraph()
            items.append(item)
            continue
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        if items:
            last_indent, marker, last_text = items[-1]
            # A wrapped item goes on indented, or mid-sentence; anything else starts a paragraph.
            mid_sentence = stripped[:1].islower() and not last_text.endswith((".", "!", "?"))
            if indent > last_indent or mid_sentence:
                items[-1] = (last_indent, marker, f"{last_text} {stripped}")
                continue
            flush_list()
        paragraph.append(stripped)
        if len(stripped) >= _PARAGRAPH_LINE and stripped.endswith((".", "!", "?", ":", ";")):
            flush_paragraph()
    flush_paragraph()
    flush_list()
    return out


def _list_item(line: str) -> tuple[int, str, str] | None:
    """(indent, Markdown marker, text) if the line is a bullet, numbered or lettered item."""
    bullet = _BULLET.match(line)
    if bullet:
        return len(bullet.group(1)), "- ", bullet.group(2)
    numbered = _NUMBERED_ITEM.match(line)
    if numbered:
        return len(numbered.group(1)), f"{int(numbered.group(2))}. ", numbered.group(3)
    lettered = _LETTERED_ITEM.match(line)
    if lettered:
        return len(lettered.group(1)), "- ", lettered.group(2)
    return None


# The last word on safety ---------------------------------------------------------------------

_UNSAFE_SCHEME_TEXT = re.compile(r"(java|vb|live)script(\s*):", re.I)


def _defang(markdown: str) -> str:
    """No raw HTML and no script links, whatever path the text took: "<tag" becomes "&lt;tag"
    (which Markdown shows as "<"), and a "javascript:" in the words is broken up."""
    markdown = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", markdown)
    return _UNSAFE_SCHEME_TEXT.sub(r"\1script\2&#58;", markdown)
