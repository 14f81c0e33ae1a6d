"""Sanitised HTML to Markdown: headings, lists, tables, links (kept only with a safe scheme,
made absolute) and emphasis, with every character that Markdown would read as markup escaped.
"""

import html as html_lib
import re
from urllib.parse import urljoin, urlsplit

from bs4 import (
    Comment,
    NavigableString,
    Tag,
)

_SAFE_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_HEADING_TAGS = tuple(f"h{level}" for level in range(1, 7))


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
