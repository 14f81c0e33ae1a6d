"""The diff and the search text stay linear on the inputs that made their patterns cubic
(issue 15.A). Sizes are those that took seconds to minutes before; the benchmark
(benchmarks/hostile/cases_diff.py) times them."""

import pytest

from notices.publishing.diffing import words
from notices.publishing.diffing.blocks import markdown_blocks, reading_text
from notices.publishing.diffing.results import DELETE, INSERT
from notices.publishing.diffing.words import markdown_diff
from notices.text.markdown_lines import TABLE_SEPARATOR

FIELD_LIMIT = 50_000  # notices.models.parts.MARKDOWN_MAX_LENGTH


def _fill(unit: str, size: int = FIELD_LIMIT) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def test_ten_thousand_backticks_read_as_themselves():
    assert reading_text("`" * 10_000) == "`" * 10_000


def test_code_spans_close_on_a_run_of_the_same_length():
    assert reading_text("Use ``a ` b`` here") == "Use a ` b here"
    assert reading_text("``not closed` by one") == "``not closed` by one"
    assert reading_text("`*kept*` and *gone*") == "*kept* and gone"


@pytest.mark.parametrize("unit", ["**a ", "__a ", "*a ", "_a "])
def test_unclosed_emphasis_runs_are_read_in_one_pass(unit):
    body = _fill(unit)
    # No mark has a partner (each closing one would follow a space), so every word stays.
    assert reading_text(body).count("a") == body.count("a")


def test_emphasis_pairs_are_taken_leftmost_first():
    assert reading_text("**bold** and __also__, *em* and _em_ but snake_case_name") == (
        "bold and also, em and em but snake_case_name"
    )


def test_unclosed_removed_elements_are_read_in_one_pass():
    assert reading_text(_fill("<script>")) == ""
    assert reading_text("a <script>x</script> b <style>y</STYLE > c <svg") == "a b c <svg"


def test_headings_of_hashes_and_spaces_are_read_in_one_pass():
    assert markdown_blocks("#a" + "#" * FIELD_LIMIT + "x")[0].text.endswith("#x")
    assert markdown_blocks("## Title ##")[0].text == "Title"
    assert markdown_blocks("#a" + " " * FIELD_LIMIT + "x")[0].text == "a x"


def test_table_separators_of_spaces_are_refused_in_one_pass():
    assert not TABLE_SEPARATOR.match(" " * FIELD_LIMIT + "|x")
    assert not TABLE_SEPARATOR.match("|-" + " " * FIELD_LIMIT + "x")
    assert TABLE_SEPARATOR.match(" | --- |:-:| ")


def test_deeply_nested_quotes_are_read_in_one_pass():
    assert markdown_blocks(">" * FIELD_LIMIT + " quoted")[0].text == "quoted"


def test_a_body_of_backticks_compares_with_its_edit():
    body = "`" * 10_000
    diff = markdown_diff(body, body[:5_000] + " edited " + body[5_000:])
    assert diff.has_changes


def test_repeated_words_rewritten_stay_within_the_matching_budget():
    old, new = _fill(_fill("a ", 400) + "\n\n"), _fill(_fill("a b ", 400) + "\n\n")
    diff = markdown_diff(old, new)
    changes = {segment.kind for block in diff.blocks for segment in block.segments}
    assert {DELETE, INSERT} <= changes or any(block.change != "equal" for block in diff.blocks)


def test_a_spent_budget_shows_the_rest_as_replaced_whole():
    with words.matching_budget(0):
        segments = words.word_segments("a b a b a b", "a a b b a a")
    assert [segment.kind for segment in segments] == ["equal", "delete", "insert"]
