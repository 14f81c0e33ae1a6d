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


class NoticeSearchSection(models.Model):
    """One headed part of a notice's current published version, as the search finds it: a
    council's section, a structured part (its table or its contacts), or a part of the shared
    national block the version embeds. A result links to `anchor` on the notice's page.

    Derived, never edited: publishing rewrites a notice's rows (notices.publishing.search_index).
    On PostgreSQL `search_vector` holds the weighted full-text vector; on SQLite a full-text
    table (FTS5, made by migration 0013) mirrors these rows through triggers.
    """

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="search_sections")
    version_number = models.PositiveIntegerField()
    # Page order: the first of a notice's equally good matches is the one nearer the top.
    position = models.PositiveSmallIntegerField()
    anchor = models.CharField(max_length=100)
    heading = models.CharField(max_length=300)
    # The ICO checklist item the part answers (notices.models.IcoItem), or "summary".
    topic = models.CharField(max_length=40)
    # The words naming the topic (notices.public.search_terms.TOPIC_WORDS): everyday words in a
    # query are matched to these, so "keep" finds a retention section that never says "keep".
    topic_words = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    # From the national block, the same in every notice: ranked below the council's own words.
    is_shared = models.BooleanField(default=False)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "notice search section"
        ordering = ["notice_id", "position"]
        indexes = [models.Index(fields=["notice", "position"], name="notices_search_section_pos")]

    def __str__(self) -> str:
        return f"{self.heading} (notice {self.notice_id} version {self.version_number})"
