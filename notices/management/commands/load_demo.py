import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from councils.staff import StaffChangeRefused, add_staff, password_set_link, role_phrase
from notices.demo.loading import load_demo_data

ADMIN_USERNAME = "admin"
# Someone to try each council role as: (email, council slug, role).
DEMO_STAFF = [
    ("editor@harrowmere.example", "harrowmere", "editor"),
    ("dpo@harrowmere.example", "harrowmere", "publisher"),
]


class Command(BaseCommand):
    help = (
        "Load the demo councils, their notices and published histories, the shared libraries and "
        "the shared DfE/NPD block, and create a superuser. Safe to run again: what exists is left "
        "as it is."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--admin-password",
            default=os.environ.get("DEMO_ADMIN_PASSWORD", ""),
            help="Password for a newly created 'admin' superuser (default: $DEMO_ADMIN_PASSWORD, "
            "or a random one that is printed once). An existing admin's password is never changed.",
        )

    def handle(self, *args, admin_password: str, **options) -> None:
        with transaction.atomic():
            admin, admin_created, password = self._ensure_admin(admin_password)
            # The demo versions name the admin as their publisher.
            report = load_demo_data(publisher=admin)

        if report.changed_anything:
            for line in report.lines():
                self.stdout.write(line)
        else:
            self.stdout.write("Demo data already loaded; nothing changed.")

        self._show_demo_staff()

        if admin_created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin login: user '{ADMIN_USERNAME}', password '{password}'. "
                    "Change it with: python manage.py changepassword admin"
                )
            )
        else:
            self.stdout.write(
                f"Admin login: user '{ADMIN_USERNAME}' already exists; its password was left as "
                "it was (reset it with: python manage.py changepassword admin)."
            )

    def _show_demo_staff(self) -> None:
        """Gives each demo role holder their role (once) and, until they have set a password,
        prints a fresh one-time link to set it."""
        holders = []
        for email, slug, role in DEMO_STAFF:
            try:
                holders.append(
                    (add_staff(email=email, council_slug=slug, role=role, by=None), role)
                )
            except StaffChangeRefused as refusal:  # someone changed their role since: keep it
                self.stdout.write(f"Demo staff: {refusal}")
        base_url = settings.SITE_URL
        for result, role in holders:
            where = f"{role_phrase(role)} at {result.council}"
            if result.user.has_usable_password():
                self.stdout.write(f"Demo staff: {result.user.get_username()}, {where}.")
            else:
                link = password_set_link(user=result.user, base_url=base_url)
                self.stdout.write(
                    f"Demo staff: {result.user.get_username()}, {where}. Set a password: {link}"
                )

    def _ensure_admin(self, password: str) -> tuple[AbstractBaseUser, bool, str]:
        User = get_user_model()  # noqa: N806
        existing = User.objects.filter(username=ADMIN_USERNAME).first()
        if existing is not None:
            return existing, False, ""
        password = password or secrets.token_urlsafe(12)
        admin = User.objects.create_superuser(username=ADMIN_USERNAME, email="", password=password)
        return admin, True, password
