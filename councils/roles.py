"""The staff roles, as Django groups, and what each may do.

A role's *permissions* are its group's; *where* it applies is a CouncilMembership row. A council
editor changes the draft of their council's notice; a publisher also publishes it, changes the
council's contact details (which the public sees at once) and reads the audit log. National
admins manage everything: councils, staff, the shared national blocks and the shared libraries.
A national admin of one nation (a member of that nation's group, NATION_ADMIN_GROUPS) holds the
same permissions, but changes and publishes only that nation's shared block.

The groups are brought into line with this module after every `migrate`, so a permission added
here reaches every member with the next deployment.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from councils.models import Nation, Role

EDITOR_GROUP = "Council editors"
PUBLISHER_GROUP = "Council publishers"
NATIONAL_ADMIN_GROUP = "National admins"
# National admins of one nation: the Welsh Government's text is changed by people who answer
# for it, never by an English national admin (councils.permissions.admin_nations).
NATION_ADMIN_GROUPS: dict[str, str] = {
    nation: f"National admins ({label})" for nation, label in Nation.choices
}
NATIONAL_GROUP_NAMES = frozenset([NATIONAL_ADMIN_GROUP, *NATION_ADMIN_GROUPS.values()])

ROLE_GROUPS: dict[str, str] = {Role.EDITOR: EDITOR_GROUP, Role.PUBLISHER: PUBLISHER_GROUP}

# The parts of a notice edited inline on its admin page.
_NOTICE_PARTS = [
    "section",
    "noticedatacategory",
    "noticerecipient",
    "lawfulbasis",
    "retentionperiod",
]

_READ = [
    "councils.view_council",
    "notices.view_notice",
    *(f"notices.view_{part}" for part in _NOTICE_PARTS),
    "notices.view_noticeversion",
    # Shared, national content: council staff read it and never change it.
    "notices.view_sharedblock",
    "notices.view_sharedblockpart",
    "notices.view_sharedblockversion",
    "notices.view_datacategory",
    "notices.view_recipient",
    "notices.view_recordkind",
]

_EDIT_DRAFT = [
    "notices.add_notice",
    "notices.change_notice",
    *(
        f"notices.{action}_{part}"
        for part in _NOTICE_PARTS
        for action in ("add", "change", "delete")
    ),
]

EDITOR_PERMISSIONS = [*_READ, *_EDIT_DRAFT]
PUBLISHER_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    "notices.publish_notice",
    "councils.change_council",
    "notices.view_auditevent",
]

# Every permission of these apps and models, except writing the append-only audit log.
NATIONAL_ADMIN_APPS = ["councils", "notices"]
NATIONAL_ADMIN_EXTRA = [
    "auth.view_user",
    "auth.add_user",
    "auth.change_user",
    "auth.view_group",
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
    "axes.view_accesslog",
    "axes.view_accessfailurelog",
]
NEVER_GRANTED = ["notices.add_auditevent", "notices.change_auditevent", "notices.delete_auditevent"]


def _permissions(names: list[str]) -> list[Permission]:
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query))


def _national_admin_permissions() -> list[Permission]:
    app_wide = Permission.objects.filter(content_type__app_label__in=NATIONAL_ADMIN_APPS)
    excluded = {permission.pk for permission in _permissions(NEVER_GRANTED)}
    return [p for p in app_wide if p.pk not in excluded] + _permissions(NATIONAL_ADMIN_EXTRA)


@transaction.atomic
def sync_role_groups() -> None:
    """Creates the groups and sets each one's permissions to exactly what this module says."""
    wanted = {
        EDITOR_GROUP: _permissions(EDITOR_PERMISSIONS),
        PUBLISHER_GROUP: _permissions(PUBLISHER_PERMISSIONS),
        NATIONAL_ADMIN_GROUP: _national_admin_permissions(),
    }
    for name in NATION_ADMIN_GROUPS.values():
        wanted[name] = wanted[NATIONAL_ADMIN_GROUP]
    for name, permissions in wanted.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)
