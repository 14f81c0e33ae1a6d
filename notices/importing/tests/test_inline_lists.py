"""Issue 17, recognisers: data categories named in a sentence ("such as your name, date of birth
and address"), matched to the library, with nothing proposed from prose."""

from notices.importing.inline_lists import enumerated_items
from notices.importing.parsing import parse_notice
from notices.importing.tests.test_parsing import CATEGORIES, RECIPIENTS, RECORD_KINDS


def test_the_items_of_an_inline_list_are_found():
    text = "We keep details such as your name, date of birth and address. We also keep notes."
    assert enumerated_items(text) == ["name", "date of birth", "address"]
    assert enumerated_items("This includes: health needs, or school reports; and more") == [
        "health needs",
        "school reports",
    ]


def test_a_clause_is_not_taken_for_an_item():
    text = "We share it with others such as when a court orders us to hand over the whole record."
    assert enumerated_items(text) == []


def test_categories_named_in_prose_are_matched_and_nothing_is_proposed():
    markdown = (
        "# Notice\n\n## What we collect\n\n"
        "We collect information such as your name, date of birth and address, and health "
        "information, including hobbies.\n"
    )
    parsed = parse_notice(
        markdown,
        data_categories=CATEGORIES,
        recipients=RECIPIENTS,
        record_kinds=RECORD_KINDS,
        shared_block=None,
    )
    assert [match.slug for match in parsed.data_categories] == ["personal-details", "health"]


def test_what_is_held_before_its_examples_names_the_category():
    markdown = (
        "# Notice\n\n## What we collect\n\n"
        "We may also hold relevant criminal history about you, including cautions given to you.\n"
    )
    parsed = parse_notice(
        markdown,
        data_categories=CATEGORIES,
        recipients=RECIPIENTS,
        record_kinds=RECORD_KINDS,
        shared_block=None,
    )
    assert [(match.name, match.slug) for match in parsed.data_categories] == [
        ("relevant criminal history about you", "criminal-offence-data")
    ]
