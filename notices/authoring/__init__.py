"""Authoring: the staff side, where council staff and national admins edit drafts and publish.

The Django admin's ModelAdmins (`admin`), its publish, preview, versions, restore and import pages
(`admin_views`), their forms (`forms`), the staff dashboard (`dashboard`) and the Markdown
editor's live preview (`markdown_preview`). They wire: the rules they apply live in publishing and
importing, and every "may this person" question goes to councils.permissions.

May import `notices.importing`, `notices.publishing`, `notices.models`, `notices.text` and
`councils`; nothing else in `notices` imports from here.
"""
