"""Who may do what. Every permission question the admin and the views ask is answered here.

Today: staff use the admin under Django's model permissions, and only superusers (national
maintainers) change the shared DfE/NPD block, which every council's notice carries.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

User = AbstractBaseUser | AnonymousUser


def is_active_staff(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def can_preview_markdown(user: User) -> bool:
    """The Markdown preview endpoint renders arbitrary input, so it is for signed-in staff only."""
    return is_active_staff(user)


def can_view_shared_block(user: User) -> bool:
    return is_active_staff(user)


def can_edit_shared_block(user: User) -> bool:
    """The block is identical in every council's notice, so only national maintainers change it."""
    return bool(is_active_staff(user) and user.is_superuser)
