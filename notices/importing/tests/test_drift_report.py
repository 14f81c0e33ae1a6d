"""Issue 17, the drift report: each difference between the council's copy of a DfE part and the
shared block's part, in words."""

from notices.importing.drift_words import drift_sentences
from notices.publishing.diffing.words import markdown_diff


def test_a_reworded_phrase_reads_as_what_the_copy_says_where_the_block_says_otherwise():
    drift = markdown_diff("We send the returns every year.", "We send the returns each spring.")
    assert drift_sentences(drift) == [
        'the council\'s copy says "each spring" where the shared block says "every year"'
    ]


def test_words_only_in_one_text_read_as_added_or_left_out():
    added = markdown_diff("We send the returns.", "We send the returns securely.")
    assert any(line.startswith("the council's copy adds \"") for line in drift_sentences(added))
    left = markdown_diff("We send the returns securely.", "We send the returns.")
    assert any(line.startswith("the council's copy leaves out") for line in drift_sentences(left))


def test_identical_and_empty_texts_have_no_differences():
    assert drift_sentences(markdown_diff("Same words.", "Same words.")) == []
    assert drift_sentences(markdown_diff("", "")) == []


def test_a_paragraph_only_in_the_copy_is_one_addition():
    drift = markdown_diff("First.", "First.\n\nA paragraph of the council's own.")
    assert drift_sentences(drift) == [
        "the council's copy adds \"A paragraph of the council's own.\""
    ]
