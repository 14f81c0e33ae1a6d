"""Which statutes apply in which UK nation: the library the nation checks read.

Children's social care law differs by nation. England's councils act under the Children Act 1989
and the Acts built on it; Wales's under the Social Services and Well-being (Wales) Act 2014
together with parts of the Children Act 1989 that still extend to Wales; Scotland's under its own
Acts, to which the Children Act 1989's social care provisions do not extend. Data protection law
(the UK GDPR, the Data Protection Act 2018, the Data (Use and Access) Act 2025) is UK-wide.

A statute is recognised by its short title in a notice's text (its lawful bases' legislation and
its sections), case and spacing aside. "(England)" or "(Wales)" in a regulation's title marks it
as that nation's, so secondary legislation the library does not list is placed by its title.
"""

import re
from dataclasses import dataclass
from typing import Any

from councils.models import Nation

ENGLAND, WALES, SCOTLAND = Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND
UK = frozenset(Nation.values)


@dataclass(frozen=True)
class Statute:
    title: str
    nations: frozenset[str]  # where its children's social care provisions apply

    def applies_in(self, nation: str) -> bool:
        return nation in self.nations


STATUTES: tuple[Statute, ...] = (
    # England, and Wales where the 2014 Act has not replaced it.
    Statute("Children Act 1989", frozenset({ENGLAND, WALES})),
    Statute("Children Act 2004", frozenset({ENGLAND, WALES})),
    Statute("Adoption and Children Act 2002", frozenset({ENGLAND, WALES})),
    Statute("Local Authority Social Services Act 1970", frozenset({ENGLAND, WALES})),
    Statute("Children and Families Act 2014", frozenset({ENGLAND})),
    Statute("Children and Social Work Act 2017", frozenset({ENGLAND})),
    Statute("Children (Leaving Care) Act 2000", frozenset({ENGLAND, WALES})),
    Statute("Education Act 1996", frozenset({ENGLAND, WALES})),
    Statute("Crime and Disorder Act 1998", frozenset({ENGLAND, WALES})),
    # Wales.
    Statute("Social Services and Well-being (Wales) Act 2014", frozenset({WALES})),
    # Scotland.
    Statute("Social Work (Scotland) Act 1968", frozenset({SCOTLAND})),
    Statute("Children (Scotland) Act 1995", frozenset({SCOTLAND})),
    Statute("Children's Hearings (Scotland) Act 2011", frozenset({SCOTLAND})),
    Statute("Children and Young People (Scotland) Act 2014", frozenset({SCOTLAND})),
    Statute("Adoption and Children (Scotland) Act 2007", frozenset({SCOTLAND})),
    # Every nation.
    Statute("Data Protection Act 2018", UK),
    Statute("Data (Use and Access) Act 2025", UK),
    Statute("Human Rights Act 1998", UK),
)

# Each nation's own children's social care Acts: a notice of that nation cites at least one.
NATIONAL_ACTS: dict[str, frozenset[str]] = {
    WALES: frozenset({"Social Services and Well-being (Wales) Act 2014"}),
    SCOTLAND: frozenset(
        {
            "Social Work (Scotland) Act 1968",
            "Children (Scotland) Act 1995",
            "Children's Hearings (Scotland) Act 2011",
            "Children and Young People (Scotland) Act 2014",
        }
    ),
}

# "Fostering Services (England) Regulations 2011": a nation named in brackets in a title.
_NAMED_NATION = re.compile(r"\((England|Wales|Scotland)\)")
_SPACES = re.compile(r"\s+")
# Titles use a straight or a curly apostrophe.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_APOSTROPHES)).casefold()


def statutes_cited(text: str) -> list[Statute]:
    """The library's statutes whose titles appear in `text`, in the library's order."""
    normal = _normal(text)
    return [statute for statute in STATUTES if _normal(statute.title) in normal]


def nations_named_in_titles(text: str) -> set[str]:
    """Nations named in brackets in legislation titles in `text` ("... (England) Regulations")."""
    return {match.lower() for match in _NAMED_NATION.findall(text)}


def legislation_text(snapshot: dict[str, Any]) -> str:
    """Everything in a notice snapshot that names the law: the lawful bases' legislation, the
    retention periods' sources, and the sections' text."""
    notice = snapshot.get("notice", {})
    parts = [basis.get("legislation", "") for basis in snapshot.get("lawful_bases", [])]
    parts += [period.get("source", "") for period in snapshot.get("retention_periods", [])]
    parts += [notice.get("introduction", "")]
    parts += [section.get("body", "") for section in snapshot.get("sections", [])]
    return "\n".join(part for part in parts if part)
