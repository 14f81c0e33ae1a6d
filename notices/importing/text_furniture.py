"""Web page furniture in text copied from a whole page: the skip link, service and cookie banners,
menus and breadcrumbs before the notice, and the feedback form, share links and footer after it.

Copying a council's web page as text brings all of it along as plain lines. Only text that looks
like a copied page (at least two kinds of furniture found) is touched, and only the page's head
(before the notice's first sentence) and tail (after its last) are searched, apart from lines no
notice would say (a skip link, "Accept all cookies", a breadcrumb trail). Every line left out is
returned, verbatim, so the import can show it in its "not imported" list.
"""

import re
from dataclasses import dataclass

_FLAGS = re.I

# Lines that are furniture wherever they appear.
_SKIP_LINK = re.compile(
    r"^(skip (to|over) (the )?(main )?(content|navigation)|skip navigation)", _FLAGS
)
_BREADCRUMB = re.compile(r"^(home|homepage)\s*(>|\u203a|\u00bb|/|\||\u2192)\s*\S", _FLAGS)
_COOKIE_BANNER = re.compile(
    r"^(accept|reject) (all |additional |analytics |optional )?cookies"
    r"|^(cookie|cookies) (settings|preferences|policy)$"
    r"|^(manage|set|change|view) (your )?cookie"
    r"|^we use (some )?(essential |necessary )?cookies"
    r"|^hide (this|cookie) message$"
    r"|^you('ve| have) (accepted|rejected) (additional |all )?cookies",
    _FLAGS,
)
_SERVICE_BANNER = re.compile(
    r"(will be|is|may be) (unavailable|offline|down)\b.*\b(maintenance|upgrade|improvements?)\b"
    r"|^(this is a new service|beta|alpha)\b"
    r"|^(planned|scheduled) (maintenance|work)\b",
    _FLAGS,
)
# The page's end.
_FEEDBACK = re.compile(
    r"^(was|is) (this|the) (page|information|article) (useful|helpful)"
    r"|^(report a problem|tell us (what|why)|rate this page|give feedback|help us improve)"
    r"|^(yes|no|yes, this page is useful|no, this page is not useful)$",
    _FLAGS,
)
_SHARE = re.compile(
    r"^(share (this|on)\b|print (this )?page$|email this page$"
    r"|facebook$|twitter$|x \(formerly twitter\)$|linkedin$|whatsapp$|instagram$|youtube$)",
    _FLAGS,
)
_FOOTER = re.compile(
    r"^(\u00a9|\(c\)\s|copyright\b)"
    r"|^(accessibility( statement)?|cookies|privacy( policy| notice)?|contact us|sitemap|site map"
    r"|terms( and conditions| of use)?|disclaimer|follow us|jobs|careers|news|modern slavery"
    r"( statement)?|freedom of information|back to top|top of page|sign up for (our )?"
    r"(newsletter|emails?)|all rights reserved|last (updated|reviewed)\b.*)$",
    _FLAGS,
)

# A line that ends a sentence: the notice's own text, not furniture.
_SENTENCE_END = (".", "!", "?", ":", ";")
_MENU_WORDS = 5  # menu items and footer links are a few words each


@dataclass(frozen=True)
class Furniture:
    kept: list[str]
    left_out: list[str]  # verbatim, in order


def _is_sentence(line: str) -> bool:
    return len(line) >= 60 or (line.endswith(_SENTENCE_END) and len(line.split()) >= 4)


def _anywhere(line: str) -> str | None:
    for kind, pattern in (
        ("skip link", _SKIP_LINK),
        ("breadcrumb", _BREADCRUMB),
        ("cookie banner", _COOKIE_BANNER),
        ("service banner", _SERVICE_BANNER),
    ):
        if pattern.search(line):
            return kind
    return None


def _at_the_end(line: str) -> str | None:
    for kind, pattern in (
        ("feedback form", _FEEDBACK),
        ("share links", _SHARE),
        ("footer", _FOOTER),
    ):
        if pattern.search(line) and len(line.split()) <= 12:
            return kind
    return None


def drop_page_furniture(lines: list[str]) -> Furniture:
    """`lines` without the page furniture around the notice, when they look like a copied page.

    Head: furniture lines, then the menu (a run of short lines) before the notice's title (the
    last short line before its first sentence). Tail: from the first feedback, share or footer
    line after the notice's last sentence."""
    stripped = [line.strip() for line in lines]
    kinds = {_anywhere(line) for line in stripped[:40]} | {
        _at_the_end(line) for line in stripped[-40:]
    }
    kinds.discard(None)
    if len(kinds) < 2:
        return Furniture(list(lines), [])
    drop: set[int] = set()
    for index, line in enumerate(stripped):
        if line and _anywhere(line):
            drop.add(index)
    first_sentence = next(
        (i for i, line in enumerate(stripped) if i not in drop and line and _is_sentence(line)),
        len(stripped),
    )
    head = [i for i in range(first_sentence) if i not in drop and stripped[i]]
    # The last short line before the first sentence is the notice's title (or first heading);
    # the short lines before it are the site's menu.
    for index in head[:-1]:
        if len(stripped[index].split()) <= _MENU_WORDS or not _is_sentence(stripped[index]):
            drop.add(index)
    last_sentence = max(
        (
            i
            for i, line in enumerate(stripped)
            if i not in drop and line and _is_sentence(line) and not _at_the_end(line)
        ),
        default=-1,
    )
    tail_start = next(
        (
            i
            for i in range(last_sentence + 1, len(stripped))
            if stripped[i] and _at_the_end(stripped[i])
        ),
        None,
    )
    if tail_start is not None:
        drop.update(i for i in range(tail_start, len(stripped)) if stripped[i])
    kept = [line for index, line in enumerate(lines) if index not in drop]
    left_out = [stripped[index] for index in sorted(drop)]
    return Furniture(kept, left_out)
