"""Who may do what. Every permission question the admin and the views ask is answered here.

Today: staff use the admin under Django's model permissions; whoever may change a notice may
publish it; only superusers (national maintainers) change and publish the shared DfE/NPD block,
which every council's notice carries.
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


def can_publish_shared_block(user: User) -> bool:
    return can_edit_shared_block(user)


def can_view_draft(user: User) -> bool:
    """Drafts (and their previews and published-version lists in the admin) are for staff who
    may see notices in the admin."""
    return bool(is_active_staff(user) and user.has_perm("notices.view_notice"))


def can_edit_draft(user: User) -> bool:
    return bool(is_active_staff(user) and user.has_perm("notices.change_notice"))


def can_publish_notice(user: User) -> bool:
    """Publishing makes the draft public for good. Until council roles exist, anyone who may
    change notices may publish them."""
    return can_edit_draft(user)


def can_restore_version(user: User) -> bool:
    """Restoring copies a published version over the draft: an edit of the draft."""
    return can_edit_draft(user)
