"""Tests of notices.importing.parsing (and its library matching): Markdown in, a proposal out.

The notices here are written for these tests, in the shapes real notices take; the libraries
are the demo libraries (notices.demo.content), so matching is tested against real names.
"""

import pytest

from notices.demo import content as demo_content
from notices.importing.matching import LibraryMatcher, normalise_name
from notices.importing.parsing import (
    FoundContacts,
    ImportedRetention,
    ImportedSection,
    LibraryItem,
    LibraryMatch,
    ParsedNotice,
    parse_notice,
    tag_section,
)
from notices.publishing.diffing.results import DELETE, EQUAL, INSERT

# --- Fixtures -------------------------------------------------------------------------------


def library(entries: list[dict]) -> list[LibraryItem]:
    return [LibraryItem(slug=entry["slug"], name=entry["name"]) for entry in entries]


CATEGORIES = library(demo_content.DATA_CATEGORIES)
RECIPIENTS = library(demo_content.RECIPIENTS)
RECORD_KINDS = library(demo_content.RECORD_KINDS)

# A shared block written for these tests, in the snapshot's shape.
BLOCK = {
    "schema": 1,
    "title": "How the Department for Education uses children's information",
    "introduction": (
        "Every council sends some information about the children it helps to the Department "
        "for Education."
    ),
    "parts": [
        {
            "anchor": "returns",
            "heading": "The returns councils send",
            "body": (
                "Each year the council sends two returns:\n\n"
                "- the children in need census;\n"
                "- the looked-after children return, called SSDA903.\n\n"
                "Both go through a secure system."
            ),
        },
        {
            "anchor": "npd",
            "heading": "The National Pupil Database",
            "body": (
                "The Department for Education adds the returns to the National Pupil Database, "
                "which it owns and runs. Researchers may ask to use it, and each request is "
                "checked."
            ),
        },
        {
            "anchor": "asking",
            "heading": "Asking the Department for Education for your data",
            "body": "You can ask the Department for Education for a copy of what it holds.",
        },
    ],
}

FULL_NOTICE = """\
# Children's social care privacy notice

Oakhollow Borough Council's children's services help children, young people and families. This
notice says what information we keep about them, and why.

You can reach our children's services team at childrens.services@oakhollow.example or on
01632 960100.

## If you are a child or young person

We write things down about you so that we can help you and keep you safe. You can ask to see
what we have written.

## Why we use your information

- to find out what help a child and their family need;
- to plan and review the care of the children we look after;
- to meet our legal duties to keep children safe.

## The law that lets us use it

We use information about children because the law gives us public tasks and legal duties:
UK GDPR Article 6(1)(e) and Article 6(1)(c). For health and ethnicity we rely on
Article 9(2)(h) and (g), and for information about offences on Article 10. A note that
mentions Article 6(1)(k) names no real provision.

## What information we collect

We collect these kinds of information:

- Personal details – names, dates of birth and addresses
- Ethnicity and first language
- **Health**: physical and mental health, and medicines
- Criminal offences (allegations, cautions and convictions)
- Hobbies and interests
- Medical information - the child's GP and hospital

## Where we get it from

Most information comes from children and families, and some from schools, doctors and the
police.

## Who we share it with

We routinely share information with:

- the Department for Education (DfE)
- Police – to prevent or detect crime against children
- GPs and hospitals: for health assessments of children in our care
- Local churches and faith groups

| Organisation | Why we share | How often |
| --- | --- | --- |
| Cafcass | reports for the family court | when necessary |
| Allotment society | garden clubs for care leavers | sometimes |

## How long we keep it

We keep each kind of record for a set time:

- Looked-after children's case records: until their 75th birthday
- Adoption records: at least 100 years from the date of the adoption order
- Child protection records – date of birth plus 25 years

| Record | How long we keep it |
| --- | --- |
| Child in need records | 6 years after the case is closed |
| Foster carer records | 10 years from when the record was created |
| Contacts that do not lead to a referral | 18 months after the last contact |

Recordings from our office cameras are kept for a short time.

## Do you have to give us information?

Mostly yes: the law requires much of it. We will tell you when it is your choice.

## Decisions made by computers

A person makes every decision about you.

## Sending information abroad

We keep your information in the UK and do not send it overseas.

## Your rights

You can ask for a copy of your records, and ask us to put right anything that is wrong.

## Complaints

Please tell us first. You can also complain to the Information Commissioner's Office: call
0303 123 1113, email casework@ico.org.uk, or write to Wycliffe House, Water Lane, Wilmslow,
SK9 5AF.

## Contact us

**Our Data Protection Officer**

- email: dpo@oakhollow.example
- phone: 01632 960777
- post: Data Protection Officer, Oakhollow Town Hall, 1 Market Square, Oakhollow, OH3 2PQ

Our registration number with the ICO is Z1234567.

## The returns councils send

Each year the council sends two returns:

- the children in need census;
- the looked-after children return, called SSDA903.

Both go through a secure system.

## The National Pupil Database

The Department for Education adds the returns to the National Pupil Database, which it owns and
manages. Approved researchers may ask to use it, and each request is checked.
"""


def parse(markdown: str, *, block: dict | None = None, title: str = "") -> ParsedNotice:
    return parse_notice(
        markdown,
        title=title,
        data_categories=CATEGORIES,
        recipients=RECIPIENTS,
        record_kinds=RECORD_KINDS,
        shared_block=block,
    )


@pytest.fixture(scope="module")
def full() -> ParsedNotice:
    return parse(FULL_NOTICE, block=BLOCK)


# --- The full notice ------------------------------------------------------------------------


def test_full_notice_title_introduction_and_young_people_summary(full):
    assert full.has_headings
    assert full.title == "Children's social care privacy notice"
    assert full.introduction.startswith("Oakhollow Borough Council's children's services help")
    assert full.introduction.endswith("01632 960100.")
    assert full.young_people_summary.startswith("We write things down about you")
    assert "If you are a child" not in [section.heading for section in full.sections]


def test_full_notice_sections_in_order_with_their_checklist_items(full):
    assert [(section.heading, section.ico_item) for section in full.sections] == [
        ("Why we use your information", "purposes"),
        ("The law that lets us use it", "lawful-basis"),
        ("What information we collect", "categories"),
        ("Where we get it from", "sources"),
        ("Who we share it with", "recipients"),
        ("How long we keep it", "retention"),
        ("Do you have to give us information?", "statutory-requirement"),
        ("Decisions made by computers", "automated-decisions"),
        ("Sending information abroad", "transfers-abroad"),
        ("Your rights", "rights"),
        ("Complaints", "complaints"),
        ("Contact us", "contact"),
    ]
    reasons = {section.heading: section.ico_reason for section in full.sections}
    assert reasons["Who we share it with"] == 'heading mentions "share"'
    # No checklist words in its heading: its text decides.
    assert reasons["The law that lets us use it"] == 'heading mentions "the law that lets"'
    complaints = next(section for section in full.sections if section.heading == "Complaints")
    assert complaints == ImportedSection(
        heading="Complaints",
        body=(
            "Please tell us first. You can also complain to the Information Commissioner's "
            "Office: call\n0303 123 1113, email casework@ico.org.uk, or write to Wycliffe House, "
            "Water Lane, Wilmslow,\nSK9 5AF."
        ),
        ico_item="complaints",
        ico_reason='heading mentions "complaints"',
    )


def test_full_notice_data_categories_matched_and_proposed(full):
    assert full.data_categories == (
        LibraryMatch(
            "Personal details – names, dates of birth and addresses",
            "personal-details",
            "names, dates of birth and addresses",
            name="Personal details",
        ),
        LibraryMatch(
            "Ethnicity and first language",
            "characteristics",
            "",
            name="Ethnicity and first language",
        ),
        # The later "Medical information" item matches Health too: its detail joins this one.
        LibraryMatch(
            "Health: physical and mental health, and medicines",
            "health",
            "physical and mental health, and medicines; the child's GP and hospital",
            name="Health",
        ),
        LibraryMatch(
            "Criminal offences (allegations, cautions and convictions)",
            "criminal-offence-data",
            "allegations, cautions and convictions",
            name="Criminal offences",
        ),
        LibraryMatch("Hobbies and interests", None, "", name="Hobbies and interests"),
    )


def test_full_notice_recipients_matched_and_proposed(full):
    assert full.recipients == (
        LibraryMatch(
            "the Department for Education (DfE)",
            "department-for-education",
            "",
            name="the Department for Education (DfE)",
            frequency="routinely",
        ),
        LibraryMatch(
            "Police – to prevent or detect crime against children",
            "police",
            "to prevent or detect crime against children",
            name="Police",
            frequency="routinely",
        ),
        LibraryMatch(
            "GPs and hospitals: for health assessments of children in our care",
            "nhs-and-health-services",
            "for health assessments of children in our care",
            name="GPs and hospitals",
            frequency="routinely",
        ),
        LibraryMatch(
            "Local churches and faith groups",
            None,
            "",
            name="Local churches and faith groups",
            frequency="routinely",
        ),
        LibraryMatch(
            "Cafcass",
            "courts-and-cafcass",
            "reports for the family court",
            name="Cafcass",
            frequency="when-necessary",
        ),
        LibraryMatch(
            "Allotment society",
            None,
            "garden clubs for care leavers",
            name="Allotment society",
            frequency="when-necessary",
        ),
    )


def test_full_notice_retention_periods_from_the_list_and_the_table(full):
    assert full.retention_periods == (
        ImportedRetention(
            text="Looked-after children's case records: until their 75th birthday",
            record_type="Looked-after children's case records",
            trigger="date-of-birth",
            years=75,
            months=0,
            is_minimum=False,
            record_kind="looked-after-case-records",
        ),
        ImportedRetention(
            text="Adoption records: at least 100 years from the date of the adoption order",
            record_type="Adoption records",
            trigger="adoption-order",
            years=100,
            months=0,
            is_minimum=True,
            record_kind="adoption-records",
        ),
        ImportedRetention(
            text="Child protection records – date of birth plus 25 years",
            record_type="Child protection records",
            trigger="date-of-birth",
            years=25,
            months=0,
            is_minimum=False,
            record_kind="child-protection-records",
        ),
        ImportedRetention(
            text="Child in need records | 6 years after the case is closed",
            record_type="Child in need records",
            trigger="case-closure",
            years=6,
            months=0,
            is_minimum=False,
            record_kind="child-in-need-records",
        ),
        ImportedRetention(
            text="Foster carer records | 10 years from when the record was created",
            record_type="Foster carer records",
            trigger="record-created",
            years=10,
            months=0,
            is_minimum=False,
            record_kind="foster-carer-records",
        ),
        ImportedRetention(
            text="Contacts that do not lead to a referral | 18 months after the last contact",
            record_type="Contacts that do not lead to a referral",
            trigger="last-contact",
            years=1,
            months=6,
            is_minimum=False,
            record_kind="contacts-without-referral",
        ),
    )


def test_full_notice_lawful_bases_in_order_without_the_one_that_does_not_exist(full):
    assert full.lawful_bases == ("A6-1-e", "A6-1-c", "A9-2-h", "A9-2-g", "A10")


def test_full_notice_contacts_are_the_councils_not_the_icos(full):
    assert full.contacts == FoundContacts(
        controller_email="childrens.services@oakhollow.example",
        controller_phone="01632 960100",
        controller_address="",
        dpo_name="Data Protection Officer",
        dpo_email="dpo@oakhollow.example",
        dpo_phone="01632 960777",
        dpo_address=(
            "Data Protection Officer\nOakhollow Town Hall\n1 Market Square\nOakhollow\nOH3 2PQ"
        ),
        ico_registration_number="Z1234567",
    )


def test_full_notice_shared_text_is_taken_out_with_its_drift(full):
    assert [match.heading for match in full.shared_text] == [
        "The returns councils send",
        "The National Pupil Database",
    ]
    same, changed = full.shared_text
    assert same.block_part_heading == "The returns councils send"
    assert same.imported_text == BLOCK["parts"][0]["body"]
    assert same.has_drifted is False
    assert same.drift.has_changes is False

    assert changed.block_part_heading == "The National Pupil Database"
    assert changed.has_drifted is True
    segments = [segment for block in changed.drift.blocks for segment in block.segments]
    deleted = " ".join(segment.text for segment in segments if segment.kind == DELETE)
    inserted = " ".join(segment.text for segment in segments if segment.kind == INSERT)
    assert "runs" in deleted and "manages" not in deleted
    assert "manages" in inserted and "Approved" in inserted
    assert any(
        segment.kind == EQUAL and "National Pupil Database" in segment.text for segment in segments
    )


# --- Title, introduction and sections -------------------------------------------------------


def test_a_single_h1_is_the_title_and_the_h2s_are_the_sections():
    parsed = parse(
        "# Our notice\n\nHello.\n\n## Your rights\n\nAsk us.\n\n## Complaints\n\nTell us."
    )
    assert parsed.title == "Our notice"
    assert parsed.introduction == "Hello."
    assert [section.heading for section in parsed.sections] == ["Your rights", "Complaints"]
    assert [section.body for section in parsed.sections] == ["Ask us.", "Tell us."]


def test_with_several_h1s_the_first_is_the_title_only_when_it_matches_the_given_title():
    markdown = (
        "# Our notice\n\nHello.\n\n# Your rights\n\nAsk us.\n\n## Asking\n\nHow.\n\n"
        "# Complaints\n\nx"
    )
    parsed = parse(markdown, title="Our Notice")
    assert parsed.title == "Our notice"
    assert [section.heading for section in parsed.sections] == ["Your rights", "Complaints"]
    assert parsed.sections[0].body == "Ask us.\n\n### Asking\n\nHow."

    untitled = parse(markdown)
    assert untitled.title == ""
    assert [section.heading for section in untitled.sections] == [
        "Our notice",
        "Your rights",
        "Complaints",
    ]


def test_without_a_title_heading_the_given_title_is_kept():
    parsed = parse("Hello.\n\n## Your rights\n\nAsk us.", title="Children's privacy notice")
    assert parsed.title == "Children's privacy notice"
    assert parsed.introduction == "Hello."


def test_sub_headings_stay_in_the_body_one_level_below_the_section():
    parsed = parse(
        "## Rights\n\nYou have rights.\n\n#### Access\n\nAsk.\n\n##### Deadline\n\nA month."
    )
    assert (
        parsed.sections[0].body
        == "You have rights.\n\n### Access\n\nAsk.\n\n#### Deadline\n\nA month."
    )


def test_heading_numbers_markup_and_trailing_colons_are_dropped():
    parsed = parse(
        "## 1. **Summary**\n\nx\n\n## 2) Who we share it with:\n\ny\n\n## 3.1 Your rights\n\nz"
        "\n\n## 100 years of care records\n\nw"
    )
    assert [section.heading for section in parsed.sections] == [
        "Summary",
        "Who we share it with",
        "Your rights",
        "100 years of care records",  # a number that is not the section's
    ]


def test_a_sub_heading_about_another_checklist_item_is_a_section_of_its_own():
    parsed = parse(
        "## Lawful basis\n\nWe rely on public task.\n\n### What the law says\n\nThe Act.\n\n"
        "### Collecting this information\n\nFrom you.\n\n### Storing personal data\n\n"
        "Securely.\n\n### Who we share it with\n\n- Police\n\n### Why we share it\n\n"
        "To keep children safe.\n\n## Your rights\n\nAsk us."
    )
    assert [(section.heading, section.ico_item) for section in parsed.sections] == [
        ("Lawful basis", "lawful-basis"),
        ("Collecting this information", "sources"),
        ("Storing personal data", "retention"),
        ("Who we share it with", "recipients"),
        ("Your rights", "rights"),
    ]
    assert "### What the law says" in parsed.sections[0].body
    assert "### Why we share it" in parsed.sections[3].body
    assert [match.slug for match in parsed.recipients] == ["police"]


def test_setext_headings_are_read_and_hashes_in_fenced_code_are_not():
    parsed = parse(
        "Our notice\n==========\n\nHello.\n\nYour rights\n-----------\n\n```\n# not a heading\n```"
    )
    assert parsed.title == "Our notice"
    assert [section.heading for section in parsed.sections] == ["Your rights"]
    assert "# not a heading" in parsed.sections[0].body


def test_empty_headings_and_hashtags_are_not_headings():
    parsed = parse("## Rights\n\n##\n\n#hashtag\n\ntext")
    assert [section.heading for section in parsed.sections] == ["Rights"]


def test_a_document_without_headings_is_all_introduction_and_is_still_read():
    markdown = (
        "We are Oakhollow Borough Council. Email us at hello@oakhollow.example.\n\n"
        "Adoption records are kept for 100 years from the adoption order. We rely on "
        "Article 6(1)(e)."
    )
    parsed = parse(markdown)
    assert parsed.has_headings is False
    assert parsed.sections == ()
    assert parsed.introduction == markdown
    assert parsed.contacts.controller_email == "hello@oakhollow.example"
    assert parsed.lawful_bases == ("A6-1-e",)
    assert [(p.record_type, p.years) for p in parsed.retention_periods] == [
        ("Adoption records", 100)
    ]


def test_an_empty_document_gives_an_empty_result():
    parsed = parse("")
    assert parsed == ParsedNotice(
        title="",
        introduction="",
        young_people_summary="",
        sections=(),
        data_categories=(),
        recipients=(),
        retention_periods=(),
        lawful_bases=(),
        contacts=FoundContacts(),
        shared_text=(),
        has_headings=False,
    )


def test_a_title_heading_alone_leaves_the_rest_as_introduction():
    parsed = parse("# Our notice\n\nAll of it.")
    assert (parsed.title, parsed.introduction, parsed.sections, parsed.has_headings) == (
        "Our notice",
        "All of it.",
        (),
        True,
    )


# --- The young people's summary -------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "If you are a child or young person",
        "If you're a young person",
        "For young people",
        "Easy read summary",
        "Easy-read version",
        "In short",
        "Summary for children",
        "A short version for children and young people",
    ],
)
def test_a_section_for_children_or_young_people_becomes_the_summary(heading):
    parsed = parse(f"## {heading}\n\nWe help you.\n\n## Your rights\n\nAsk us.")
    assert parsed.young_people_summary == "We help you."
    assert [section.heading for section in parsed.sections] == ["Your rights"]


@pytest.mark.parametrize(
    "heading", ["Information about children and young people", "Children in care", "Young carers"]
)
def test_a_section_about_children_is_not_the_summary(heading):
    parsed = parse(f"## {heading}\n\nText.")
    assert parsed.young_people_summary == ""
    assert [section.heading for section in parsed.sections] == [heading]


def test_several_young_peoples_sections_are_joined():
    parsed = parse("## In short\n\nOne.\n\n## Rights\n\nx\n\n## Easy read\n\nTwo.")
    assert parsed.young_people_summary == "One.\n\nTwo."


# --- ICO checklist tags ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "item"),
    [
        ("Why we collect it", "purposes"),
        ("Purposes of processing", "purposes"),
        ("How we use information", "purposes"),
        ("Lawful basis", "lawful-basis"),
        ("Our legal basis", "lawful-basis"),
        ("Article 6 conditions", "lawful-basis"),
        ("Legitimate interests", "legitimate-interests"),
        ("What information we hold", "categories"),
        ("Categories of personal data", "categories"),
        ("The data we keep", "categories"),
        ("Where we get information", "sources"),
        ("Sources of information", "sources"),
        ("Who we share it with", "recipients"),
        ("Recipients", "recipients"),
        ("Disclosing information", "recipients"),
        ("How long we keep it", "retention"),
        ("Retention periods", "retention"),
        ("Keeping your records", "retention"),
        ("Keeping records", "retention"),
        ("Information about you", "categories"),
        ("Access to information about you", "rights"),
        ("Your rights", "rights"),
        ("Access to your records", "rights"),
        ("Withdrawing your consent", "withdrawing-consent"),
        ("Complaints", "complaints"),
        ("Telling the ICO", "complaints"),
        ("The Information Commissioner", "complaints"),
        ("Contact us", "contact"),
        ("Our Data Protection Officer", "contact"),
        ("Do you have to give us information?", "statutory-requirement"),
        ("Information required by law", "statutory-requirement"),
        ("Statutory duties", "statutory-requirement"),
        ("Automated decision-making", "automated-decisions"),
        ("Profiling", "automated-decisions"),
        ("Information outside the UK", "transfers-abroad"),
        ("Sending data abroad", "transfers-abroad"),
        ("Overseas", "transfers-abroad"),
        ("International transfers", "transfers-abroad"),
        ("Security", "other"),
    ],
)
def test_a_heading_is_tagged_with_the_checklist_item_it_names(heading, item):
    assert tag_section(heading, "")[0] == item


@pytest.mark.parametrize(
    ("heading", "item"),
    [
        ("Why we share information", "recipients"),  # sharing, not purposes
        ("Your right to complain to the ICO", "complaints"),  # complaining, not rights
        ("Consent and how to withdraw it", "withdrawing-consent"),  # not the lawful basis
        ("Legitimate interests as a lawful basis", "legitimate-interests"),
        ("Who we are", "contact"),  # the controller, not recipients
    ],
)
def test_the_first_matching_keyword_wins_for_a_heading_naming_two_items(heading, item):
    assert tag_section(heading, "")[0] == item


def test_the_heading_decides_over_the_text():
    body = "How long we keep records: retention periods are set by law. Retention is reviewed."
    assert tag_section("Your rights", body) == ("rights", 'heading mentions "rights"')


def test_a_neutral_heading_is_tagged_from_its_text_when_it_names_an_item_twice():
    body = "We keep records for the retention periods below. How long depends on the record."
    assert tag_section("Records", body) == ("retention", 'text mentions "retention" (2 times)')
    # Once is not enough: one word in passing does not make a section about it.
    assert tag_section("Security", "Only staff who need access can see records.") == (
        "other",
        "no checklist words in the heading or text",
    )


def test_on_a_tie_in_the_text_the_item_mentioned_first_wins():
    body = "You can complain. You have rights. You can complain again. Your rights matter."
    assert tag_section("More", body)[0] == "complaints"


def test_demo_notices_sections_are_tagged_as_the_demo_tags_them():
    mismatches = []
    for council in demo_content.COUNCILS:
        for section in council["notice"]["sections"]:
            item, _ = tag_section(section["heading"], section["body"])
            if item != section["ico_item"]:
                mismatches.append((section["heading"], item))
    # The demo calls this section "other"; its text explains how to withdraw consent, and a
    # proposal for that item is a fair reading.
    assert mismatches == [("Fingerprint entry at supported accommodation", "withdrawing-consent")]


# --- Library matching -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("The Police", "police"),
        ("Courts & Cafcass", "court cafcass"),
        ("Courts and Cafcass", "court cafcass"),
        ("NHS (local trusts)", "nhs"),
        ("Looked-after children's case records", "looked after child case record"),
        ("Local authorities.", "local authority"),
        ("Religion or belief", "religion belief"),
    ],
)
def test_names_are_normalised_before_matching(name, normal):
    assert normalise_name(name) == normal


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("police", "police"),
        ("Police forces", "police"),
        ("the police", "police"),
        ("NHS", "nhs-and-health-services"),
        ("health services", "nhs-and-health-services"),
        ("GPs", "nhs-and-health-services"),
        ("hospitals", "nhs-and-health-services"),
        ("schools", "schools-and-education-settings"),
        ("academies", "schools-and-education-settings"),
        ("DfE", "department-for-education"),
        ("Department for Education", "department-for-education"),
        ("Ofsted", "ofsted"),
        ("courts", "courts-and-cafcass"),
        ("Cafcass", "courts-and-cafcass"),
        ("Other councils", "other-local-authorities"),
        ("Youth offending team", "youth-justice-service"),
        ("Department for Work & Pensions", "department-for-work-and-pensions"),
    ],
)
def test_recipients_match_by_name_and_synonym(text, slug):
    assert LibraryMatcher(RECIPIENTS).match(text).slug == slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("ethnicity", "characteristics"),
        ("race", "characteristics"),
        ("ethnic origin", "characteristics"),
        ("health", "health"),
        ("medical information", "health"),
        ("criminal offences", "criminal-offence-data"),
        ("offending", "criminal-offence-data"),
        ("fingerprints", "biometric-data"),
        ("facial images", "biometric-data"),
        ("biometrics", "biometric-data"),
        ("Special educational needs and disabilities", "special-educational-needs-and-disability"),
        ("Outcomes for looked after children", "looked-after-outcomes"),
        ("Immigration and asylum status", "immigration-status"),
    ],
)
def test_data_categories_match_by_name_and_synonym(text, slug):
    assert LibraryMatcher(CATEGORIES).match(text).slug == slug


def test_names_the_caller_knows_match_and_win_over_the_synonym_table():
    items = [
        LibraryItem("police", "Police", synonyms=("constabulary",)),
        LibraryItem("health-visitors", "Health visitors", synonyms=("NHS",)),
        LibraryItem("nhs-and-health-services", "NHS and health services"),
    ]
    matcher = LibraryMatcher(items)
    assert matcher.match("Constabulary").slug == "police"
    assert matcher.match("NHS").slug == "health-visitors"


def test_an_item_matches_nothing_the_caller_did_not_pass():
    assert LibraryMatcher([LibraryItem("ofsted", "Ofsted")]).match("the police") is None


def section_with_list(heading: str, items: list[str]) -> str:
    return f"## {heading}\n\n" + "\n".join(f"- {item}" for item in items)


@pytest.mark.parametrize(
    "item",
    [
        "Police - to keep children safe",
        "Police – to keep children safe",
        "Police — to keep children safe",
        "Police: to keep children safe",
        "Police (to keep children safe)",
    ],
)
def test_what_follows_a_library_name_and_a_separator_is_the_detail(item):
    (match,) = parse(section_with_list("Who we share it with", [item])).recipients
    assert (match.slug, match.name, match.detail) == ("police", "Police", "to keep children safe")


def test_a_one_word_bracket_is_an_abbreviation_not_a_separator():
    (match,) = parse(
        section_with_list("Who we share it with", ["Department for Education (DfE): census"])
    ).recipients
    assert (match.slug, match.detail) == ("department-for-education", "census")


def test_a_name_that_starts_an_item_carries_the_rest_as_detail():
    (match,) = parse(
        section_with_list("What information we collect", ["personal details such as name"])
    ).data_categories
    assert (match.slug, match.detail) == ("personal-details", "such as name")


def test_unmatched_items_are_kept_as_proposals_with_no_slug():
    parsed = parse(section_with_list("Who we share it with", ["Model railway club: outings"]))
    assert parsed.recipients == (
        LibraryMatch("Model railway club: outings", None, "outings", name="Model railway club"),
    )


def test_a_second_item_matching_the_same_library_item_adds_its_detail_to_the_first():
    parsed = parse(
        section_with_list(
            "Who we share it with",
            ["Police – joint enquiries", "Schools", "The police: missing children", "Police"],
        )
    )
    assert [(match.text, match.slug, match.detail) for match in parsed.recipients] == [
        ("Police – joint enquiries", "police", "joint enquiries; missing children"),
        ("Schools", "schools-and-education-settings", ""),
    ]


def test_items_are_read_only_under_headings_about_categories_or_recipients():
    markdown = (
        "## Who we share it with\n\n- Police\n\n### Why we share it\n\n- to keep children safe\n\n"
        "## Your rights\n\n- Health\n\n## Lawful basis\n\nWe rely on these.\n\n"
        "### Who we share this information with\n\n- Ofsted\n\n"
        "## What information we collect\n\n### Special category data\n\n- Religion"
    )
    parsed = parse(markdown)
    assert [match.slug for match in parsed.recipients] == ["police", "ofsted"]
    assert [match.slug for match in parsed.data_categories] == ["religion-or-belief"]


def test_under_a_neutral_heading_the_list_s_lead_in_says_what_it_lists():
    markdown = (
        "## More about you\n\nThe information we hold includes:\n\n- Health\n\n"
        "## Working with others\n\nWe may share information with:\n\n- Police\n\n"
        "## Our promises\n\nWe will always:\n\n- Health checks on time\n\n"
        "## Your rights\n\nThe information we hold includes:\n\n- Religion"
    )
    parsed = parse(markdown)
    assert [match.slug for match in parsed.data_categories] == ["health"]
    assert [match.slug for match in parsed.recipients] == ["police"]


def test_a_category_item_naming_two_categories_gives_both_and_a_library_name_stays_one():
    parsed = parse(
        "## What information we hold\n\n"
        "- Records of time spent looked after or as a child in need, such as the key dates\n"
        "- Special educational needs and disability\n"
        "- Health and wellbeing notes"
    )
    assert [(match.name, match.slug) for match in parsed.data_categories] == [
        ("Records of time spent looked after or as a child in need", "looked-after-episodes"),
        ("Records of time spent looked after or as a child in need", "child-in-need-episodes"),
        ("Special educational needs and disability", "special-educational-needs-and-disability"),
        ("Health and wellbeing notes", "health"),
    ]


def test_table_rows_under_such_headings_are_read_name_first():
    markdown = (
        "## Who we share it with\n\n"
        "| Who | Why | How often |\n|---|---|---|\n"
        "| Ofsted | inspection | routinely |\n| **Police** | joint enquiries | |\n"
    )
    parsed = parse(markdown)
    assert [(m.slug, m.detail, m.frequency) for m in parsed.recipients] == [
        ("ofsted", "inspection", "routinely"),
        ("police", "joint enquiries", ""),
    ]


def test_nested_list_items_describe_their_parent():
    markdown = (
        "## What information we collect\n\n- Family:\n  - parents\n  - brothers and sisters\n"
        "- Health"
    )
    parsed = parse(markdown)
    assert [(m.slug, m.detail) for m in parsed.data_categories] == [
        ("family-and-relationships", "parents; brothers and sisters"),
        ("health", ""),
    ]


def test_how_often_comes_from_the_item_or_the_paragraph_introducing_the_list():
    markdown = (
        "## Who we share it with\n\nWe share with these only when necessary:\n\n- Police\n"
        "- Schools, every term\n\nWe also share with:\n\n- Ofsted"
    )
    parsed = parse(markdown)
    assert [(m.slug, m.frequency) for m in parsed.recipients] == [
        ("police", "when-necessary"),
        ("schools-and-education-settings", "routinely"),
        ("ofsted", ""),
    ]


def test_libraries_passed_empty_make_every_item_a_proposal():
    parsed = parse_notice(
        section_with_list("Who we share it with", ["Police"]),
        data_categories=[],
        recipients=[],
        record_kinds=[],
        shared_block=None,
    )
    assert parsed.recipients == (LibraryMatch("Police", None, "", name="Police"),)


# --- Retention periods ----------------------------------------------------------------------


def retention(text: str, heading: str = "How long we keep it") -> list[ImportedRetention]:
    return list(parse(f"## {heading}\n\n{text}").retention_periods)


@pytest.mark.parametrize(
    ("text", "trigger", "years", "months", "is_minimum"),
    [
        ("- Care leaver records: date of birth plus 25 years", "date-of-birth", 25, 0, False),
        (
            "- Care leaver records: 25 years from the child's date of birth",
            "date-of-birth",
            25,
            0,
            False,
        ),
        ("- Care leaver records: until their 25th birthday", "date-of-birth", 25, 0, False),
        ("- Care leaver records: until the young person is 25", "date-of-birth", 25, 0, False),
        ("- Care leaver records: until their 75th birthday", "date-of-birth", 75, 0, False),
        ("- Care leaver records: DOB + 75 years", "date-of-birth", 75, 0, False),
        (
            "- Care leaver records: until the 75th anniversary of the date of birth",
            "date-of-birth",
            75,
            0,
            False,
        ),
        ("- Care leaver records: 75 years after the case is closed", "case-closure", 75, 0, False),
        ("- Care leaver records: closure + 75 years", "case-closure", 75, 0, False),
        (
            "- Care leaver records: for 100 years from the date of the adoption order",
            "adoption-order",
            100,
            0,
            False,
        ),
        ("- Care leaver records: 6 years after the last contact", "last-contact", 6, 0, False),
        (
            "- Care leaver records: for 15 years from when the record was created",
            "record-created",
            15,
            0,
            False,
        ),
        (
            "- Care leaver records: 3 years after the young person leaves care",
            "leaving-care",
            3,
            0,
            False,
        ),
        ("- Care leaver records: 8 years after death", "death", 8, 0, False),
        (
            "- Care leaver records: at least 100 years from the adoption order",
            "adoption-order",
            100,
            0,
            True,
        ),
        (
            "- Care leaver records: a minimum of 100 years from the adoption order",
            "adoption-order",
            100,
            0,
            True,
        ),
        ("- Care leaver records: 6 months after the case is closed", "case-closure", 0, 6, False),
        (
            "- Care leaver records: 2 years and 6 months after the case is closed",
            "case-closure",
            2,
            6,
            False,
        ),
        ("- Care leaver records: 18 months after closure", "case-closure", 1, 6, False),
        ("- Care leaver records: seventy-five years after closure", "case-closure", 75, 0, False),
        (
            "- Care leaver records: one hundred years after the adoption order",
            "adoption-order",
            100,
            0,
            False,
        ),
    ],
)
def test_each_way_of_stating_a_period_is_read(text, trigger, years, months, is_minimum):
    (period,) = retention(text)
    assert (period.trigger, period.years, period.months, period.is_minimum) == (
        trigger,
        years,
        months,
        is_minimum,
    )
    assert (period.record_type, period.record_kind) == (
        "Care leaver records",
        "care-leaver-records",
    )
    assert period.text == text.removeprefix("- ")


@pytest.mark.parametrize(
    ("text", "record_type", "record_kind"),
    [
        (
            "Adoption records are kept for 100 years from the adoption order.",
            "Adoption records",
            "adoption-records",
        ),
        (
            "In line with the law, case records of children in care will be kept until their 75th "
            "birthday.",
            "Case records of children in care",
            "looked-after-case-records",
        ),
        (
            "We keep child protection records until the child's 40th birthday.",
            "Child protection records",
            "child-protection-records",
        ),
        ("- LAC files: until their 75th birthday", "LAC files", "looked-after-case-records"),
        (
            "- Looked after children: DOB + 75 years",
            "Looked after children",
            "looked-after-case-records",
        ),
        ("- Complaint files: 6 years after closure", "Complaint files", None),
    ],
)
def test_the_record_type_is_the_subject_and_matched_to_the_record_kinds(
    text, record_type, record_kind
):
    (period,) = retention(text)
    assert (period.record_type, period.record_kind) == (record_type, record_kind)


def test_a_pronoun_subject_takes_its_record_type_from_the_heading_above():
    (period,) = retention(
        "### Adoption records\n\nThey are kept for 100 years from the adoption order."
    )
    assert (period.record_type, period.record_kind, period.trigger) == (
        "Adoption records",
        "adoption-records",
        "adoption-order",
    )


def test_a_three_column_table_is_read_across_the_row():
    (period,) = retention(
        "| Record | Period | Counted from |\n|---|---|---|\n"
        "| Adoption records | 100 years | the adoption order |"
    )
    assert (period.record_type, period.years, period.trigger) == (
        "Adoption records",
        100,
        "adoption-order",
    )
    assert period.text == "Adoption records | 100 years | the adoption order"


@pytest.mark.parametrize(
    "text",
    [
        "- Emails: 6 years",
        "- Camera recordings: 30 days",
        "We keep records for a long time.",
        "- Adoption records: for as long as the law requires",
    ],
)
def test_a_period_without_a_readable_duration_and_event_is_not_guessed(text):
    assert retention(text) == []


def test_periods_are_found_outside_the_retention_section_only_in_text_about_keeping_records():
    assert retention("Care leavers can have a personal adviser until they are 25.", "Support") == []
    (period,) = retention(
        "Adoption records are kept for 100 years after the adoption order.", "Your rights"
    )
    assert period.record_type == "Adoption records"


def test_two_periods_in_one_item_give_two_rows():
    periods = retention(
        "- Child in need records: 30 years from date of birth, or 10 years after the case closes"
    )
    assert [(p.record_type, p.trigger, p.years) for p in periods] == [
        ("Child in need records", "date-of-birth", 30),
        ("Child in need records", "case-closure", 10),
    ]


def test_the_same_period_stated_twice_is_kept_once():
    periods = retention(
        "- Adoption records: 100 years from the adoption order\n\n"
        "| Record | Period |\n|---|---|\n| Adoption records | 100 years from the adoption order |"
    )
    assert len(periods) == 1


def test_an_implausible_number_of_years_is_not_read():
    assert retention("- Adoption records: 2025 years after the adoption order") == []


# --- Lawful bases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "provisions"),
    [
        ("Article 6(1)(e)", ("A6-1-e",)),
        ("6(1)(c)", ("A6-1-c",)),
        ("Article 6 1 e", ("A6-1-e",)),
        ("UK GDPR Art. 6.1.b", ("A6-1-b",)),
        ("Article 9(2)(g)", ("A9-2-g",)),
        ("9(2)(h)", ("A9-2-h",)),
        ("Article 10", ("A10",)),
        ("Article 9(2)(g) and (h)", ("A9-2-g", "A9-2-h")),
        ("Articles 6(1)(e) and 9(2)(j)", ("A6-1-e", "A9-2-j")),
        ("Article 6(1)(c), (e) and (a)", ("A6-1-c", "A6-1-e", "A6-1-a")),
    ],
)
def test_lawful_bases_are_read_in_each_way_they_are_cited(text, provisions):
    assert parse(f"## Our lawful basis\n\nWe rely on {text}.").lawful_bases == provisions


@pytest.mark.parametrize(
    "text",
    [
        "Article 6(1)(z)",
        "Article 6(2)(e)",
        "Article 9(2)(d)",  # not among the provisions a council may rely on here
        "Article 9",
        "Article 100",
        "section 6(1)(c) of the Children Act",
        "regulation 9(2)(g)",
    ],
)
def test_provisions_that_do_not_exist_or_cite_other_laws_are_ignored(text):
    assert parse(f"## Our lawful basis\n\nWe rely on {text}.").lawful_bases == ()


def test_bases_named_in_a_list_under_a_lead_in_or_a_lawful_basis_heading_are_read():
    parsed = parse(
        "## Why we use it\n\nThe lawful bases we rely on are:\n\n- legal obligation\n"
        "- public task\n\n## Lawful basis for special category data\n\nThis is done in "
        "line with Article 9, for reasons of substantial public interest and the provision of "
        "health or social care.\n\n## How long we keep it\n\nWe have a legal obligation to "
        "keep some records."
    )
    assert parsed.lawful_bases == ("A6-1-c", "A6-1-e", "A9-2-g", "A9-2-h")


def test_lawful_bases_keep_document_order_without_repeats():
    markdown = (
        "Intro cites Article 10.\n\n## A\n\nArticle 6(1)(e), then 6(1)(c).\n\n"
        "## B\n\nArticle 10 and Article 6(1)(e)."
    )
    assert parse(markdown).lawful_bases == ("A10", "A6-1-e", "A6-1-c")


# --- Contacts -------------------------------------------------------------------------------


def contacts(markdown: str) -> FoundContacts:
    return parse(markdown).contacts


@pytest.mark.parametrize(
    ("phone_text", "phone"),
    [
        ("01632 960000", "01632 960000"),
        ("020 7946 0000", "020 7946 0000"),
        ("+44 1632 960000", "+44 1632 960000"),
        ("+44 (0)1632 960 000", "+44 (0)1632 960 000"),
        ("[01632 960000](tel:01632960000)", "01632 960000"),
    ],
)
def test_uk_phone_numbers_are_found(phone_text, phone):
    assert contacts(f"## Contact us\n\nCall {phone_text}.").controller_phone == phone


def test_a_contact_detail_goes_to_the_dpo_when_its_paragraph_names_the_dpo():
    found = contacts(
        "## Contact us\n\nCall the council on 01632 960100.\n\n"
        "Our Data Protection Officer is on 01632 960200 and at privacy@oakhollow.example."
    )
    assert (found.controller_phone, found.dpo_phone, found.dpo_email) == (
        "01632 960100",
        "01632 960200",
        "privacy@oakhollow.example",
    )
    assert found.dpo_name == "Data Protection Officer"


def test_a_contact_detail_goes_to_the_dpo_when_its_heading_names_the_dpo():
    found = contacts("## Contact\n\n### Our DPO\n\nEmail office@oakhollow.example.")
    assert (found.dpo_email, found.controller_email) == ("office@oakhollow.example", "")


def test_a_dpo_mailbox_is_the_dpos_wherever_it_is():
    found = contacts("## Contact us\n\nWrite to dpo@oakhollow.example or info@oakhollow.example.")
    assert (found.dpo_email, found.controller_email) == (
        "dpo@oakhollow.example",
        "info@oakhollow.example",
    )


def test_a_dpo_name_and_address_over_several_lines():
    found = contacts(
        "## Contact us\n\nEnquiries should be addressed to:\n\n"
        "**Schools Data Protection Officer**, Civic Centre, Mill Lane, Oakhollow, OH3 9ZZ"
    )
    assert found.dpo_name == "Schools Data Protection Officer"
    assert (
        found.dpo_address
        == "Schools Data Protection Officer\nCivic Centre\nMill Lane\nOakhollow\nOH3 9ZZ"
    )

    lines = contacts("## Contact us\n\nData Protection Officer\nTown Hall\nOakhollow\nOH3 2PQ")
    assert lines.dpo_address == "Data Protection Officer\nTown Hall\nOakhollow\nOH3 2PQ"


def test_an_address_in_a_sentence_starts_at_its_first_line():
    found = contacts(
        "## Contact us\n\nWrite to us at Town Hall, 1 Market Square, Oakhollow OH3 2PQ."
    )
    assert found.controller_address == "Town Hall\n1 Market Square\nOakhollow OH3 2PQ"


def test_the_icos_own_contact_details_are_never_the_councils():
    found = contacts(
        "## Complaints\n\nCall the ICO helpline on 0303 123 1113 or +44 303 123 1113, email "
        "casework@ico.org.uk, or write to Wycliffe House, Water Lane, Wilmslow, SK9 5AF."
    )
    assert found == FoundContacts()


def test_the_ico_registration_number_is_a_z_and_seven_characters():
    assert (
        contacts("We are registered with the ICO as ZA123456.").ico_registration_number
        == "ZA123456"
    )
    assert contacts("Registration Z1234567.").ico_registration_number == "Z1234567"
    assert contacts("ZEBRASES and Z12345 are not numbers.").ico_registration_number == ""


def test_the_first_of_each_contact_detail_is_kept():
    found = contacts("Email one@oakhollow.example.\n\n## More\n\nEmail two@oakhollow.example.")
    assert found.controller_email == "one@oakhollow.example"


def test_contact_details_in_the_shared_dfe_text_are_not_the_councils():
    markdown = (
        "## The National Pupil Database\n\nWrite to the Department for Education's data team at "
        "data.team@education.example or call 0370 000 2288, Sanctuary Buildings, London SW1P 3BT."
    )
    assert parse(markdown, block=BLOCK).contacts == FoundContacts()
    assert parse(markdown).contacts.controller_email == "data.team@education.example"


def test_nothing_but_the_drift_is_read_from_the_shared_dfe_text():
    markdown = (
        "## The National Pupil Database\n\nCouncils rely on Article 6(1)(c). DfE keeps records "
        "for 50 years after they are created.\n\n### Who DfE shares it with\n\n- Researchers\n"
        "- Police"
    )
    parsed = parse(markdown, block=BLOCK)
    assert len(parsed.shared_text) == 1
    assert (parsed.lawful_bases, parsed.retention_periods, parsed.recipients) == ((), (), ())


# --- Shared DfE/NPD text --------------------------------------------------------------------


def test_without_a_shared_block_no_section_is_taken_for_shared_text():
    parsed = parse(FULL_NOTICE)
    assert parsed.shared_text == ()
    assert [section.heading for section in parsed.sections][-2:] == [
        "The returns councils send",
        "The National Pupil Database",
    ]


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("National Pupil Database", "The National Pupil Database"),  # alike by difflib
        ("The returns that councils send", "The returns councils send"),
        ("Asking the DfE for your data", "Asking the Department for Education for your data"),
    ],
)
def test_a_heading_like_a_block_parts_heading_is_that_part(heading, part):
    (match,) = parse(f"## {heading}\n\nSome text.", block=BLOCK).shared_text
    assert match.block_part_heading == part
    assert match.has_drifted is True


def test_the_whole_block_under_one_heading_is_aligned_part_by_part_never_with_the_whole():
    whole = BLOCK["introduction"] + "".join(
        f"\n\n### {part['heading']}\n\n{part['body']}" for part in BLOCK["parts"]
    )
    parsed = parse(f"## Department for Education\n\n{whole}", block=BLOCK)
    aligned = [match.block_part_heading for match in parsed.shared_text]
    assert aligned == [part["heading"] for part in BLOCK["parts"]]
    # The parts copied word for word are identical; the block's introduction, which belongs to
    # no part, shows as added to the first part it is like.
    assert [match.has_drifted for match in parsed.shared_text[1:]] == [False] * (len(aligned) - 1)
    assert parsed.sections == ()


def test_dfe_paragraphs_like_no_part_of_the_block_are_only_in_the_councils_copy():
    body = (
        "Our fostering team meets foster carers every spring to plan holidays, birthdays and "
        "weekend visits."
    )
    (match,) = parse(f"## Department for Education\n\n{body}", block=BLOCK).shared_text
    assert match.block_part_heading == ""
    assert match.imported_text == body
    assert match.drift.blocks == ()


def test_a_heading_naming_dfe_is_shared_text_compared_with_its_closest_part():
    body = (
        "The Department for Education adds the returns to the National Pupil Database, which it "
        "owns and runs. Anyone may ask to use it."
    )
    (match,) = parse(f"## How government uses your data\n\n{body}", block=BLOCK).shared_text
    assert match.block_part_heading == "The National Pupil Database"
    assert match.reason == "heading names the Department for Education or its data"


def test_the_dfe_passages_make_a_neutral_section_shared_text():
    (match,) = parse(
        "## Statistics returns\n\nWe send the children in need census every year.", block=BLOCK
    ).shared_text
    assert match.reason == "text has the DfE data collection passages"
    # Aligned with the block part it is most like, never compared with the whole block.
    assert match.block_part_heading == "The returns councils send"


def test_a_council_section_mentioning_the_dfe_returns_stays_a_section():
    parsed = parse(
        "## Who we share it with\n\n- Department for Education: the children in need census",
        block=BLOCK,
    )
    assert parsed.shared_text == ()
    assert [match.slug for match in parsed.recipients] == ["department-for-education"]


def test_a_malformed_shared_block_is_read_as_far_as_it_goes():
    block = {"title": None, "parts": [None, "text", {"heading": ""}, {"heading": "The NPD"}]}
    (match,) = parse("## The NPD\n\nText.", block=block).shared_text
    assert match.block_part_heading == "The NPD"


# --- Hostile and broken input ---------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown",
    [
        "# " + "#" * 50_000,
        "a" * 50_000 + "@",
        "0 " * 50_000,
        "|" * 50_000 + "\n|---|\n" + "|a" * 50_000,
        "Article 6 " * 20_000,
        "## How long\n\nRecords " + "a " * 50_000 + "are kept for 6 years after closure",
        "## Who we share it with\n\n- " + "(" * 50_000,
        "## Contact\n\n" + "," * 50_000 + " OH3 2PQ",
        "".join("  " * depth + "- x\n" for depth in range(2_000)),
        "## Heading\n\ntext\n\n" * 2_000,
        ">" * 50_000 + " quoted",
        "## Who we share it with\n\n- " + "(a) b " * 20_000,
        "## How long we keep it\n\n" + "until their 25th birthday, 5 years after closure " * 3_000,
        "## Lawful basis\n\n" + "Article 6(1)(e) 6(1)(e) 9(2)(g) " * 5_000,
        "## What information we collect\n\n" + "- personal details\n" * 5_000,
        "\x00\u202e\ufeff\u2028## \u0000\n\r\n\r",
    ],
)
def test_hostile_input_is_read_without_error(markdown):
    # Linear work is pinned by size here; its time is measured by make bench-hostile.
    parsed = parse(markdown, block=BLOCK)
    assert isinstance(parsed, ParsedNotice)
