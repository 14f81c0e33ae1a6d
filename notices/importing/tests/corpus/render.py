"""Renders a corpus notice into the shape it is filed in: text in several line-break and heading
styles, a copied web page, saved web pages in three site templates, a Word document, Windows-1252.

Every render is deterministic (a Word file's ZIP entries carry a fixed date), so the committed
files can be checked against a fresh build.
"""

import io
import zipfile
from html import escape

from notices.importing.tests.corpus.model import (
    Block,
    CorpusNotice,
    DfePart,
    Items,
    Para,
    Section,
    item_text,
    table_cells,
)

# shape: the file's extension.
SHAPES = {
    "text-crlf": "txt",
    "text-lf": "txt",
    "text-lines": "txt",
    "text-page": "txt",
    "text-cp1252": "txt",
    "html-main": "html",
    "html-article": "html",
    "html-divs": "html",
    "docx": "docx",
    "markdown": "md",
}


def render(notice: CorpusNotice) -> bytes:
    if notice.shape.startswith("text"):
        return _text(notice)
    if notice.shape.startswith("html"):
        return _html(notice).encode("utf-8")
    if notice.shape == "markdown":
        return _markdown(notice).encode("utf-8")
    return _docx(notice)


def extension(notice: CorpusNotice) -> str:
    return SHAPES[notice.shape]


# --- Text -------------------------------------------------------------------------------------


def _heading(notice: CorpusNotice, number: int, heading: str) -> str:
    style = notice.options.get("headings", "")
    if style == "number":
        return f"{number}. {heading}"
    if style == "section":
        return f"Section {number} - {heading}"
    if style == "caps":
        return heading.upper()
    return heading


def _bullet(notice: CorpusNotice, index: int) -> str:
    bullet = notice.options.get("bullet", "• ")
    return f"{index}) " if bullet == "1)" else bullet


def _text_blocks(notice: CorpusNotice, blocks: tuple[Block, ...]) -> list[list[str]]:
    """Each block as its lines."""
    out = []
    for block in blocks:
        if isinstance(block, Para):
            out.append([block.text])
        elif isinstance(block, Items):
            lines = [block.lead]
            # As copied from a browser: items indented, each ending with ";".
            indent, end = ("    ", ";") if notice.options.get("indented") else ("", "")
            lines += [
                indent + _bullet(notice, index) + item_text(item) + end
                for index, item in enumerate(block.items, start=1)
            ]
            out.append(lines)
        else:
            # A table copied as text: one row a line, the cells apart.
            lines = ["\t".join(block.header)]
            lines += ["\t".join(table_cells(row)) for row in block.rows]
            out.append(lines)
    return out


def _text(notice: CorpusNotice) -> bytes:
    groups: list[list[str]] = []
    if notice.furniture_before:
        groups.append(list(notice.furniture_before))
    groups.append([notice.title])
    groups += [[para] for para in notice.introduction]
    # A page copied from a browser that indents the headings, and with "indent_body" the text
    # under them further.
    body_indent = "    " if notice.options.get("indent_body") else ""
    for number, section in enumerate(notice.sections, start=1):
        indent = "  " if notice.options.get("indented") else ""
        groups.append([indent + _heading(notice, number, section.heading)])
        for blocks in _section_blocks(section):
            groups += [
                [body_indent + line for line in group] for group in _text_blocks(notice, blocks)
            ]
    if notice.furniture_after:
        groups.append(list(notice.furniture_after))
    blank_lines = notice.shape not in ("text-lines", "text-page")
    separator = "\n\n" if blank_lines else "\n"
    if notice.options.get("indented"):
        separator = "\n\n\n"
    text = separator.join("\n".join(group) for group in groups) + "\n"
    if notice.shape in ("text-crlf", "text-cp1252"):
        text = text.replace("\n", "\r\n")
    return text.encode("cp1252" if notice.shape == "text-cp1252" else "utf-8")


def _section_blocks(section: Section | DfePart) -> list[tuple[Block, ...]]:
    if isinstance(section, DfePart):
        return [blocks for _anchor, blocks in section.aligned]
    return [section.blocks]


def _markdown(notice: CorpusNotice) -> str:
    """Markdown as a council might keep it; a paragraph may hold Markdown of its own."""
    out = [f"# {notice.title}"] + list(notice.introduction)
    # Sections a council nests under the one before as bold sub-headings, and lists it breaks
    # with a blank line.
    nested = notice.options.get("nested", ())
    for section in notice.sections:
        if section.heading in nested:
            out.append(f"### **{section.heading}**")
        else:
            out.append(f"## {section.heading}")
        for blocks in _section_blocks(section):
            for block in blocks:
                if isinstance(block, Para):
                    out.append(block.text)
                elif isinstance(block, Items):
                    out.append(block.lead)
                    lines = [f"- {item_text(item)}" for item in block.items]
                    if notice.options.get("split_lists") and len(lines) >= 4:
                        half = len(lines) // 2
                        out += ["\n".join(lines[:half]), "\n".join(lines[half:])]
                    else:
                        out.append("\n".join(lines))
                else:
                    rows = [block.header, ("---", "---")] + [table_cells(r) for r in block.rows]
                    out.append("\n".join("| " + " | ".join(row) + " |" for row in rows))
    return "\n\n".join(out) + "\n"


# --- HTML ------------------------------------------------------------------------------------


def _html_blocks(blocks: tuple[Block, ...]) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Items):
            items = "".join(f"<li>{escape(item_text(item))}</li>" for item in block.items)
            out.append(f"<p>{escape(block.lead)}</p>\n<ul>{items}</ul>")
        else:
            head = "".join(f"<th scope='col'>{escape(cell)}</th>" for cell in block.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in table_cells(row)) + "</tr>"
                for row in block.rows
            )
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return "\n".join(out)


def _notice_html(notice: CorpusNotice, heading_tag: str = "h2") -> str:
    parts = [f"<h1>{escape(notice.title)}</h1>"]
    parts += [f"<p>{escape(para)}</p>" for para in notice.introduction]
    for section in notice.sections:
        parts.append(f"<{heading_tag}>{escape(section.heading)}</{heading_tag}>")
        parts += [_html_blocks(blocks) for blocks in _section_blocks(section)]
    return "\n".join(parts)


def _html(notice: CorpusNotice) -> str:
    before = [escape(text) for text in notice.furniture_before]
    after = [escape(text) for text in notice.furniture_after]
    site = notice.options.get("site", "Council")
    head = (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>Privacy notice: children's social care - {escape(site)}</title>"
        "<style>.banner{background:#fd0}</style>"
        "<script>window.analytics = window.analytics || [];</script></head>\n"
    )
    body = _notice_html(notice)
    if notice.shape == "html-main":
        # A header and menu, a cookie banner, breadcrumbs, <main>, a feedback form and a footer.
        skip, cookies, crumbs, *menu = before
        feedback, *footer = after
        page = (
            f"<body><a class='skip-link' href='#main'>{skip}</a>\n"
            f"<div class='cookie-banner' role='region'><p>{cookies}</p>"
            "<button>Accept</button></div>\n"
            "<header><nav><ul>" + "".join(f"<li><a href='#'>{m}</a></li>" for m in menu) + "</ul>"
            f"</nav></header>\n<nav class='breadcrumbs'>{crumbs}</nav>\n"
            f"<main id='main'>\n{body}\n</main>\n"
            f"<form class='feedback'><p>{feedback}</p><button>Yes</button><button>No</button>"
            "</form>\n<footer><ul>"
            + "".join(f"<li><a href='#'>{f}</a></li>" for f in footer)
            + "</ul></footer>\n"
        )
    elif notice.shape == "html-article":
        # A service banner, an article inside a layout of divs, share links and a footer.
        skip, banner, *menu = before
        share, *footer = after
        page = (
            f"<body><div id='top'><a href='#content'>{skip}</a></div>\n"
            f"<div class='service-banner'><strong>{banner}</strong></div>\n"
            "<div class='layout'><div class='sidebar'><ul>"
            + "".join(f"<li><a href='#'>{m}</a></li>" for m in menu)
            + "</ul></div>\n"
            f"<div class='content' role='main'><article id='content'>\n{body}\n</article>\n"
            f"<div class='share'><a href='#'>{share}</a></div></div></div>\n"
            "<div class='site-footer'>" + "".join(f"<p>{f}</p>" for f in footer) + "</div>\n"
        )
    else:
        # No main or article: the notice is only the densest block of the page.
        skip, cookies, crumbs, *menu = before
        footer = after
        page = (
            f"<body><div class='access'><a href='#c'>{skip}</a></div>\n"
            f"<div id='cookie-notice'>{cookies}</div>\n"
            "<div class='menu'>" + " ".join(f"<a href='#'>{m}</a>" for m in menu) + "</div>\n"
            f"<div class='crumbs'>{crumbs}</div>\n"
            f"<div id='c' class='page-body'>\n{_notice_html(notice, 'h3')}\n</div>\n"
            "<div class='bottom'>" + "<br>".join(footer) + "</div>\n"
        )
    return head + page + "</body></html>\n"


# --- Word ------------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORD_PARTS = {
    "[Content_Types].xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_PACKAGE}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    ),
    "word/_rels/document.xml.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{_OFFICE}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId2" Type="{_OFFICE}/numbering" Target="numbering.xml"/>'
        "</Relationships>"
    ),
    "word/styles.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="ListParagraph">'
        '<w:name w:val="List Paragraph"/></w:style></w:styles>'
    ),
    "word/numbering.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    ),
}


def _word_paragraph(text: str, style: str = "", *, listed: bool = False) -> str:
    properties = ""
    if style or listed:
        properties = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
        properties += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if listed else ""
        properties += "</w:pPr>"
    return f'<w:p>{properties}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _word_table(rows: list[tuple[str, ...]]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{_word_paragraph(cell)}</w:tc>" for cell in row) + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl>{cells}</w:tbl>"


def _word_blocks(blocks: tuple[Block, ...]) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(_word_paragraph(block.text))
        elif isinstance(block, Items):
            out.append(_word_paragraph(block.lead))
            out += [
                _word_paragraph(item_text(item), "ListParagraph", listed=True)
                for item in block.items
            ]
        else:
            rows = [block.header] + [table_cells(row) for row in block.rows]
            out.append(_word_table(rows))
    return out


def _docx(notice: CorpusNotice) -> bytes:
    body = [_word_paragraph(notice.title, "Title")]
    body += [_word_paragraph(para) for para in notice.introduction]
    for section in notice.sections:
        body.append(_word_paragraph(section.heading, "Heading1"))
        for blocks in _section_blocks(section):
            body += _word_blocks(blocks)
    parts = dict(_WORD_PARTS)
    parts["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
        + "".join(body)
        + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as docx:
        for name, text in parts.items():
            docx.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()
