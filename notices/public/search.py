"""The site search: councils by name, and notices by the words of their current published version,
each result leading to the part of the notice that answers the query.

The query is read into terms (notices.public.search_terms: words, "quoted phrases", "or", and
everyday words that lead to a topic, so "how long do you keep my records" reaches retention).
A notice matches when every term is found in it; its result links to its best part's anchor
(notices.public.search_ranking), with a short snippet in which the matched words are marked.
PostgreSQL and SQLite both search with stemming (full text; FTS5 with Porter), so they find the
same notices. Staff text in a snippet is escaped before the marks become <mark>.
"""

import re
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, When
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from councils.models import Council
from notices.public.search_ranking import START_MARK, STOP_MARK, best_parts
from notices.public.search_terms import Term, search_terms
from notices.text.search_words import STOP_WORDS, one_line

# Longer queries are cut to this; no real search needs more, and it bounds the work per request.
MAX_QUERY_LENGTH = 200
# Of each kind of result, at most this many are shown.
MAX_RESULTS = 50
# The council match looks for at most this many words; the rest are ignored.
MAX_WORDS = 8
# Around this many characters of text in a snippet cut in Python (a part whose text has no
# match of its own, found by its heading or topic).
SNIPPET_LENGTH = 220

# The marks put around matched words (notices.public.search_ranking) are control characters,
# which the indexed text and the query never contain (both are cleaned of them), so staff text
# cannot forge a <mark>.

# Common words do not pick out a council's name: "how do I complain to merrowgate" is about
# Merrowgate, not every council starting "do" or "I".
COMMON_WORDS = STOP_WORDS
# Words in nearly every council's name: they do not pick a council out.
GENERIC_COUNCIL_WORDS = frozenset({"council", "councils"})

# A word of a council's name, as the search reads words.
_NAME_WORD = re.compile(r"[^\W_]+")

# Stripped from both ends of each word of the query in the council match.
# `%`, `_`, `\` and `&` are kept: they are matched literally.
_EDGE_PUNCTUATION = "\"'‘’“”.,;:!?()[]{}<>*|-+~^=/#@$`"


# Searching ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeMatch:
    council: Council
    # The notice's title, and the heading of the part the result links to.
    title: str
    section: str
    # The notice's address, with the part's #anchor.
    url: str
    # Escaped text with the matched words in <mark>.
    snippet: SafeString


@dataclass(frozen=True)
class SearchResults:
    # The query as searched for: whitespace collapsed and cut to MAX_QUERY_LENGTH.
    query: str
    was_shortened: bool
    councils: list[Council]
    notices: list[NoticeMatch]
    more_councils: bool
    more_notices: bool
    # No notice has every term of the query: `notices` are those with some of them.
    notices_partly_match: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.councils and not self.notices

    @property
    def summary(self) -> str:
        """'3 notices and 1 council match ‘foster’', in words."""
        if self.is_empty:
            return f"No notices or councils match ‘{self.query}’"
        counts = [
            _count(len(self.notices), "notice", more=self.more_notices),
            _count(len(self.councils), "council", more=self.more_councils),
        ]
        counts = [count for count in counts if count]
        single = len(counts) == 1 and counts[0].startswith("1 ")
        verb = "matches" if single else "match"
        if self.notices_partly_match and not self.councils:
            verb = f"partly {verb}"
        return f"{' and '.join(counts)} {verb} ‘{self.query}’"


def _count(number: int, noun: str, *, more: bool) -> str:
    if not number:
        return ""
    if more:
        return f"More than {number} {noun}s"
    return f"{number} {noun}{'' if number == 1 else 's'}"


def clean_query(raw: str) -> tuple[str, bool]:
    """The query with control characters removed and whitespace collapsed, cut to
    MAX_QUERY_LENGTH; and whether it had to be cut."""
    # Bounds the work before anything else; a longer query is cut anyway.
    text = one_line((raw or "")[: MAX_QUERY_LENGTH * 10])
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[: MAX_QUERY_LENGTH + 1]
    # At the end of a word, so the last word searched for is a whole one.
    cut = cut[: cut.rfind(" ")] if " " in cut else cut[:MAX_QUERY_LENGTH]
    return cut.rstrip(), True


def query_words(query: str) -> list[str]:
    """The distinct words of the query that the council match looks for:
    punctuation trimmed from their ends, common words and single characters left out (they
    would match nearly everything), at most MAX_WORDS."""
    words: list[str] = []
    seen: set[str] = set()
    for token in query.split():
        word = token.strip(_EDGE_PUNCTUATION)
        key = word.casefold()
        if len(word) > 1 and key not in COMMON_WORDS and key not in seen:
            seen.add(key)
            words.append(word)
    return words[:MAX_WORDS]


def search_site(query: str) -> SearchResults:
    """Councils whose name has one of the query's words, and notices whose current published
    text matches the query. An empty query finds nothing and is not an error."""
    query, was_shortened = clean_query(query)
    councils: list[Council] = []
    notices: list[NoticeMatch] = []
    partly = False
    if query:
        councils = _matching_councils(query_words(query))
        place_words = frozenset(
            word.casefold() for council in councils for word in _NAME_WORD.findall(council.name)
        )
        terms = search_terms(query, place_words=place_words)
        notices = _notice_matches(terms, every_term=True)
        if not notices and len(terms) > 1:
            # A question has words no notice uses ("can I take back my consent"): the notices
            # with some of them, those with more first, rather than nothing.
            notices = _notice_matches(terms, every_term=False)
            partly = bool(notices)
    return SearchResults(
        query=query,
        was_shortened=was_shortened,
        councils=councils[:MAX_RESULTS],
        notices=notices[:MAX_RESULTS],
        more_councils=len(councils) > MAX_RESULTS,
        more_notices=len(notices) > MAX_RESULTS,
        notices_partly_match=partly,
    )


def _matching_councils(words: list[str]) -> list[Council]:
    """Councils with a word of their name starting with one of `words`; those matching more of
    the words first, then by name."""
    words = [word for word in words if word.casefold() not in GENERIC_COUNCIL_WORDS]
    if not words:
        return []
    conditions = [_name_has_word_starting(word) for word in words]
    matched = sum(
        (Case(When(condition, then=1), default=0, output_field=IntegerField()))
        for condition in conditions
    )
    any_word = Q()
    for condition in conditions:
        any_word |= condition
    return list(
        Council.objects.filter(any_word)
        .annotate(words_matched=matched)
        .order_by("-words_matched", "name")[: MAX_RESULTS + 1]
    )


def _name_has_word_starting(word: str) -> Q:
    # Word starts only, so that "ham" finds "Ham Vale" and "Hamford", not "Harrowham".
    return (
        Q(name__istartswith=word)
        | Q(name__icontains=f" {word}")
        | Q(name__icontains=f"-{word}")
        | Q(name__icontains=f"({word}")
    )


def _notice_matches(terms: list[Term], *, every_term: bool) -> list[NoticeMatch]:
    matches = []
    for best in best_parts(terms, limit=MAX_RESULTS + 1, every_term=every_term):
        section = best.section
        notice = section.notice
        search_text = getattr(notice, "search_text", None)
        matches.append(
            NoticeMatch(
                council=notice.council,
                title=search_text.title if search_text else notice.title,
                section=section.heading,
                url=reverse(
                    "notices:detail",
                    kwargs={"council_slug": notice.council.slug, "kind": notice.kind},
                )
                + f"#{section.anchor}",
                snippet=highlight(best.marked_snippet or marked_snippet(section.text, [])),
            )
        )
    return matches


def marked_snippet(text: str, words: list[str]) -> str:
    """About SNIPPET_LENGTH characters of `text` around the first of `words` found in it, with
    each of them between START_MARK and STOP_MARK: what ts_headline gives on PostgreSQL."""
    text = one_line(text)
    pattern = (
        re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.I)
        if words
        else None
    )
    first = pattern.search(text) if pattern else None
    start, end = 0, SNIPPET_LENGTH
    if first and first.end() > SNIPPET_LENGTH * 2 // 3:
        # Starts a little before the first match, at the start of a word.
        start = text.rfind(" ", 0, first.start() - SNIPPET_LENGTH // 3) + 1
        end = start + SNIPPET_LENGTH
    if end < len(text):
        # Ends at the end of a word, unless the window is one long word.
        end = max(text.rfind(" ", start, end), first.end() if first else start) or end
    window = text[start:end].strip()
    if pattern:
        window = pattern.sub(lambda found: f"{START_MARK}{found.group(0)}{STOP_MARK}", window)
    return f"{'… ' if start > 0 else ''}{window}{' …' if end < len(text) else ''}"


def highlight(marked_text: str) -> SafeString:
    """Escapes the text, staff words and all, then turns the marks into <mark> elements."""
    escaped = escape(marked_text)
    escaped = escaped.replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>")
    return mark_safe(escaped)  # noqa: S308 (escaped above; only our own <mark> tags added)
