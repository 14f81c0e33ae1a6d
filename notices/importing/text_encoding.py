"""Refusals before any reading (empty, too big, binary, a PDF or image) and the text encodings:
UTF-8 with or without a BOM, UTF-16 and Windows-1252, with mojibake repaired only where it is
certain; which reader a text goes to.
"""

import re

from notices.importing.read_result import (
    FORMAT_HTML,
    FORMAT_MARKDOWN,
    FORMAT_TEXT,
    MAX_IMPORT_BYTES,
    SUPPORTED_FORMATS,
    UnreadableDocument,
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
