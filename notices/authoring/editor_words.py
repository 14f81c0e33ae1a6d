"""The notice editor's labels and help, written for a council's data protection officer rather
than a developer. The models keep their own (shorter) wording for the code and the database; the
admin puts these in front of staff. {field name: (label, help)}; None keeps the model's."""

PLAIN_WORDS: dict[str, tuple[str | None, str | None]] = {
    # Hidden: the Up and Down buttons set it.
    "position": ("Order", ""),
    "title": ("Title of the notice", "As the public sees it at the top of the page."),
    "introduction": (
        "Introduction",
        "The first thing people read: who you are and what this notice is about.",
    ),
    "young_people_summary": (
        "Summary for children and young people",
        "A short version in plain words a child could follow.",
    ),
    "last_reviewed": ("Last reviewed", "When someone last checked the whole notice was right."),
    "review_due": ("Next review due", "The staff home says when this date has passed."),
    "heading": ("Heading", "What the section is about, as the public sees it."),
    "anchor": (
        "Link name",
        "The end of the web address that links straight to this section. Made from the heading "
        "when left empty. Change it only if you must: links people already have stop working.",
    ),
    "ico_item": (
        "Which ICO checklist item this answers",
        "The checklist on this page counts this section towards that item.",
    ),
    "category": ("Data category", None),
    "detail": ("What you hold", "What exactly your council holds in this category."),
    "recipient": ("Shared with", None),
    "frequency": ("How often", None),
    "purpose": ("Why you share it", None),
    "record_type": ("Records", "The records this period applies to, as the public reads them."),
    "record_kind": ("Kind of record", None),
    "trigger": ("Counted from", None),
    "is_minimum": ("At least this long", None),
    "source": ("Where the period comes from", "The law or guidance that sets it."),
    "notes": ("Notes for the public", None),
}
