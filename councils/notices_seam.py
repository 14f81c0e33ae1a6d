"""The one place the councils app reaches into notices: the audit log.

Changes to a council's details and to who holds a role there go into the same audit log as the
changes to its notice (notices.models.AuditEvent, written by notices.publishing.audit), so that a
council's publishers read one log. Everything else runs the other way: notices builds on
councils, and nothing else in councils imports from notices (tests/test_architecture.py checks).
"""

from notices.publishing.audit import admin_change_text, record_council_change, record_staff_change

__all__ = ["admin_change_text", "record_council_change", "record_staff_change"]
