"""A small HTML reader for tests: which tags, attributes, headings and ids a page has."""

from dataclasses import dataclass
from html.parser import HTMLParser

VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


class PageOutline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.headings: list[tuple[int, str]] = []
        self.unclosed: list[str] = []
        self.errors: list[str] = []
        self._heading: Element | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading = element
        if tag not in VOID_TAGS:
            self.unclosed.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        if not self.unclosed or self.unclosed[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.unclosed[-1] if self.unclosed else None}>")
            if tag in self.unclosed:
                while self.unclosed and self.unclosed.pop() != tag:
                    pass
            return
        self.unclosed.pop()
        if self._heading is not None and tag == self._heading.tag:
            self.headings.append((int(tag[1]), " ".join(self._heading.text.split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.text += data

    def ids(self) -> list[str]:
        return [element.attrs["id"] for element in self.elements if "id" in element.attrs]

    def find_all(self, tag: str) -> list[Element]:
        return [element for element in self.elements if element.tag == tag]


def outline(html: str) -> PageOutline:
    page = PageOutline()
    page.feed(html)
    page.close()
    return page


def assert_well_formed_page(html: str) -> None:
    """One h1, no skipped heading levels, unique ids, every tag closed, a language."""
    page = outline(html)
    assert not page.errors, page.errors
    assert not page.unclosed, page.unclosed
    assert page.find_all("html")[0].attrs.get("lang") == "en-GB"
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1, page.headings
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, f"heading jumps from h{previous} to h{current}"
    ids = page.ids()
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
