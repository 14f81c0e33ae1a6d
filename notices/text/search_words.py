"""The site search's vocabulary: which words it ignores, the word each topic of a notice is
indexed under, and the everyday words that lead to those topics.

One small table in code, read by both ends: publishing indexes each part of a notice under its
topic's word (notices.publishing.search_index), and the search turns a query's everyday words
into those topics (notices.public.search_terms). So "how long do you keep my records" finds a
council's retention section even when it never says "keep". Stemming (PostgreSQL's English
configuration, SQLite's Porter tokenizer) already joins "fostering", "fostered" and "foster";
this table only adds what stemming cannot know.
"""

import re

# The words PostgreSQL's English configuration leaves out (Snowball's list): the SQLite search
# leaves out the same ones, so both databases find the same notices.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing don down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
    yourselves""".split()  # noqa: SIM905
)

# Words nearly every part of every notice uses: searched for only when a query has nothing else,
# so that "how long do you keep my records" is about keeping, not about "records".
GENERIC_WORDS = frozenset(
    """information data record records file files detail details personal notes note
    child children child's children's young people person council councils use uses used
    using""".split()  # noqa: SIM905
)

# The word each topic's parts are indexed under (its "topic words"); the topics are the ICO
# checklist items of notices.models.IcoItem, and "summary" for the young people's summary. A word
# of one piece: the search matches it against a part's heading and topic words only.
TOPIC_WORDS: dict[str, str] = {
    "purposes": "purposes",
    "lawful-basis": "lawful",
    "legitimate-interests": "interests",
    "categories": "categories",
    "sources": "sources",
    "recipients": "recipients",
    "retention": "retention",
    "rights": "rights",
    "withdrawing-consent": "consent",
    "complaints": "complaints",
    "contact": "contact",
    "statutory-requirement": "required",
    "automated-decisions": "automated",
    "transfers-abroad": "abroad",
}


# Everyday words (as typed, lower case) by the topics they lead to. The word itself is searched
# for as well, unless it is a stop word ("why").
_EVERYDAY: dict[tuple[str, ...], str] = {
    ("retention",): "keep keeps kept keeping long store stored retain retained destroy destroyed",
    ("retention", "rights"): "delete deleted deleting erase erased",
    ("recipients",): "share shares shared sharing give gives given giving pass passed send sent "
    "disclose disclosed",
    ("complaints",): "complain complaining complaint complaints unhappy concern concerns "
    "ombudsman regulator ico",
    ("rights",): "see view copy access correct corrected wrong mistake mistakes rectify object "
    "restrict",
    ("contact",): "contact email phone telephone call dpo",
    ("purposes",): "why reason reasons purpose purposes",
    (
        "lawful-basis",
    ): "law laws legal lawful allowed allow allows let lets permit permits legislation basis",
    ("categories",): "hold holds collect collected",
    ("sources",): "come comes source sources obtain obtained",
    ("statutory-requirement",): "required require requires must refuse optional obliged",
    ("automated-decisions",): "computer computers automated automatic algorithm",
    ("transfers-abroad",): "abroad overseas country countries international",
    ("withdrawing-consent",): "consent withdraw",
}
EVERYDAY_WORDS: dict[str, tuple[str, ...]] = {
    word: topics for topics, words in _EVERYDAY.items() for word in words.split()
}

# Two-word phrases that mean one thing: what each is searched as, and the topics it leads to.
EVERYDAY_PHRASES: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {
    ("how", "long"): ((), ("retention",)),
    ("have", "to"): ((), ("statutory-requirement",)),
    # "Foster carers" and "fostering" are one subject: both find every notice about fostering.
    ("foster", "carer"): (("foster",), ()),
    ("foster", "carers"): (("foster",), ()),
    ("foster", "care"): (("foster",), ()),
    ("foster", "parents"): (("foster",), ()),
    ("foster", "families"): (("foster",), ()),
}

# Control characters, and with them the search's snippet marks, become spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def one_line(text: str | None) -> str:
    """One line of text: control characters gone, runs of whitespace one space."""
    return " ".join(_CONTROL.sub(" ", text or "").split())
