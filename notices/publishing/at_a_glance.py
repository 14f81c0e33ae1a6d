"""The "at a glance" layer: the notice in seven lines, each linking to where it is said in full.

The ICO recommends layered notices: the short answer first, the detail a click away. Every line
is built from the snapshot's structured rows, so it can never say something the notice does not,
and a line with nothing to say (no rows yet) is left out rather than guessed.
"""

from dataclasses import dataclass
from typing import Any

from notices.publishing.ico import ICO_CONTACT
from notices.publishing.topics import Topic

Snapshot = dict[str, Any]

# The rights UK GDPR Articles 15 to 21 give people over what a council does as a public task, in
# everyday words; the notice's own section says what each means.
EVERYDAY_RIGHTS = "see what we hold, have it corrected, ask us to delete it, limit it or object"


@dataclass(frozen=True)
class GlanceLine:
    label: str
    text: str
    anchor: str
    link_text: str


def at_a_glance(snapshot: Snapshot, topics: list[Topic]) -> list[GlanceLine]:
    """The lines in the order a family asks, each pointing into the page's topics."""
    anchors = {topic.key: topic.anchor for topic in topics}
    council = snapshot["council"]["name"]
    lines = [
        GlanceLine(
            "Who is responsible",
            f"{council}, the data controller: it decides how your information is used.",
            "contact",
            "Contact details",
        )
    ]
    if categories := snapshot.get("data_categories"):
        lines.append(
            GlanceLine(
                "What we keep",
                _sentence(_names(categories), lower_after_first=True),
                "data-categories",
                "Each kind of information",
            )
        )
    if "purposes" in anchors:
        lines.append(
            GlanceLine(
                "Why",
                "To keep children safe and help families, as the law asks of us."
                + _bases(snapshot.get("lawful_bases", [])),
                anchors["purposes"],
                "Why we use information",
            )
        )
    if recipients := snapshot.get("recipients"):
        lines.append(
            GlanceLine("Who gets it", _sentence(_names(recipients)), "recipients", "Who and why")
        )
    if periods := snapshot.get("retention_periods"):
        lines.append(
            GlanceLine(
                "How long we keep it", _how_long(periods), "retention", "Each kind of record"
            )
        )
    if "rights" in anchors:
        lines.append(
            GlanceLine(
                "Your rights",
                f"You can ask to {EVERYDAY_RIGHTS}.",
                anchors["rights"],
                "Your rights in full",
            )
        )
    lines.append(
        GlanceLine(
            "How to complain",
            # The ICO's numbers are given once, in the contacts, where this line links.
            f"Tell {council} first; if you are still unhappy, the {ICO_CONTACT['name']} (ICO).",
            "contact",
            "How to complain",
        )
    )
    return lines


def _names(rows: list[dict[str, Any]]) -> list[str]:
    return [row["name"] for row in rows]


def _sentence(names: list[str], *, lower_after_first: bool = False) -> str:
    """'A, B and C.' Category names are common nouns, so they read as a list in lower case after
    the first ("Health and criminal offence data"); recipients are proper names and keep theirs.
    A name that starts with two capitals (an initialism: "SEN", "NHS") keeps its case."""
    if lower_after_first:
        names = names[:1] + [_lower_first(name) for name in names[1:]]
    if len(names) == 1:
        return f"{names[0]}."
    return f"{', '.join(names[:-1])} and {names[-1]}."


def _lower_first(name: str) -> str:
    if len(name) > 1 and name[:2].isupper():
        return name
    return name[:1].lower() + name[1:]


def _bases(bases: list[dict[str, Any]]) -> str:
    # "Article 6(1)(c): legal obligation" -> "legal obligation"; Articles 9 and 10 add conditions
    # for some kinds of data rather than reasons of their own.
    reasons = []
    for basis in bases:
        label = basis.get("provision_label", "")
        if basis.get("provision", "").startswith("A6") and ": " in label:
            reason = label.split(": ", 1)[1]
            if reason not in reasons:
                reasons.append(reason)
    if not reasons:
        return ""
    return f" In law: {' and '.join(reasons)}."


def _how_long(periods: list[dict[str, Any]]) -> str:
    months = [row.get("years", 0) * 12 + row.get("months", 0) for row in periods]
    shortest, longest = min(months), max(months)
    if shortest == longest:
        return f"{_duration(shortest)}."
    return f"From {_duration(shortest)} to {_duration(longest)}, depending on the record."


def _duration(months: int) -> str:
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " and ".join(parts)
