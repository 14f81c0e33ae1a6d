"""Who may do what to which council's data. Every such question the admin, the staff pages and
the tests ask is answered here.

- A council's staff hold a role (editor or publisher) at one or more councils through a
  CouncilMembership. What a role may do is its group's permissions (councils.roles); a person
  has those permissions only at the councils where they hold the role.
- National admins (superusers, or members of the national admins group) hold their permissions
  everywhere, and alone change the shared national blocks, the shared libraries and staff
  accounts. A national admin of one nation (its group in councils.roles.NATION_ADMIN_GROUPS)
  changes and publishes only that nation's block.
- Staff with neither see only a "no council assigned" page.

Answers are worked out once per request and kept on the user object.
"""

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group
from django.db.models import Model, QuerySet

from councils.models import Council, CouncilMembership, Nation
from councils.roles import NATION_ADMIN_GROUPS, NATIONAL_ADMIN_GROUP, ROLE_GROUPS

User = AbstractBaseUser | AnonymousUser

_CACHE = "_council_permissions_cache"


def is_active_staff(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def is_national_admin(user: User) -> bool:
    return bool(admin_nations(user))


def admin_nations(user: User) -> frozenset[str]:
    """The nations whose shared blocks the user may change: every nation for superusers and the
    UK-wide national admins group, one for a nation's own group, none for anyone else."""
    if not is_active_staff(user):
        return frozenset()
    group_names = _cached(user)["group_names"]
    if user.is_superuser or NATIONAL_ADMIN_GROUP in group_names:
        return frozenset(Nation.values)
    return frozenset(
        nation for nation, group in NATION_ADMIN_GROUPS.items() if group in group_names
    )


def council_roles(user: User) -> dict[int, str]:
    """{council id: role} for the councils where the user holds a role."""
    if not is_active_staff(user):
        return {}
    return _cached(user)["roles"]


def has_staff_role(user: User) -> bool:
    """Whether the admin has anything to show this person: a council role, or national admin."""
    return is_national_admin(user) or bool(council_roles(user))


def has_council_perm(user: User, council_id: int | None, perm: str) -> bool:
    """Whether the user holds `perm` ("app_label.codename") at that council. A null council
    stands for national data (the shared block's audit), which only national admins hold."""
    if not is_active_staff(user):
        return False
    if is_national_admin(user):
        return user.has_perm(perm)
    role = council_roles(user).get(council_id)
    return role is not None and perm in _role_permissions(user, role)


def council_ids_with_perm(user: User, perm: str) -> set[int] | None:
    """The councils where the user holds `perm`; None means every council (a national admin)."""
    if is_national_admin(user):
        return None if user.has_perm(perm) else set()
    return {
        council_id
        for council_id, role in council_roles(user).items()
        if perm in _role_permissions(user, role)
    }


def limit_to_councils(queryset: QuerySet, user: User, council_lookup: str, perm: str) -> QuerySet:
    """`queryset` cut down to rows of councils where the user holds `perm`. `council_lookup`
    leads from the model to the council's id: "council", "notice__council", or "pk" for councils
    themselves. Rows of no council are national and kept for national admins only."""
    council_ids = council_ids_with_perm(user, perm)
    if council_ids is None:
        return queryset
    return queryset.filter(**{f"{council_lookup}__in": council_ids})


def councils_with_perm(user: User, perm: str) -> QuerySet[Council]:
    return limit_to_councils(Council.objects.all(), user, "pk", perm)


# The questions the staff pages ask about one notice or council. `notice` is anything with a
# `council_id`.


def can_view_draft(user: User, notice) -> bool:
    """The draft, its preview and its list of published versions."""
    return has_council_perm(user, notice.council_id, "notices.view_notice")


def can_edit_draft(user: User, notice) -> bool:
    return has_council_perm(user, notice.council_id, "notices.change_notice")


def can_publish_notice(user: User, notice) -> bool:
    """Publishing makes the draft public for good: publishers of the notice's council only."""
    return has_council_perm(user, notice.council_id, "notices.publish_notice")


def can_submit_for_review(user: User, notice) -> bool:
    """Asking the council's publishers to check the draft: anyone who may edit it."""
    return can_edit_draft(user, notice)


def can_decide_review(user: User, notice) -> bool:
    """Approving a review publishes the draft, so only those who may publish it decide."""
    return can_publish_notice(user, notice)


def can_restore_version(user: User, notice) -> bool:
    """Restoring copies a published version over the draft: an edit of the draft."""
    return can_edit_draft(user, notice)


def can_add_notice_for(user: User, council: Council) -> bool:
    return has_council_perm(user, council.pk, "notices.add_notice")


def can_view_audit(user: User, council_id: int | None) -> bool:
    return has_council_perm(user, council_id, "notices.view_auditevent")


def can_preview_markdown(user: User) -> bool:
    """The Markdown preview renders whatever it is sent and reads nothing stored, so any staff
    member with a role may use it; nobody else may."""
    return has_staff_role(user)


def can_view_shared_block(user: User) -> bool:
    """Every block is public once published; staff with any role may read every draft."""
    return has_staff_role(user) and user.has_perm("notices.view_sharedblock")


def can_edit_shared_block(user: User, block=None) -> bool:
    """A block is identical in every notice of its nation, so only national admins of that
    nation change it. Without a block: whether the user may change some block."""
    return _may_touch_block(user, block, "notices.change_sharedblock")


def can_publish_shared_block(user: User, block=None) -> bool:
    return _may_touch_block(user, block, "notices.publish_sharedblock")


def _may_touch_block(user: User, block, perm: str) -> bool:
    nations = admin_nations(user)
    if not nations or not user.has_perm(perm):
        return False
    return block is None or block.nation in nations


def can_decide_library_proposals(user: User) -> bool:
    """The shared libraries are every council's, so only national admins add to them, from what
    imports propose."""
    return is_national_admin(user)


def council_id_of(obj: Model, council_lookup: str) -> int | None:
    """Follows `council_lookup` ("council", "notice__council", "pk") from an object to its
    council's id."""
    *path, last = council_lookup.split("__")
    for step in path:
        obj = getattr(obj, step, None)
        if obj is None:
            return None
    return obj.pk if last == "pk" else getattr(obj, f"{last}_id")


def forget(user: User) -> None:
    """Drops the per-request answers, after the user's roles or groups have changed."""
    user.__dict__.pop(_CACHE, None)


def _cached(user: AbstractBaseUser) -> dict:
    cache = user.__dict__.get(_CACHE)
    if cache is None:
        cache = {
            "group_names": set(user.groups.values_list("name", flat=True)),
            "roles": dict(
                CouncilMembership.objects.for_user(user).values_list("council_id", "role")
            ),
            "role_permissions": {},
        }
        user.__dict__[_CACHE] = cache
    return cache


def _role_permissions(user: AbstractBaseUser, role: str) -> frozenset[str]:
    """The permissions of the role's group, as "app_label.codename"."""
    by_role = _cached(user)["role_permissions"]
    if role not in by_role:
        by_role[role] = frozenset(_group_permission_names(ROLE_GROUPS[role]))
    return by_role[role]


def _group_permission_names(group_name: str) -> Iterable[str]:
    permissions = Group.objects.filter(name=group_name).values_list(
        "permissions__content_type__app_label", "permissions__codename"
    )
    return (f"{app_label}.{codename}" for app_label, codename in permissions if codename)
