"""The Markdown reader: a Markdown file's raw HTML blocks go through the web page reader, unsafe
links and images are dropped, and the result is Markdown with no raw HTML.
"""

import re

from notices.importing.html_markdown import _MarkdownWriter, _safe_href
from notices.importing.html_reader import _FRAGMENT, _html_to_markdown, _parse, _sanitise
from notices.importing.read_result import _count, _first_heading

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
