"""Issue 17, readers: plain text in the shapes councils' notices come in, copied from a web page
as one paragraph per line with no blank lines, with the page's furniture around it."""

from notices.importing.reading import read_document
from notices.importing.text_furniture import drop_page_furniture
from notices.importing.text_paragraphs import is_one_paragraph_per_line

# A notice copied from a whole council web page, in this project's own words.
COPIED_PAGE = "\n".join(
    [
        "Skip to main content",
        "Our website will be unavailable on Sunday from 8am to 10am while we carry "
        "out maintenance.",
        "Home",
        "Council and democracy",
        "Schools and learning",
        "Home > Council > Data protection > Privacy notices",
        "Children's social care privacy notice",
        "This notice explains how Brackenford Council uses information about "
        "children and families who get help from our children's services.",
        "Who we are",
        "Brackenford Council is the data controller for the information in this "
        "notice. Our data protection officer can be contacted at dpo@brackenford.example.",
        "What information do we collect?",
        "We use this information to:",
        "assess what help a family needs",
        "plan and provide care",
        "protect children from harm",
        "The information we collect includes:",
        "\u2022 personal details such as name, date of birth and address",
        "\u2022 health information",
        "SECTION 3 - THE LAW WE RELY ON",
        "We rely on Article 6(1)(e) of the UK GDPR (public task) and Article "
        "9(2)(h) for health information.",
        "4. Who do we share your information with?",
        "We share information with the police, schools and NHS and health services "
        "when the law allows us to.",
        "How long do we keep it?",
        "We keep case records until the child's 25th birthday.",
        "Was this page useful?",
        "Yes",
        "No",
        "Accessibility",
        "Cookies",
        "Contact us",
        "\u00a9 Brackenford Council 2026",
        "",
        "",
    ]
)


def headings(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("#")]


def test_a_copied_page_keeps_the_notice_and_leaves_out_the_furniture():
    document = read_document(COPIED_PAGE.encode(), "notice.txt")
    assert document.title == "Children's social care privacy notice"
    assert headings(document.markdown) == [
        "# Children's social care privacy notice",
        "## Who we are",
        "## What information do we collect?",
        "## THE LAW WE RELY ON",
        "## Who do we share your information with?",
        "## How long do we keep it?",
    ]
    for furniture in (
        "Skip to",
        "maintenance",
        "Schools and learning",
        "Home >",
        "useful",
        "\u00a9",
    ):
        assert furniture not in document.markdown
    assert any("Left out 13 lines of the web page" in note for note in document.notes)


def test_a_lead_in_line_and_its_item_lines_become_a_list():
    markdown = read_document(COPIED_PAGE.encode(), "notice.txt").markdown
    assert (
        "We use this information to:\n\n- assess what help a family needs\n"
        "- plan and provide care\n- protect children from harm\n\n"
        "The information we collect includes:\n\n- personal details" in markdown
    )


def test_items_ending_with_semicolons_become_a_list_without_bullets():
    text = (
        "How we use your information\n"
        "We use information about you for these purposes, as the law allows us to, and no others.\n"
        "to plan the help a family gets;\n"
        "to keep children safe;\n"
        "to check the quality of our work.\n"
        "Your rights\n"
        "You can ask for a copy of the information we hold about you at any time, free of charge.\n"
    )
    markdown = read_document(text.encode(), "notice.txt").markdown
    assert (
        "- to plan the help a family gets;\n- to keep children safe;\n"
        "- to check the quality of our work." in markdown
    )
    assert "## Your rights" in markdown


def test_the_last_item_of_a_capitalised_list_is_not_taken_for_a_heading():
    text = (
        "Special category information\n"
        "We also use the following special category information:\n"
        "Ethnicity\n"
        "Religion (if any)\n"
        "Health and disability\n"
        "We may also hold information about offences, where a court has been involved.\n"
    )
    markdown = read_document(text.encode(), "notice.txt").markdown
    assert "- Ethnicity\n- Religion (if any)\n- Health and disability" in markdown
    assert "We may also hold information about offences" in markdown
    assert "## Health" not in markdown


def test_an_address_is_not_split_into_headings():
    text = (
        "Contact us\n"
        "Write to our data protection officer at the address below, or email us at any time.\n"
        "Town Hall\n"
        "Market Street\n"
        "Brackenford BR1 1AA\n"
        "We answer within one month, as the law requires, and say if it will take longer.\n"
    )
    markdown = read_document(text.encode(), "notice.txt").markdown
    assert headings(markdown) == ["## Contact us"]
    assert "Town Hall\nMarket Street\nBrackenford BR1 1AA" in markdown


def test_wrapped_text_is_not_taken_for_one_paragraph_per_line():
    wrapped = [
        "We keep records of the help a family gets, and notes from",
        "visits and meetings, for as long as the law says we must",
        "keep them, and then we delete them safely.",
    ]
    assert not is_one_paragraph_per_line(wrapped)
    assert is_one_paragraph_per_line(
        ["Who we are", "We are the council, and we look after you.", "Why"]
    )


def test_text_that_is_not_a_copied_page_keeps_its_short_lines():
    lines = ["Home", "Contact us", "The council keeps records of the help it gives to families."]
    furniture = drop_page_furniture(lines)
    assert furniture.kept == lines
    assert furniture.left_out == []


def test_furniture_is_kept_verbatim_for_the_report():
    furniture = drop_page_furniture(COPIED_PAGE.splitlines())
    assert furniture.left_out[:3] == [
        "Skip to main content",
        "Our website will be unavailable on Sunday from 8am to 10am while we carry out "
        "maintenance.",
        "Home",
    ]
    assert furniture.left_out[-1] == "\u00a9 Brackenford Council 2026"


def test_a_heading_above_a_lead_in_and_numbered_items_is_a_heading():
    text = (
        "Ashcombe Council privacy notice\n\n"
        "This notice explains how we use information about children and families.\n\n"
        "Why we use your information\n\n"
        "We use it to:\n1) find out what help a child needs\n2) plan a child's care\n\n"
        "What we hold about you\n\n"
        "The information we hold includes:\n1) names and addresses\n2) health needs\n"
    )
    markdown = read_document(text.encode(), "notice.txt").markdown
    assert "## Why we use your information" in headings(markdown)
    assert "## What we hold about you" in headings(markdown)


def test_a_first_line_with_a_colon_is_the_title_when_a_question_heading_follows_its_intro():
    text = "\n".join(
        [
            "Ashcombe Council privacy notice: children's services",
            "This notice explains how we use information about children and families.",
            "Why do we need your information?",
            "We use it to:",
            "find out what help a child needs",
            "plan a child's care",
        ]
    )
    read = read_document(text.encode(), "notice.txt")
    assert read.title == "Ashcombe Council privacy notice: children's services"
    assert headings(read.markdown)[:2] == [
        "# Ashcombe Council privacy notice: children's services",
        "## Why do we need your information?",
    ]


def test_an_item_starting_with_our_is_an_item_and_a_sentence_after_the_list_is_not():
    text = "\n".join(
        [
            "Ashcombe Council privacy notice",
            "Who do we share your information with?",
            "We may share information with:",
            "Police – to keep children safe",
            "Our case recording system supplier – to run and support it",
            "We only share what each of them needs to know for the child.",
            "How long do we keep it?",
            "We keep case records until the child's 25th birthday.",
        ]
    )
    markdown = read_document(text.encode(), "notice.txt").markdown
    assert (
        "- Police – to keep children safe\n"
        "- Our case recording system supplier – to run and support it\n\n"
        "We only share what each of them needs to know for the child."
    ) in markdown
