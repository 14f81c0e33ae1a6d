"""The PDF of a published version: made once, from the HTML stored with the version, and kept
with its SHA-256 so that every copy handed out can be checked against it. Never changed."""

from django.db import models

from notices.models.versions import NoticeVersion, WrittenOnce


class NoticeVersionPdf(WrittenOnce):
    version = models.OneToOneField(
        NoticeVersion, on_delete=models.PROTECT, primary_key=True, related_name="pdf"
    )
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    made_at = models.DateTimeField(auto_now_add=True)
    # WeasyPrint's version, so a later difference in output can be explained.
    made_with = models.CharField(max_length=100)

    class Meta:
        verbose_name = "PDF of a notice version"

    def __str__(self) -> str:
        return f"PDF of {self.version}"
