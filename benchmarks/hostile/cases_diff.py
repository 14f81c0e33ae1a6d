"""Hostile cases for the diff and the search text (issue 15.A): every inline pattern of
`notices.publishing.diffing.blocks` fed a whole section body at the field limit, read alone (as the
search text reads it) and compared with a one-word edit of itself (as the comparison pages do).

The body of 10,000 backticks is the issue's reproduction: the code-span pattern was cubic on it,
and the publish, restore and comparison pages each took about 20 s.
"""

from benchmarks.hostile import Case

FIELD_LIMIT = 50_000  # notices.models.parts.MARKDOWN_MAX_LENGTH


def _fill(unit: str, size: int = FIELD_LIMIT) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Runs that once sent a pattern back over the rest of the text for every opening mark.
PATTERNS = {
    "10,000 backticks": "`" * 10_000,
    "backticks": _fill("`"),
    "backtick pairs and words": _fill("`` a "),
    "strong openers with spaces": _fill("**a "),
    "underscore openers with spaces": _fill("__a "),
    "emphasis openers with spaces": _fill("*a "),
    "underscore emphasis openers": _fill("_a "),
    "unclosed script elements": _fill("<script>"),
    "unclosed script tags": _fill("<script "),
    "unclosed comments": _fill("<!--"),
    "unclosed autolinks": _fill("<http://a"),
    "unclosed links": _fill("[a](b "),
    "link titles": "[a](b" + " " * (FIELD_LIMIT - 10) + "x",
    "unmatched brackets": _fill("["),
    "unmatched image brackets": _fill("!["),
    "heading of hashes": "#a" + "#" * (FIELD_LIMIT - 3) + "x",
    "heading of spaces": "#a" + " " * (FIELD_LIMIT - 3) + "x",
    "nested quotes": _fill(">"),
    "table separator of spaces": "a|b\n" + " " * (FIELD_LIMIT - 10) + "|x",
    "table separator trailing spaces": "a|b\n|-" + " " * (FIELD_LIMIT - 10) + "x",
    "table cells with backticks": "a|b\n|-|-|\n" + _fill("`a|", FIELD_LIMIT - 20),
    "setext lines": _fill("a\n=\n"),
    "rule of spaced dashes": _fill("- ") + "x",
    "entities": _fill("&amp"),
    "distinct words": " ".join(f"w{index}" for index in range(FIELD_LIMIT // 7)),
}


def _read(body: str) -> None:
    from notices.publishing.diffing.blocks import markdown_blocks

    markdown_blocks(body)


def _compare(body: str) -> None:
    from notices.publishing.diffing.words import markdown_diff

    middle = len(body) // 2
    markdown_diff(body, body[:middle] + " edited " + body[middle:])


# Rewrites that made difflib's matcher cubic: few distinct words or blocks, in a new order.
REWRITES = {
    "repeated words rewritten": (_fill("a "), _fill("a b ")),
    "repeated paragraphs rewritten": (_fill("a\n\n"), _fill("a\n\nb\n\n")),
    "paragraphs of repeated words rewritten": (
        _fill(_fill("a ", 400) + "\n\n"),
        _fill(_fill("a b ", 400) + "\n\n"),
    ),
}


def _rewrite(sides: tuple[str, str]) -> None:
    from notices.publishing.diffing.words import markdown_diff

    markdown_diff(*sides)


CASES = [
    *(
        Case(f"read {name}", "15.A", run=_read, setup=lambda body=body: body)
        for name, body in PATTERNS.items()
    ),
    *(
        Case(f"diff {name}", "15.A", run=_compare, setup=lambda body=body: body)
        for name, body in PATTERNS.items()
    ),
    *(
        Case(f"diff {name}", "15.A", run=_rewrite, setup=lambda sides=sides: sides)
        for name, sides in REWRITES.items()
    ),
]


def _published_backticks_setup():  # noqa: ANN202 (a client and the pages' addresses)
    """The demo site, a section of 10,000 backticks saved as a draft and published, so that the
    admin's publish page and the public comparison both diff it."""
    from benchmarks.hostile import site

    site.configure_django()
    site.demo_site()
    from django.urls import reverse

    from notices.models import Notice, NoticeVersion, Section
    from notices.publishing.publish import publish_notice

    notice = Notice.objects.filter(versions__isnull=False).distinct().first()
    section = Section.objects.filter(notice=notice).first()
    Section.objects.filter(pk=section.pk).update(body="`" * 10_000)
    publish_notice(notice, by=None, change_note="Backticks", is_major=True)
    Section.objects.filter(pk=section.pk).update(body="`" * 5_000 + " edited " + "`" * 5_000)
    newest = NoticeVersion.objects.filter(notice=notice).order_by("-number").first()
    compare = reverse(
        "notices:compare",
        kwargs={
            "council_slug": notice.council.slug,
            "kind": notice.kind,
            "old": newest.number - 1,
            "new": newest.number,
        },
    )
    publish = reverse("admin:notices_notice_publish", args=[notice.pk])
    return site.signed_in_client("admin"), compare, publish


def _get(path_index: int):  # noqa: ANN202
    def run(state) -> None:  # noqa: ANN001
        client, *paths = state
        response = client.get(paths[path_index], HTTP_HOST="localhost")
        assert response.status_code == 200, response.status_code

    return run


CASES += [
    Case(
        "comparison page of a section of 10,000 backticks",
        "15.A",
        run=_get(0),
        setup=_published_backticks_setup,
    ),
    Case(
        "publish page of a draft against 10,000 backticks",
        "15.A",
        run=_get(1),
        setup=_published_backticks_setup,
    ),
]
