"""Giving people roles: a council's editor or publisher, or a national admin.

Every change of role goes through here, so that a person's groups (which carry the permissions,
see councils.roles) always match their memberships, and each change is in the audit log.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from councils import notices_seam, permissions
from councils.directory import UnknownCouncil, council_by_slug
from councils.models import Council, CouncilMembership, Nation, Role
from councils.roles import (
    NATION_ADMIN_GROUPS,
    NATIONAL_ADMIN_GROUP,
    NATIONAL_GROUP_NAMES,
    ROLE_GROUPS,
)
from councils.tokens import staff_link_tokens


@transaction.atomic
def set_council_role(
    *, user: AbstractBaseUser, council: Council, role: str, by: AbstractBaseUser | None
) -> CouncilMembership:
    """Gives `user` the role at `council` (replacing any role they held there) and admin access."""
    role = Role(role)
    membership, created = CouncilMembership.objects.update_or_create(
        user=user, council=council, defaults={"role": role}
    )
    _give_admin_access(user)
    sync_groups(user)
    notices_seam.record_staff_change(
        by=by,
        council=council,
        summary=f"{user.get_username()} {'is now' if created else 'changed to'} "
        f"{role.label.lower()} at {council}.",
    )
    return membership


@transaction.atomic
def make_national_admin(
    *, user: AbstractBaseUser, by: AbstractBaseUser | None, nation: str | None = None
) -> None:
    """A UK-wide national admin, or (given `nation`) one who changes only that nation's shared
    block."""
    _give_admin_access(user)
    group_name = NATIONAL_ADMIN_GROUP if nation is None else NATION_ADMIN_GROUPS[nation]
    user.groups.add(Group.objects.get(name=group_name))
    permissions.forget(user)
    where = "" if nation is None else f" for {Nation(nation).label}"
    notices_seam.record_staff_change(
        by=by, council=None, summary=f"{user.get_username()} is now a national admin{where}."
    )


def _give_admin_access(user: AbstractBaseUser) -> None:
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


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


@transaction.atomic
def remove_council_role(*, membership: CouncilMembership, by: AbstractBaseUser | None) -> None:
    """Takes away a person's role at a council. Their account stays: it may hold other roles,
    and what it published stays signed with it."""
    user, council, role = membership.user, membership.council, membership.get_role_display()
    membership.delete()
    sync_groups(user)
    notices_seam.record_staff_change(
        by=by,
        council=council,
        summary=f"{user.get_username()} is no longer {role.lower()} at {council}.",
    )


NATIONAL_ADMIN_ROLE = "national admin"


class StaffChangeRefused(Exception):
    """`add_staff` would not do what was asked; the message says why and what to do instead."""


@dataclass(frozen=True)
class AddStaffResult:
    user: AbstractBaseUser
    created: bool
    reactivated: bool
    # The role they hold now ("editor", "publisher" or "national admin") and, when it replaced
    # another at the same council, that one. `role_changed` is False when they held it already.
    role: str
    role_changed: bool
    previous_role: str | None = None
    council: Council | None = None


@transaction.atomic
def add_staff(
    *,
    email: str,
    council_slug: str | None = None,
    role: str | None = None,
    national: bool = False,
    nation: str | None = None,
    change_role: bool = False,
    by: AbstractBaseUser | None,
) -> AddStaffResult:
    """Gives the person with this email a role (a council's editor or publisher, or national
    admin), making their account first if they have none. Everything is checked before anything
    is written, and it all happens in one transaction, so a refusal changes nothing.

    Their account is found by email (any case) or by username (the lower-cased email). A new
    account has no usable password: they set one through `password_set_link()`.
    """
    email = _normalise_email(email)
    council = _check_role_request(council_slug=council_slug, role=role, national=national)
    user, created = _find_or_build_user(email)
    if not created:
        # Locks the person's row, so two runs at once cannot both grant.
        user = type(user)._default_manager.select_for_update().get(pk=user.pk)

    previous_role = None
    if council is not None:
        if _is_national_admin_account(user):
            raise StaffChangeRefused(
                f"{user.get_username()} is a national admin, who already holds every "
                f"permission at every council; a council role would add nothing. Nothing was "
                f"changed."
            )
        if not created:
            previous_role = (
                CouncilMembership.objects.filter(user=user, council=council)
                .values_list("role", flat=True)
                .first()
            )
        if previous_role not in (None, role) and not change_role:
            raise StaffChangeRefused(
                f"{user.get_username()} is already {role_phrase(previous_role)} at {council}. "
                f"To make them {role_phrase(role)} there instead, run the command again with "
                f"--change-role. Nothing was changed."
            )

    reactivated = not created and not user.is_active
    if created:
        user.save()
    elif reactivated:
        user.is_active = True
        user.save(update_fields=["is_active"])
    if not user.email:
        # Found by username: record the email the role was given to.
        user.email = email
        user.save(update_fields=["email"])

    if council is not None:
        role_changed = previous_role != role or not user.is_staff
        if role_changed:
            set_council_role(user=user, council=council, role=role, by=by)
        return AddStaffResult(
            user=user,
            created=created,
            reactivated=reactivated,
            role=role,
            role_changed=role_changed,
            previous_role=previous_role if previous_role != role else None,
            council=council,
        )

    role_changed = not (_is_national_admin_account(user) and user.is_staff)
    if role_changed:
        make_national_admin(user=user, by=by, nation=nation)
    return AddStaffResult(
        user=user,
        created=created,
        reactivated=reactivated,
        role=NATIONAL_ADMIN_ROLE,
        role_changed=role_changed,
    )


def password_set_link(*, user: AbstractBaseUser, base_url: str) -> str:
    """A link where `user` sets their password. It works once: setting the password changes the
    hash the token is signed with (signing in does too, through the last login time). It also
    stops working after settings.PASSWORD_RESET_TIMEOUT seconds, and once the account is
    deactivated or its roles change (councils.tokens)."""
    path = reverse(
        "staff_set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": staff_link_tokens.make_token(user),
        },
    )
    return f"{base_url.rstrip('/')}{path}"


def role_phrase(role: str) -> str:
    """ "an editor", "a publisher", "a national admin": for messages about a role."""
    label = Role(role).label.lower() if role in Role.values else role
    return f"{'an' if label[0] in 'aeiou' else 'a'} {label}"


def _normalise_email(email: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise StaffChangeRefused(f"{email!r} is not a valid email address.") from None
    return email


def _check_role_request(
    *, council_slug: str | None, role: str | None, national: bool
) -> Council | None:
    """The council the role is at, or None for a national admin, once the request makes sense."""
    if national:
        if council_slug is not None or role is not None:
            raise StaffChangeRefused(
                "Give either --national, or --council with --role, not both: national admins "
                "already hold every permission at every council."
            )
        return None
    if council_slug is None and role is None:
        raise StaffChangeRefused(
            "Say what role to give: --council SLUG --role editor|publisher, or --national."
        )
    if council_slug is None:
        raise StaffChangeRefused("--role needs --council SLUG: the council the role is at.")
    if role is None:
        raise StaffChangeRefused(f"--council needs --role: one of {', '.join(Role.values)}.")
    if role not in Role.values:
        raise StaffChangeRefused(
            f"{role!r} is not a role. Roles: {', '.join(Role.values)} (or --national for a "
            f"national admin)."
        )
    try:
        return council_by_slug(council_slug)
    except UnknownCouncil as problem:
        raise StaffChangeRefused(str(problem)) from None


def _find_or_build_user(email: str) -> tuple[AbstractBaseUser, bool]:
    """The account for `email`, and whether it is new (built, not yet saved)."""
    User = get_user_model()
    username_field = User.USERNAME_FIELD
    matches = list(
        User._default_manager.filter(Q(email__iexact=email) | Q(**{username_field: email}))[:2]
    )
    if len(matches) > 1:
        raise StaffChangeRefused(
            f"More than one account has the email or username {email}. Merge or remove the "
            f"extra one in the admin first. Nothing was changed."
        )
    if matches:
        return matches[0], False
    user = User(**{username_field: email}, email=email, is_staff=True)
    user.set_unusable_password()
    try:
        user.full_clean()
    except ValidationError as error:
        problems = "; ".join(
            message for messages in error.message_dict.values() for message in messages
        )
        raise StaffChangeRefused(f"Cannot make an account for {email}: {problems}") from None
    return user, True


def _is_national_admin_account(user: AbstractBaseUser) -> bool:
    """Whether the account is a national admin, active or not (councils.permissions answers only
    for active staff)."""
    if user.pk is None:
        return False
    return (
        getattr(user, "is_superuser", False)
        or user.groups.filter(name__in=NATIONAL_GROUP_NAMES).exists()
    )
