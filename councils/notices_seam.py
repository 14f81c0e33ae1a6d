"""The one place the councils app reaches into notices: the input policy and the audit log.

A council's text fields follow the same input policy as every other staff text
(notices.text.input_policy), so councils/models.py takes its validators from here. Changes to a
council's details and to who holds a role there go into the same audit log as the changes to its
notice (notices.models.AuditEvent, written by notices.publishing.audit), so that a council's
publishers read one log. Everything else runs the other way: notices builds on councils, and
nothing else in councils imports from notices (tests/test_architecture.py checks).

The audit functions are imported when first called: notices' models build on councils' models,
which import this module for their validators.
"""

from typing import Any

from notices.text.input_policy import single_line_text, staff_text


def admin_change_text(*args: Any, **kwargs: Any) -> str:
    from notices.publishing.audit import admin_change_text

    return admin_change_text(*args, **kwargs)


def record_council_change(*args: Any, **kwargs: Any) -> Any:
    from notices.publishing.audit import record_council_change

    return record_council_change(*args, **kwargs)


def record_staff_change(*args: Any, **kwargs: Any) -> Any:
    from notices.publishing.audit import record_staff_change

    return record_staff_change(*args, **kwargs)


__all__ = [
    "admin_change_text",
    "record_council_change",
    "record_staff_change",
    "single_line_text",
    "staff_text",
]
