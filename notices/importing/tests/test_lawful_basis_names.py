"""Issue 17, recognisers: lawful bases in the forms notices write them besides "Article 6(1)(e)":
dotted, and named in words in a sentence about the basis."""

import pytest

from notices.importing.parsing import parse_notice
from notices.importing.tests.test_parsing import CATEGORIES, RECIPIENTS, RECORD_KINDS


def bases(text: str) -> tuple[str, ...]:
    markdown = f"# Notice\n\n## The law we rely on\n\n{text}\n"
    return parse_notice(
        markdown,
        data_categories=CATEGORIES,
        recipients=RECIPIENTS,
        record_kinds=RECORD_KINDS,
        shared_block=None,
    ).lawful_bases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We rely on 6.1(c) and 6.1(e) of the UK GDPR.", ("A6-1-c", "A6-1-e")),
        ("For health data we rely on Art 9.2(h).", ("A9-2-h",)),
        ("Our lawful basis is public task.", ("A6-1-e",)),
        (
            "We rely on legal obligation and, for special category data, on substantial public "
            "interest.",
            ("A6-1-c", "A9-2-g"),
        ),
        ("We use it because of our legitimate interests.", ("A6-1-f",)),
    ],
)
def test_dotted_and_named_bases_are_read(text, expected):
    assert bases(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We have a legal obligation to keep records safe.",
        "Under section 6.1(c) of the Adoption Regulations the agency keeps a register.",
        "Serving the public is our task.",
    ],
)
def test_duties_and_other_laws_are_not_taken_for_a_basis(text):
    assert bases(text) == ()
