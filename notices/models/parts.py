"""What notices and the shared block are built from: the Markdown limits, the kinds of notice,
the ICO checklist items a section can answer, a headed part of Markdown with a stable anchor, and
a draft that counts its saves."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from notices.text.anchors import RESERVED_ANCHORS, anchor_from_heading, unique_anchor
from notices.text.input_policy import single_line_text, staff_text

MARKDOWN_HELP = (
    "Markdown: **bold**, lists starting with - or 1., [link text](https://...), ## subheadings. "
    "The preview below shows it as the public will see it."
)

# Far longer than any real notice part; a bound keeps a pasted-in file from reaching the renderer.
MARKDOWN_MAX_LENGTH = 50_000
markdown_length_validator = MaxLengthValidator(MARKDOWN_MAX_LENGTH)


class NoticeKind(models.TextChoices):
    # The value is also the notice's path segment: /councils/<slug>/childrens-social-care/.
    CHILDRENS_SOCIAL_CARE = "childrens-social-care", "Children's social care"


class IcoItem(models.TextChoices):
    """The item of the ICO's right-to-be-informed checklist that a section answers.

    Some checklist items are answered by structured data instead (the council's contacts, the data
    category, recipient, lawful basis and retention rows): see notices.publishing.checklist.
    """

    PURPOSES = "purposes", "Purposes of processing"
    LAWFUL_BASIS = "lawful-basis", "Lawful basis"
    LEGITIMATE_INTERESTS = "legitimate-interests", "Legitimate interests"
    CATEGORIES = "categories", "Categories of personal data"
    SOURCES = "sources", "Sources of the data"
    RECIPIENTS = "recipients", "Recipients"
    RETENTION = "retention", "Retention"
    RIGHTS = "rights", "People's rights"
    WITHDRAWING_CONSENT = "withdrawing-consent", "Withdrawing consent"
    COMPLAINTS = "complaints", "Complaints and the ICO"
    CONTACT = "contact", "Contact details"
    STATUTORY_REQUIREMENT = "statutory-requirement", "Whether providing the data is required"
    AUTOMATED_DECISIONS = "automated-decisions", "Automated decision-making"
    TRANSFERS_ABROAD = "transfers-abroad", "Transfers abroad"
    OTHER = "other", "Other"


class OrderedMarkdownPart(models.Model):
    """A headed piece of Markdown with a stable anchor, kept in order within its parent."""

    position = models.PositiveSmallIntegerField(
        default=0, help_text="Parts are shown in ascending order."
    )
    heading = models.CharField(max_length=200, validators=[single_line_text])
    anchor = models.SlugField(
        max_length=80,
        blank=True,
        help_text="The part's link target (#anchor). Filled from the heading when left empty and "
        "never changed automatically afterwards, so links to it keep working.",
    )
    body = models.TextField(
        help_text=MARKDOWN_HELP, validators=[markdown_length_validator, staff_text]
    )

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.heading

    # The name of the foreign key to the part's parent (the notice, the shared block).
    parent_field: str

    def sibling_anchors(self) -> set[str]:
        """Anchors already taken by the other parts of the same parent."""
        parent_id = getattr(self, f"{self.parent_field}_id")
        if parent_id is None:
            return set()
        siblings = type(self).objects.filter(**{f"{self.parent_field}_id": parent_id})
        return set(siblings.exclude(pk=self.pk).values_list("anchor", flat=True))

    def page_anchors(self) -> set[str]:
        """Other element ids on the pages this part appears in, beyond the page's own."""
        return set()

    def clean(self) -> None:
        super().clean()
        page_anchors = self.page_anchors()
        if not self.anchor and self.heading.strip():
            self.anchor = unique_anchor(
                anchor_from_heading(self.heading), taken=self.sibling_anchors() | page_anchors
            )
        if self.anchor in RESERVED_ANCHORS:
            raise ValidationError(
                {"anchor": f"'{self.anchor}' is used by the page itself; choose another anchor."}
            )
        if self.anchor in page_anchors:
            raise ValidationError(
                {
                    "anchor": f"'{self.anchor}' is already used on the page by the Department "
                    "for Education section; choose another anchor."
                }
            )


class EditableDraft(models.Model):
    """A draft that staff edit in the admin: each save bumps `revision`, so two people's saves
    cannot silently overwrite each other (see notices.publishing.drafts)."""

    revision = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True
