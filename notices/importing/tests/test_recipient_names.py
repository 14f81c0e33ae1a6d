"""Issue 17, recognisers: recipients are matched to the library by whole name or a listed alias
only. A body named in passing is proposed, never merged into the nearest library entry, and one
line naming several bodies gives each of them."""

from notices.importing.parsing import parse_notice
from notices.importing.tests.test_parsing import CATEGORIES, RECIPIENTS, RECORD_KINDS


def recipients_of(items: list[str]) -> list[tuple[str, str | None]]:
    markdown = "# Privacy notice\n\n## Who we share your information with\n\n" + "\n".join(
        f"- {item}" for item in items
    )
    parsed = parse_notice(
        markdown,
        data_categories=CATEGORIES,
        recipients=RECIPIENTS,
        record_kinds=RECORD_KINDS,
        shared_block=None,
    )
    return [(match.name, match.slug) for match in parsed.recipients]


def test_bodies_named_in_passing_are_proposed_not_merged():
    found = recipients_of(
        [
            "Other government departments",
            "The provider of our case management system for schools",
            "Police and crime commissioner",
        ]
    )
    assert found == [
        ("Other government departments", None),
        ("The provider of our case management system for schools", None),
        ("Police and crime commissioner", None),
    ]


def test_one_line_naming_three_bodies_gives_three():
    found = recipients_of(["the police, schools and the NHS"])
    assert found == [
        ("the police", "police"),
        ("schools", "schools-and-education-settings"),
        ("the NHS", "nhs-and-health-services"),
    ]


def test_a_whole_name_with_a_description_after_it_still_matches():
    found = recipients_of(["Police, to prevent and detect crime", "Schools"])
    assert [slug for _name, slug in found] == ["police", "schools-and-education-settings"]


def test_a_shared_last_word_an_other_and_a_slash_still_name_each_body():
    markdown = (
        "## Who we share your information with\n\n"
        "- Fostering and adoption agencies\n"
        "- Schools and other education providers\n"
        "- The courts and legal professionals, for example in care proceedings\n"
        "- Third sector/ voluntary agencies\n"
        "- Other specialist agencies such as drug and alcohol services\n\n"
        "In an emergency we may share it, for example, with the police, the NHS or with "
        "Border Force.\n"
    )
    parsed = parse_notice(
        markdown,
        data_categories=CATEGORIES,
        recipients=RECIPIENTS,
        record_kinds=RECORD_KINDS,
        shared_block=None,
    )
    assert [(match.name, match.slug) for match in parsed.recipients] == [
        ("Fostering agencies", "foster-carers-and-residential-providers"),
        ("adoption agencies", "regional-adoption-agency"),
        ("Schools and other education providers", "schools-and-education-settings"),
        ("The courts", "courts-and-cafcass"),
        ("legal professionals", "solicitors-and-legal-advisers"),
        ("Third sector/ voluntary agencies", "voluntary-and-advocacy-organisations"),
        ("Other specialist agencies", None),
        ("police", "police"),
        ("NHS", "nhs-and-health-services"),
        ("Border Force", "home-office"),
    ]
