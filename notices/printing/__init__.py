"""Printing: the PDF of every published version (`pdf`), made once from the HTML stored with the
version when it is published (the app's `apps.py` connects it to publishing's
`versions_published`), or later by `manage.py make_version_pdfs` for older versions.

May import `notices.publishing`, `notices.models` and `notices.text`; nothing else in `notices`
imports from here.
"""
