"""python manage.py flush: Django's own, allowed past the triggers that keep published versions
and the audit log (notices.models.immutability) because it empties every table at once."""

from django.core.management.commands import flush

from notices.models.immutability import emptying_whole_database


class Command(flush.Command):
    def handle(self, **options) -> None:
        with emptying_whole_database():
            super().handle(**options)
