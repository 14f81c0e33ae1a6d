"""The demo content files (notices/demo/councils, libraries, shared-block): what they hold, the
database they load into, and the clear errors a malformed file gives.

The files were written from the Python literals they replaced; a test compared the two before the
literals went, and a JSON dump of every row after `load_demo` was the same from both. The row
counts below pin that database."""

from pathlib import Path

import pytest
from django.apps import apps

from notices.demo import content as demo_content
from notices.demo import reader
from notices.demo.history import DRAFT, Change, DemoHistoryError, Remove, read_history, section
from notices.demo.loading import load_demo_data

# Five English councils, then a Welsh and a Scottish one (each with its nation's block).
LOADED_ROWS = {
    "councils.Council": 7,
    "councils.CouncilMembership": 0,
    "notices.SharedBlock": 3,
    "notices.SharedBlockPart": 18,
    "notices.DataCategory": 18,
    "notices.Recipient": 22,
    "notices.RecordKind": 8,
    "notices.Notice": 7,
    "notices.Section": 92,
    "notices.NoticeDataCategory": 76,
    "notices.NoticeRecipient": 71,
    "notices.LawfulBasis": 39,
    "notices.RetentionPeriod": 34,
    "notices.SharedBlockVersion": 5,
    "notices.NoticeVersion": 21,
}


@pytest.mark.django_db
def test_the_files_load_the_same_rows_as_before():
    load_demo_data()
    counts = {label: apps.get_model(label).objects.count() for label in LOADED_ROWS}
    assert counts == LOADED_ROWS


def test_the_councils_come_in_their_order_with_their_notices():
    slugs = [council["slug"] for council in demo_content.COUNCILS]
    assert slugs == [
        "harrowmere",
        "brackendale",
        "kestrelford",
        "ashcombe-vale",
        "merrowgate",
        "glanyrafon",
        "strathmorven",
    ]
    harrowmere = demo_content.COUNCILS[0]
    assert harrowmere["controller_address"].splitlines()[-1] == "HM1 1CH"
    notice = harrowmere["notice"]
    assert notice["title"] == "Children's social care privacy notice"
    assert notice["last_reviewed"] == "2026-01-14"
    assert notice["sections"][0] == notice["sections"][0] | {
        "heading": "Why the Council uses your information",
        "anchor": "why-the-council-uses-information",
        "ico_item": "purposes",
    }
    assert notice["sections"][0]["body"].startswith("The law gives the Council duties")
    assert notice["young_people_summary"].startswith("This is the short version")
    # A retention row without a kind of record leaves the key out of the file: None here.
    assert notice["retention_periods"][-1]["record_kind"] is None


def test_section_bodies_keep_their_own_subheadings():
    brackendale = demo_content.COUNCILS[1]["notice"]
    tool = next(s for s in brackendale["sections"] if s["anchor"] == "referral-triage-tool")
    assert "### What the tool looks at" in tool["body"]
    assert len(brackendale["sections"]) == 13


def test_the_libraries_and_the_shared_block():
    assert len(demo_content.DATA_CATEGORIES) == 18
    assert demo_content.DATA_CATEGORIES[0]["slug"] == "personal-details"
    assert demo_content.RECIPIENTS[0]["kind"] == "government"
    block = demo_content.SHARED_BLOCK
    assert block["introduction"] and "{#" not in block["introduction"]
    assert [part["anchor"] for part in block["parts"]] == [
        "what-we-send-to-dfe",
        "why-dfe-needs-it",
        "law-behind-dfe-sharing",
        "national-pupil-database",
        "how-dfe-shares-data",
        "asking-dfe-for-your-data",
    ]


def test_a_history_file_reads_into_steps_and_edits():
    history = read_history(reader.COUNCILS_DIR / "ashcombe-vale" / "history.toml")
    first, review = history.steps
    assert first.change_note == "First published version." and not first.edits
    assert str(review.published_at) == "2026-04-20 11:00:00+01:00"
    change, remove, reword = review.edits
    assert isinstance(change, Change) and change.target == DRAFT
    assert change.values["review_due"] == ("2026-05-27", "2027-04-20")
    assert isinstance(remove, Remove) and remove.after == "voluntary-and-advocacy-organisations"
    assert reword.target == section("how-we-collect-information")
    kestrelford = read_history(reader.COUNCILS_DIR / "kestrelford" / "history.toml")
    assert kestrelford.unpublished[0].new == "which we review every two years."


# --- Malformed files -------------------------------------------------------------------------

GOOD_FRONT = '+++\n[council]\nslug = "x"\n[notice]\nlast_reviewed = "2026-01-01"\n'
GOOD_FRONT += 'review_due = "2027-01-01"\n+++\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "front matter"),
        ("# Title\n\nNo front matter.\n", "front matter"),
        ("+++\ncouncil = [\n+++\n# T\n\nx\n", "Invalid"),
        (GOOD_FRONT + "No title.\n", "title"),
        (GOOD_FRONT + "# T\n\nIntroduction only.\n", "no '## Heading"),
        (GOOD_FRONT + "# T\n\nIntro.\n\n## Part {#part}\n\nBody.\n", "young-people"),
        ("+++\n\x00\n+++\n# T\n\nx\n", "Invalid"),
        ('+++\ntitle = "T"\n+++\n# T\n\nI.\n\n## Y {.young-people}\n\nY.\n', "tables"),
    ],
)
def test_a_malformed_notice_file_says_what_is_wrong(tmp_path: Path, text: str, message: str):
    path = tmp_path / "notice.md"
    path.write_text(text)
    with pytest.raises(reader.DemoFileError, match=message):
        reader.read_council(path)


def test_a_notice_file_that_is_not_utf8_says_so(tmp_path: Path):
    path = tmp_path / "notice.md"
    path.write_bytes(GOOD_FRONT.encode() + "# Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(reader.DemoFileError, match="UTF-8"):
        reader.read_council(path)


def test_a_council_folder_the_demo_does_not_name_is_refused(tmp_path: Path, monkeypatch):
    (tmp_path / "harrowmere").mkdir()
    (tmp_path / "harrowmere" / "notice.md").write_text(GOOD_FRONT)
    monkeypatch.setattr(reader, "COUNCILS_DIR", tmp_path)
    with pytest.raises(reader.DemoFileError, match="expected the councils"):
        reader.read_councils()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ('nudge = "draft"', "exactly one of"),
        ('add = "draft"\nremove = "draft"', "exactly one of"),
        ('add = "paragraphs/one"', "names no row"),
        ('add = "sections/"', "names no row"),
        ('change = "draft"\nyears = [1, 2, 3]', "before, after"),
        ('change = "draft"', "before, after"),
        ('reword = "draft"\nfield = "title"', "history.toml"),
    ],
)
def test_a_malformed_history_edit_says_what_is_wrong(tmp_path: Path, edit: str, message: str):
    path = tmp_path / "history.toml"
    path.write_text(
        '[[versions]]\npublished = 2025-01-01T10:00:00\nnote = "First."\n\n'
        f"[[versions.edits]]\n{edit}\n"
    )
    with pytest.raises(DemoHistoryError, match=message):
        read_history(path)


@pytest.mark.parametrize(
    "text",
    [
        "[[versions]]\npublished = 2025-01-01 10:00\n",
        '[[versions]]\npublished = "yesterday"\nnote = "First."\n',
        '[[versions]]\nnote = "First."\n',
        "",
        "versions = 3\n",
    ],
)
def test_a_history_file_that_does_not_fit_says_where(tmp_path: Path, text: str):
    path = tmp_path / "history.toml"
    path.write_text(text)
    with pytest.raises(DemoHistoryError, match="history.toml"):
        read_history(path)
