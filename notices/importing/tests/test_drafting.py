"""Importing a file into a council's draft: what is written, what is only reported, and every
refusal leaving the database exactly as it was."""

import pytest
from django.core.management import CommandError, call_command

from notices.importing.drafting import DraftAlreadyExists, ImportRefused, import_notice_file
from notices.importing.reading import MAX_IMPORT_BYTES
from notices.importing.tests.test_reading import make_docx, word_paragraph
from notices.models import (
    AuditEvent,
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeVersion,
    Recipient,
    RecordKind,
)
from tests.database import database_state

pytestmark = pytest.mark.django_db

# A council's notice as councils write them, in this project's own words. Its DfE section says
# something the shared block (conftest's `shared_block`) does not: the drift.
MARKDOWN_NOTICE = """\
# Ashby Vale Council: children's social care privacy notice

This notice explains how Ashby Vale Council uses information about children and families who get
help from children's social care.

## If you are a young person

We write things down about you so that we can help you and keep you safe.

## Why we use your information

We use it to find out what help a family needs, to plan care and to protect children from harm.

## What information we collect

- Health - medical needs, appointments and medicines
- Identity and contact details - names, addresses and dates of birth
- Hobbies and interests

## The law that lets us use it

We rely on Article 6(1)(e) of the UK GDPR, because this is our public task, and on
Article 9(2)(g) for special category data.

## Who we share it with

- Police - to prevent and detect crime against children
- NHS - for health assessments of children in care
- Local charities

## How long we keep it

- Looked-after children's case records: until the child's 75th birthday
- Child in need records: 25 years from the child's date of birth

## Your rights

You can ask for a copy of the information we hold about you.

## How the Department for Education uses this information

Councils must send some information to the Department for Education, which also keeps an older
national database.

## Contact us

Our Data Protection Officer: dpo@ashby-vale.example, 01632 960123.

## Complaints

You can complain to the Information Commissioner's Office on 0303 123 1113.
"""

EXPECTED_SECTIONS = [
    "Why we use your information",
    "What information we collect",
    "The law that lets us use it",
    "Who we share it with",
    "How long we keep it",
    "Your rights",
    "Contact us",
    "Complaints",
]


@pytest.fixture
def libraries(db):
    DataCategory.objects.create(slug="health", name="Health", is_special_category=True)
    DataCategory.objects.create(slug="identity", name="Identity and contact details")
    Recipient.objects.create(slug="police", name="Police", kind=Recipient.Kind.POLICE)
    Recipient.objects.create(slug="nhs", name="NHS and health services", kind=Recipient.Kind.HEALTH)
    RecordKind.objects.create(
        slug="looked-after-case-records", name="Looked-after children's case records"
    )


@pytest.fixture
def council(make_council, libraries, published_block):
    return make_council(name="Ashby Vale Council", slug="ashby-vale")


def run_import(council, data: bytes | str = MARKDOWN_NOTICE, filename="notice.md", **options):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return import_notice_file(council=council, data=data, filename=filename, by=None, **options)


def test_a_markdown_notice_becomes_a_draft_and_nothing_is_published(council):
    report = run_import(council)

    notice = Notice.objects.get(council=council)
    assert report.notice == notice and report.created_notice and not report.replaced
    assert not NoticeVersion.objects.filter(notice=notice).exists()
    assert notice.title == "Ashby Vale Council: children's social care privacy notice"
    assert "Ashby Vale Council uses information" in notice.introduction
    assert "keep you safe" in notice.young_people_summary
    assert [s.heading for s in notice.sections.order_by("position")] == EXPECTED_SECTIONS
    tags = dict(notice.sections.values_list("heading", "ico_item"))
    assert tags["Who we share it with"] == "recipients"
    assert tags["How long we keep it"] == "retention"
    assert tags["Your rights"] == "rights"
    assert tags["Complaints"] == "complaints"
    assert len(set(notice.sections.values_list("anchor", flat=True))) == len(EXPECTED_SECTIONS)


def test_library_items_are_linked_and_the_rest_are_only_proposed(council):
    report = run_import(council)
    notice = report.notice

    uses = {use.category.slug: use.detail for use in notice.data_categories.all()}
    assert set(uses) == {"health", "identity"}
    assert "appointments" in uses["health"]
    shares = {share.recipient.slug: share.purpose for share in notice.recipients.all()}
    assert set(shares) == {"police", "nhs"}
    assert "crime" in shares["police"]
    assert [m.text for m in report.category_proposals] == ["Hobbies and interests"]
    assert [m.text for m in report.recipient_proposals] == ["Local charities"]
    # Proposals never reach the shared libraries.
    assert DataCategory.objects.count() == 2 and Recipient.objects.count() == 2


def test_retention_periods_lawful_bases_and_contacts_are_read(council):
    report = run_import(council)
    notice = report.notice

    periods = {
        p.record_type: (p.trigger, p.years, p.record_kind_id and p.record_kind.slug)
        for p in notice.retention_periods.all()
    }
    assert periods["Looked-after children's case records"] == (
        "date-of-birth",
        75,
        "looked-after-case-records",
    )
    assert periods["Child in need records"][:2] == ("date-of-birth", 25)
    assert set(notice.lawful_bases.values_list("provision", flat=True)) == {"A6-1-e", "A9-2-g"}
    found = {contact.label: contact.found for contact in report.contacts}
    assert found["DPO email"] == "dpo@ashby-vale.example"
    # The council's own record is reported against, never changed by an import.
    council.refresh_from_db()
    assert council.dpo_email != "dpo@ashby-vale.example"
    assert not any("0303 123 1113" in contact.found for contact in report.contacts)


def test_the_dfe_text_is_left_to_the_shared_block_and_its_drift_reported(council):
    report = run_import(council)

    assert "How the Department for Education uses this information" not in set(
        report.notice.sections.values_list("heading", flat=True)
    )
    (match,) = report.parsed.shared_text
    assert match.has_drifted
    added = " ".join(
        segment.text
        for block in match.drift.blocks
        for segment in block.segments
        if segment.kind == "insert"
    )
    assert "older" in added
    text = "\n".join(report.lines())
    assert "reworded: differs from the shared block's" in text
    assert "the council's copy says" in text or "the council's copy adds" in text
    assert "{+" in text


def test_the_report_names_what_is_still_missing_from_the_checklist(council):
    report = run_import(council)
    lines = "\n".join(report.lines())
    assert "Sections found (8)" in lines
    assert "Hobbies and interests" in lines
    assert report.completeness is not None
    assert "ICO checklist items still missing:" in lines
    assert any("Schedule 1 of the Data Protection Act 2018" in item for item in report.to_complete)
    assert "To complete: Data Protection Act 2018 Schedule 1 conditions" in lines


def test_an_import_is_audited_as_a_draft_change(council):
    run_import(council)
    event = AuditEvent.objects.get(council=council)
    assert event.action == AuditEvent.Action.DRAFT_CREATED
    assert "Imported from notice.md" in event.summary


def test_a_dry_run_reports_everything_and_writes_nothing(council):
    before = database_state()
    report = run_import(council, dry_run=True)
    assert database_state() == before
    assert report.notice is None and report.dry_run
    assert [s.heading for s in report.parsed.sections] == EXPECTED_SECTIONS
    assert report.completeness is not None
    assert "Dry run: nothing was written." in report.lines()


def test_an_existing_draft_is_replaced_only_when_asked(council, make_notice, publish):
    notice = make_notice(council=council)
    publish(notice)
    before = database_state()

    with pytest.raises(DraftAlreadyExists):
        run_import(council)
    assert database_state() == before

    report = run_import(council, replace=True)
    notice.refresh_from_db()
    assert report.replaced and notice.revision > 0
    assert [s.heading for s in notice.sections.order_by("position")] == EXPECTED_SECTIONS
    # The published version is untouched.
    assert notice.versions.get().snapshot["sections"][0]["heading"] == "Why we use your information"
    assert notice.versions.count() == 1


def test_a_word_document_is_imported(council):
    data = make_docx(
        [
            word_paragraph("Ashby Vale Council privacy notice", "Title"),
            word_paragraph("How we use information about children."),
            word_paragraph("Why we use your information", "Heading1"),
            word_paragraph("To keep children safe."),
            word_paragraph("Your rights", "Heading1"),
            word_paragraph("You can ask for a copy of your records."),
        ]
    )
    report = run_import(council, data, filename="notice.docx")
    assert report.format == "docx"
    assert [s.heading for s in report.notice.sections.order_by("position")] == [
        "Why we use your information",
        "Your rights",
    ]


def test_a_web_page_with_a_script_is_never_stored_unsanitised(council):
    page = (
        "<html><head><title>Privacy</title><script>steal()</script></head><body>"
        "<nav><a href='/'>Home</a></nav><main><h1>Privacy notice</h1><p>Intro.</p>"
        "<h2>Why we use your information</h2><p onclick='steal()'>To help.<script>steal()"
        "</script></p><h2>Your rights</h2><p><a href='javascript:steal()'>Ask</a> us.</p>"
        "</main><footer>Footer links</footer></body></html>"
    )
    report = run_import(council, page, filename="notice.html")
    stored = " ".join(
        [report.notice.introduction]
        + [f"{s.heading} {s.body}" for s in report.notice.sections.all()]
    )
    for hostile in ("<script", "steal()", "javascript:", "onclick", "Footer links", "Home"):
        assert hostile not in stored


def test_a_windows_1252_text_notice_is_read(council):
    text = (
        "Ashby Vale Council privacy notice\n\nHow we use information.\n\n"
        "1. Why we use your information\n\nWe keep children safe \u2013 it costs \u00a30.\n\n"
        "2. Your rights\n\nYou can ask for a copy of what we hold.\n"
    )
    report = run_import(council, text.encode("cp1252"), filename="notice.txt")
    bodies = " ".join(report.notice.sections.values_list("body", flat=True))
    assert "\u00a30" in bodies and "\u2013" in bodies
    assert any("1252" in note for note in report.reading_notes)


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "notice.md", "empty"),
        (b"   \n\n  ", "notice.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "notice.png", "image"),
        (b"%PDF-1.7\n" + b"\x00\x01" * 32, "notice.pdf", "PDF"),
        (b"No headings here at all, just one long paragraph of text.", "notice.txt", "headings"),
    ],
)
def test_unusable_files_are_refused_and_nothing_changes(council, data, filename, message):
    before = database_state()
    with pytest.raises(ImportRefused) as refused:
        run_import(council, data, filename=filename)
    assert message.lower() in str(refused.value).lower()
    assert database_state() == before


def test_a_file_over_the_limit_is_refused_and_nothing_changes(council):
    before = database_state()
    with pytest.raises(ImportRefused) as refused:
        run_import(council, b"# Title\n\n" + b"x" * MAX_IMPORT_BYTES, filename="notice.md")
    assert "MB" in str(refused.value)
    assert database_state() == before


# The command ---------------------------------------------------------------------------------


def test_the_command_imports_and_prints_the_report(council, tmp_path, capsys):
    path = tmp_path / "notice.md"
    path.write_text(MARKDOWN_NOTICE, encoding="utf-8")
    call_command("import_notice", str(path), "--council", "ashby-vale")
    output = capsys.readouterr().out
    assert "Imported notice.md (markdown)" in output
    assert "Sections found (8)" in output
    assert Notice.objects.filter(council=council).exists()


def test_the_command_dry_run_writes_nothing(council, tmp_path, capsys):
    path = tmp_path / "notice.md"
    path.write_text(MARKDOWN_NOTICE, encoding="utf-8")
    before = database_state()
    call_command("import_notice", str(path), "--council", "ashby-vale", "--dry-run")
    assert database_state() == before
    assert "Would import" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--council", "ashby-vail"], "Did you mean: ashby-vale"),
        (["--council", "ashby-vale", "--replace"], "There is no file"),
    ],
)
def test_the_command_refuses_unknown_councils_and_missing_files(
    council, tmp_path, arguments, message
):
    path = tmp_path / ("notice.md" if "--replace" not in arguments else "missing.md")
    if "--replace" not in arguments:
        path.write_text(MARKDOWN_NOTICE, encoding="utf-8")
    before = database_state()
    with pytest.raises(CommandError, match=message):
        call_command("import_notice", str(path), *arguments)
    assert database_state() == before


def test_the_command_refuses_to_replace_a_draft_without_replace(council, make_notice, tmp_path):
    make_notice(council=council)
    path = tmp_path / "notice.md"
    path.write_text(MARKDOWN_NOTICE, encoding="utf-8")
    before = database_state()
    with pytest.raises(CommandError, match="--replace"):
        call_command("import_notice", str(path), "--council", "ashby-vale")
    assert database_state() == before


def test_the_command_refuses_a_huge_file_without_reading_it(council, tmp_path):
    path = tmp_path / "huge.md"
    with path.open("wb") as huge:
        huge.truncate(20 * 1024 * 1024)
    with pytest.raises(CommandError, match="the limit is"):
        call_command("import_notice", str(path), "--council", "ashby-vale")
    assert not Notice.objects.exists()


def test_lawful_bases_needing_a_schedule_1_condition_are_flagged(council):
    report = run_import(council)
    basis = report.notice.lawful_bases.get(provision="A9-2-g")
    assert basis.schedule_1_condition == ""
    assert basis.provision in LawfulBasis.NEEDS_SCHEDULE_1_CONDITION


def test_a_file_of_endless_headings_is_refused_before_parsing(council):
    endless = "\n\n".join(f"## Heading {number}" for number in range(400))
    before = database_state()
    with pytest.raises(ImportRefused, match="more than 300 headings"):
        run_import(council, endless)
    assert database_state() == before


def test_how_often_a_council_shares_is_kept_when_the_file_says(council):
    notice_text = MARKDOWN_NOTICE.replace(
        "- Police - to prevent and detect crime against children",
        "| Who | Why | How often |\n|---|---|---|\n"
        "| Police | To prevent and detect crime against children | Routinely |",
    )
    report = run_import(council, notice_text)
    police = report.notice.recipients.get(recipient__slug="police")
    assert police.frequency == "routinely"
    assert report.notice.recipients.get(recipient__slug="nhs").frequency == ""
    [unset] = [item for item in report.to_complete if item.startswith("How often")]
    assert "NHS" in unset
    assert "Police" not in unset
