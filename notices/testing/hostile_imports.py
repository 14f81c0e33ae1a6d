"""Hostile files for the import, built in code (each is small, whatever it unpacks or expands to),
for the tests and the hostile-input benchmark (benchmarks/hostile/cases_import.py). Each reproduces
a case of issue 15: B, small uploads that cost minutes and gigabytes; C, a body over the limit."""

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
    '+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_PACKAGE_RELATIONSHIPS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_DOCUMENT}" Target="word/document.xml"/>'
    "</Relationships>"
)
_MEGABYTE = 1024 * 1024


def word_document(body_parts: list[bytes] | bytes) -> bytes:
    """A Word document whose body is `body_parts` (WordprocessingML, joined), deflated."""
    body = body_parts if isinstance(body_parts, bytes) else b"".join(body_parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as docx:
        docx.writestr("[Content_Types].xml", _CONTENT_TYPES)
        docx.writestr("_rels/.rels", _PACKAGE_RELATIONSHIPS)
        docx.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'.encode()
            + body
            + b"</w:body></w:document>",
        )
    return buffer.getvalue()


def word_paragraph(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def docx_of_tiny_paragraphs(unpacked_bytes: int = 5 * _MEGABYTE) -> bytes:
    """15.B: a Word file of about 16 KB holding `unpacked_bytes` of one-letter paragraphs
    (5 MB took 81 s and 508 MB in the admin's import preview)."""
    paragraph = word_paragraph("a")
    return word_document(paragraph * (unpacked_bytes // len(paragraph)))


def docx_unpacking_to(unpacked_bytes: int = 49 * _MEGABYTE) -> bytes:
    """15.B: a Word file of about 76 KB whose one paragraph unpacks to `unpacked_bytes` of XML
    (49 MB took 70 s and 2.1 GB just to parse)."""
    return word_document(b"<w:p><w:r><w:t>" + b"a" * unpacked_bytes + b"</w:t></w:r></w:p>")


def html_of_empty_paragraphs(size: int = 4_900_000) -> bytes:
    """15.B: a web page of `size` bytes of empty paragraphs (4.9 MB took 109 s and 1.66 GB)."""
    head = b"<html><body><main><h1>Privacy notice</h1>"
    return head + b"<p></p>" * ((size - len(head)) // 7)


def html_of_nested_divs(depth: int = 50_000) -> bytes:
    """15.B: `depth` nested divs (50,000 took 15 s before being refused)."""
    return (
        b"<html><body>" + b"<div>" * depth + b"<p>Deep words.</p>" + b"</div>" * depth
    ) + b"</body></html>"


def text_with_long_section(body_characters: int = 126_000) -> bytes:
    """15.C: a plain-text notice whose second section's body is `body_characters` long (a
    126 KB body was stored, over the 50,000-character limit)."""
    sentence = "We keep case records safe and share them only when the law allows. "
    body = (sentence * (body_characters // len(sentence) + 1))[:body_characters]
    return (
        "# Children's social care privacy notice\n\n"
        "## Who we are\n\nThe council's children's services team.\n\n"
        f"## How we keep your information\n\n{body}\n\n"
        "## Your rights\n\nYou can ask for a copy of your records.\n"
    ).encode()
