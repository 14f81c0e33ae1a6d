"""The review screen's left-hand side: the file in order, each piece marked with where it went,
named as the admin names things."""

import pytest

from notices.importing.review import (
    INTRODUCTION,
    NATIONAL,
    SECTION,
    SUMMARY,
    TITLE,
    WITHIN,
    source_pieces,
)
from notices.importing.tests.test_drafting import (  # noqa: F401
    MARKDOWN_NOTICE,
    council,
    libraries,
    run_import,
)

pytestmark = pytest.mark.django_db


def test_each_piece_of_the_file_is_marked_with_where_it_went(council):  # noqa: F811
    notice = MARKDOWN_NOTICE.replace(
        "## Your rights\n", "## Your rights\n\n### Asking for a copy\n\nWrite to us.\n\n"
    )
    pieces = source_pieces(run_import(council, notice, dry_run=True))
    marks = [(piece.kind, piece.heading) for piece in pieces]

    assert marks[:3] == [
        (TITLE, "Ashby Vale Council: children's social care privacy notice"),
        (INTRODUCTION, ""),
        (SUMMARY, "If you are a young person"),
    ]
    assert (WITHIN, "Asking for a copy") in marks
    assert (NATIONAL, "How the Department for Education uses this information") in marks
    by_heading = {piece.heading: piece for piece in pieces}
    assert by_heading["Who we share it with"].kind == SECTION
    assert by_heading["Who we share it with"].went_to == (
        "Section \u201cWho we share it with\u201d (Recipients)"
    )
    assert (
        "aligned to the shared block\u2019s"
        in by_heading["How the Department for Education uses this information"].went_to
    )
    assert "Police - to prevent" in by_heading["Who we share it with"].body
