"""The file an import is reviewed from, kept server side so that it is uploaded once: the review
screen reads it, and "Create draft" imports the same bytes.

Bounded and private: the form refuses a file over MAX_IMPORT_BYTES before it is kept; each person
has at most one kept file (a new upload replaces the last); it is found only by its uploader,
for the notice it was uploaded to, through an unguessable token; and it is gone once the draft
is made or after UPLOAD_LIFETIME, whichever comes first.
"""

import uuid
from datetime import timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from notices.importing.read_result import MAX_IMPORT_BYTES
from notices.models import ImportUpload, Notice

# Long enough to read a review and tick a box; short enough that files do not pile up.
UPLOAD_LIFETIME = timedelta(hours=1)


class UploadGone(Exception):
    """No kept file answers this token for this person and notice (never kept, someone else's,
    already imported, or expired); the message says what to do."""

    def __init__(self) -> None:
        super().__init__(
            "This uploaded file is no longer kept: it was imported already, or more than an hour "
            "has passed, or it was uploaded by someone else. Upload the file again."
        )


def keep_upload(
    *, user: AbstractBaseUser, notice: Notice, filename: str, data: bytes
) -> ImportUpload:
    """Keeps `data` for review, replacing the person's earlier kept file and dropping every
    expired one."""
    if len(data) > MAX_IMPORT_BYTES:  # the form refuses it first; this keeps the bound here too
        raise ValueError("The file is over the import's size limit.")
    with transaction.atomic():
        _expired().delete()
        ImportUpload.objects.for_user(user).delete()
        return ImportUpload.objects.create(
            uploaded_by=user, notice=notice, filename=filename[:255], data=bytes(data)
        )


def kept_upload(*, user: AbstractBaseUser, notice: Notice, token: str | uuid.UUID) -> ImportUpload:
    """The person's kept file for this notice, or UploadGone."""
    try:
        token = uuid.UUID(str(token))
    except ValueError:
        raise UploadGone from None
    upload = (
        ImportUpload.objects.for_user(user)
        .filter(notice=notice, token=token, uploaded_at__gte=timezone.now() - UPLOAD_LIFETIME)
        .first()
    )
    if upload is None:
        raise UploadGone
    return upload


def forget_upload(upload: ImportUpload) -> None:
    ImportUpload.objects.filter(pk=upload.pk).delete()


def _expired():
    return ImportUpload.objects.filter(uploaded_at__lt=timezone.now() - UPLOAD_LIFETIME)
