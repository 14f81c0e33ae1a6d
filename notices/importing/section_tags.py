"""The sections recogniser: which ICO checklist item a section answers, from its heading first and
its body's keywords second, and whether a section is the young people's summary.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from notices.models import IcoItem

# --- ICO checklist tags ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Keyword:
    item: str
    pattern: re.Pattern
    also: re.Pattern | None = None  # a second pattern the text must match too


def _keywords(item: str, *patterns: str, also: str | None = None) -> list[_Keyword]:
    second = re.compile(also) if also else None
    return [_Keyword(item, re.compile(pattern), second) for pattern in patterns]


# In priority order: a heading is tagged with the first entry it matches, so narrower items come
# before the broad ones that share their words ("Why we share it" is about sharing, not
# purposes; "Withdrawing consent" is not about the lawful basis).
ICO_KEYWORDS: tuple[_Keyword, ...] = (
    *_keywords(IcoItem.WITHDRAWING_CONSENT, r"\bwithdraw\w*", also=r"\bconsent"),
    *_keywords(IcoItem.WITHDRAWING_CONSENT, r"\bchang\w* (?:your|their) mind"),
    *_keywords(IcoItem.LEGITIMATE_INTERESTS, r"\blegitimate interests?\b"),
    *_keywords(
        IcoItem.COMPLAINTS,
        r"\bcomplain\w*",
        r"\bico\b",
        r"\binformation commissioner",
        r"\bnot happy\b",
        r"\bunhappy\b",
        r"\brais\w* a concern",
    ),
    *_keywords(
        IcoItem.AUTOMATED_DECISIONS,
        r"\bautomated\b",
        r"\bprofiling\b",
        r"\bdecisions? (?:made )?by (?:a )?computers?\b",
        r"\bcomputers? making decisions\b",
        r"\barticle 22\b",
    ),
    *_keywords(
        IcoItem.TRANSFERS_ABROAD,
        r"\boutside (?:of )?(?:the )?(?:uk|united kingdom|eea|european economic area)\b",
        r"\babroad\b",
        r"\boverseas\b",
        r"\btransfer(?:s|red|ring)?\b",
        r"\bthird countr",
        r"\binternational\b",
    ),
    *_keywords(
        IcoItem.LAWFUL_BASIS,
        r"\blawful\b",
        r"\blegal (?:bas[ie]s|reasons?|grounds?)\b",
        r"\barticle (?:6|9|10)\b",
        r"\bwhat allows us\b",
        r"\bthe law (?:that|which) (?:lets|allows)\b",
    ),
    *_keywords(
        IcoItem.STATUTORY_REQUIREMENT,
        r"\bdo (?:you|i|we) have to\b",
        r"\brequired by law\b",
        r"\bstatutory\b",
        r"\bmust (?:be provided|(?:you|i) (?:give|provide|tell))\b",
        r"\bhave to (?:give|provide|tell)\b",
    ),
    *_keywords(
        IcoItem.RETENTION,
        r"\bhow long\b",
        r"\bretention\b",
        r"\bretain\w*",
        r"\bkeep(?:ing)? your\b",
        r"\bkeeping (?:the |our )?records?\b",
        r"\bstor(?:ing|age of) (?:your |the |personal )?(?:data|information|records)\b",
    ),
    *_keywords(IcoItem.CONTACT, r"\bwho we are\b"),
    *_keywords(
        IcoItem.RECIPIENTS,
        r"\bshar(?:e|es|ed|ing)\b",
        r"\bwho (?:we|do we|does the council)\b",
        r"\brecipients?\b",
        r"\bdisclos\w*",
    ),
    *_keywords(
        IcoItem.SOURCES,
        r"\bwhere (?:do )?we get\b",
        r"\bsources?\b",
        r"\bcomes? from\b",
        r"\bhow (?:we|do we|the council) (?:collect|gets?|obtain)",
        r"\bcollecting\b",
    ),
    *_keywords(
        IcoItem.CATEGORIES,
        r"\bwhat (?:personal )?(?:information|data)\b",
        r"\bcategor(?:y|ies)\b",
        r"\bthe (?:personal )?(?:data|information) we\b",
        r"\b(?:information|data) (?:we|the council) (?:collects?|holds?|keeps?|process\w*|uses?)\b",
        r"\btypes? of (?:personal )?(?:information|data)\b",
        r"\bwhat (?:do )?we (?:collect|hold)\b",
        r"\bpersonal (?:data|information) (?:processed|we process|we hold|we collect)\b",
        # "Information about you" as the whole subject; "Access to information about you" is
        # about rights.
        r"^(?:the |what )?(?:personal )?(?:information|data) "
        r"(?:we (?:hold|have|keep) )?about you\b",
    ),
    *_keywords(
        IcoItem.RIGHTS,
        r"\brights?\b",
        r"\baccess\w*",
    ),
    *_keywords(
        IcoItem.CONTACT,
        r"\bcontact\w*",
        r"\bdata protection officer\b",
        r"\bdpo\b",
        r"\bget in touch\b",
    ),
    *_keywords(
        IcoItem.PURPOSES,
        r"\bwhy (?:we|do we|the council|does the council)\b",
        r"\bpurposes?\b",
        r"\bhow (?:we|the council) uses?\b",
        r"\bwhat (?:do )?we use\b",
        r"\bused for\b",
    ),
)

# A section tagged from its text alone needs this many keyword mentions: one passing "access"
# in a section about security does not make it a section about rights.
BODY_KEYWORD_MENTIONS = 2


def _keyword_text(text: str) -> str:
    return text.casefold().replace("’", "'").replace("-", " ")


@functools.lru_cache(maxsize=1024)  # every block asks about the same few headings
def _heading_tag(heading: str) -> tuple[str, str] | None:
    """(ICO item, the words that decided) for a heading, or None."""
    text = _keyword_text(heading)
    for keyword in ICO_KEYWORDS:
        found = keyword.pattern.search(text)
        if found and (keyword.also is None or keyword.also.search(text)):
            words = f'"{found.group()}"'
            if keyword.also is not None:
                words += f' and "{keyword.also.search(text).group()}"'
            return keyword.item, words
    return None


def tag_section(heading: str, body: str) -> tuple[str, str]:
    """The ICO checklist item a section most likely answers, and why in a few words.

    The heading decides when it names an item (the first entry of ICO_KEYWORDS it matches);
    otherwise the body does, by the item it mentions most (the earliest first mention on a tie),
    if it mentions it at least BODY_KEYWORD_MENTIONS times; otherwise the item is "other".
    """
    found = _heading_tag(heading)
    if found:
        return str(found[0]), f"heading mentions {found[1]}"
    text = _keyword_text(body)
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str]] = {}
    for keyword in ICO_KEYWORDS:
        if keyword.also is not None and not keyword.also.search(text):
            continue
        for mention in keyword.pattern.finditer(text):
            counts[keyword.item] = counts.get(keyword.item, 0) + 1
            if keyword.item not in first or mention.start() < first[keyword.item][0]:
                first[keyword.item] = (mention.start(), mention.group())
    if counts:
        item = max(counts, key=lambda key: (counts[key], -first[key][0]))
        if counts[item] >= BODY_KEYWORD_MENTIONS:
            return str(item), f'text mentions "{first[item][1]}" ({counts[item]} times)'
    return str(IcoItem.OTHER), "no checklist words in the heading or text"


# --- The young people's summary -------------------------------------------------------------

_YOUNG_PEOPLE_HEADING = re.compile(
    r"\bif you(?:'re| are) (?:a )?(?:child|young|under 18)"
    r"|^(?:a |the )?(?:short |simple |plain |easy )?(?:summary |version |guide )?for "
    r"(?:children|young people|kids)\b(?!')"
    r"|\b(?:summary|version|guide|notice) for (?:children|young people|kids)\b(?!')"
    r"|\beasy read\b|^in short\b|^(?:the |a )?short version\b|\bchild friendly\b"
    r"|\b(?:young people|children)'s (?:summary|version|guide)\b"
)


def _is_for_young_people(heading: str) -> bool:
    return bool(_YOUNG_PEOPLE_HEADING.search(_keyword_text(heading).strip()))
