"""Giving people roles: a council's editor or publisher, or a national admin.

Every change of role goes through here, so that a person's groups (which carry the permissions,
see councils.roles) always match their memberships, and each change is in the audit log.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import Group
from django.db import transaction

from councils import permissions
from councils.models import Council, CouncilMembership, Role
from councils.roles import NATIONAL_ADMIN_GROUP, ROLE_GROUPS


@transaction.atomic
def set_council_role(
    *, user: AbstractBaseUser, council: Council, role: str, by: AbstractBaseUser | None
) -> CouncilMembership:
    """Gives `user` the role at `council` (replacing any role they held there) and admin access."""
    from notices import audit

    role = Role(role)
    membership, created = CouncilMembership.objects.update_or_create(
        user=user, council=council, defaults={"role": role}
    )
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    sync_groups(user)
    audit.record_staff_change(
        by=by,
        council=council,
        summary=f"{user.get_username()} {'is now' if created else 'changed to'} "
        f"{role.label.lower()} at {council}.",
    )
    return membership


@transaction.atomic
def make_national_admin(*, user: AbstractBaseUser, by: AbstractBaseUser | None) -> None:
    from notices import audit

    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.add(Group.objects.get(name=NATIONAL_ADMIN_GROUP))
    permissions.forget(user)
    audit.record_staff_change(
        by=by, council=None, summary=f"{user.get_username()} is now a national admin."
    )


def sync_groups(user: AbstractBaseUser) -> None:
    """Puts the user in exactly the role groups their memberships call for; other groups (the
    national admins) are left as they are."""
    held = set(CouncilMembership.objects.for_user(user).values_list("role", flat=True))
    for role, group_name in ROLE_GROUPS.items():
        group = Group.objects.get(name=group_name)
        if role in held:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    permissions.forget(user)
