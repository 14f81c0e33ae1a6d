"""Issue 15.B: the caps checked by streaming a file before any parser builds a tree from it. Each
hostile file is built in code and is small on disk; each is refused with what it holds and the
limit, and neither mammoth nor BeautifulSoup ever sees it."""

import io
import zipfile

import pytest

from notices.importing import html_reader, word_reader
from notices.importing.reading import UnreadableDocument, read_document
from notices.testing import hostile_imports
from notices.testing.hostile_imports import word_document, word_paragraph


@pytest.fixture
def no_parser(monkeypatch):
    """Fails the test if mammoth or BeautifulSoup is asked to read anything."""

    def must_not_run(*args, **kwargs):
        raise AssertionError("a file over a cap reached a parser")

    monkeypatch.setattr(word_reader.mammoth, "convert_to_html", must_not_run)
    monkeypatch.setattr(html_reader, "BeautifulSoup", must_not_run)


def refusal(data: bytes, filename: str) -> str:
    with pytest.raises(UnreadableDocument) as refused:
        read_document(data, filename)
    return str(refused.value)


def test_a_small_word_file_of_5_mb_of_tiny_paragraphs_is_refused_unread(no_parser):
    data = hostile_imports.docx_of_tiny_paragraphs()
    assert len(data) < 20_000
    assert refusal(data, "notice.docx").startswith(
        "The Word document unpacks to just over 5 MB; the limit is 5 MB."
    )


def test_a_word_file_of_too_many_tiny_paragraphs_is_refused_by_its_element_count(no_parser):
    data = hostile_imports.docx_of_tiny_paragraphs(2 * 1024 * 1024)
    assert refusal(data, "notice.docx").startswith(
        "The Word document holds more than 150,000 pieces of formatting and text"
    )


def test_a_word_file_that_unpacks_to_49_mb_is_refused_unread(no_parser):
    data = hostile_imports.docx_unpacking_to()
    assert len(data) < 100_000
    assert refusal(data, "notice.docx").startswith(
        "The Word document unpacks to 49 MB; the limit is 5 MB."
    )


def test_a_word_file_that_understates_its_size_is_measured_as_it_unpacks(no_parser):
    data = bytearray(hostile_imports.docx_unpacking_to(8 * 1024 * 1024))
    # Rewrite the document part's stated size, in its local header and the central directory.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        entry = archive.getinfo("word/document.xml")
    stated = entry.file_size.to_bytes(4, "little")
    assert data.count(stated) == 2
    data = data.replace(stated, (1000).to_bytes(4, "little"))
    message = refusal(bytes(data), "notice.docx")
    # Either the streamed count or zipfile's own check stops it; never mammoth.
    assert "unpacks to more than 5" in message or "not a Word document" in message


def test_a_word_file_nested_deeply_is_refused(no_parser):
    data = word_document(b"<w:p>" * 500 + b"</w:p>" * 500)
    assert "nests its content more than 100 levels deep" in refusal(data, "notice.docx")


def rebuilt(data: bytes, parts: dict[str, bytes]) -> bytes:
    """The Word file `data` with `parts` put in or added, stored uncompressed."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        contents = {entry.filename: source.read(entry) for entry in source.infolist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in (contents | parts).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_word_file_with_thousands_of_entries_is_refused(no_parser):
    media = {f"word/media/image{number}.png": b"" for number in range(1_500)}
    data = rebuilt(word_document([word_paragraph("Notice")]), media)
    message = refusal(data, "notice.docx")
    assert message.startswith("The Word document holds 1,503 files inside it; the limit is 1,000.")


def test_a_word_file_declaring_entities_is_refused_before_any_expansion(no_parser):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    data = word_document([word_paragraph("&b;")])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        document = source.read("word/document.xml")
    document = laughs + document[document.index(b"?>") + 2 :]
    data = rebuilt(data, {"word/document.xml": document})
    assert "declares a document type" in refusal(data, "notice.docx")


def test_a_word_file_with_broken_xml_is_refused_as_damaged(no_parser):
    assert "its XML is damaged" in refusal(word_document(b"<w:p><w:r>"), "notice.docx")


def test_an_ordinary_word_notice_is_inside_every_cap():
    paragraphs = [word_paragraph(f"Paragraph {number} of the notice.") for number in range(2_000)]
    document = read_document(word_document(paragraphs), "notice.docx")
    assert "Paragraph 1999 of the notice." in document.markdown


def test_a_5_mb_page_of_empty_paragraphs_is_refused_unparsed(no_parser):
    data = hostile_imports.html_of_empty_paragraphs()
    assert len(data) > 4_800_000
    assert refusal(data, "notice.html").startswith("The file holds more than 40,000 HTML elements")


def test_50_000_nested_divs_are_refused_unparsed(no_parser):
    message = refusal(hostile_imports.html_of_nested_divs(), "notice.html")
    assert message.startswith("The file's HTML is nested too deeply: more than 150 levels")


def test_a_page_that_never_closes_its_paragraphs_or_items_is_not_taken_as_deep():
    page = "<html><body><main><h1>Notice</h1>" + "<p>Words." * 400 + "<ul>" + "<li>Item" * 400
    document = read_document(page.encode(), "notice.html")
    assert document.title == "Notice"
    assert "Item" in document.markdown


def test_markdown_holding_hostile_html_meets_the_same_caps(no_parser):
    data = b"# Notice\n\n" + b"<div>" * 1_000 + b"</div>" * 1_000
    assert "nested too deeply" in refusal(data, "notice.md")


def test_the_caps_are_settings(settings, no_parser):
    settings.IMPORT_MAX_HTML_ELEMENTS = 10
    page = "<main>" + "<p>Words.</p>" * 11 + "</main>"
    assert "more than 10 HTML elements" in refusal(page.encode(), "notice.html")
    settings.IMPORT_MAX_UNPACKED_BYTES = 1_000
    data = word_document([word_paragraph("Words.")] * 100)
    assert "; the limit is 1 KB." in refusal(data, "notice.docx")
