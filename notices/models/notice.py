"""A council's privacy notice and its structured parts.

A notice is made of ordered Markdown sections plus structured rows (data categories, recipients,
lawful bases, retention periods) so that the site can reason about what a notice says rather than
just display it.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from councils.models import Council
from notices.models.libraries import DataCategory, Recipient, RecordKind
from notices.models.parts import (
    MARKDOWN_HELP,
    EditableDraft,
    IcoItem,
    NoticeKind,
    OrderedMarkdownPart,
    markdown_length_validator,
)
from notices.text.anchors import shared_part_ids
from notices.text.input_policy import single_line_text, staff_text


class NoticeQuerySet(models.QuerySet):
    def for_council(self, council: Council) -> "NoticeQuerySet":
        return self.filter(council=council)

    def of_kind(self, kind: str) -> "NoticeQuerySet":
        return self.filter(kind=kind)

    def in_nation(self, nation: str) -> "NoticeQuerySet":
        """Notices of that nation's councils. A subquery, not a join, so that a
        select_for_update() over it locks the notices and never their councils."""
        return self.filter(council__in=Council.objects.in_nation(nation).values("pk"))

    def published(self) -> "NoticeQuerySet":
        """Notices with at least one published version: the only ones the public can see."""
        from notices.models.versions import NoticeVersion

        versions = NoticeVersion.objects.filter(notice=models.OuterRef("pk"))
        return self.filter(models.Exists(versions))

    def with_published_title(self) -> "NoticeQuerySet":
        """Adds `published_title`, the latest version's title: the draft's title is not public
        until it is published."""
        from notices.models.versions import NoticeVersion

        latest = NoticeVersion.objects.filter(notice=models.OuterRef("pk")).order_by("-number")
        return self.annotate(published_title=models.Subquery(latest.values("title")[:1]))

    def with_publication_dates(self) -> "NoticeQuerySet":
        """Adds `latest_version_number` and `last_major_change_at` in the same query."""
        return self.annotate(
            latest_version_number=models.Max("versions__number"),
            last_major_change_at=models.Max(
                "versions__published_at", filter=Q(versions__is_major=True)
            ),
        )

    def with_contents(self) -> "NoticeQuerySet":
        """Everything the public notice page shows, in a fixed number of queries."""
        return self.select_related("council").prefetch_related(
            "sections",
            models.Prefetch(
                "data_categories", queryset=NoticeDataCategory.objects.select_related("category")
            ),
            models.Prefetch(
                "recipients", queryset=NoticeRecipient.objects.select_related("recipient")
            ),
            "lawful_bases",
            models.Prefetch(
                "retention_periods", queryset=RetentionPeriod.objects.select_related("record_kind")
            ),
        )


def default_review_due() -> date:
    """A year from today: notices are reviewed at least once a year."""
    return add_years(timezone.localdate(), 1)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


class Notice(EditableDraft):
    """The draft of one council's notice of one kind. Staff edit it in the admin; the public sees
    only its published versions (NoticeVersion)."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField(
        max_length=50, choices=NoticeKind.choices, default=NoticeKind.CHILDRENS_SOCIAL_CARE
    )
    title = models.CharField(max_length=200, validators=[single_line_text])
    # Blank is allowed so that an imported draft saves as it was made; publishing refuses a draft
    # without one (notices.publishing.to_complete).
    introduction = models.TextField(
        blank=True,
        help_text="Who the notice is for and what it covers. " + MARKDOWN_HELP,
        validators=[markdown_length_validator, staff_text],
    )
    young_people_summary = models.TextField(
        "summary for children and young people",
        blank=True,
        validators=[markdown_length_validator, staff_text],
        help_text="A short, plain-language version for the children and young people the notice "
        "is about: short sentences, everyday words. " + MARKDOWN_HELP,
    )
    last_reviewed = models.DateField(null=True, blank=True)
    review_due = models.DateField(
        default=default_review_due,
        help_text="When the council will next check the notice is still right. The public page "
        "shows it; the staff dashboard lists notices past it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["council__name", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["council", "kind"], name="one_notice_per_council_kind"),
        ]
        permissions = [("publish_notice", "Can publish notice")]

    def __str__(self) -> str:
        return f"{self.council} – {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse(
            "notices:detail", kwargs={"council_slug": self.council.slug, "kind": self.kind}
        )

    def clean(self) -> None:
        super().clean()
        if self.last_reviewed and self.review_due and self.review_due < self.last_reviewed:
            raise ValidationError(
                {"review_due": "The review due date cannot be before the last review."}
            )


class Section(OrderedMarkdownPart):
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="sections")
    ico_item = models.CharField(
        "ICO checklist item",
        max_length=30,
        choices=IcoItem.choices,
        help_text="The item of the ICO's right-to-be-informed checklist this section answers.",
    )

    parent_field = "notice"

    def page_anchors(self) -> set[str]:
        """The ids the shared block's parts take on this notice's page."""
        from notices.models.shared_block import SharedBlockPart

        notice = self.notice if self.notice_id else None
        if notice is None:
            return set()
        anchors = SharedBlockPart.objects.filter(block__notice_kind=notice.kind).values_list(
            "anchor", flat=True
        )
        return shared_part_ids(anchors)

    class Meta(OrderedMarkdownPart.Meta):
        constraints = [
            models.UniqueConstraint(fields=["notice", "anchor"], name="section_anchor_unique"),
            models.CheckConstraint(condition=~Q(heading=""), name="section_heading_set"),
        ]


class NoticeDataCategory(models.Model):
    """A library data category as one council uses it."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="data_categories")
    category = models.ForeignKey(DataCategory, on_delete=models.PROTECT, related_name="uses")
    detail = models.TextField(
        blank=True,
        max_length=5000,
        help_text="What exactly this council holds in this category.",
        validators=[staff_text],
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "data category"
        verbose_name_plural = "data categories"
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "category"], name="notice_data_category_unique"
            ),
        ]

    def __str__(self) -> str:
        return str(self.category)


class NoticeRecipient(models.Model):
    """A library recipient as one council shares with it."""

    class Frequency(models.TextChoices):
        ROUTINELY = "routinely", "Routinely"
        WHEN_NECESSARY = "when-necessary", "Only when necessary"

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="recipients")
    recipient = models.ForeignKey(Recipient, on_delete=models.PROTECT, related_name="uses")
    # Either may be left blank by an import that did not find it, rather than guessed; publishing
    # refuses a draft with either unset (notices.publishing.to_complete).
    purpose = models.TextField(
        "why the council shares", blank=True, max_length=5000, validators=[staff_text]
    )
    frequency = models.CharField(max_length=20, choices=Frequency.choices, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "recipient"
        constraints = [
            models.UniqueConstraint(fields=["notice", "recipient"], name="notice_recipient_unique"),
        ]

    def __str__(self) -> str:
        return str(self.recipient)


class LawfulBasis(models.Model):
    """A UK GDPR Article 6, 9 or 10 provision a council relies on, and the law behind it."""

    class Provision(models.TextChoices):
        # Values follow the W3C DPV's GDPR identifiers (eu-gdpr:A6-1-c ...).
        A6_1_A = "A6-1-a", "Article 6(1)(a): consent"
        A6_1_B = "A6-1-b", "Article 6(1)(b): contract"
        A6_1_C = "A6-1-c", "Article 6(1)(c): legal obligation"
        A6_1_D = "A6-1-d", "Article 6(1)(d): vital interests"
        A6_1_E = "A6-1-e", "Article 6(1)(e): public task"
        # Added by the Data (Use and Access) Act 2025. Neither it nor (f) is open to a council
        # for its tasks; they are listed so a notice that names one is refused with the reason
        # (notices.publishing.checklist), rather than not being recordable.
        A6_1_EA = "A6-1-ea", "Article 6(1)(ea): recognised legitimate interests"
        A6_1_F = "A6-1-f", "Article 6(1)(f): legitimate interests"
        A9_2_A = "A9-2-a", "Article 9(2)(a): explicit consent"
        A9_2_B = "A9-2-b", "Article 9(2)(b): employment, social security and social protection"
        A9_2_C = "A9-2-c", "Article 9(2)(c): vital interests"
        A9_2_F = "A9-2-f", "Article 9(2)(f): legal claims and courts"
        A9_2_G = "A9-2-g", "Article 9(2)(g): substantial public interest"
        A9_2_H = "A9-2-h", "Article 9(2)(h): health or social care"
        A9_2_I = "A9-2-i", "Article 9(2)(i): public health"
        A9_2_J = "A9-2-j", "Article 9(2)(j): archiving, research and statistics"
        A10 = "A10", "Article 10: criminal offence data"

    # DPA 2018 s.10 and s.11: these provisions only apply with a Schedule 1 condition.
    NEEDS_SCHEDULE_1_CONDITION = frozenset(
        {
            Provision.A9_2_B,
            Provision.A9_2_G,
            Provision.A9_2_H,
            Provision.A9_2_I,
            Provision.A9_2_J,
            Provision.A10,
        }
    )

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="lawful_bases")
    provision = models.CharField(
        max_length=10,
        choices=Provision.choices,
        help_text="A council's own tasks rest on Article 6(1)(e) or 6(1)(c): Article 6(1)(ea) "
        "and 6(1)(f) are not open to a public authority for its tasks, and a notice that names "
        "either cannot be published.",
    )
    schedule_1_condition = models.CharField(
        "DPA 2018 Schedule 1 condition",
        max_length=300,
        blank=True,
        help_text="Required for Article 9(2)(b), (g), (h), (i), (j) and Article 10, e.g. "
        "'Part 2, paragraph 18: safeguarding of children and individuals at risk'.",
        validators=[single_line_text],
    )
    legislation = models.TextField(
        "legislation relied on",
        blank=True,
        max_length=5000,
        help_text="The Acts and regulations, one per line.",
        validators=[staff_text],
    )
    explanation = models.TextField(
        blank=True,
        max_length=5000,
        help_text="What processing this basis covers.",
        validators=[staff_text],
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "lawful bases"

    def __str__(self) -> str:
        return self.get_provision_display()

    @property
    def article(self) -> str:
        """'6', '9' or '10'."""
        return self.provision.split("-")[0].removeprefix("A")

    # A missing Schedule 1 condition is not a form error: a draft may be unfinished (an import
    # cannot know the condition). Publishing refuses it (notices.publishing.to_complete).


class RetentionPeriod(models.Model):
    """How long one type of record is kept, as data: from which event, for how long, and why."""

    class Trigger(models.TextChoices):
        DATE_OF_BIRTH = "date-of-birth", "the child's date of birth"
        CASE_CLOSURE = "case-closure", "the case being closed"
        ADOPTION_ORDER = "adoption-order", "the adoption order"
        LEAVING_CARE = "leaving-care", "the young person leaving care"
        LAST_CONTACT = "last-contact", "the last contact"
        RECORD_CREATED = "record-created", "the record being created"
        DEATH = "death", "the person's death"

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="retention_periods")
    record_type = models.CharField(max_length=200, validators=[single_line_text])
    record_kind = models.ForeignKey(
        RecordKind,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uses",
        help_text="The shared kind of record this is, so the site can compare how long councils "
        "keep it. Leave empty when none fits.",
    )
    trigger = models.CharField("counted from", max_length=30, choices=Trigger.choices)
    years = models.PositiveSmallIntegerField(default=0)
    months = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(11)])
    is_minimum = models.BooleanField(
        "at least", default=False, help_text="Tick when the period is a minimum ('at least')."
    )
    source = models.CharField(
        max_length=300,
        blank=True,
        help_text="The law or guidance that sets the period.",
        validators=[single_line_text],
    )
    notes = models.TextField(blank=True, max_length=5000, validators=[staff_text])
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(years__gt=0) | Q(months__gt=0), name="retention_period_not_zero"
            ),
            models.CheckConstraint(condition=Q(months__lte=11), name="retention_months_below_12"),
        ]

    def __str__(self) -> str:
        return f"{self.record_type}: {self.duration_display}"

    @property
    def duration_display(self) -> str:
        parts = []
        if self.years:
            parts.append(f"{self.years} year{'s' if self.years != 1 else ''}")
        if self.months:
            parts.append(f"{self.months} month{'s' if self.months != 1 else ''}")
        duration = " and ".join(parts)
        return f"at least {duration}" if self.is_minimum else duration

    def clean(self) -> None:
        super().clean()
        if self.years == 0 and self.months == 0:
            raise ValidationError("Give a retention period longer than zero.")
