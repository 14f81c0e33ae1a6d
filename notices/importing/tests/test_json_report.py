"""`import_notice --json`: the report as one JSON object, and a dry run that writes nothing."""

import json

import pytest
from django.core.management import CommandError, call_command

from notices.importing.tests.corpus import bad_inputs
from notices.importing.tests.test_drafting import MARKDOWN_NOTICE
from notices.models import DataCategory, Recipient, RecordKind
from tests.database import database_state

pytestmark = pytest.mark.django_db

KEYS = {
    "title",
    "introduction",
    "young_people_summary",
    "sections",
    "data_categories",
    "recipients",
    "lawful_bases",
    "retention_periods",
    "national_parts",
    "not_imported",
    "drift",
}


@pytest.fixture
def council(make_council, published_block):
    DataCategory.objects.create(slug="health", name="Health", is_special_category=True)
    Recipient.objects.create(slug="police", name="Police", kind=Recipient.Kind.POLICE)
    RecordKind.objects.create(
        slug="looked-after-case-records", name="Looked-after children's case records"
    )
    return make_council(name="Ashby Vale Council", slug="ashby-vale")


def run_json(tmp_path, capsys, data: bytes, *extra: str, name: str = "notice.md") -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    call_command("import_notice", str(path), "--council", "ashby-vale", "--json", *extra)
    return json.loads(capsys.readouterr().out)


def test_a_dry_run_prints_one_json_object_and_writes_nothing(council, tmp_path, capsys):
    before = database_state()
    report = run_json(tmp_path, capsys, MARKDOWN_NOTICE.encode(), "--dry-run")

    assert database_state() == before
    assert set(report) == KEYS
    assert report["title"] == "Ashby Vale Council: children's social care privacy notice"
    sections = {section["heading"]: section["ico_item"] for section in report["sections"]}
    assert sections["Who we share it with"] == "recipients"
    assert sections["How long we keep it"] == "retention"
    assert {"name": "Police", "matched_to": "police"} in report["recipients"]
    assert {"name": "Local charities", "proposed": "Local charities"} in report["recipients"]
    assert {"name": "Health", "matched_to": "health"} in report["data_categories"]
    assert report["lawful_bases"] == ["A6-1-e", "A9-2-g"]
    kept = {(p["record_kind"], p["trigger"], p["years"]) for p in report["retention_periods"]}
    assert ("looked-after-case-records", "date-of-birth", 75) in kept


def test_the_dfe_part_is_aligned_and_its_drift_listed(council, tmp_path, capsys):
    report = run_json(tmp_path, capsys, MARKDOWN_NOTICE.encode(), "--dry-run")

    [part] = report["national_parts"]
    assert part["heading"] == "How the Department for Education uses this information"
    assert part["status"] == "reworded"
    [drift] = [entry for entry in report["drift"] if entry["status"] == "reworded"]
    assert drift["heading"] == part["heading"]
    assert drift["aligned_to"] == part["aligned_to"]
    assert any("{+" in change or "[-" in change for change in drift["changes"])
    assert drift["says"] and all(line.startswith("the council's copy") for line in drift["says"])
    # Every other part of the block is listed once, as only in the shared block.
    others = [entry for entry in report["drift"] if entry is not drift]
    assert {entry["status"] for entry in others} <= {"only in the shared block"}
    assert part["aligned_to"] not in {entry["aligned_to"] for entry in others}


def test_without_dry_run_the_json_reports_what_was_written(council, tmp_path, capsys):
    report = run_json(tmp_path, capsys, MARKDOWN_NOTICE.encode())

    assert council.notices.get().sections.count() == len(report["sections"])


@pytest.mark.parametrize("case", bad_inputs(), ids=lambda case: case.name)
def test_bad_input_is_refused_in_words_and_writes_nothing(council, tmp_path, case):
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    before = database_state()
    with pytest.raises(CommandError, match=case.message):
        call_command("import_notice", str(path), "--council", "ashby-vale", "--json", "--dry-run")
    assert database_state() == before
