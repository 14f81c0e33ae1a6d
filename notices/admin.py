"""Django's admin looks for each app's ModelAdmins in `<app>.admin`; the notices app's are in
notices.authoring.admin, with the rest of the staff pages."""

from django.contrib import admin as django_admin
from django_tasks_db.models import DBTaskResult

from notices.authoring import admin  # noqa: F401

# The background queue is the engineer's, not staff's: it is read with `db_worker` and the logs,
# and no council's staff may see another council's queued work in it.
if django_admin.site.is_registered(DBTaskResult):
    django_admin.site.unregister(DBTaskResult)
