"""The council details form refuses to overwrite a save made since it was opened.

Every published version shows the council's contacts as they stood, and the council's page shows
them now: a stale form must not silently put back a phone number someone has just corrected.
As with drafts (notices.publishing.drafts), each save of the details bumps `details_revision`;
the form remembers the revision it was opened at, and a save against a moved-on revision is
refused, naming who saved and when, with the person's input left on the form.

The details have their own revision, not `public_revision`: that one also moves when a notice is
published, which changes nothing on this form.
"""

from django import forms
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format

from councils.models import DETAIL_FIELDS, Council

STALE_PAGE = "This page did not come back as it was sent. Open it again, then try again."


class CouncilDetailsForm(forms.ModelForm):
    opened_revision = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        # The largest revision the column holds (PostgreSQL's integer).
        max_value=2**31 - 1,
        required=False,
        error_messages={
            code: STALE_PAGE for code in ("required", "invalid", "min_value", "max_value")
        },
    )

    class Meta:
        model = Council
        # The admin narrows these to its fieldsets (identity fields read-only for council staff).
        # The nation is not a detail a version shows (see DETAIL_FIELDS), but it is the
        # council's, set here by national admins.
        fields = [*DETAIL_FIELDS, "nation"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "nation" in self.fields:
            # A form sent without it (an older page, a script) keeps the nation the council has.
            self.fields["nation"].required = False
        if self.instance.pk:
            self.fields["opened_revision"].required = True
            self.fields["opened_revision"].initial = self.instance.details_revision

    def clean_nation(self) -> str:
        return self.cleaned_data.get("nation") or self.instance.nation

    def clean(self) -> dict:
        cleaned_data = super().clean()
        opened = cleaned_data.get("opened_revision")
        if self.instance.pk and opened is not None:
            # Locked until the admin's transaction ends, so no save can slip in between.
            current = (
                Council.objects.select_for_update(of=("self",))
                .select_related("details_saved_by")
                .get(pk=self.instance.pk)
            )
            if current.details_revision != opened:
                self.data = self.data.copy()
                self.data[self.add_prefix("opened_revision")] = current.details_revision
                raise ValidationError(
                    f"{saved_by(current)} saved this council's details at "
                    f"{describe(current.details_saved_at)}, after you opened them. Your changes "
                    "have not been saved, and they are still on this form. Open the council in "
                    "another tab to see their changes. If you save this form again, your "
                    "version will replace theirs.",
                    code="details_changed",
                )
        return cleaned_data


def mark_details_saved(council: Council, user: AbstractBaseUser | None) -> None:
    """Records a save of the details on the instance; the caller saves it."""
    council.details_revision = council.details_revision + 1 if council.pk else 0
    council.details_saved_at = timezone.now()
    council.details_saved_by = user if user is not None and user.is_authenticated else None


def saved_by(council: Council) -> str:
    user = council.details_saved_by
    if user is None:
        return "Someone"
    return user.get_full_name().strip() or user.get_username()


def describe(moment) -> str:
    if moment is None:
        return "an earlier time"
    local = timezone.localtime(moment)
    return f"{date_format(local, 'H:i')} on {date_format(local, 'j F Y')}"
