"""Reading a query into search terms: everyday words, phrases, "or", and the limits that bound the
work of any query."""

from notices.public.search_terms import (
    MAX_PHRASE_WORDS,
    MAX_TERMS,
    Term,
    fts5_any,
    search_terms,
)


def test_stop_words_and_single_letters_are_left_out():
    assert search_terms("the a of and i") == []
    assert search_terms("the adoption of a child") == [Term(("adoption",))]


def test_everyday_words_bring_their_topic():
    assert search_terms("keep") == [Term(("keep",), ("retention",))]
    assert search_terms("how do I complain") == [Term(("complain",), ("complaints",))]
    # A stop word that leads to a topic is searched for as the topic only.
    assert search_terms("why") == [Term((), ("purposes",))]
    assert search_terms("how long") == [Term((), ("retention",))]
    assert search_terms("delete") == [Term(("delete",), ("retention", "rights"))]


def test_foster_carers_is_searched_as_fostering():
    assert search_terms("foster carers") == search_terms("Foster-Carer") == [Term(("foster",))]


def test_words_every_notice_uses_count_only_when_nothing_else_is_asked():
    assert search_terms("adoption records") == [Term(("adoption",))]
    assert search_terms("records") == [Term(("records",))]
    assert search_terms("my information") == [Term(("information",))]


def test_quotes_make_a_phrase_and_or_joins_two_terms():
    assert search_terms('"foster carers" diary') == [Term(("foster carers",)), Term(("diary",))]
    assert search_terms("diary or training") == [Term(("diary", "training"))]
    assert search_terms("or diary") == [Term(("diary",))]
    assert search_terms("diary or") == [Term(("diary",))]
    assert search_terms('"unclosed phrase') == [Term(("unclosed phrase",))]
    assert search_terms('""') == search_terms('"!!"') == search_terms('"the of"') == []
    assert search_terms('"right of access"') == [Term(("right of access",))]


def test_the_work_of_any_query_is_bounded():
    long_phrase = '"' + " ".join(f"word{number}" for number in range(50)) + '"'
    assert search_terms(long_phrase) == [
        Term((" ".join(f"word{number}" for number in range(MAX_PHRASE_WORDS)),))
    ]
    many = " ".join(f"word{number}" for number in range(1000))
    assert len(search_terms(many)) == MAX_TERMS


def test_fts5_match_text_has_only_quoted_words_and_our_own_operators():
    terms = search_terms('keep "foster carers" AND OR NEAR( x* ^y {heading}: "z')
    match = fts5_any(terms)
    assert match == (
        '("keep" OR {heading topic_words} : "retention") OR ("foster carers" OR "near") OR '
        '("heading") OR ("z")'
    )


def test_a_word_of_a_named_councils_name_is_a_place():
    places = frozenset({"kestrelford", "council"})
    assert search_terms("how long does Kestrelford keep it", place_words=places) == [
        Term((), ("retention",)),
        Term(("kestrelford",), is_place=True),
        Term(("keep",), ("retention",)),
    ]
    # Only a whole word of the name: "Kestrel" is searched for as a word like any other.
    assert search_terms("kestrel", place_words=places) == [Term(("kestrel",))]
