"""Issue 17: what the file does not say is left for the publisher, never filled with a
placeholder that would be published as the council's words."""

import pytest

from notices.importing.tests.test_drafting import council, libraries, run_import  # noqa: F401
from notices.models import RetentionPeriod

pytestmark = pytest.mark.django_db

NOTICE = """\
# Children's social care privacy notice

## How long we keep information

We keep it for 6 years after the case is closed.
"""


def test_a_retention_period_without_its_records_is_not_written_but_listed(council):  # noqa: F811
    report = run_import(council, NOTICE)
    assert [period.record_type for period in report.parsed.retention_periods] == [""]
    assert not RetentionPeriod.objects.exists()
    assert any(
        "Which records these retention periods are for" in item
        and "6 years after the case is closed" in item
        for item in report.to_check
    )
