"""The national-part recogniser across nations: a Welsh or Scottish notice's national text is
recognised, and aligned with its own nation's block, never England's."""

from pathlib import Path

import pytest

from notices.importing.drafting import import_notice_file
from notices.importing.json_report import report_json
from notices.importing.national_blocks import has_national_passages, names_a_national_body
from notices.models import SharedBlock

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = pytest.mark.django_db


def import_into(slug: str, fixture: str):
    from councils.models import Council

    council = Council.objects.get(slug=slug)
    data = (FIXTURES / fixture).read_bytes()
    report = import_notice_file(
        council=council, data=data, filename=fixture, by=None, replace=True, dry_run=True
    )
    return report, report_json(report, nation=council.nation)


def part_anchors(nation: str) -> set[str]:
    return set(SharedBlock.objects.get(nation=nation).parts.values_list("anchor", flat=True))


def test_a_welsh_notices_national_text_aligns_with_the_welsh_block(demo):
    report, document = import_into("glanyrafon", "welsh_notice.md")

    national = {part["heading"]: part["aligned_to"] for part in document["national_parts"]}
    assert set(national) == {
        "What we send to the Welsh Government",
        "Research using the SAIL Databank",
    }
    assert national["What we send to the Welsh Government"] == "what-we-send-to-welsh-government"
    assert national["Research using the SAIL Databank"] == "sail-databank"
    assert set(national.values()) <= part_anchors("wales")
    headings = {section.heading for section in report.parsed.sections}
    assert "What we send to the Welsh Government" not in headings
    assert "Why we use your information" in headings


def test_a_scottish_notices_national_text_aligns_with_the_scottish_block(demo):
    report, document = import_into("strathmorven", "scottish_notice.md")

    national = {part["heading"]: part["aligned_to"] for part in document["national_parts"]}
    assert national == {
        "What we send to the Scottish Government": "what-we-send-to-scottish-government",
        "Asking the Scottish Government what it holds": "asking-scottish-government-for-your-data",
    }
    assert not set(national.values()) & part_anchors("england")


def test_the_recogniser_knows_the_welsh_and_scottish_bodies_and_collections():
    assert names_a_national_body("what we send to the welsh government")
    assert names_a_national_body("how the scottish government uses it")
    assert not names_a_national_body("how we use your information")
    assert has_national_passages("records are linked in the sail databank")
    assert has_national_passages("we send returns through scotxed")
    assert has_national_passages("the welsh government census of children")
    assert not has_national_passages("we keep records for 75 years")
