"""Test settings: the real settings with safe defaults filled in for a test run.

DATABASE_URL still decides the database, so the same suite runs on SQLite and PostgreSQL.
"""

import os

os.environ.setdefault(
    "DJANGO_SECRET_KEY", "test-only-secret-key-not-for-any-real-deployment-0123456789"
)
os.environ.setdefault("DJANGO_HTTPS", "false")
os.environ.setdefault("DJANGO_DEBUG", "false")

from config.settings import *  # noqa: E402, F403

# Hashed static names need `collectstatic`; tests check pages, not the manifest.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files straight from the finders: no `collectstatic` before a test run.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests run inside transactions that never commit, so NOTIFY is never delivered: read stamps on
# every request. notices/public/tests/test_page_cache.py turns listening on where it commits.
PUBLIC_CACHE_LISTEN = False
# Tasks run as they are enqueued; notices/printing/tests/test_pdf_worker.py runs a real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
