"""Published versions of notices and of the shared block: numbered, dated, signed, and never
changed once saved."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from councils.models import Nation
from notices.models.notice import Notice
from notices.models.shared_block import SharedBlock
from notices.text.input_policy import single_line_text, staff_text


class ImmutableVersionError(Exception):
    """Raised on any attempt to change or delete a published version."""


class PublishedVersionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableVersionError("Published versions cannot be changed.")

    def delete(self):
        raise ImmutableVersionError("Published versions cannot be deleted.")

    def without_content(self) -> "PublishedVersionQuerySet":
        """For lists of versions: leaves out the large snapshot and HTML columns."""
        return self.defer(*self.model.CONTENT_FIELDS)


class WrittenOnce(models.Model):
    """A row that is inserted once and never changed or deleted through the ORM (the database's
    triggers refuse the other paths)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ImmutableVersionError(f"{self} is published and cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableVersionError(f"{self} is published and cannot be deleted.")


class PublishedVersion(WrittenOnce):
    """A publication: numbered, dated, signed, and never changed or deleted once saved.

    The ORM refuses here (save, delete, queryset update and delete); the database refuses too,
    with triggers added in the migrations, and foreign keys to a version's parent are PROTECT.
    """

    number = models.PositiveIntegerField()
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        # Staff who have published are deactivated, not deleted: the record of who published stays.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    change_note = models.TextField(max_length=2000, validators=[staff_text])
    is_major = models.BooleanField("major change")
    snapshot = models.JSONField(help_text="Everything the version says, as structured data.")
    content_hash = models.CharField(max_length=64)

    objects = PublishedVersionQuerySet.as_manager()

    CONTENT_FIELDS: tuple[str, ...] = ("snapshot",)

    class Meta:
        abstract = True
        ordering = ["number"]
        get_latest_by = "number"

    @property
    def change_kind(self) -> str:
        return "Major change" if self.is_major else "Minor change"


class SharedBlockVersionQuerySet(PublishedVersionQuerySet):
    def latest_for_kind(
        self, kind: str, nation: str = Nation.ENGLAND
    ) -> "SharedBlockVersion | None":
        return (
            self.filter(block__notice_kind=kind, block__nation=nation).order_by("-number").first()
        )

    def latest_for_notice(self, notice: Notice) -> "SharedBlockVersion | None":
        """The latest version of the block the notice's council's nation carries."""
        return self.latest_for_kind(notice.kind, notice.council.nation)


class SharedBlockVersion(PublishedVersion):
    block = models.ForeignKey(SharedBlock, on_delete=models.PROTECT, related_name="versions")

    objects = SharedBlockVersionQuerySet.as_manager()

    class Meta(PublishedVersion.Meta):
        verbose_name = "shared block version"
        constraints = [
            models.UniqueConstraint(
                fields=["block", "number"], name="shared_block_version_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"Shared block version {self.number}"


class NoticeVersionQuerySet(PublishedVersionQuerySet):
    def of_notice(self, notice: Notice) -> "NoticeVersionQuerySet":
        return self.filter(notice=notice)


class NoticeVersion(PublishedVersion):
    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="versions")
    title = models.CharField(max_length=200, validators=[single_line_text])
    shared_block_version = models.ForeignKey(
        SharedBlockVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notice_versions",
        help_text="The version of the shared national block this version embeds.",
    )
    is_shared_block_update = models.BooleanField(
        default=False,
        help_text="Made by publishing a new version of the shared block, not by the council.",
    )
    rendered_html = models.TextField(
        help_text="The notice as published, rendered once: public pages serve this."
    )

    objects = NoticeVersionQuerySet.as_manager()

    CONTENT_FIELDS = ("snapshot", "rendered_html")

    class Meta(PublishedVersion.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "number"], name="notice_version_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.notice} version {self.number}"

    def get_absolute_url(self) -> str:
        return reverse(
            "notices:version",
            kwargs={
                "council_slug": self.notice.council.slug,
                "kind": self.notice.kind,
                "number": self.number,
            },
        )
