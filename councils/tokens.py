"""Set-password links: the token in them, and how long it lasts.

Django's reset tokens already stop working once the password is set (the hash changes), on a
sign-in (the last login time) and after settings.PASSWORD_RESET_TIMEOUT. A staff link must also
die with the reason it was given: when the account is deactivated, or a council role or the
national admin role is taken away, any link printed before no longer works.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import PasswordResetTokenGenerator

from councils.models import CouncilMembership
from councils.roles import NATIONAL_GROUP_NAMES


class StaffLinkTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "councils.tokens.StaffLinkTokenGenerator"

    def _make_hash_value(self, user: AbstractBaseUser, timestamp: int) -> str:
        roles = sorted(
            f"{council_id}:{role}"
            for council_id, role in CouncilMembership.objects.filter(user=user).values_list(
                "council_id", "role"
            )
        )
        # Which national groups, so that a move between nations also ends old links.
        national = (
            ",".join(
                sorted(
                    user.groups.filter(name__in=NATIONAL_GROUP_NAMES).values_list("name", flat=True)
                )
            )
            or "False"
        )
        return "|".join(
            [
                super()._make_hash_value(user, timestamp),
                f"active={user.is_active}",
                f"national={national}",
                ",".join(roles),
            ]
        )


staff_link_tokens = StaffLinkTokenGenerator()
