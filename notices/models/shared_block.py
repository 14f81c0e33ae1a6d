"""The shared national blocks: one per nation and kind of notice, the text about the
government that receives the councils' children's data (the Department for Education in
England, the Welsh Government, the Scottish Government): its draft and the draft's parts."""

from django.db import models
from django.db.models import Q

from councils.models import Nation
from notices.models.parts import (
    MARKDOWN_HELP,
    EditableDraft,
    NoticeKind,
    OrderedMarkdownPart,
    markdown_length_validator,
)
from notices.text.input_policy import single_line_text, staff_text


class SharedBlockQuerySet(models.QuerySet):
    def for_kind(self, kind: str, nation: str = Nation.ENGLAND) -> "SharedBlock | None":
        return self.filter(notice_kind=kind, nation=nation).prefetch_related("parts").first()

    def in_nations(self, nations) -> "SharedBlockQuerySet":
        return self.filter(nation__in=list(nations))


class SharedBlock(EditableDraft):
    """The draft of the national text that every notice of a kind, of one nation's councils,
    carries.

    Notices embed its published versions (SharedBlockVersion), never the draft itself.
    """

    nation = models.CharField(max_length=20, choices=Nation.choices, default=Nation.ENGLAND)
    notice_kind = models.CharField(
        max_length=50,
        choices=NoticeKind.choices,
        default=NoticeKind.CHILDRENS_SOCIAL_CARE,
    )
    body_name = models.CharField(
        "body",
        max_length=200,
        default="Department for Education",
        validators=[single_line_text],
        help_text="The government body this block is about, and the controller of the data it "
        "receives, e.g. 'Welsh Government'. Staff pages and change notes name it.",
    )
    title = models.CharField(max_length=200, validators=[single_line_text])
    introduction = models.TextField(
        blank=True, help_text=MARKDOWN_HELP, validators=[markdown_length_validator, staff_text]
    )
    references = models.TextField(
        blank=True,
        help_text="Where the block's facts come from: one source a line, as Markdown. Shown to "
        "national admins, not in notices.",
        validators=[markdown_length_validator, staff_text],
    )
    facts_checked_on = models.DateField(
        "facts last checked",
        null=True,
        blank=True,
        help_text="When someone last checked the block's facts against its references. National "
        "admins see a review as due a year later.",
    )

    objects = SharedBlockQuerySet.as_manager()

    class Meta:
        verbose_name = "shared national block"
        permissions = [("publish_sharedblock", "Can publish a shared national block")]
        constraints = [
            models.UniqueConstraint(
                fields=["nation", "notice_kind"], name="shared_block_one_per_nation_and_kind"
            ),
        ]

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
