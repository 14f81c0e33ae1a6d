"""The shared DfE / National Pupil Database block: its draft and the draft's parts."""

from django.db import models
from django.db.models import Q

from notices.models.parts import (
    MARKDOWN_HELP,
    EditableDraft,
    NoticeKind,
    OrderedMarkdownPart,
    markdown_length_validator,
)
from notices.text.input_policy import single_line_text, staff_text


class SharedBlockQuerySet(models.QuerySet):
    def for_kind(self, kind: str) -> "SharedBlock | None":
        return self.filter(notice_kind=kind).prefetch_related("parts").first()


class SharedBlock(EditableDraft):
    """The draft of the DfE / National Pupil Database text that every notice of a kind carries.

    Notices embed its published versions (SharedBlockVersion), never the draft itself.
    """

    notice_kind = models.CharField(
        max_length=50,
        choices=NoticeKind.choices,
        unique=True,
        default=NoticeKind.CHILDRENS_SOCIAL_CARE,
    )
    title = models.CharField(max_length=200, validators=[single_line_text])
    introduction = models.TextField(
        blank=True, help_text=MARKDOWN_HELP, validators=[markdown_length_validator, staff_text]
    )

    objects = SharedBlockQuerySet.as_manager()

    class Meta:
        verbose_name = "shared DfE/NPD block"
        permissions = [("publish_sharedblock", "Can publish the shared DfE/NPD block")]

    def __str__(self) -> str:
        return self.title


class SharedBlockPart(OrderedMarkdownPart):
    block = models.ForeignKey(SharedBlock, on_delete=models.CASCADE, related_name="parts")

    parent_field = "block"

    class Meta(OrderedMarkdownPart.Meta):
        verbose_name = "shared block part"
        constraints = [
            models.UniqueConstraint(
                fields=["block", "anchor"], name="shared_block_part_anchor_unique"
            ),
            models.CheckConstraint(condition=~Q(heading=""), name="shared_block_part_heading_set"),
        ]
