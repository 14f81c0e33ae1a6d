"""A council's privacy notice and its structured parts, the shared libraries, and the shared block.

A notice is made of ordered Markdown sections plus structured rows (data categories, recipients,
lawful bases, retention periods) so that the site can reason about what a notice says rather than
just display it.
"""

from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from councils.models import Council
from notices.text.anchors import RESERVED_ANCHORS, anchor_from_heading, unique_anchor

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
    category, recipient, lawful basis and retention rows): see notices.completeness.
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
    heading = models.CharField(max_length=200)
    anchor = models.SlugField(
        max_length=80,
        blank=True,
        help_text="The part's link target (#anchor). Filled from the heading when left empty and "
        "never changed automatically afterwards, so links to it keep working.",
    )
    body = models.TextField(help_text=MARKDOWN_HELP, validators=[markdown_length_validator])

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

    def clean(self) -> None:
        super().clean()
        if not self.anchor and self.heading.strip():
            self.anchor = unique_anchor(
                anchor_from_heading(self.heading), taken=self.sibling_anchors()
            )
        if self.anchor in RESERVED_ANCHORS:
            raise ValidationError(
                {"anchor": f"'{self.anchor}' is used by the page itself; choose another anchor."}
            )


class EditableDraft(models.Model):
    """A draft that staff edit in the admin: each save bumps `revision`, so two people's saves
    cannot silently overwrite each other (see notices.drafts)."""

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
    title = models.CharField(max_length=200)
    introduction = models.TextField(
        blank=True, help_text=MARKDOWN_HELP, validators=[markdown_length_validator]
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


class DataCategory(models.Model):
    """A kind of personal data, from the shared library that every council picks from."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    is_special_category = models.BooleanField(
        "special category data",
        default=False,
        help_text="UK GDPR Article 9: health, ethnicity, religion, sexual orientation, "
        "biometric and genetic data and the like.",
    )
    is_criminal_offence = models.BooleanField(
        "criminal offence data",
        default=False,
        help_text="UK GDPR Article 10: allegations, offences and convictions.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "data categories"

    def __str__(self) -> str:
        return self.name


class Recipient(models.Model):
    """An organisation, or kind of organisation, that councils share data with."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", "Central government"
        LOCAL_GOVERNMENT = "local-government", "Local government"
        HEALTH = "health", "Health"
        POLICE = "police", "Police"
        EDUCATION = "education", "Education"
        JUSTICE = "justice", "Courts and justice"
        REGULATOR = "regulator", "Regulator or inspectorate"
        CARE_PROVIDER = "care-provider", "Care provider"
        VOLUNTARY = "voluntary", "Voluntary sector"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RecordKind(models.Model):
    """A kind of record councils keep (looked-after children's case records, adoption records),
    from the shared library, so that retention periods can be compared across councils."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class NoticeQuerySet(models.QuerySet):
    def for_council(self, council: Council) -> "NoticeQuerySet":
        return self.filter(council=council)

    def of_kind(self, kind: str) -> "NoticeQuerySet":
        return self.filter(kind=kind)

    def published(self) -> "NoticeQuerySet":
        """Notices with at least one published version: the only ones the public can see."""
        versions = NoticeVersion.objects.filter(notice=models.OuterRef("pk"))
        return self.filter(models.Exists(versions))

    def with_published_title(self) -> "NoticeQuerySet":
        """Adds `published_title`, the latest version's title: the draft's title is not public
        until it is published."""
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
    title = models.CharField(max_length=200)
    introduction = models.TextField(
        help_text="Who the notice is for and what it covers. " + MARKDOWN_HELP,
        validators=[markdown_length_validator],
    )
    young_people_summary = models.TextField(
        "summary for children and young people",
        validators=[markdown_length_validator],
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
        blank=True, max_length=5000, help_text="What exactly this council holds in this category."
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
    purpose = models.TextField("why the council shares", max_length=5000)
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
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
    provision = models.CharField(max_length=10, choices=Provision.choices)
    schedule_1_condition = models.CharField(
        "DPA 2018 Schedule 1 condition",
        max_length=300,
        blank=True,
        help_text="Required for Article 9(2)(b), (g), (h), (i), (j) and Article 10, e.g. "
        "'Part 2, paragraph 18: safeguarding of children and individuals at risk'.",
    )
    legislation = models.TextField(
        "legislation relied on",
        blank=True,
        max_length=5000,
        help_text="The Acts and regulations, one per line.",
    )
    explanation = models.TextField(
        blank=True, max_length=5000, help_text="What processing this basis covers."
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

    def clean(self) -> None:
        super().clean()
        if self.provision in self.NEEDS_SCHEDULE_1_CONDITION and not self.schedule_1_condition:
            raise ValidationError(
                {
                    "schedule_1_condition": "This provision needs a condition from Schedule 1 "
                    "of the Data Protection Act 2018; name it here."
                }
            )


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
    record_type = models.CharField(max_length=200)
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
        max_length=300, blank=True, help_text="The law or guidance that sets the period."
    )
    notes = models.TextField(blank=True, max_length=5000)
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


class PublishedVersion(models.Model):
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
    change_note = models.TextField(max_length=2000)
    is_major = models.BooleanField("major change")
    snapshot = models.JSONField(help_text="Everything the version says, as structured data.")
    content_hash = models.CharField(max_length=64)

    objects = PublishedVersionQuerySet.as_manager()

    CONTENT_FIELDS: tuple[str, ...] = ("snapshot",)

    class Meta:
        abstract = True
        ordering = ["number"]
        get_latest_by = "number"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ImmutableVersionError(f"{self} is published and cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableVersionError(f"{self} is published and cannot be deleted.")

    @property
    def change_kind(self) -> str:
        return "Major change" if self.is_major else "Minor change"


class SharedBlockVersionQuerySet(PublishedVersionQuerySet):
    def latest_for_kind(self, kind: str) -> "SharedBlockVersion | None":
        return self.filter(block__notice_kind=kind).order_by("-number").first()


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
    title = models.CharField(max_length=200)
    shared_block_version = models.ForeignKey(
        SharedBlockVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notice_versions",
        help_text="The version of the shared DfE/NPD block this version embeds.",
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


class AuditEventQuerySet(models.QuerySet):
    def for_council(self, council: Council) -> "AuditEventQuerySet":
        return self.filter(council=council)


class AuditEvent(models.Model):
    """One thing a person did to a council's notice or details, or to the shared block: written
    once by the service that did it (see notices.audit) and never changed."""

    class Action(models.TextChoices):
        DRAFT_CREATED = "draft-created", "Draft created"
        DRAFT_SAVED = "draft-saved", "Draft saved"
        DRAFT_RESTORED = "draft-restored", "Published version copied into the draft"
        NOTICE_PUBLISHED = "notice-published", "Notice published"
        BLOCK_PUBLISHED = "block-published", "Shared block published"
        BLOCK_EMBEDDED = "block-embedded", "Shared block update published in the notice"
        COUNCIL_CHANGED = "council-changed", "Council details changed"
        STAFF_CHANGED = "staff-changed", "Staff access changed"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as text too, so the record still names the person after their account is removed.
    actor_name = models.CharField("by", max_length=200)
    action = models.CharField(max_length=30, choices=Action.choices)
    # Null for national changes (the shared block); those are seen by national admins only.
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, null=True, blank=True, related_name="audit_events"
    )
    notice = models.ForeignKey(
        Notice, on_delete=models.SET_NULL, null=True, blank=True, related_name="audit_events"
    )
    object_repr = models.CharField("changed", max_length=300)
    summary = models.TextField("what changed", max_length=5000, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "audit event"
        indexes = [models.Index(fields=["council", "-at"], name="audit_event_council_at")]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.object_repr}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ImmutableVersionError("Audit events are written once and never changed.")
        super().save(*args, **kwargs)


class NoticeSearchText(models.Model):
    """The words of a notice's current published version, for the site search.

    Derived, never edited: publishing rewrites it (see notices.search). On PostgreSQL
    `search_vector` holds the weighted full-text vector; on SQLite it stays empty and the search
    matches `text` instead.
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
