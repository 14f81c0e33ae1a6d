"""Caps on an imported file, checked by streaming it before any parser builds a tree from it.

A small upload can hold a great deal of work: a 76 KB Word file can unpack to 49 MB of XML, and a
5 MB web page can hold 700,000 empty paragraphs. Each reader calls one check here first; the
check reads the file once, front to back, keeping only counters (no tree, no DOM), and stops at
the first cap passed, with a message saying what the file holds and what the limit is. Real
notices are far inside every cap: they unpack to well under 1 MB and have a few thousand
elements.

Each cap is a setting (`IMPORT_MAX_...`) with the default below; docs/importing.md lists them.
"""

import zipfile
from html.parser import HTMLParser
from xml.parsers import expat

from django.conf import settings

_MEGABYTE = 1024 * 1024
_CHUNK = 64 * 1024

DEFAULTS: dict[str, int] = {
    # The XML a Word document's parts unpack to, all parts together (pictures are not read).
    "IMPORT_MAX_UNPACKED_BYTES": 5 * _MEGABYTE,
    # Entries in a Word document's ZIP: a real one has a few dozen, a few hundred with pictures.
    "IMPORT_MAX_ZIP_ENTRIES": 1_000,
    # XML elements in all of a Word document's parts, and how deep they may nest.
    "IMPORT_MAX_XML_ELEMENTS": 150_000,
    "IMPORT_MAX_XML_DEPTH": 100,
    # Elements in a web page, and how deep they may nest.
    "IMPORT_MAX_HTML_ELEMENTS": 40_000,
    "IMPORT_MAX_HTML_DEPTH": 150,
    # Plain text and Markdown, and the Markdown any reader makes.
    "IMPORT_MAX_TEXT_CHARACTERS": 1_000_000,
    "IMPORT_MAX_TEXT_LINES": 20_000,
}


class TooMuchInFile(ValueError):
    """The file passes a cap; str(error) says which, in plain words."""


def limit(name: str) -> int:
    """The cap `name`: its setting, or the default above."""
    return int(getattr(settings, name, DEFAULTS[name]))


def _megabytes(size: int) -> str:
    if size < _MEGABYTE:
        return f"{-(-size // 1024):,} KB"
    shown = f"{size / _MEGABYTE:.1f}" if size < 10 * _MEGABYTE else f"{size / _MEGABYTE:.0f}"
    return f"{shown.removesuffix('.0')} MB"


def _number(count: int) -> str:
    return f"{count:,}"


_SAVE_AS_TEXT = "Save the notice as plain text (.txt) and upload that instead."


# Word documents ------------------------------------------------------------------------------

# The parts mammoth reads are XML; pictures and other media are never unpacked.
_XML_SUFFIXES = (".xml", ".rels")


def check_word_archive(archive: zipfile.ZipFile) -> None:
    """Refuse a Word document whose ZIP has too many entries, or whose XML parts unpack to too
    much, hold too many elements or nest too deeply. Every XML part is decompressed in chunks
    and its bytes counted as they come (an entry's stated size can lie), and each chunk goes
    through expat with handlers that only count."""
    entries = archive.infolist()
    most_entries = limit("IMPORT_MAX_ZIP_ENTRIES")
    if len(entries) > most_entries:
        raise TooMuchInFile(
            f"The Word document holds {_number(len(entries))} files inside it; the limit is "
            f"{_number(most_entries)}. {_SAVE_AS_TEXT}"
        )
    parts = [entry for entry in entries if entry.filename.lower().endswith(_XML_SUFFIXES)]
    most_bytes = limit("IMPORT_MAX_UNPACKED_BYTES")
    stated = sum(entry.file_size for entry in parts)
    if stated > most_bytes:
        raise TooMuchInFile(_unpacks_message(stated, most_bytes))
    counter = _XmlCounter(limit("IMPORT_MAX_XML_ELEMENTS"), limit("IMPORT_MAX_XML_DEPTH"))
    unpacked = 0
    for entry in parts:
        parser = counter.new_parser()
        started = unpacked
        with archive.open(entry) as stream:
            while chunk := stream.read(_CHUNK):
                unpacked += len(chunk)
                if unpacked > most_bytes:
                    # The stated sizes were false: say what was found so far.
                    raise TooMuchInFile(_unpacks_message(unpacked, most_bytes, at_least=True))
                counter.feed(parser, chunk, entry.filename)
        if unpacked > started:  # an empty part is mammoth's to judge
            counter.feed(parser, b"", entry.filename, final=True)


def _unpacks_message(size: int, most: int, *, at_least: bool = False) -> str:
    amount = f"more than {_megabytes(size)}" if at_least else _megabytes(size)
    if _megabytes(size) == _megabytes(most):
        amount = f"just over {_megabytes(most)}"
    return (
        f"The Word document unpacks to {amount}; the limit is {_megabytes(most)}. A notice "
        f"unpacks to far less, so this file holds something else as well. {_SAVE_AS_TEXT}"
    )


class _DoctypeFound(Exception):
    pass


class _XmlCounter:
    """Counts elements and depth across a document's XML parts, with one expat parser per part
    and no tree. A DOCTYPE (which Word never writes) is refused, so no entity is ever expanded."""

    def __init__(self, most_elements: int, most_depth: int) -> None:
        self.most_elements = most_elements
        self.most_depth = most_depth
        self.elements = 0
        self.depth = 0

    def new_parser(self) -> "expat.XMLParserType":
        self.depth = 0
        parser = expat.ParserCreate()
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._doctype
        return parser

    def feed(self, parser, chunk: bytes, part: str, *, final: bool = False) -> None:
        try:
            parser.Parse(chunk, final)
        except _DoctypeFound:
            raise TooMuchInFile(
                f"The Word document's part {part} declares a document type, which Word never "
                "writes, so it is not read. Open the file in Word, save it again, and upload "
                "that."
            ) from None
        except expat.ExpatError:
            raise TooMuchInFile(
                "This is not a Word document the site can read: its XML is damaged. Open it in "
                "Word, save it again as a Word document (.docx), and upload that."
            ) from None

    def _start(self, name: str, attributes: dict) -> None:
        self.elements += 1
        self.depth += 1
        if self.elements > self.most_elements:
            raise TooMuchInFile(
                f"The Word document holds more than {_number(self.most_elements)} pieces of "
                f"formatting and text; a notice has far fewer. {_SAVE_AS_TEXT}"
            )
        if self.depth > self.most_depth:
            raise TooMuchInFile(
                f"The Word document nests its content more than {self.most_depth} levels deep; "
                f"a notice needs a few. {_SAVE_AS_TEXT}"
            )

    def _end(self, name: str) -> None:
        self.depth -= 1

    def _doctype(self, *args: object) -> None:
        raise _DoctypeFound


# Web pages -----------------------------------------------------------------------------------

_VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
# An open element of these kinds ends when the next one starts (HTML's implied end tags), so
# a page that never closes its <p> or <li> is not counted as nesting them.
_ENDED_BY = {
    "p": {"p"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "option": {"option"},
}


class _HtmlCounter(HTMLParser):
    """Counts a page's elements and its depth of nesting, building nothing."""

    def __init__(self, most_elements: int, most_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.most_elements = most_elements
        self.most_depth = most_depth
        self.elements = 0
        self.open: list[str] = []

    def _count(self) -> None:
        self.elements += 1
        if self.elements > self.most_elements:
            raise TooMuchInFile(
                f"The file holds more than {_number(self.most_elements)} HTML elements; a "
                f"notice, even with a site's menus around it, has far fewer. {_SAVE_AS_TEXT}"
            )

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._count()
        if tag in _VOID_ELEMENTS:
            return
        if self.open and tag in _ENDED_BY and self.open[-1] in _ENDED_BY[tag]:
            self.open.pop()
        self.open.append(tag)
        if len(self.open) > self.most_depth:
            raise TooMuchInFile(
                f"The file's HTML is nested too deeply: more than {self.most_depth} levels, "
                f"where a notice needs a dozen or so. {_SAVE_AS_TEXT}"
            )

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._count()  # <br/>, <div/>: nothing stays open

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            # Close it, and whatever the page left open inside it.
            while self.open.pop() != tag:
                pass


def check_html(html: str) -> None:
    """Refuse a web page over the text caps, or with too many elements or too deep a nesting:
    one incremental html.parser pass that keeps only a stack of open tag names. (Its size is
    bounded by the upload's; a saved page's scripts and styles make it long in lines.)"""
    counter = _HtmlCounter(limit("IMPORT_MAX_HTML_ELEMENTS"), limit("IMPORT_MAX_HTML_DEPTH"))
    for start in range(0, len(html), _CHUNK):
        counter.feed(html[start : start + _CHUNK])
    counter.close()


# Text ----------------------------------------------------------------------------------------


def check_text(text: str, *, what: str = "file's text") -> None:
    """Refuse text over the character or line caps."""
    most_characters = limit("IMPORT_MAX_TEXT_CHARACTERS")
    if len(text) > most_characters:
        raise TooMuchInFile(
            f"The {what} is {_number(len(text))} characters long; the limit is "
            f"{_number(most_characters)}. A notice is far shorter: check it is the right file."
        )
    most_lines = limit("IMPORT_MAX_TEXT_LINES")
    lines = text.count("\n") + 1
    if lines > most_lines:
        raise TooMuchInFile(
            f"The {what} has {_number(lines)} lines; the limit is {_number(most_lines)}. A "
            "notice is far shorter: check it is the right file."
        )
