"""Django's admin looks for each app's ModelAdmins in `<app>.admin`; the notices app's are in
notices.authoring.admin, with the rest of the staff pages."""

from notices.authoring import admin  # noqa: F401
