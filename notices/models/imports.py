"""What an import leaves behind besides the draft: the file kept between the admin's review screen
and "Create draft" (so it is uploaded once), and the library entries it proposes, which wait for
a national admin to accept or dismiss."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from notices.models.notice import Notice
from notices.text.input_policy import single_line_text, staff_text


class ImportUploadQuerySet(models.QuerySet):
    def for_user(self, user) -> "ImportUploadQuerySet":
        return self.filter(uploaded_by=user)


class ImportUpload(models.Model):
    """A file uploaded for import, kept only between its review and the draft it makes.

    Bounded by the import's size limit (the form refuses more), one per person (a new upload
    replaces the last), reachable only by its uploader through an unguessable token, and gone
    after IMPORT_UPLOAD_LIFETIME (notices.importing.uploads)."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    data = models.BinaryField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = ImportUploadQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.filename


class LibraryProposalQuerySet(models.QuerySet):
    def waiting(self) -> "LibraryProposalQuerySet":
        return self.filter(state=LibraryProposal.State.WAITING)


class LibraryProposal(models.Model):
    """A recipient, data category or kind of record that an imported notice names and the shared
    library does not have. Never added by the import itself: a national admin accepts it
    (creating the library entry) or dismisses it."""

    class Library(models.TextChoices):
        DATA_CATEGORY = "data-category", "Data category"
        RECIPIENT = "recipient", "Recipient"
        RECORD_KIND = "record-kind", "Kind of record"

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting"
        ACCEPTED = "accepted", "Accepted"
        DISMISSED = "dismissed", "Dismissed"

    library = models.CharField(max_length=20, choices=Library.choices)
    name = models.CharField(max_length=200, validators=[single_line_text])
    # The imported file's own words it was read from, so the decision can be checked.
    evidence = models.TextField(max_length=5000, blank=True, validators=[staff_text])
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="library_proposals")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.WAITING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = LibraryProposalQuerySet.as_manager()

    class Meta:
        ordering = ["proposed_at", "pk"]
        constraints = [
            # Importing the same file twice does not ask twice.
            models.UniqueConstraint(
                fields=["library", "name", "notice"],
                condition=Q(state="waiting"),
                name="one_waiting_proposal_per_name",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_library_display()}: {self.name}"
