"""Forms for the staff pages: publishing, restoring, and editing a draft without losing edits."""

from django import forms
from django.core.exceptions import ValidationError

from notices.models import AuditEvent, Notice
from notices.models.reviews import REVIEW_TEXT_MAX_LENGTH
from notices.publishing.drafts import (
    DraftChangedError,
    DraftUnderReviewError,
    ensure_not_under_review,
    ensure_unchanged_since,
    lock_draft,
)
from notices.publishing.publish import CHANGE_NOTE_MAX_LENGTH


class OpenedRevisionField(forms.IntegerField):
    """The draft revision the person saw when they opened the page (a hidden field)."""

    widget = forms.HiddenInput
    problem = "This page did not come back as it was sent. Open it again, then try again."

    def __init__(self, **kwargs) -> None:
        super().__init__(min_value=0, **kwargs)
        for code in ("required", "invalid", "min_value", "max_value"):
            self.error_messages[code] = self.problem


# What a conflict message quotes of the other person's save; the audit log has the rest.
CHANGE_SUMMARY_MAX_LENGTH = 300


def what_they_changed(draft) -> str:
    """The last save's own record of what it changed, for telling the next person who saves
    over it: "They changed: Changed Body for section “Your rights”." (or nothing if unknown)."""
    saves = AuditEvent.objects.filter(
        action__in=[
            AuditEvent.Action.DRAFT_SAVED,
            AuditEvent.Action.DRAFT_CREATED,
            AuditEvent.Action.DRAFT_RESTORED,
        ]
    )
    if isinstance(draft, Notice):
        saves = saves.filter(notice=draft)
    else:
        saves = saves.filter(notice__isnull=True, object_repr=str(draft)[:300])
    summary = saves.values_list("summary", flat=True).first()
    if not summary:
        return ""
    if len(summary) > CHANGE_SUMMARY_MAX_LENGTH:
        summary = summary[: CHANGE_SUMMARY_MAX_LENGTH - 1].rstrip() + "…"
    return f" They changed: {summary}"


class DraftAdminForm(forms.ModelForm):
    """A draft's admin form that refuses to overwrite a save made since the form was opened.

    On a conflict the person's input stays on the form with a message naming who saved and when;
    the form then carries the new revision, so saving again replaces the other save on purpose.
    """

    opened_revision = OpenedRevisionField(required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["opened_revision"].required = True
            self.fields["opened_revision"].initial = self.instance.revision

    def clean(self) -> dict:
        cleaned_data = super().clean()
        if self.instance.pk and "opened_revision" in cleaned_data:
            try:
                # Locked until the admin's transaction ends, so no save can slip in between.
                current = lock_draft(type(self.instance), self.instance.pk)
                ensure_unchanged_since(current, cleaned_data["opened_revision"])
            except DraftChangedError as conflict:
                self.data = self.data.copy()
                self.data[self.add_prefix("opened_revision")] = conflict.current_revision
                raise ValidationError(
                    f"{conflict}{what_they_changed(current)} Your changes have not been saved, "
                    "and they are still on this form. Open the draft in another tab to see their "
                    "changes. If you save this form again, your version will replace theirs.",
                    code="draft_changed",
                ) from None
            try:
                ensure_not_under_review(current)
            except DraftUnderReviewError as locked:
                raise ValidationError(str(locked), code="under_review") from None
        return cleaned_data


class PublishForm(forms.Form):
    change_note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=CHANGE_NOTE_MAX_LENGTH,
        help_text="What changed, in plain words for the public: it appears in the notice's "
        "history and feed.",
    )
    change_kind = forms.TypedChoiceField(
        label="Kind of change",
        choices=[
            (
                "major",
                "Major: changes what is done with information, who it is shared with, how long "
                "it is kept, or people's rights",
            ),
            ("minor", "Minor: wording, spelling or links, with no change in meaning"),
        ],
        widget=forms.RadioSelect,
        coerce=lambda value: value == "major",
    )
    opened_revision = OpenedRevisionField()

    def __init__(self, *args, first_version: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if first_version:
            # The first version is always major; there is nothing to choose.
            del self.fields["change_kind"]

    @property
    def is_major(self) -> bool:
        return self.cleaned_data.get("change_kind", True)


class SubmitForReviewForm(forms.Form):
    message = forms.CharField(
        label="Message for the publisher",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=REVIEW_TEXT_MAX_LENGTH,
        help_text="What you changed and why, and anything you want them to check. The council's "
        "publishers get it by email.",
        error_messages={"required": "Write a message for the publisher: what changed and why."},
    )
    opened_revision = OpenedRevisionField()


class ReviewField(forms.IntegerField):
    """The review the publisher saw when they opened the page (a hidden field)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs) -> None:
        super().__init__(min_value=1, **kwargs)
        for code in ("required", "invalid", "min_value", "max_value"):
            self.error_messages[code] = OpenedRevisionField.problem


class ApproveReviewForm(PublishForm):
    review = ReviewField()
    opened_revision = None


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label="What should change",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=REVIEW_TEXT_MAX_LENGTH,
        help_text="The editor sees it on the draft and gets it by email.",
        error_messages={"required": "Write a comment saying what the editor should change."},
    )
    review = ReviewField()


class RestoreForm(forms.Form):
    opened_revision = OpenedRevisionField()


class ImportUploadForm(forms.Form):
    """The file to import. It is kept for the review screen, so it is chosen once."""

    file = forms.FileField(
        label="Notice file",
        help_text="A saved web page (.html), a Word document (.docx), a Markdown (.md) or plain "
        "text (.txt) file.",
        error_messages={
            "required": "Choose the file of the notice to import.",
            "empty": "The file is empty: choose the file of the notice itself.",
        },
    )

    def __init__(self, *args, max_bytes: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.max_bytes = max_bytes

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.max_bytes:
            raise ValidationError(
                f"This file is {upload.size / 1_048_576:.1f} MB; the limit is "
                f"{self.max_bytes // 1_048_576} MB. A notice is far smaller: check it is the right "
                "file."
            )
        return upload


class CreateDraftForm(forms.Form):
    """The review screen's confirmation: importing replaces the draft the person reviewed
    against, so they say so, and a save made since the review is not silently replaced."""

    replace_draft = forms.BooleanField(
        label="Replace the draft with what the file says",
        help_text="The draft's title, texts, sections, data categories, recipients, lawful bases "
        "and retention periods are replaced. Published versions and the council's contact "
        "details are not changed.",
        error_messages={
            "required": "Tick this box to replace the draft with what the file says, or go back "
            "to the draft without importing."
        },
    )
    opened_revision = OpenedRevisionField()
