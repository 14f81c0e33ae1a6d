"""Which part of which notice a search lands on, on each database.

Both databases answer the same question in one statement: of the notices in which every term of
the query is found (in any of their parts), the part of each that matches most terms, each term
counting more the fewer parts have it (so in "do you send my information abroad", "abroad"
outweighs "send", which many parts say; a query of several terms costs one more statement to
count them); of those,
the council's own before the national block's (which every notice repeats), then the best
ranked, then the one nearer the top of the page. Then, for the few parts chosen, a snippet with
the matched words marked. Either way the query is only ever parameters, never SQL
(notices.public.search_terms builds what each database matches).

- PostgreSQL: the sections' tsvectors (english configuration), `ts_rank` and `ts_headline`.
- SQLite: the FTS5 table that migration notices 0013 keeps in step with the sections (Porter
  stemming), `bm25()` and `snippet()`.
"""

import math
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.search import SearchHeadline, SearchRank
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Expression,
    F,
    FloatField,
    IntegerField,
    Max,
    Q,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber

from councils.models import Council
from notices.models import Notice, NoticeSearchSection
from notices.public.search_terms import Term, fts5_any, fts5_term, postgres_term
from notices.publishing.search_index import SEARCH_CONFIG

# FTS5 bm25 weights of the columns heading, topic_words, text: a heading or a topic that matches
# says more than a passing mention.
FTS_WEIGHTS = (4.0, 8.0, 1.0)
FTS_TABLE = "notices_search_fts"

# The marks put around matched words, turned into <mark> once the snippet is escaped
# (notices.public.search.highlight).
START_MARK = "\x02"
STOP_MARK = "\x03"
SNIPPET_WORDS = 28


@dataclass(frozen=True)
class BestPart:
    section: NoticeSearchSection
    # Escaped later; holds START_MARK and STOP_MARK around the matched words.
    marked_snippet: str


def best_parts(terms: list[Term], *, limit: int, every_term: bool = True) -> list[BestPart]:
    """Each matching notice's best part, best notices first, at most `limit` of them.

    `every_term`: only notices in which every term is found; otherwise those with any of them,
    the parts matching more of them first.
    """
    if not terms:
        return []
    if connection.vendor == "postgresql":
        return _postgres_best_parts(terms, limit=limit, every_term=every_term)
    return _sqlite_best_parts(terms, limit=limit, every_term=every_term)


def _term_weights(terms: list[Term], total: int, counts: list[int]) -> list[float]:
    """How much each term counts in choosing a part: more the fewer of the `total` parts that
    match any term have it (an inverse document frequency). A council's name picks the notice,
    not the part: it counts nothing, so the contact block, which names the council, is not
    chosen for naming it."""
    return [
        0.0 if term.is_place else math.log(1 + total / max(count, 1))
        for term, count in zip(terms, counts, strict=True)
    ]


def _chosen(ids: list[int], snippet: Expression) -> list[BestPart]:
    """The parts of `ids`, in that order, each with its snippet: one query."""
    sections = (
        NoticeSearchSection.objects.filter(pk__in=ids)
        .select_related("notice__council", "notice__search_text")
        .annotate(snippet=snippet)
    )
    by_id = {section.pk: section for section in sections}
    return [BestPart(by_id[pk], by_id[pk].snippet or "") for pk in ids if pk in by_id]


# PostgreSQL ---------------------------------------------------------------------------------


def _postgres_best_parts(terms: list[Term], *, limit: int, every_term: bool) -> list[BestPart]:
    term_queries = [postgres_term(term) for term in terms]
    any_term = reduce(lambda left, right: left | right, term_queries)
    found = [
        Case(When(search_vector=query, then=1), default=0, output_field=IntegerField())
        for query in term_queries
    ]
    weights = [1.0]
    if len(terms) > 1:
        # Over the parts that match any term, which the index finds without reading them all.
        counts = NoticeSearchSection.objects.filter(search_vector=any_term).aggregate(
            total=Count("pk"),
            **{
                f"term_{index}": Count("pk", filter=Q(search_vector=query))
                for index, query in enumerate(term_queries)
            },
        )
        total = counts.pop("total")
        counted = [counts[f"term_{index}"] for index in range(len(terms))]
        weights = _term_weights(terms, total, counted)
    notice_rows = {"partition_by": [F("notice_id")]}
    in_notice = (
        {
            f"term_{index}_in_notice": Window(Max(matches), **notice_rows)
            for index, matches in enumerate(found)
        }
        if every_term
        else {}
    )
    ranked = (
        NoticeSearchSection.objects.filter(search_vector=any_term)
        .annotate(
            matched=sum(
                (
                    Case(
                        When(search_vector=query, then=Value(weight)),
                        default=Value(0.0),
                        output_field=FloatField(),
                    )
                    for query, weight in zip(term_queries, weights, strict=True)
                ),
                Value(0.0),
            ),
            score=SearchRank(F("search_vector"), any_term),
            council_name=F("notice__council__name"),
            **in_notice,
        )
        .annotate(
            place=Window(
                RowNumber(),
                order_by=[
                    F("matched").desc(),
                    F("is_shared").asc(),
                    F("score").desc(),
                    F("position").asc(),
                ],
                **notice_rows,
            )
        )
        .filter(place=1, **dict.fromkeys(in_notice, 1))
        .order_by("-matched", "is_shared", "-score", "council_name", "notice_id")
        .values_list("pk", flat=True)[:limit]
    )
    return _chosen(
        list(ranked),
        SearchHeadline(
            "text",
            any_term,
            config=SEARCH_CONFIG,
            start_sel=START_MARK,
            stop_sel=STOP_MARK,
            max_words=SNIPPET_WORDS,
            min_words=12,
            max_fragments=2,
            fragment_delimiter=" … ",
        ),
    )


# SQLite -------------------------------------------------------------------------------------


def _sqlite_best_parts(terms: list[Term], *, limit: int, every_term: bool) -> list[BestPart]:
    term_matches = [fts5_term(term) for term in terms]
    any_term = fts5_any(terms)
    section_table = NoticeSearchSection._meta.db_table
    numbers = range(len(terms))
    found = [
        f"(s.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)) AS t{index}"  # noqa: S608
        for index in numbers
    ]
    weights = [1.0]
    with connection.cursor() as cursor:
        if len(terms) > 1:
            counts = ", ".join(
                f"(SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"  # noqa: S608
                for _ in numbers
            )
            cursor.execute(
                f"SELECT (SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s), "  # noqa: S608
                f"{counts}",
                [any_term, *term_matches],
            )
            total, *term_counts = cursor.fetchone()
            weights = _term_weights(terms, total, term_counts)
    # Numbers this module computed, written into the statement as numbers.
    matched = " + ".join(
        f"t{index} * {weight!r}" for index, weight in zip(numbers, weights, strict=True)
    )
    in_notice = ", ".join(f"MAX(t{index}) OVER notice_rows AS n{index}" for index in numbers)
    in_every_term = " AND ".join(f"n{index} = 1" for index in numbers) if every_term else "1"
    weights = ", ".join(str(weight) for weight in FTS_WEIGHTS)
    # Table names from the models and this module; the query's terms are parameters.
    sql = f"""
        WITH hits AS (
            SELECT s.id, s.notice_id, s.position, s.is_shared,
                -bm25({FTS_TABLE}, {weights}) AS score,
                {", ".join(found)}
            FROM {FTS_TABLE} JOIN {section_table} s ON s.id = {FTS_TABLE}.rowid
            WHERE {FTS_TABLE} MATCH %s
        ), ranked AS (
            SELECT id, notice_id, is_shared, score, {matched} AS matched, {in_notice},
                ROW_NUMBER() OVER (
                    PARTITION BY notice_id
                    ORDER BY {matched} DESC, is_shared, score DESC, position
                ) AS place
            FROM hits
            WINDOW notice_rows AS (PARTITION BY notice_id)
        )
        SELECT ranked.id FROM ranked
        JOIN {Notice._meta.db_table} n ON n.id = ranked.notice_id
        JOIN {Council._meta.db_table} c ON c.id = n.council_id
        WHERE place = 1 AND {in_every_term}
        ORDER BY matched DESC, is_shared, score DESC, c.name, n.id
        LIMIT %s
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*term_matches, any_term, limit])
        ids = [row[0] for row in cursor.fetchall()]
    # FTS5's snippet() of the chosen row, read in the same query as the row.
    snippet = RawSQL(  # noqa: S611 (names from this module, the terms as parameters)
        f"SELECT snippet({FTS_TABLE}, 2, %s, %s, '…', %s) FROM {FTS_TABLE} "  # noqa: S608
        f"WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid = {section_table}.id",
        [START_MARK, STOP_MARK, SNIPPET_WORDS, any_term],
        output_field=TextField(),
    )
    return _chosen(ids, snippet)
