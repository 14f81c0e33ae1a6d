"""Reads the demo content from its files: the shared libraries (libraries/*.toml), the shared
national blocks (England's shared-block/block.md, the other nations' shared-block/<nation>/
block.md) and each council's notice (councils/<slug>/notice.md).

A notice file is Markdown a person can read as the notice, with the council's details and the
notice's tables as TOML front matter between `+++` lines:

    +++
    [council]                     the council's details (councils.models.Council fields)
    [notice]                      last_reviewed and review_due, as "YYYY-MM-DD"
    [[data_categories]] ...       one table per row, in order; library items named by slug
    +++
    # The notice's title
    The introduction.
    ## For young people {.young-people}
    The summary for young people.
    ## A section's heading {#its-anchor ico=its-ico-checklist-item}
    The section's body: Markdown, with ### for its own subheadings.

A shared block's file is the same without the tables: its nation, body_name, title, references
and facts_checked_on in the front matter, then its introduction and its parts as
`## Heading {#anchor}`.
"""

import re
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LIBRARIES = HERE / "libraries"
SHARED_BLOCK_FILE = HERE / "shared-block" / "block.md"
# Every nation's block, England's first.
SHARED_BLOCK_FILES = [
    SHARED_BLOCK_FILE,
    HERE / "shared-block" / "wales" / "block.md",
    HERE / "shared-block" / "scotland" / "block.md",
]
COUNCILS_DIR = HERE / "councils"
# The order the demo councils are loaded in (and so their primary keys).
COUNCIL_ORDER = [
    "harrowmere",
    "brackendale",
    "kestrelford",
    "ashcombe-vale",
    "merrowgate",
    "glanyrafon",
    "strathmorven",
]

FRONT_MATTER = re.compile(r"\A\+\+\+\n(?P<front>.*?)\n\+\+\+\n(?P<body>.*)\Z", re.DOTALL)
# `## Heading {#anchor ico=item}`, `## Heading {#anchor}` or `## Heading {.young-people}`.
HEADING = re.compile(
    r"^## (?P<heading>.+?) \{(?:#(?P<anchor>[a-z0-9-]+)(?: ico=(?P<ico>[a-z0-9-]+))?"
    r"|(?P<summary>\.young-people))\}$",
    re.MULTILINE,
)
TITLE = re.compile(r"\A\n*# (?P<title>.+)\n\n")


class DemoFileError(ValueError):
    """A demo content file does not have the shape this module reads."""


def split_front_matter(path: Path) -> tuple[dict[str, Any], str]:
    """The TOML front matter of a Markdown file, and the Markdown after it."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DemoFileError(f"{path}: not UTF-8 text ({error}).") from None
    match = FRONT_MATTER.match(text)
    if match is None:
        raise DemoFileError(f"{path}: expected front matter between '+++' lines.")
    try:
        return tomllib.loads(match["front"]), match["body"]
    except tomllib.TOMLDecodeError as error:
        raise DemoFileError(f"{path}: {error}") from None


def _blocks(path: Path, body: str) -> tuple[str, list[tuple[re.Match, str]]]:
    """The text before the first `##` heading, then each heading with the text under it."""
    headings = list(HEADING.finditer(body))
    if not headings:
        raise DemoFileError(f"{path}: found no '## Heading {{#anchor}}' sections.")
    ends = [match.start() for match in headings[1:]] + [len(body)]
    under = [body[match.end() : end].strip("\n") for match, end in zip(headings, ends, strict=True)]
    return body[: headings[0].start()].strip("\n"), list(zip(headings, under, strict=True))


def read_library(name: str) -> list[dict[str, Any]]:
    """libraries/<name>.toml: a list of rows, each a dict of the model's fields."""
    key = name.replace("-", "_")
    with (LIBRARIES / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)[key]


def read_shared_block(path: Path = SHARED_BLOCK_FILE) -> dict[str, Any]:
    front, body = split_front_matter(path)
    introduction, blocks = _blocks(path, body)
    parts = [
        {"heading": match["heading"], "anchor": match["anchor"], "body": text}
        for match, text in blocks
    ]
    return {
        "nation": front.get("nation", "england"),
        "body_name": front.get("body_name", "Department for Education"),
        "title": front["title"],
        "introduction": introduction,
        "references": front.get("references", "").strip("\n"),
        "facts_checked_on": front.get("facts_checked_on"),
        "parts": parts,
    }


def read_shared_blocks() -> list[dict[str, Any]]:
    return [read_shared_block(path) for path in SHARED_BLOCK_FILES]


def read_council(path: Path) -> dict[str, Any]:
    """A council's dict (its fields, and its notice under "notice") from its notice.md."""
    front, body = split_front_matter(path)
    title = TITLE.match(body)
    if title is None:
        raise DemoFileError(f"{path}: expected the notice's title as '# Title' first.")
    introduction, blocks = _blocks(path, body[title.end() :])
    if not isinstance(front.get("council"), dict) or not isinstance(front.get("notice"), dict):
        raise DemoFileError(f"{path}: expected [council] and [notice] tables in the front matter.")
    summary = [text for match, text in blocks if match["summary"]]
    if len(summary) != 1:
        raise DemoFileError(f"{path}: expected one '## ... {{.young-people}}' summary.")
    notice = {
        "title": title["title"],
        "introduction": introduction,
        "young_people_summary": summary[0],
        "last_reviewed": front["notice"]["last_reviewed"],
        "review_due": front["notice"]["review_due"],
        "sections": [
            {
                "heading": match["heading"],
                "anchor": match["anchor"],
                "ico_item": match["ico"] or "",
                "body": text,
            }
            for match, text in blocks
            if not match["summary"]
        ],
        "data_categories": front.get("data_categories", []),
        "recipients": front.get("recipients", []),
        "lawful_bases": front.get("lawful_bases", []),
        # TOML has no null: a retention row without a kind of record leaves the key out.
        "retention_periods": [
            {"record_kind": None} | row for row in front.get("retention_periods", [])
        ],
    }
    return front["council"] | {"notice": notice}


def read_councils() -> list[dict[str, Any]]:
    found = sorted(path.name for path in COUNCILS_DIR.iterdir() if (path / "notice.md").is_file())
    if sorted(COUNCIL_ORDER) != found:
        raise DemoFileError(
            f"{COUNCILS_DIR}: expected the councils {COUNCIL_ORDER}, found {found}."
        )
    return [read_council(COUNCILS_DIR / slug / "notice.md") for slug in COUNCIL_ORDER]
