"""What a refused staff request says: why it was refused, and what to do instead.

Each message goes into the PermissionDenied the view raises; config.views.permission_denied
shows it on a 403 page in the admin's design. A refusal names the people to ask (the council's
publishers) because "Forbidden" leaves an editor with nowhere to go.
"""

from councils.models import CouncilMembership, Role
from notices.publishing.drafts import display_name

# More names than this is a list to read, not a person to ask.
NAMES_TO_ASK = 3

# What the admin says when Django's own checks refuse (a model page the person's role does not
# cover), since those carry no message of their own.
GENERAL_REFUSAL = (
    "Your role does not let you open this page. Go back to the staff home to see what you can "
    "do. If your work needs this page, ask a national admin of this site to change your role."
)


def publishers_to_ask(council) -> str:
    """'Priya Shah or Tom Reed', 'a publisher there' when it has none the person could ask."""
    names = [
        display_name(membership.user)
        for membership in CouncilMembership.objects.filter(
            council=council, role=Role.PUBLISHER, user__is_active=True
        ).select_related("user")[:NAMES_TO_ASK]
    ]
    if not names:
        return "a national admin of this site"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} or {names[-1]}"


def cannot_publish_notice(notice) -> str:
    return (
        f"Only a publisher of {notice.council} can publish its notice. Your changes are saved in "
        f"the draft: ask {publishers_to_ask(notice.council)} to check and publish it."
    )


def cannot_edit_draft(notice) -> str:
    return (
        f"Only an editor or publisher of {notice.council} can change its notice's draft. Ask a "
        "national admin of this site if your work needs it."
    )


def cannot_view_draft(notice) -> str:
    return (
        f"Only staff of {notice.council} can see its notice's draft. Ask a national admin of "
        "this site if your work needs it."
    )


CANNOT_PUBLISH_SHARED_BLOCK = (
    "Only a national admin can publish a shared national block, because it appears in every "
    "notice of its nation's councils. Ask a national admin of this site to publish it."
)


def cannot_touch_block(block) -> str:
    return (
        f"Only national admins for {block.get_nation_display()} can change or publish the "
        f"{block.body_name} block. Ask one of them, or a UK-wide national admin."
    )
