"""Alerts: email to the public when a notice they follow has a major change, and to a council's
publishers when a shared block update changes their notice, sent by the task worker.

Subscribing with double opt-in and unsubscribing in one click (`subscribing`, `tokens`), the
emails themselves (`emails`, with GOV.UK Notify as an alternative backend in `notify`), queueing
one delivery record per recipient and version once a publication commits (`queueing`), and
sending them, idempotently and with retries (`sending`). The public pages are `views`; the
national admins' list of emails that keep failing is `admin`.

May import `notices.models`, `notices.publishing` and `councils`; publishing knows nothing of it
(notices/apps.py connects `queueing` to publishing's `versions_published`).
"""
