"""Hostile cases for the Markdown renderer and the live preview (issue 15.A): each pattern that
made Python-Markdown quadratic, as a whole body at the field limit, rendered alone and posted to
the live preview as a member of staff would.

Python-Markdown took 16.7 s for 8,000 unmatched `[`; the preview answered 10,000 lines of `[`
after 48.6 s.
"""

from benchmarks.hostile import Case, site

FIELD_LIMIT = 50_000  # notices.models.parts.MARKDOWN_MAX_LENGTH


def _fill(unit: str, size: int = FIELD_LIMIT) -> str:
    return (unit * (size // len(unit) + 1))[:size]


PATTERNS = {
    "unmatched brackets": _fill("["),
    "unmatched image brackets": _fill("!["),
    "brackets with words": _fill("[a "),
    "bracket lines": _fill("[\n"),
    "nested brackets and images": _fill("[!["),
    "open links": _fill("[a]("),
    "reference definitions": _fill("[a]:\n"),
    "setext lines": _fill("a\n=\n"),
    "asterisks": _fill("*"),
    "underscores": _fill("_"),
    "asterisks with letters": _fill("*a"),
    "strong and emphasis": _fill("**a*"),
    "underscores with words": _fill("_a "),
    "mixed emphasis": _fill("*_"),
    "backticks": _fill("`"),
    "backticks with letters": _fill("`a"),
    "growing backtick runs": "".join("`" * size + " " for size in range(1, 316)),
    "angle brackets": _fill("<"),
    "open tags": _fill("<a "),
    "open autolinks": _fill("<http://"),
    "entities": _fill("&"),
    "nested quotes": _fill(">"),
    "nested lists": _fill("- "),
    "quoted lists": _fill("> - "),
    "deep list indentation": "".join("  " * depth + "- a\n" for depth in range(120)),
    "table of one-cell rows": "|a|b|\n|-|-|\n" + _fill("|a|\n", FIELD_LIMIT - 12),
    "hashes": _fill("#"),
}


def _render(body: str) -> None:
    from notices.text.markdown import render_markdown

    render_markdown(body)


def _preview_setup(body: str):  # noqa: ANN202 (a client and the body)
    site.configure_django()
    site.demo_site()
    return site.signed_in_client("admin"), body


def _preview(state) -> None:  # noqa: ANN001
    client, body = state
    response = client.post("/markdownx/markdownify/", {"content": body}, HTTP_HOST="localhost")
    assert response.status_code == 200, response.status_code


CASES = [
    *(
        Case(f"render {name}", "15.A", run=_render, setup=lambda body=body: body)
        for name, body in PATTERNS.items()
    ),
    Case(
        "preview POST of 25,000 lines of [",
        "15.A",
        run=_preview,
        setup=lambda: _preview_setup(_fill("[\n")),
    ),
    Case(
        "preview POST of unmatched image brackets",
        "15.A",
        run=_preview,
        setup=lambda: _preview_setup(_fill("![")),
    ),
]
