"""Rendering stays linear on the inputs that made Python-Markdown quadratic (issue 15.A).

Each case is a whole body at the field limit. Python-Markdown took 16.7 s for 8,000 unmatched `[`,
so at this size any of these would run for minutes; the benchmark (benchmarks/hostile) times them.
"""

import pytest

from notices.text.markdown import render_markdown

FIELD_LIMIT = 50_000  # notices.models.parts.MARKDOWN_MAX_LENGTH


def _fill(unit: str) -> str:
    return (unit * (FIELD_LIMIT // len(unit) + 1))[:FIELD_LIMIT]


PATHOLOGICAL = {
    "unmatched brackets": "[",
    "unmatched image brackets": "![",
    "brackets with words": "[a ",
    "bracket lines": "[\n",
    "setext lines": "a\n=\n",
    "asterisks": "*",
    "underscores": "_",
    "asterisks with letters": "*a",
    "underscores with words": "_a ",
    "backticks": "`",  # one fence opening: an empty code block
    "spaced backticks": "` ",
    "backticks with letters": "`a",
    "angle brackets": "<",
    "open tags": "<a ",
    "open links": "[a](",
    "nested quotes": ">",
    "nested lists": "- ",
    "quoted lists": "> - ",
}


@pytest.mark.parametrize("unit", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_runs_at_the_field_limit_render(unit):
    html = render_markdown(_fill(unit))
    assert html  # every run renders to something: text, a rule, a fence or nested blocks
    assert "<script" not in html


def test_deeply_indented_nested_list_renders():
    text = "".join("  " * depth + "- item\n" for depth in range(FIELD_LIMIT // 400))
    assert "<li>" in render_markdown(text)
