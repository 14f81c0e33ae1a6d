"""Alerts: email to the public when a notice they follow has a major change, and to a council's
publishers when a shared block update changes their notice, sent by the task worker.

Subscribing with double opt-in and unsubscribing in one click (`subscribing`, `tokens`), how an
email is built (`emails`, with GOV.UK Notify as an alternative backend in `notify`) and what each
says (`messages`), queueing one delivery record per recipient and version once a publication
commits (`queueing`), and sending them, idempotently and with retries (`sending`); the review
workflow's emails to publishers and editors (`review_emails`). The public pages are `views` with
`forms` and `urls`; the national admins' list of emails that keep failing is `admin`.
docs/alerts.md describes it all.

May import `notices.models`, `notices.publishing` and `councils`; publishing knows nothing of it
(notices/apps.py connects `queueing` to publishing's `versions_published`).
"""
