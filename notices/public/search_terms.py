"""A search query read as terms, and written out for each database's full-text search.

The query is never handed to a database's own query syntax: it is read here into terms (words,
"quoted phrases", everyday words with the topics they lead to, "or" between two terms), and each
database gets an expression built from those terms alone. PostgreSQL gets `SearchQuery` objects
(each word a parameter of `phraseto_tsquery`); SQLite's FTS5 a MATCH string in which every word
is a quoted string of letters and digits. So quotes, brackets, `*`, `NEAR(`, `AND`, `:` and the
like are only ever words or nothing, and never a syntax error.

A notice matches when each term is found somewhere in it; the part a result links to is the one
that matches most of the terms (notices.public.search).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import reduce

from django.contrib.postgres.search import SearchQuery

from notices.publishing.search_index import SEARCH_CONFIG
from notices.text.search_words import (
    EVERYDAY_PHRASES,
    EVERYDAY_WORDS,
    GENERIC_WORDS,
    STOP_WORDS,
    TOPIC_WORDS,
)

# At most this many terms are searched for; the rest of a query is ignored. Each term is one
# condition, so this bounds the work of a search.
MAX_TERMS = 8
# Within a quoted phrase, at most this many words.
MAX_PHRASE_WORDS = 6

# A quoted phrase, or a run of anything else but spaces.
_PIECE = re.compile(r'"([^"]*)"?|(\S+)')
# Letters and digits: what both databases' tokenizers keep of a word.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    """One thing the query asks for: any of `phrases` in a part's words, or any of `topics` (keys
    of TOPIC_WORDS) as a part's topic."""

    phrases: tuple[str, ...]
    topics: tuple[str, ...] = ()
    # A word of a council's name the query names: it picks the notice, not the part.
    is_place: bool = False

    def merged(self, other: "Term") -> "Term":
        return Term(
            tuple(dict.fromkeys(self.phrases + other.phrases)),
            tuple(dict.fromkeys(self.topics + other.topics)),
        )


def search_terms(query: str, *, place_words: frozenset[str] = frozenset()) -> list[Term]:
    """The terms of a cleaned query (notices.public.search.clean_query), at most MAX_TERMS.

    `place_words`: the lower-case words of the names of the councils the query names; a term
    that is one of them is marked as a place.
    """
    terms: list[Term] = []
    generic: list[Term] = []
    join_next = False
    for term in _terms(_tokens(query), generic):
        if term is None:  # "or"
            join_next = bool(terms)
        elif join_next:
            terms[-1] = terms[-1].merged(term)
            join_next = False
        else:
            terms.append(term)
    # Words such as "records" or "information" count only when nothing else was asked for.
    return [
        replace(term, is_place=not term.topics and set(term.phrases) <= place_words)
        for term in (terms or generic)[:MAX_TERMS]
    ]


def _tokens(query: str) -> list[tuple[str, str]]:
    """("phrase", words) for a quoted phrase, ("word", word) for each other word, lower case."""
    tokens: list[tuple[str, str]] = []
    for phrase, piece in _PIECE.findall(query):
        if phrase:
            words = [word.lower() for word in _WORD.findall(phrase)][:MAX_PHRASE_WORDS]
            # PostgreSQL drops stop words; a phrase of nothing else would match everything in
            # FTS5 and nothing in PostgreSQL, so it is no phrase at all.
            if not set(words) <= STOP_WORDS:
                tokens.append(("phrase", " ".join(words)))
        else:
            # "foster-carers" is two words, as both databases read it.
            tokens += [("word", word.lower()) for word in _WORD.findall(piece)]
        if len(tokens) > MAX_TERMS * 4:
            break
    return tokens


def _terms(tokens: list[tuple[str, str]], generic: list[Term]) -> Iterator[Term | None]:
    """Each token's term (None for "or"); an everyday two-word phrase is one term."""
    index = 0
    while index < len(tokens):
        kind, word = tokens[index]
        index += 1
        if kind == "phrase":
            yield Term((word,))
            continue
        pair = (word, tokens[index][1]) if index < len(tokens) else None
        if pair in EVERYDAY_PHRASES and tokens[index][0] == "word":
            phrases, topics = EVERYDAY_PHRASES[pair]
            yield Term(phrases, topics)
            index += 1
            continue
        if word == "or":
            yield None
            continue
        topics = EVERYDAY_WORDS.get(word, ())
        own = () if word in STOP_WORDS or len(word) < 2 else (word,)
        if topics:
            yield Term(own, topics)
        elif own and word in GENERIC_WORDS:
            generic.append(Term(own))
        elif own:
            yield Term(own)


# PostgreSQL ---------------------------------------------------------------------------------


def postgres_term(term: Term) -> SearchQuery:
    """One term as a tsquery: any of its phrases anywhere, or any of its topics' words in a
    heading or the topic words (weight A)."""
    alternatives = [
        SearchQuery(phrase, search_type="phrase", config=SEARCH_CONFIG) for phrase in term.phrases
    ] + [
        # A topic word is one of ours (letters only), never the query's, so it may be raw.
        SearchQuery(f"{TOPIC_WORDS[topic]}:A", search_type="raw", config=SEARCH_CONFIG)
        for topic in term.topics
    ]
    return reduce(lambda left, right: left | right, alternatives)


# SQLite FTS5 --------------------------------------------------------------------------------


def fts5_term(term: Term) -> str:
    """One term as an FTS5 expression: any of its phrases in any column, or any of its topics'
    words in the heading or the topic words."""
    alternatives = [f'"{phrase}"' for phrase in term.phrases] + [
        f'{{heading topic_words}} : "{TOPIC_WORDS[topic]}"' for topic in term.topics
    ]
    return "(" + " OR ".join(alternatives) + ")"


def fts5_any(terms: list[Term]) -> str:
    """A MATCH string for the parts that match any of the terms."""
    return " OR ".join(fts5_term(term) for term in terms)
