"""Django's admin looks for each app's ModelAdmins in `<app>.admin`; the notices app's are in
notices.authoring.admin, with the rest of the staff pages, and the alert emails' list in
notices.alerts.admin."""

from notices.alerts import admin as alerts_admin  # noqa: F401
from notices.authoring import admin  # noqa: F401
