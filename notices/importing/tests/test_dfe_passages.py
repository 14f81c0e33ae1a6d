"""Issue 17, recognisers: the Department for Education's text under the council's own heading is
recognised and aligned with the shared block, and none of it becomes the council's recipients."""

from notices.importing.dfe_passages import split_dfe_paragraphs
from notices.importing.parsing import parse_notice
from notices.importing.tests.test_parsing import BLOCK, CATEGORIES, RECIPIENTS, RECORD_KINDS

SHARING = """\
# Privacy notice

## Who we share your information with

We share information with:

- the police
- schools

The Department for Education collects information about children in need through the children
in need census, and adds it to the National Pupil Database.

The Department shares information from the database with:

- researchers
- other government departments

## Your rights

You can ask for a copy of your records.
"""


def parsed(markdown: str):
    return parse_notice(
        markdown,
        data_categories=CATEGORIES,
        recipients=RECIPIENTS,
        record_kinds=RECORD_KINDS,
        shared_block=BLOCK,
    )


def test_dfe_text_under_the_council_s_heading_is_not_the_council_s():
    notice = parsed(SHARING)
    assert [match.name for match in notice.recipients] == ["the police", "schools"]
    sharing = notice.sections[0]
    assert sharing.heading == "Who we share your information with"
    assert "National Pupil Database" not in sharing.body
    assert "researchers" not in sharing.body
    assert [match.heading for match in notice.shared_text] == ["Who we share your information with"]
    assert "researchers" in notice.shared_text[0].imported_text


def test_a_section_that_is_all_dfe_text_leaves_no_council_section():
    markdown = (
        "# Privacy notice\n\n## Sharing\n\nThe Department for Education collects the "
        "looked after children return every year.\n\n## Your rights\n\nAsk us.\n"
    )
    notice = parsed(markdown)
    assert [section.heading for section in notice.sections] == ["Your rights"]
    assert [match.heading for match in notice.shared_text] == ["Sharing"]


def test_the_run_ends_at_the_council_s_next_own_paragraph():
    lines = [
        "The Department for Education shares data with researchers.",
        "",
        "- researchers",
        "",
        "You can ask us to stop sharing your information.",
    ]
    own, dfe = split_dfe_paragraphs(lines)
    assert own == ["You can ask us to stop sharing your information."]
    assert dfe == lines[:4]


def test_a_council_list_naming_the_department_stays_the_council_s():
    lines = ["We share information with:", "", "- the Department for Education", "- schools"]
    assert split_dfe_paragraphs(lines) == (lines, [])


def test_a_part_under_a_heading_like_the_block_s_title_is_aligned_with_its_own_part():
    markdown = (
        "# Privacy notice\n\n## How the Department for Education uses children's information\n\n"
        "The Department for Education adds the returns to the National Pupil Database, which it "
        "owns and runs.\n"
    )
    (match,) = parsed(markdown).shared_text
    assert match.block_part_heading == "The National Pupil Database"


def test_headings_naming_the_department_alone_are_the_dfe_s_text():
    markdown = (
        "# Privacy notice\n\n## Data we send the Department for Education\n\nThe Department for "
        "Education collects the children in need census from us every year.\n\n"
        "## Sharing by the Department\n\nThe Department may give some of the data to:\n\n"
        "- researchers and academics\n- other government departments\n\n"
        "## Who we share with\n\n- the police\n"
    )
    notice = parsed(markdown)
    assert [section.heading for section in notice.sections] == ["Who we share with"]
    assert "Sharing by the Department" in [match.heading for match in notice.shared_text]
    assert [match.name for match in notice.recipients] == ["the police"]


def test_the_law_behind_the_returns_under_a_law_heading_is_the_dfe_s_text():
    markdown = (
        "# Privacy notice\n\n## The law we rely on\n\nWe rely on public task, Article 6(1)(e).\n\n"
        "## The law\n\nCouncils must make these returns under section 83 of the Children Act "
        "1989 and the Education (Information About Individual Pupils) (England) Regulations "
        "2013.\n\nThe sharing rests on legal obligation, Article 6(1)(c), for the returns.\n"
    )
    notice = parsed(markdown)
    assert [section.heading for section in notice.sections] == ["The law we rely on"]
    assert [match.heading for match in notice.shared_text] == ["The law"]
    assert notice.lawful_bases == ("A6-1-e",)


def _aligned_parts(heading: str, body: str) -> list[str]:
    from notices.demo.content import SHARED_BLOCK
    from notices.importing.dfe_alignment import _SharedBlockText
    from notices.importing.markdown_blocks import _Part

    shared = _SharedBlockText(SHARED_BLOCK)
    part = _Part(heading, 2, body.split("\n"), body)
    anchors = {item["heading"]: item["anchor"] for item in SHARED_BLOCK["parts"]}
    return [
        anchors.get(found.block_part_heading, "")
        for found in shared.aligned(shared.passage(part), 2)
    ]


def test_a_lead_in_and_its_list_broken_by_a_blank_line_are_aligned_as_one_part():
    body = (
        "Information given to the Department for Education helps it to:\n\n"
        "- shape national policy\n- see how each council performs\n\n"
        "- share out the money\n- spread the approaches that work"
    )
    assert _aligned_parts("How the government uses it", body) == ["why-dfe-needs-it"]


def test_a_short_sentence_with_few_telling_words_stays_with_the_part_before_it():
    body = (
        "Councils must send the returns under section 83 of the Children Act 1989 and the "
        "Education (Information About Individual Pupils) (England) Regulations 2013, with no "
        "consent needed, as the law requires them.\n\n"
        "Everything is held securely in line with security standards."
    )
    assert _aligned_parts("Department for Education", body) == ["law-behind-dfe-sharing"]
