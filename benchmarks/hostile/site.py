"""A throwaway demo site for the cases that go through Django: a fresh SQLite file, migrated and
loaded with the demo councils, outside the measured part of a case."""

import os
import tempfile
from pathlib import Path


def configure_django() -> None:
    """Point Django at a new SQLite file with the test settings, and set it up."""
    directory = Path(tempfile.mkdtemp(prefix="hostile-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'db.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
    import django

    django.setup()


def demo_site() -> None:
    """Migrate and load the demo councils into the configured database."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)


def signed_in_client(username: str = "admin"):
    """A test client signed in as one of the demo's users."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client
