"""The site search's text for each published notice."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from notices.models.notice import Notice


class NoticeSearchText(models.Model):
    """The words of a notice's current published version, for the site search.

    Derived, never edited: publishing rewrites it (notices.publishing.search_index). On
    PostgreSQL `search_vector` holds the weighted full-text vector; on SQLite it stays empty and
    the search matches `text` instead.
    """

    notice = models.OneToOneField(
        Notice, on_delete=models.CASCADE, primary_key=True, related_name="search_text"
    )
    version_number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    text = models.TextField()
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "notice search text"

    def __str__(self) -> str:
        return f"Search text of {self.notice_id} version {self.version_number}"
