"""python manage.py add_staff EMAIL --council SLUG --role editor|publisher
python manage.py add_staff EMAIL --national

Gives a person a staff role, making their account if need be, and prints a one-time link where
they set their own password. The rules are in councils.staff.add_staff; this only speaks.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.timesince import timeuntil

from councils.models import Nation
from councils.staff import (
    AddStaffResult,
    StaffChangeRefused,
    add_staff,
    password_set_link,
    role_phrase,
)


class Command(BaseCommand):
    help = (
        "Gives a person a role: editor or publisher at a council, or national admin. Makes "
        "their account if they have none, and prints a one-time link to set their password."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="Their email address; also their username.")
        parser.add_argument("--council", metavar="SLUG", help="The council's slug.")
        parser.add_argument("--role", help="editor or publisher, at --council.")
        parser.add_argument(
            "--national",
            action="store_true",
            help="Make them a national admin (every council, shared content, staff accounts).",
        )
        parser.add_argument(
            "--nation",
            choices=Nation.values,
            help="With --national: a national admin who changes only this nation's shared block.",
        )
        parser.add_argument(
            "--change-role",
            action="store_true",
            help="Replace the role they already hold at --council with --role.",
        )
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help=f"The site's address, for the link (default: DJANGO_SITE_URL, now "
            f"{settings.SITE_URL}).",
        )

    def handle(
        self,
        *args,
        email: str,
        council: str | None,
        role: str | None,
        national: bool,
        nation: str | None,
        change_role: bool,
        base_url: str,
        **options,
    ) -> None:
        try:
            # No signed-in person runs a command: the audit log records it as done by nobody.
            result = add_staff(
                email=email,
                council_slug=council,
                role=role,
                national=national or nation is not None,
                nation=nation,
                change_role=change_role,
                by=None,
            )
        except StaffChangeRefused as refusal:
            raise CommandError(str(refusal)) from None
        self._report(result)
        self._print_link(result, base_url)

    def _report(self, result: AddStaffResult) -> None:
        username = result.user.get_username()
        if result.created:
            self.stdout.write(f"Made a staff account for {username}.")
        else:
            self.stdout.write(f"Found the existing account {username}.")
        if result.reactivated:
            self.stdout.write(self.style.WARNING(f"{username} was deactivated: reactivated it."))
        where = f" at {result.council}" if result.council else ""
        if not result.role_changed:
            self.stdout.write(
                f"{username} is already {role_phrase(result.role)}{where}: their role is "
                "unchanged. Here is a fresh link all the same."
            )
        elif result.previous_role:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{username} was {role_phrase(result.previous_role)}{where} and is now "
                    f"{role_phrase(result.role)}."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{username} is now {role_phrase(result.role)}{where}.")
            )

    def _print_link(self, result: AddStaffResult, base_url: str) -> None:
        link = password_set_link(user=result.user, base_url=base_url)
        now = timezone.localtime()
        expires = now + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
        if result.user.has_usable_password():
            how = (
                "They already have a password and sign in with it as before. If they need a new "
                "one, send them this link to set it."
            )
        else:
            how = "Send them this link to set their password."
        self.stdout.write(
            f"\n{how} It works once, and only for {timeuntil(expires, now)}, until "
            f"{expires:%d %B %Y %H:%M %Z}. Anyone with it can set the password, so send it to "
            "them alone.\n"
        )
        self.stdout.write(f"  {link}")
